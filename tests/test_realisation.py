"""Issue 5: the realisation renderers on a small fixture strategy, without a build.

Expectations come from the fixture data (``tests/fixtures/realisation/data``), read through the product's
loader: who has which role, which prerequisites a level has, which process runs in which month.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from macros import model
from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.derived.timeline import last_changed
from macros.derived.words import heading
from macros.rendering.context import Context
from macros.rendering.indicators import indicator_markdown
from macros.rendering.realisation import realisation_nav, realisation_pages
from macros.loading.validate import load_site

FIXTURE = Path(__file__).parent / "fixtures" / "realisation" / "data"
SVG = "{http://www.w3.org/2000/svg}"
CELL_SPLIT = re.compile(r"(?<!\\)\|")


@pytest.fixture(scope="module")
def site() -> model.Site:
    return load_site(FIXTURE)


@pytest.fixture(scope="module")
def strategy(site: model.Site) -> model.Strategy:
    return site.strategies[0]


@pytest.fixture(scope="module")
def pages(site: model.Site, strategy: model.Strategy) -> dict[str, str]:
    return realisation_pages(strategy, address_book(site), Relations(strategy))


def unescape(markdown: str) -> str:
    """Markdown text as a reader sees it: links reduced to their text, backslash escapes removed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"\\(.)", r"\1", text)


def table(markdown: str) -> list[dict[str, str]]:
    """The first Markdown table in ``markdown`` as rows of {header: cell text}."""
    lines = [line for line in markdown.splitlines() if line.startswith("|")]
    cells = [[unescape(c).strip() for c in CELL_SPLIT.split(line.strip())[1:-1]] for line in lines]
    end = next(
        (i for i in range(2, len(lines)) if not lines[i - 1].startswith("|") or cells[i][0].startswith("---")),
        len(cells),
    )
    header = cells[0]
    return [dict(zip(header, row)) for row in cells[2:end]]


def section(markdown: str, heading: str) -> str:
    """The Markdown under the heading that starts with ``heading`` up to the next heading of any level."""
    match = re.search(rf"^#+ {re.escape(heading)}.*?$(.*?)(?=^#|\Z)", markdown, re.MULTILINE | re.DOTALL)
    assert match, f"no heading '{heading}'"
    return match.group(1)


def svgs(markdown: str) -> list[ElementTree.Element]:
    return [ElementTree.fromstring(m) for m in re.findall(r"<svg.*?</svg>", markdown, re.DOTALL)]


# --- indicator block ----------------------------------------------------------------------------


def block(site: model.Site, strategy: model.Strategy, indicator_id: str, src: str = "maal/side.md") -> str:
    indicator = strategy.elements[indicator_id]
    assert isinstance(indicator, model.Indicator)
    return indicator_markdown(Context(strategy, Relations(strategy), address_book(site), src), indicator)


def test_indicator_table_shows_baseline_targets_measurements_and_progress(
    site: model.Site, strategy: model.Strategy
) -> None:
    rows = {r["Periode"]: r for r in table(block(site, strategy, "fravaer"))}
    assert rows["2018/19 (udgangspunkt)"]["Målt"] == "6,1 %"
    assert (rows["2020"]["Mål"], rows["2020"]["Målt"], rows["2020"]["Fremdrift mod mål"]) == ("5,5 %", "5,8 %", "50 %")
    assert (rows["2021"]["Målt"], rows["2021"]["Fremdrift mod mål"]) == ("ikke målt", "–")
    assert rows["2022"]["Fremdrift mod mål"] == "100 %"  # 4,2 is past the target 4,5: clamped
    assert rows["2022"]["Note"] == "Nyt registreringssystem."


def test_a_period_without_target_reads_intet_maal_sat(site: model.Site, strategy: model.Strategy) -> None:
    rows = {r["Periode"]: r for r in table(block(site, strategy, "trivsel"))}
    assert (rows["2020"]["Mål"], rows["2020"]["Målt"], rows["2020"]["Fremdrift mod mål"]) == (
        "intet mål sat",
        "82 %",
        "–",
    )


def test_an_indicator_with_only_a_baseline_says_no_target_and_draws_no_chart(
    site: model.Site, strategy: model.Strategy
) -> None:
    goal = strategy.maal[0]
    bare = dataclasses.replace(goal.indikatorer[0], perioder=())
    changed = dataclasses.replace(strategy, maal=(dataclasses.replace(goal, indikatorer=(bare,)),))
    markdown = indicator_markdown(Context(changed, Relations(changed), address_book(site), "x/side.md"), bare)
    assert "Mål\n:   intet mål sat" in markdown
    assert "<svg" not in markdown
    assert [r["Målt"] for r in table(markdown)] == ["6,1 %"]


def test_indicator_chart_is_an_accessible_image_with_the_tables_numbers(
    site: model.Site, strategy: model.Strategy
) -> None:
    markdown = block(site, strategy, "fravaer")
    (chart,) = svgs(markdown)
    assert chart.get("role") == "img"
    ids = {e.get("id") for e in chart.iter() if e.get("id")}
    title_id, desc_id = chart.get("aria-labelledby", "").split()
    assert {title_id, desc_id} <= ids
    desc = chart.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    for row in table(markdown):
        if row["Målt"] != "ikke målt":
            assert row["Målt"] in desc.text
    assert "2021: mål 5 %, ikke målt." in desc.text
    drawn = {t.text for t in chart.iter(f"{SVG}text")}
    assert {"5,8 %", "4,2 %", "ikke målt"} <= drawn


def test_two_charts_on_one_page_have_different_ids(site: model.Site, strategy: model.Strategy) -> None:
    first, second = (svgs(block(site, strategy, i))[0] for i in ("fravaer", "trivsel"))
    ids_first = {e.get("id") for e in first.iter() if e.get("id")}
    ids_second = {e.get("id") for e in second.iter() if e.get("id")}
    assert ids_first and ids_second and not ids_first & ids_second


# --- responsibility matrix ----------------------------------------------------------------------


def test_matrix_places_each_actor_in_its_rows_level_column(pages: dict[str, str]) -> None:
    rows = {r["Målsætning eller indsats"]: r for r in table(pages["realisering/ansvar.md"])}
    assert list(next(iter(rows.values()))) == [
        "Målsætning eller indsats",
        "Politisk niveau",
        "Forvaltning",
        "Ledelse",
        "Medarbejdere",
    ]
    assert rows["Hele strategien"]["Politisk niveau"] == "Børne- og skoleudvalget"
    objective = rows["Målsætning 1: Alle møder i skole"]
    assert (objective["Forvaltning"], objective["Ledelse"], objective["Medarbejdere"]) == (
        "Styregruppen for fremmøde",
        "Skolelederne",
        "Lærerne",
    )
    assert rows["Målsætning 2: Godt tværfagligt samarbejde"]["Forvaltning"] == "–"
    # Named responsible for the indsats (skoleledere) and for one of its activities (lærere).
    assert (
        rows["Indsats 1: Tidlig reaktion på fravær"]["Ledelse"],
        rows["Indsats 1: Tidlig reaktion på fravær"]["Medarbejdere"],
    ) == ("Skolelederne", "Lærerne")


def chapter(markdown: str, heading: str) -> str:
    """The Markdown under the level-2 heading ``heading`` up to the next level-2 heading."""
    match = re.search(rf"^## {re.escape(heading)} .*?$(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    assert match, f"no heading '{heading}'"
    return match.group(1)


def test_matrix_spells_out_each_role_under_its_row(pages: dict[str, str], strategy: model.Strategy) -> None:
    markdown = pages["realisering/ansvar.md"]
    for actor in strategy.aktoerer:
        for role in actor.roller:
            target = role.maalsaetning or role.indsats
            row = heading(strategy.elements[target]) if target else "Hele strategien"
            assert f"{actor.titel}: {role.ansvar}" in unescape(chapter(markdown, row)), (actor.id, role.ansvar)
    assert "Der er endnu ikke beskrevet roller for målsætningen." in chapter(
        markdown, "Målsætning 2: Godt tværfagligt samarbejde"
    )


def test_matrix_shows_politisk_only_when_someone_works_there(site: model.Site, strategy: model.Strategy) -> None:
    actors = tuple(dataclasses.replace(a, niveau="forvaltning") for a in strategy.aktoerer)
    without = dataclasses.replace(strategy, aktoerer=actors)
    markdown = realisation_pages(without, address_book(site), Relations(without))["realisering/ansvar.md"]
    assert list(table(markdown)[0]) == ["Målsætning eller indsats", "Forvaltning", "Ledelse", "Medarbejdere"]


# --- role sheets --------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["ledelse", "medarbejder"])
def test_role_sheet_lists_the_levels_prerequisites_under_each_objective(
    pages: dict[str, str], strategy: model.Strategy, level: str
) -> None:
    markdown = pages[f"realisering/roller/{level}.md"]
    for objective in strategy.maalsaetninger:
        under = unescape(section(markdown, f"Målsætning {objective.nr}: {objective.titel}"))
        own = [p.tekst for p in objective.forudsaetninger if p.niveau == level]
        others = [p.tekst for p in objective.forudsaetninger if p.niveau != level]
        for text in own:
            assert f"- {text}" in under
        for text in others:
            assert text not in under
        if not own:
            assert "Forudsætningerne er endnu ikke beskrevet." in under


def test_role_sheet_shows_the_levels_roles_and_follow_up(pages: dict[str, str]) -> None:
    markdown = unescape(pages["realisering/roller/ledelse.md"])
    assert "Skolelederne: Holder fraværssamtaler med forældre." in markdown
    assert "Lærerne" not in markdown
    assert "Kvalitetssamtaler – marts" in markdown
    assert "MUS og LUS – november og december" in markdown
    assert "Temamøde" not in markdown  # only udvalget and styregruppen take part


def test_every_level_with_content_gets_a_role_sheet(pages: dict[str, str]) -> None:
    assert sorted(p for p in pages if "/roller/" in p and not p.endswith("index.md")) == [
        f"realisering/roller/{lv}.md" for lv in ("forvaltning", "ledelse", "medarbejder", "politisk")
    ]


# --- årshjul ------------------------------------------------------------------------------------


def test_aarshjul_svg_and_list_say_the_same(pages: dict[str, str], strategy: model.Strategy) -> None:
    markdown = pages["realisering/opfoelgning.md"]
    (wheel,) = svgs(markdown)
    assert wheel.get("role") == "img" and wheel.find(f"{SVG}title") is not None
    months = {
        name: number
        for number, name in enumerate(
            [
                "januar",
                "februar",
                "marts",
                "april",
                "maj",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "december",
            ],
            1,
        )
    }
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
    pages: dict[str, str], strategy: model.Strategy
) -> None:
    markdown = pages["realisering/opfoelgning.md"]
    unplaced = [p.titel for p in strategy.processer if not p.maaneder]
    assert unplaced
    listed = unescape(section(markdown, "Uden fast måned"))
    for title in unplaced:
        assert title in listed
        assert title not in "".join(re.findall(r"<svg.*?</svg>", markdown, re.DOTALL))


def test_no_months_at_all_says_the_wheel_is_empty(site: model.Site, strategy: model.Strategy) -> None:
    monthless = dataclasses.replace(
        strategy, processer=tuple(dataclasses.replace(p, maaneder=()) for p in strategy.processer)
    )
    markdown = realisation_pages(monthless, address_book(site), Relations(monthless))["realisering/opfoelgning.md"]
    assert "<svg" not in markdown
    assert "Ingen af processerne har en fast måned endnu" in markdown


# --- timeline, changes, pages -------------------------------------------------------------------


def test_timeline_lists_period_milestones_and_decisions_in_date_order(
    pages: dict[str, str], strategy: model.Strategy
) -> None:
    markdown = unescape(pages["realisering/tidslinje.md"])
    dated = [line for line in markdown.splitlines() if line.startswith("- **")]
    for milestone in strategy.milepaele:
        assert any(milestone.titel in line for line in dated)
    for version in strategy.versioner:
        assert any(version.aendring in line for line in dated)
    assert dated[0].startswith("- **2020** – Strategiperioden begynder")
    assert dated[-1].startswith("- **juni 2023** – Strategiperioden slutter")
    assert "- **1. september 2020** – Fraværssamtaler begynder (start)" in dated


def test_timeline_shows_the_status_of_every_indsats_and_aktivitet(
    pages: dict[str, str], strategy: model.Strategy
) -> None:
    rows = {r["Indsats eller aktivitet"]: r["Status"] for r in table(pages["realisering/tidslinje.md"])}
    for indsats in strategy.indsatser:
        elements: list[model.Intervention | model.Activity] = [indsats, *indsats.aktiviteter]
        for element in elements:
            name = f"Indsats {element.nr}: {element.titel}" if element.nr else element.titel
            assert rows[name] == (element.status or "ikke angivet")


def test_changes_are_listed_newest_first_or_said_to_be_none(
    site: model.Site, pages: dict[str, str], strategy: model.Strategy
) -> None:
    rows = table(pages["realisering/aendringer.md"])
    assert [r["Dato"] for r in rows] == ["2021-09-01", "2020-01-15"]
    assert rows[0]["Besluttet af"] == "Børne- og skoleudvalget"
    without_versions = dataclasses.replace(strategy, versioner=())
    empty = realisation_pages(without_versions, address_book(site), Relations(without_versions))
    assert "Der er endnu ikke registreret ændringer" in empty["realisering/aendringer.md"]


def test_last_changed_names_the_latest_change(strategy: model.Strategy) -> None:
    assert last_changed(strategy) == "Senest ændret 1. september 2021"
    assert last_changed(dataclasses.replace(strategy, versioner=())) is None


def test_every_page_has_front_matter_one_h1_and_a_way_in(pages: dict[str, str], strategy: model.Strategy) -> None:
    for src, markdown in pages.items():
        front = yaml.safe_load(markdown.split("---\n")[1])
        assert markdown.startswith("---\n") and front["render_macros"] is False, src
        assert strategy.titel in front["title"], f"{src}: the title must name the strategy (WCAG 2.4.2)"
        assert len(re.findall(r"^# ", markdown, re.MULTILINE)) == 1, src
    nav = [src for entry in realisation_nav(strategy) for src in entry.values()]
    assert nav == [src for src in pages if src in nav]
    # Out of the nav are exactly the role sheets, and the nav's "for me" page links each of them.
    sheets = [src for src in pages if src not in nav]
    assert sheets and all(re.fullmatch(r"realisering/roller/[a-z]+\.md", src) for src in sheets)
    for src in sheets:
        assert f"]({src.rsplit('/', 1)[1]})" in pages["realisering/roller/index.md"]


def test_print_edition_holds_every_element_once(pages: dict[str, str], strategy: model.Strategy) -> None:
    markdown = pages["realisering/udskrift.md"]
    anchors = re.findall(r"\{#([\w-]+)\}", markdown)
    assert len(anchors) == len(set(anchors))
    element_ids = {e.id for e in strategy.elements.values() if not isinstance(e, model.Strategy)}
    assert element_ids <= set(anchors)
    svg_ids = [e.get("id") for svg in svgs(markdown) for e in svg.iter() if e.get("id")]
    assert len(svg_ids) == len(set(svg_ids)) and not set(svg_ids) & set(anchors)


def test_editor_text_is_shown_literally(site: model.Site, strategy: model.Strategy) -> None:
    hostile = "<script>alert(1)</script> {{ config }} & *fed*"
    actors = tuple(dataclasses.replace(a, titel=hostile) if a.id == "styregruppe" else a for a in strategy.aktoerer)
    processes = tuple(dataclasses.replace(p, titel=hostile) for p in strategy.processer)
    goals = tuple(
        dataclasses.replace(g, indikatorer=tuple(dataclasses.replace(i, titel=hostile) for i in g.indikatorer))
        for g in strategy.maal
    )
    changed = dataclasses.replace(strategy, aktoerer=actors, processer=processes, maal=goals)
    for src, markdown in realisation_pages(changed, address_book(site), Relations(changed)).items():
        assert "<script>" not in markdown, src
        assert "{{ config }}" not in markdown, src
        for svg in svgs(markdown):  # parses as XML: the text was escaped for XML
            assert hostile in "".join(svg.itertext())
