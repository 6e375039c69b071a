"""Hostile data that loads is shown inert on a real built site: nothing from the data can run or load.

One ``mkdocs build --strict`` of a project holding every inert file of the corpus (``support.hostile``),
with a front page that calls every macro on their elements. In the HTML, and in the search index, nothing
from the data may be active (no event handler, no ``javascript:``/``data:`` address, no script, style,
frame, image or form carrying a payload), and the texts each file declares must show literally.
``unit/test_hostile_data.py`` loads every file and renders every text field without MkDocs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.hostile import MARKER, Case, assert_inert, inert_cases
from support.html import HEADINGS, Page, normalise, read, read_file
from support.sites import html_files, search_index

pytestmark = pytest.mark.build

INERT_CASES = inert_cases()


@pytest.fixture(scope="module")
def built_pages(hostile_site: Path) -> dict[str, Page]:
    return {p.relative_to(hostile_site).as_posix(): read_file(p) for p in html_files(hostile_site)}


def test_no_page_has_active_content_from_the_data(built_pages: dict[str, Page]) -> None:
    assert len(built_pages) > len(INERT_CASES)
    for name, page in built_pages.items():
        assert_inert(page, name)


def test_navigation_titles_from_the_data_are_inert(built_pages: dict[str, Page]) -> None:
    found = {name: page.active_content(MARKER).nav_problems for name, page in built_pages.items()}
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_the_search_index_holds_no_active_content(hostile_site: Path) -> None:
    """Material shows search results as HTML: the indexed text must be as inert as the pages."""
    for doc in search_index(hostile_site):
        for key in ("title", "text"):
            assert_inert(read(doc[key]), f"search index {doc['location']} {key}")


@pytest.mark.parametrize("case", INERT_CASES, ids=[c.path.stem for c in INERT_CASES])
def test_declared_texts_show_literally_and_nothing_breaks_out(case: Case, built_pages: dict[str, Page]) -> None:
    strategy_id = next(
        line.split(": ", 1)[1]
        for line in case.path.read_text(encoding="utf-8-sig").splitlines()
        if line.startswith("id: ")
    )
    pages = {name: p for name, p in built_pages.items() if name.startswith(f"{strategy_id}/") or name == "index.html"}
    assert any(name.startswith(f"{strategy_id}/") for name in pages), "the strategy has no pages"
    for shown in case.shown:
        assert any(normalise(shown) in p.text for p in pages.values()), f"not shown literally: {shown}"
    for tag, text in case.absent:
        tags = HEADINGS if tag == "h" else (tag,)
        hits = [(name, e.tag) for name, p in pages.items() for e in p.root.iter(*tags) if e.text == text]
        assert hits == [], f"<{tag}> made from data: {text}"
    for absent_id in case.absent_ids:
        assert [name for name, p in pages.items() if absent_id in p.ids] == []
    for url in case.links:
        assert any(url in [a.get("href") for a in p.all("a")] for p in pages.values()), f"no link to {url}"


def test_no_payload_text_is_ever_evaluated(built_pages: dict[str, Page]) -> None:
    """Jinja that ran would leave its result, not its source: the site's config or Python's classes."""
    text = " ".join(p.text for p in built_pages.values())
    assert "<class 'object'>" not in text and "__subclasses__() }}" in text
    assert "'site_name':" not in text and "{{ config }}" in text
    assert MARKER in text
