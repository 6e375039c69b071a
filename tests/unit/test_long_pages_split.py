"""No page grows without bound with the strategy: long pages are split into parts that together hold all
of the page, small strategies keep every page whole.

The renderer tests lower the size limit (``splitting.PART_MAX``) so the small realisation fixture splits.
The 300-activity site (``large_site``) is checked in ``site/test_pages_stay_small.py``, and one of its
print parts is printed in ``browser/test_print_edition.py``.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros import model
from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.loading.validate import load_site
from macros.rendering import realisation, splitting
from macros.rendering.pages import PageSet, build_page_set
from support.sites import FIXTURE_PROJECT, REALISATION_PROJECT, ROOT

ANCHOR = re.compile(r"\{#([\w-]+)\}")
PART_LINE = re.compile(r"^- ((?:<span id=\"[\w-]+\"></span>)*)\[Del (\d+)\]\(([^)]+)\)", re.MULTILINE)
SMALL = 600  # a size limit that splits every long page of the fixture


@pytest.fixture
def site(realisation_model: model.Site) -> model.Site:
    """The realisation fixture: its print edition, matrix and timeline are long enough to split."""
    return realisation_model


def realisation_pages(site: model.Site, budget: int | None, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    if budget is not None:
        monkeypatch.setattr(splitting, "PART_MAX", budget)
    return realisation.realisation_pages(site.strategies[0], address_book(site), Relations(site.strategies[0]))


def build_page(site: model.Site) -> PageSet:
    """The page set of ``site``, without diagrams (what the renderers decide alone)."""
    return build_page_set(site, address_book(site))


def parts_of(found: dict[str, str], src: str) -> list[str]:
    stem = src.removesuffix(".md")
    return sorted((s for s in found if s.startswith(f"{stem}/del-")), key=lambda s: int(s.rsplit("-", 1)[1][:-3]))


@given(st.lists(st.integers(1, 100), max_size=40), st.integers(1, 300))
def test_pack_keeps_order_and_fills_each_part_up_to_the_budget(sizes: list[int], budget: int) -> None:
    runs = splitting.pack(sizes, budget)
    assert [n for run in runs for n in run] == list(range(len(sizes)))
    for run, after in zip(runs, [*runs[1:], None], strict=True):
        assert sum(sizes[n] for n in run) <= budget or len(run) == 1
        if after:  # a part ends only where the next piece would not fit
            assert sum(sizes[n] for n in run) + sizes[after[0]] > budget


@pytest.mark.parametrize(
    "data", [ROOT / "data", REALISATION_PROJECT / "data", FIXTURE_PROJECT / "data"], ids=lambda p: p.parent.name
)
def test_small_strategies_keep_every_page_whole(data: Path) -> None:
    generated = build_page(load_site(data)).pages
    assert not [src for src in generated if "/del-" in src or src.endswith("/sammenhaenge.md")]


@pytest.mark.parametrize("page", ["udskrift", "ansvar", "tidslinje"])
def test_a_long_page_is_split_into_parts_that_hold_all_of_it(
    page: str, site: model.Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = f"realisering/{page}.md"
    whole = realisation_pages(site, None, monkeypatch)[src]
    split = realisation_pages(site, SMALL, monkeypatch)
    parts = parts_of(split, src)
    assert len(parts) >= 2
    index = split[src]
    lines = PART_LINE.findall(index)
    assert [int(n) for _, n, _ in lines] == list(range(1, len(parts) + 1))
    # Every anchor of the whole page still exists on the page, and leads to the part that holds it.
    on_page = re.findall(r'<span id="([\w-]+)">', index) + ANCHOR.findall(index)
    assert len(on_page) == len(set(on_page))
    assert set(ANCHOR.findall(whole)) <= set(on_page)
    for spans, n, href in lines:
        assert href == f"{page}/del-{n}.md"
        for anchor in re.findall(r'id="([\w-]+)"', spans):
            assert f"{{#{anchor}}}" in split[parts[int(n) - 1]], (anchor, n)


def test_print_parts_hold_every_element_once_in_reading_order(
    site: model.Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = realisation_pages(site, None, monkeypatch)["realisering/udskrift.md"]
    split = realisation_pages(site, SMALL, monkeypatch)
    parts = [split[s] for s in parts_of(split, "realisering/udskrift.md")]
    anchors = [a for part in parts for a in ANCHOR.findall(part)]
    element_ids = [a for a in anchors if a in site.strategies[0].elements]
    assert len(element_ids) == len(set(element_ids))
    assert set(element_ids) == {e.id for e in site.strategies[0].elements.values() if not isinstance(e, model.Strategy)}
    assert element_ids == [a for a in ANCHOR.findall(whole) if a in site.strategies[0].elements]


def test_each_part_names_the_strategy_and_links_back_and_on(site: model.Site, monkeypatch: pytest.MonkeyPatch) -> None:
    split = realisation_pages(site, SMALL, monkeypatch)
    titel = site.strategies[0].titel
    for page in ("udskrift", "ansvar", "tidslinje"):
        parts = parts_of(split, f"realisering/{page}.md")
        titles = [re.search(r"^title: (.*)$", split[p], re.MULTILINE).group(1) for p in parts]  # type: ignore[union-attr]
        assert len(set(titles)) == len(titles) and all(titel in t for t in titles)
        for n, part in enumerate(parts, start=1):
            assert len(re.findall(r"^# ", split[part], re.MULTILINE)) == 1
            assert f"](../{page}.md)" in split[part]
            assert (f"](del-{n + 1}.md)" in split[part]) == (n < len(parts))
            assert (f"](del-{n - 1}.md)" in split[part]) == (n > 1)


def test_matrix_parts_together_have_every_row_of_the_whole_table(
    site: model.Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rows(markdown: str) -> list[str]:  # as read: link targets differ with the page's depth
        return [re.sub(r"\]\([^)]*\)", "]", line) for line in markdown.splitlines() if line.startswith("| [")]

    whole = realisation_pages(site, None, monkeypatch)["realisering/ansvar.md"]
    split = realisation_pages(site, SMALL, monkeypatch)
    assert [r for p in parts_of(split, "realisering/ansvar.md") for r in rows(split[p])] == rows(whole)


def test_role_sheet_keeps_prerequisites_and_moves_only_indsatser(
    site: model.Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = "realisering/roller/ledelse.md"
    strategy = site.strategies[0]  # with the school leaders responsible for every indsats
    strategy = dataclasses.replace(
        strategy,
        indsatser=tuple(
            dataclasses.replace(i, ansvarlige=tuple({*i.ansvarlige, model.ElementId("skoleledere")}))
            for i in strategy.indsatser
        ),
    )
    whole = realisation.realisation_pages(strategy, address_book(site), Relations(strategy))[src]
    monkeypatch.setattr(splitting, "PART_MAX", 100)
    split = realisation.realisation_pages(strategy, address_book(site), Relations(strategy))
    parts = parts_of(split, src)
    assert len(parts) == len(strategy.indsatser)
    assert "Lederen afsætter tid til fraværssamtaler" in split[src]
    assert "{#opfoelgning--ledelse}" in split[src]
    indsatser = whole.split("{#indsatser--roller}", 1)[1].split("\n## ", 1)[0]
    links = re.findall(r"^- \[([^\]]+)\]", indsatser, re.MULTILINE)
    assert len(links) == len(strategy.indsatser)
    assert [m for p in parts for m in re.findall(r"^- \[([^\]]+)\]", split[p], re.MULTILINE)] == links


def test_front_page_links_its_connections_when_they_make_it_too_long(monkeypatch: pytest.MonkeyPatch) -> None:
    site = load_site(ROOT / "data")
    strategy = next(s for s in site.strategies if s.forbindelser)
    monkeypatch.setattr(splitting, "PART_MAX", len(build_page(site).pages[f"{strategy.id}/index.md"]) - 1)
    generated = build_page(site).pages
    front, connections = generated[f"{strategy.id}/index.md"], generated[f"{strategy.id}/sammenhaenge.md"]
    assert "](sammenhaenge.md)" in front and f"{len(strategy.forbindelser)} sammenhænge" in front
    assert connections.count("\n- [") == len(strategy.forbindelser)
