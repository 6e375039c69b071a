"""Issue 8, must show 4 (second half): random valid strategies build into a site where every element is
reachable and every internal link resolves (hypothesis; settings at each test).

The fast property checks the generated Markdown of the page set for many strategies (no MkDocs); the slow
one builds a few of them with ``mkdocs build --strict`` and checks the built HTML like a browser would.
"""

from __future__ import annotations

import json
import posixpath
import re
import tempfile
from pathlib import Path
from typing import Any

from conftest import ROOT, make_project, mkdocs_build
from hypothesis import HealthCheck, given, settings
from sitecheck import broken_links
from test_properties import dump, strategy_documents

from macros.derived.addresses import address_book
from macros.rendering.pages import build_page_set
from macros.loading.validate import load_site

MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+\.md(?:#[^)\s]*)?)\)")
ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}")


def load(document: dict[str, Any], where: Path) -> Path:
    data = where / "data"
    data.mkdir()
    (data / "strategi.yaml").write_text(dump(document), encoding="utf-8")
    return data


def links_of(src: str, markdown: str) -> list[tuple[str, str]]:
    """(target source path, anchor) of every relative Markdown link on a generated page."""
    found = []
    for target in MARKDOWN_LINK.findall(markdown):
        path, _, anchor = target.partition("#")
        found.append((posixpath.normpath(posixpath.join(posixpath.dirname(src), path)), anchor))
    return found


@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(strategy_documents())
def test_every_generated_link_resolves_and_every_element_is_two_clicks_away(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = load_site(load(document, Path(folder)))
    book = address_book(site)
    page_set = build_page_set(site, book)
    pages = page_set.pages
    for src, markdown in pages.items():
        for target, anchor in links_of(src, markdown):
            assert target in pages, f"{src} links to {target}, which is no page"
            assert not anchor or anchor in ANCHOR.findall(pages[target]), f"{src}: no #{anchor} on {target}"
    (strategy,) = site.strategies
    overview = f"{strategy.id}/index.md"
    one_click = {t for t, _ in links_of(overview, pages[overview])}
    two_clicks = one_click | {t for page in one_click for t, _ in links_of(page, pages[page])}
    for element in strategy.elements.values():
        assert book.target(strategy.id, element.id).src in two_clicks | {overview}, element.id


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategy_documents())
def test_random_strategies_build_strictly_with_every_link_resolving(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        project = make_project(where / "p", load(document, where), ROOT / "tests" / "fixtures" / "site" / "docs")
        (project / "docs" / "index.md").write_text("# Forside\n\n{{ strategioversigt() }}\n", encoding="utf-8")
        result = mkdocs_build(project, where / "site")
        assert result.returncode == 0, result.stderr
        assert broken_links(where / "site") == []
        entries = json.loads((where / "site" / "links.json").read_text(encoding="utf-8"))["elementer"]
        for entry in entries:
            page = entry["url"].split("#")[0]
            assert (where / "site" / page / "index.html").exists() or (where / "site" / page).is_file(), entry
