"""Editors' notes on the sources (``redaktionelle_noter``) are published only where they belong.

Read from the session's built example site. A note such as "titlerne på målsætning 4–6 er ikke fundet og
er udeladt" is the editors' word about the sources, not the strategy's: it may stand only in the collapsed
"Om kilderne" section of its element's page and under "Om kilderne" in the print edition, never in the
strategy's text and never in the search index. The notes expected are read from the example's data, and
the two sentences the issue found published as strategy text are checked by their words as well.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.derived.addresses import address_book, page_url
from macros.loading.validate import load_site
from support.html import Element, read_file
from support.sites import ROOT, html_files, search_index
from support.sites import page as built

pytestmark = pytest.mark.build

# Found published as strategy text before the field existed (issue 16).
FOUND_IN_THE_TEXT = (
    "titlerne på målsætning 4–6 er ikke fundet og er udeladt",
    "Hypotesernes tekst findes kun i forandringsteoriens billede og pdf og er ikke gengivet her",
)


def note_sentences() -> list[str]:
    """Every sentence of every editors' note in the example's data, and the two the issue names."""
    notes = [e.redaktionelle_noter for s in load_site(ROOT / "data").strategies for e in s.elements.values()]
    sentences = [part.strip() for note in notes if note for part in re.split(r"(?<=\.)\s+", " ".join(note.split()))]
    return [*FOUND_IN_THE_TEXT, *(s.rstrip(".") for s in sentences if s)]


def without_notes(article: Element) -> str:
    """The article's text as a reader sees it, the "Om kilderne" sections taken out."""
    text = article.text
    for notes in article.all("details", class_="om-kilderne"):
        text = text.replace(notes.text, " ", 1)
    return text.lower()


def test_the_examples_notes_are_in_their_field() -> None:
    for data in sorted((ROOT / "data").glob("*.yaml")):
        assert "\nredaktionelle_noter:" in data.read_text(encoding="utf-8"), data.name
    assert len(note_sentences()) > len(FOUND_IN_THE_TEXT)


def test_no_page_shows_an_editors_note_as_strategy_text(example_site: Path) -> None:
    sentences = [s.lower() for s in note_sentences()]
    found = []
    for path in html_files(example_site):
        page = read_file(path)
        if "udskrift" in path.parts:  # the print edition: only under its heading "Om kilderne"
            sections = page.sections()
            text = " ".join(s.text for title, s in sections.items() if title != "Om kilderne").lower()
        else:
            text = without_notes(page.article)
        found += [f"{path.relative_to(example_site)}: {s!r}" for s in sentences if s in text]
    assert not found, "editors' notes published as strategy text:\n" + "\n".join(found)


def test_each_note_stands_collapsed_under_om_kilderne_on_its_elements_page(example_site: Path) -> None:
    site = load_site(ROOT / "data")
    book = address_book(site)
    noted = [(s, e) for s in site.strategies for e in s.elements.values() if e.redaktionelle_noter]
    assert noted
    for strategy, element in noted:
        url = book.url_of(strategy.id, element.id).partition("#")[0]
        notes = built(example_site, url).article.all("details", class_="om-kilderne")
        assert len(notes) == 1, url
        assert notes[0].first("summary").text == "Om kilderne"
        assert not notes[0].has("open")
        assert " ".join((element.redaktionelle_noter or "").split()) in notes[0].text, url


def test_the_print_edition_gathers_the_notes_under_om_kilderne(example_site: Path) -> None:
    for strategy in load_site(ROOT / "data").strategies:
        url = page_url(f"{strategy.id}/udskrift.md", use_directory_urls=True)
        sections = built(example_site, url).sections()
        assert "Om kilderne" in sections, url
        assert list(sections)[-1] == "Om kilderne"  # after the sources, at the very end
        for element in strategy.elements.values():
            if element.redaktionelle_noter:
                assert " ".join(element.redaktionelle_noter.split()) in sections["Om kilderne"].text


def test_the_search_never_finds_an_editors_note(example_site: Path) -> None:
    indexed = " ".join(entry["text"] + " " + entry["title"] for entry in search_index(example_site)).lower()
    for sentence in note_sentences():
        assert sentence.lower() not in indexed, sentence
