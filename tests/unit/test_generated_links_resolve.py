"""For any valid strategy, every link the renderers write resolves, and every element is two clicks away.

The generated Markdown of the page set is checked for many random strategies (hypothesis; no MkDocs):
each relative link names a generated page and, with an anchor, an anchor on it; every element's page is
reached from the strategy's overview in at most two clicks. ``site/test_links_never_break.py`` builds a
few random strategies with MkDocs and checks the HTML.
"""

from __future__ import annotations

import posixpath
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from macros.derived.addresses import address_book
from macros.loading.validate import load_site
from macros.rendering.pages import build_page_set
from support.random_strategies import dump, strategy_documents, write_data

MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+\.md(?:#[^)\s]*)?)\)")
ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}")


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
        site = load_site(write_data(Path(folder), dump(document)))
    book = address_book(site)
    pages = build_page_set(site, book).pages
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
