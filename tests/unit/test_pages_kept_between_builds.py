"""Under ``mkdocs serve`` a page is rendered again only when something it shows changed, and a kept page is
never stale.

``build_page_set`` with a ``PageMemo`` keeps each page (and each piece of a long page) from the last build
unless a value it read changed. Whatever an editor edits, in whatever order, the page set made that way must
be exactly the page set made from scratch: random edits of the example's and the fixtures' data (titles,
descriptions, statuses, numbers, removed lines) are applied one after another, each compared with a fresh
build. And an edit of one title must not render the whole site again.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from macros.derived.addresses import address_book, element_src
from macros.loading.problems import DataError
from macros.loading.validate import load_site
from macros.loading.yamlio import declared_id
from macros.rendering.memo import PageMemo
from macros.rendering.pages import SECTIONS, build_page_set, element_page_markdown
from support.diagrams import draw_diagrams

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FOLDERS = [ROOT / "data", FIXTURES / "format" / "data", FIXTURES / "site" / "data"]
EDITABLE = re.compile(r"^( *(?:- )?(titel|beskrivelse|status|nr|vision|formål|ansvar): )(.+)$", re.MULTILINE)
STATUSES = ["planlagt", "i gang", "afsluttet", "opgivet"]


def edited(text: str, rng: random.Random) -> str:
    """``text`` with one field's value changed, or one such line removed."""
    found = list(EDITABLE.finditer(text))
    match = rng.choice(found)
    head, field, value = match.group(1), match.group(2), match.group(3)
    if rng.random() < 0.15 and not head.lstrip().startswith("- "):
        new_line = ""  # remove the line (may make the data invalid: then that edit is skipped)
    elif field == "status":
        new_line = head + rng.choice(STATUSES)
    elif field == "nr":
        new_line = head + str(rng.randint(1, 30))
    elif value.startswith(("|", ">", '"', "'", "[", "{")):
        return text
    else:
        new_line = head + value + rng.choice([" ændret", " og mere", ""]) + f" {rng.randint(1, 99)}"
    return text[: match.start()] + new_line + text[match.end() :]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.parent.name)
def test_kept_pages_equal_a_fresh_build_after_every_edit(folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(folder, data, ignore=shutil.ignore_patterns("*.json"))
    files = sorted(data.glob("*.yaml"))
    rng = random.Random(f"{folder.parent.name}-17")  # noqa: S311 - reproducible edits, not secrets
    memo = PageMemo()
    compared = kept = 0
    for _ in range(40):
        path = rng.choice(files)
        before = path.read_text(encoding="utf-8")
        path.write_text(edited(before, rng), encoding="utf-8")
        try:
            site = load_site(data, "data")
        except DataError:
            path.write_text(before, encoding="utf-8")  # an edit the data format refuses: not a page set
            continue
        book = address_book(site, use_directory_urls=True)
        with_memo = build_page_set(site, book, memo=memo)
        fresh = build_page_set(site, book)
        assert with_memo.pages == fresh.pages
        assert with_memo.static == fresh.static and with_memo.nav == fresh.nav and with_memo.dates == fresh.dates
        compared += 1
        kept += memo.reused
    assert compared >= 20
    assert kept > 0  # the memo did keep pages: the comparison above is not of two fresh builds


def test_one_title_edit_renders_only_the_pages_that_show_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "data", data)
    memo = PageMemo()
    site = load_site(data, "data")
    first = build_page_set(site, address_book(site, use_directory_urls=True), memo=memo)
    rendered_first = memo.rendered
    path = data / "proeve.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Netværksmøder", "titel: Møder"), encoding="utf-8")
    site = load_site(data, "data")
    second = build_page_set(site, address_book(site, use_directory_urls=True), memo=memo)
    changed = {src for src in second.pages if second.pages[src] != first.pages[src]}
    assert "proeve/aktiviteter/netvaerksmoeder.md" in changed
    assert 0 < memo.rendered < rendered_first / 2, (memo.rendered, rendered_first)
    assert memo.reused > 0


def test_a_kept_piece_of_a_page_renders_its_page_again_when_the_piece_changes(tmp_path: Path) -> None:
    """The print edition is rendered again for a change to its introduction while its pieces are kept; a
    later change inside one of those kept pieces (a tema's description) must still reach the print edition."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "data", data)
    path = data / "proeve.yaml"
    memo = PageMemo()
    edits = [
        ("", ""),
        ("vision: Alle børn trives.", "vision: Alle børn trives godt."),
        ("beskrivelse: Vi opdager bekymringer tidligt.", "beskrivelse: Vi ser bekymringer i tide."),
    ]
    for old, new in edits:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        site = load_site(data, "data")
        book = address_book(site, use_directory_urls=True)
        pages = build_page_set(site, book, memo=memo)
        assert pages.pages == build_page_set(site, book).pages
    assert "Vi ser bekymringer i tide." in pages.pages["proeve/udskrift.md"]


@pytest.mark.parametrize("folder", [*FOLDERS, FIXTURES / "realisation" / "data"], ids=lambda f: f.parent.name)
def test_an_element_page_made_alone_is_the_page_the_page_set_makes(folder: Path, tmp_path: Path) -> None:
    """``mkdocs serve`` shows the page of the element an editor changed before the page set is made, with
    ``element_page_markdown``; it must be that page exactly, for every element page of every strategy
    (with its diagrams, and in a strategy's own language)."""
    site = load_site(folder)
    book = address_book(site, use_directory_urls=True)
    figures = draw_diagrams(site, book, tmp_path / "cache")
    page_set = build_page_set(site, book, figures)
    alone = {src: element_page_markdown(site, book, figures, src) for src in page_set.pages}
    made = {src: markdown for src, markdown in alone.items() if markdown is not None}
    element_pages = {
        element_src(strategy, element)
        for strategy in site.strategies
        for element in strategy.elements.values()
        if type(element) in SECTIONS
    }
    assert made.keys() == element_pages
    assert all(made[src] == page_set.pages[src] for src in made), [s for s in made if made[s] != page_set.pages[s]]


def test_the_one_diagram_an_edited_page_shows_is_drawn_alone_and_drawn_as_in_a_full_build(tmp_path: Path) -> None:
    """``mkdocs serve`` draws, for the page of an edited indsats, only that indsats' diagram (the overview
    it also changed can take Graphviz seconds): the figure must be the full build's, every diagram must
    still be listed, and what the serve keeps for the next rebuild must not change."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.json"))
    site = load_site(data)
    book = address_book(site, use_directory_urls=True)
    kept: dict[Any, Any] = {}
    before = draw_diagrams(site, book, tmp_path / "cache", kept=kept)
    strategy = next(s for s in site.strategies if s.indsatser)
    path = next(path for path in sorted(data.glob("*.yaml")) if declared_id(path) == strategy.id)
    indsats = strategy.indsatser[0]
    text = path.read_text("utf-8")
    path.write_text(text.replace(f"titel: {indsats.titel}\n", "titel: Et nyt navn til indsatsen\n", 1), "utf-8")
    edited = load_site(data)
    edited_book = address_book(edited, use_directory_urls=True)
    kept_before = dict(kept)
    name = f"indsats-{indsats.id}"
    alone = draw_diagrams(edited, edited_book, tmp_path / "cache", kept=kept, only={(strategy.id, name)})
    full = draw_diagrams(edited, edited_book, tmp_path / "cache2")
    assert kept == kept_before
    assert alone.names(strategy.id) == full.names(strategy.id)
    assert alone.figures[(strategy.id, name)] == full.figures[(strategy.id, name)]
    assert alone.figures[(strategy.id, name)] != before.figures[(strategy.id, name)]  # the edit shows in it
    assert "Et nyt navn til indsatsen" in alone.figures[(strategy.id, name)].svg
    changed = [key for key in full.figures if key not in alone.figures]
    assert changed, "the edit changed no other diagram: the test shows nothing"
