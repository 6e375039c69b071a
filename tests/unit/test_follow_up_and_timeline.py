"""When things happen: the årshjul of follow-up processes, the timeline, and the list of changes.

The realisation renderers on the realisation fixture (``tests/fixtures/realisation``), whose processes
have months and whose strategy has milestones and decisions; expectations come from its data.
"""

from __future__ import annotations

import dataclasses
import re

from macros import model
from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.derived.words import MONTHS
from macros.rendering.realisation import realisation_pages
from support.markdown import inline_svgs, section, table, unescape

SVG = "{http://www.w3.org/2000/svg}"


def test_aarshjul_svg_and_list_say_the_same(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    markdown = realisation_markdown["realisering/opfoelgning.md"]
    (wheel,) = inline_svgs(markdown)
    assert wheel.get("role") == "img" and wheel.find(f"{SVG}title") is not None
    months = {name: number for number, name in enumerate(MONTHS, 1)}
    titles: dict[str, str] = {p.id: p.titel for p in strategy.processer}
    in_svg = {
        (int(g.attrib["data-nummer"]), titles[g.attrib["data-proces"]], int(g.attrib["data-maaned"]))
        for g in wheel.iter(f"{SVG}g")
        if "data-proces" in g.attrib
    }
    in_list = set()
    for number, title, when in re.findall(r"^(\d+)\. \[(.+?)\]\(#[\w-]+\) – (.+)$", markdown, re.MULTILINE):
        for name in re.split(r", | og ", when):
            in_list.add((int(number), unescape(title), months[name]))
    expected = {(titles[p.id], m) for p in strategy.processer for m in p.maaneder}
    assert in_svg == in_list
    assert {(t, m) for _, t, m in in_svg} == expected


def test_processes_without_months_are_listed_as_uden_fast_maaned(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    markdown = realisation_markdown["realisering/opfoelgning.md"]
    unplaced = [p.titel for p in strategy.processer if not p.maaneder]
    assert unplaced
    listed = unescape(section(markdown, "Uden fast måned"))
    for title in unplaced:
        assert title in listed
        assert title not in "".join(re.findall(r"<svg.*?</svg>", markdown, re.DOTALL))


def test_no_months_at_all_says_the_wheel_is_empty(realisation_model: model.Site) -> None:
    strategy = realisation_model.strategies[0]
    monthless = dataclasses.replace(
        strategy, processer=tuple(dataclasses.replace(p, maaneder=()) for p in strategy.processer)
    )
    markdown = realisation_pages(monthless, address_book(realisation_model), Relations(monthless))[
        "realisering/opfoelgning.md"
    ]
    assert "<svg" not in markdown
    assert "Ingen af processerne har en fast måned endnu" in markdown


def test_timeline_lists_period_milestones_and_decisions_in_date_order(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    markdown = unescape(realisation_markdown["realisering/tidslinje.md"])
    dated = [line for line in markdown.splitlines() if line.startswith("- **")]
    for milestone in strategy.milepaele:
        assert any(milestone.titel in line for line in dated)
    for version in strategy.versioner:
        assert any(version.aendring in line for line in dated)
    assert dated[0].startswith("- **2020** – Strategiperioden begynder")
    assert dated[-1].startswith("- **juni 2023** – Strategiperioden slutter")
    assert "- **1. september 2020** – Fraværssamtaler begynder (start)" in dated


def test_timeline_shows_the_status_of_every_indsats_and_aktivitet(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    rows = {r["Indsats eller aktivitet"]: r["Status"] for r in table(realisation_markdown["realisering/tidslinje.md"])}
    for indsats in strategy.indsatser:
        elements: list[model.Intervention | model.Activity] = [indsats, *indsats.aktiviteter]
        for element in elements:
            name = f"Indsats {element.nr}: {element.titel}" if element.nr else element.titel
            assert rows[name] == (element.status or "ikke angivet")


def test_changes_are_listed_newest_first_or_said_to_be_none(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    rows = table(realisation_markdown["realisering/aendringer.md"])
    assert [r["Dato"] for r in rows] == ["2021-09-01", "2020-01-15"]
    assert rows[0]["Besluttet af"] == "Børne- og skoleudvalget"
    without_versions = dataclasses.replace(strategy, versioner=())
    empty = realisation_pages(without_versions, address_book(realisation_model), Relations(without_versions))
    assert "Der er endnu ikke registreret ændringer" in empty["realisering/aendringer.md"]
