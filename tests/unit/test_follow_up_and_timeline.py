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


def test_processes_without_months_are_described_but_not_in_the_wheel(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    markdown = realisation_markdown["realisering/opfoelgning.md"]
    unplaced = [p for p in strategy.processer if not p.maaneder]
    assert unplaced
    for process in unplaced:
        described = unescape(section(markdown, process.titel))
        assert "Måneder" not in described  # no "uden fast måned": the process simply has no month
        assert process.titel not in "".join(re.findall(r"<svg.*?</svg>", markdown, re.DOTALL))
    assert "uden fast måned" not in markdown.lower()


def test_no_months_at_all_leaves_the_wheel_out(realisation_model: model.Site) -> None:
    strategy = realisation_model.strategies[0]
    monthless = dataclasses.replace(
        strategy, processer=tuple(dataclasses.replace(p, maaneder=()) for p in strategy.processer)
    )
    markdown = realisation_pages(monthless, address_book(realisation_model), Relations(monthless))[
        "realisering/opfoelgning.md"
    ]
    assert "<svg" not in markdown
    assert "årshjul" not in markdown.lower()  # neither a heading nor a page title promising one
    assert "tomt" not in markdown and "endnu" not in markdown
    assert all(unescape(p.titel) in unescape(markdown) for p in strategy.processer)


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
    assert "- **1. september 2020** – Fraværssamtaler begynder" in dated  # the whole line: the words say it, no tag


def test_timeline_shows_the_status_of_every_indsats_and_aktivitet(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    rows = {r["Indsats eller aktivitet"]: r["Status"] for r in table(realisation_markdown["realisering/tidslinje.md"])}
    for indsats in strategy.indsatser:
        elements: list[model.Intervention | model.Activity] = [indsats, *indsats.aktiviteter]
        for element in elements:
            name = f"Indsats {element.nr}: {element.titel}" if element.nr else element.titel
            assert rows[name] == (element.status or "–")


def test_changes_are_listed_newest_first_or_said_in_one_sentence_to_be_none(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    rows = table(realisation_markdown["realisering/aendringer.md"])
    assert [r["Dato"] for r in rows] == ["2021-09-01", "2020-01-15"]
    assert rows[0]["Besluttet af"] == "Børne- og skoleudvalget"
    without_versions = dataclasses.replace(strategy, versioner=())
    empty = realisation_pages(without_versions, address_book(realisation_model), Relations(without_versions))
    assert "Der er ikke registreret ændringer i strategien." in empty["realisering/aendringer.md"]
