"""Issue 8: the corpus files that load are shown inert – through ``macros.text`` and in a real built site.

Two layers, both asserting on HTML: every text field of every inert file rendered with ``inline``/``block``
and Python-Markdown configured as the site is; and one ``mkdocs build --strict`` of a project holding all
inert files, with a front page that calls every macro on their elements. In the HTML nothing from the
data may be active (no event handler, no ``javascript:``/``data:`` address, no script, style, frame,
image or form carrying a payload), and the declared texts must show literally.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import ROOT, make_project, mkdocs_build
from test_hostile_corpus import (
    INERT,
    MARKER,
    Case,
    HtmlFacts,
    committed_cases,
    html_facts,
    normalise,
)

from macros import model
from macros.loading.convert import field_types, unwrap_optional
from macros.text import block, inline
from macros.loading.validate import load_site, walk

INERT_CASES = [case for case in committed_cases() if case.outcome == INERT]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, skipping its ``!!python/…`` values (only the extension names are wanted)."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions the site's mkdocs.yml enables (their options as written)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        options[name] = {k: v for k, v in (settings or {}).items() if v is not None}
    return markdown.Markdown(extensions=names, extension_configs=options)


def assert_inert(facts: HtmlFacts, where: str) -> None:
    assert facts.handlers == [], f"{where}: event handler from data"
    assert facts.script_urls == [], f"{where}: script address from data"
    assert facts.active_with_marker == [], f"{where}: active element carrying data"


def text_values(site: model.Site) -> list[tuple[str, str, bool]]:
    """(where, value, is Markdown) for every free-text value in ``site``."""
    found = []
    for strategy in site.strategies:
        for path, record in walk(strategy, ""):
            for f in dataclasses.fields(record):
                value = getattr(record, f.name)
                tp, _ = unwrap_optional(field_types(type(record))[f.name])
                if isinstance(value, str) and tp in (str, model.Text):
                    found.append((f"{strategy.id}:{path}.{f.metadata['key']}", value, tp is model.Text))
    return found


@pytest.mark.parametrize("case", INERT_CASES, ids=[c.path.stem for c in INERT_CASES])
def test_every_text_field_renders_inert_through_the_text_module(case: Case, tmp_path: Path) -> None:
    shutil.copy(case.path, tmp_path)
    md = site_markdown()
    rendered_text = []
    for where, value, is_markdown in text_values(load_site(tmp_path)):
        facts = html_facts(md.reset().convert(block(value) if is_markdown else "Tekst: " + inline(value)))
        assert_inert(facts, where)
        if not is_markdown:  # plain text shows exactly as typed, nothing more, nothing less
            assert facts.text == normalise("Tekst: " + value), where
        rendered_text.append(facts.text)
    for shown in case.shown:
        assert any(normalise(shown) in text for text in rendered_text), f"not shown literally: {shown}"


# --- one real build of every inert file -----------------------------------------------------------


def front_page(site: model.Site) -> str:
    """A hand-written page calling every macro on the hostile data (macro output is never a template)."""
    calls = ["# Fjendtlige data", "", "{{ strategioversigt() }}", ""]
    for strategy in site.strategies:
        calls += [f'{{{{ element("{strategy.id}/{strategy.id}") }}}}', ""]
        calls += [f'{{{{ link("{strategy.id}/{e}") }}}}' for e in strategy.elements] + [""]
        if strategy.maal:
            calls += [f'{{{{ maaltabel("{strategy.id}") }}}}', ""]
        for indsats in strategy.indsatser:
            calls += [
                f'{{{{ element("{strategy.id}/{indsats.id}") }}}}',
                "",
                f'{{{{ aktiviteter("{strategy.id}/{indsats.id}") }}}}',
                "",
            ]
    return "\n".join(calls) + "\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("hostile-build")
    data, docs = where / "data", where / "docs"
    data.mkdir()
    docs.mkdir()
    for case in INERT_CASES:
        shutil.copy(case.path, data)
    (docs / "index.md").write_text(front_page(load_site(data)), encoding="utf-8")
    project = make_project(where / "project", data, docs)
    result = mkdocs_build(project, where / "site")
    assert result.returncode == 0, f"the inert corpus does not build:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return where / "site"


def page_facts(site: Path) -> dict[str, HtmlFacts]:
    return {p.relative_to(site).as_posix(): html_facts(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def built_pages(hostile_site: Path) -> dict[str, HtmlFacts]:
    return page_facts(hostile_site)


pytestmark = pytest.mark.build


def test_no_page_has_active_content_from_the_data(built_pages: dict[str, HtmlFacts]) -> None:
    assert len(built_pages) > len(INERT_CASES)
    for page, facts in built_pages.items():
        assert_inert(facts, page)


def test_navigation_titles_from_the_data_are_inert(built_pages: dict[str, HtmlFacts]) -> None:
    problems = {page: facts.nav_problems for page, facts in built_pages.items() if facts.nav_problems}
    assert problems == {}


def test_the_search_index_holds_no_active_content(hostile_site: Path) -> None:
    """Material shows search results as HTML: the indexed text must be as inert as the pages."""
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            assert_inert(html_facts(doc[key]), f"search index {doc['location']} {key}")


@pytest.mark.parametrize("case", INERT_CASES, ids=[c.path.stem for c in INERT_CASES])
def test_declared_texts_show_literally_and_nothing_breaks_out(
    case: Case, hostile_site: Path, built_pages: dict[str, HtmlFacts]
) -> None:
    strategy_id = next(
        line.split(": ", 1)[1]
        for line in case.path.read_text(encoding="utf-8-sig").splitlines()
        if line.startswith("id: ")
    )
    pages = {p: f for p, f in built_pages.items() if p.startswith(f"{strategy_id}/") or p == "index.html"}
    assert any(p.startswith(f"{strategy_id}/") for p in pages), "the strategy has no pages"
    for shown in case.shown:
        assert any(normalise(shown) in f.text for f in pages.values()), f"not shown literally: {shown}"
    for tag, text in case.absent:
        hits = [
            (p, t)
            for p, f in pages.items()
            for t, own in f.elements
            if own == text and (t == tag or (tag == "h" and t in {"h1", "h2", "h3", "h4", "h5", "h6"}))
        ]
        assert hits == [], f"<{tag}> made from data: {text}"
    for absent_id in case.absent_ids:
        assert [p for p, f in pages.items() if absent_id in f.ids] == []
    for url in case.links:
        assert any(url in f.hrefs for f in pages.values()), f"no link to {url}"


def test_no_payload_text_is_ever_evaluated(built_pages: dict[str, HtmlFacts]) -> None:
    """Jinja that ran would leave its result, not its source: the site's config or Python's classes."""
    text = " ".join(f.text for f in built_pages.values())
    assert "<class 'object'>" not in text and "__subclasses__() }}" in text
    assert "'site_name':" not in text and "{{ config }}" in text
    assert MARKER in text
