"""A goal's indicators: a table of baseline, targets, measurements and progress, and a chart that says the same.

The renderer (``indicator_markdown``) on the realisation fixture (``tests/fixtures/realisation``), whose
indicators have targets and measurements; expected values come from the data. The built goal pages are
checked in ``site/test_goal_pages.py``; progress itself in ``unit/test_progress_toward_targets.py``.
"""

from __future__ import annotations

import dataclasses

from macros import model
from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.rendering.context import Context
from macros.rendering.indicators import indicator_markdown
from support.markdown import inline_svgs, table

SVG = "{http://www.w3.org/2000/svg}"


def block(site: model.Site, indicator_id: str, src: str = "maal/side.md") -> str:
    """The indicator block (table, chart, target) of one indicator of the fixture, as a goal page shows it."""
    strategy = site.strategies[0]
    indicator = strategy.elements[indicator_id]
    assert isinstance(indicator, model.Indicator)
    return indicator_markdown(Context(strategy, Relations(strategy), address_book(site), src), indicator)


def test_indicator_table_shows_baseline_targets_measurements_and_progress(realisation_model: model.Site) -> None:
    rows = {r["Periode"]: r for r in table(block(realisation_model, "fravaer"))}
    assert rows["2018/19 (udgangspunkt)"]["Målt"] == "6,1 %"
    assert (rows["2020"]["Mål"], rows["2020"]["Målt"], rows["2020"]["Fremdrift mod mål"]) == ("5,5 %", "5,8 %", "50 %")
    assert (rows["2021"]["Målt"], rows["2021"]["Fremdrift mod mål"]) == ("ikke målt", "–")
    assert rows["2022"]["Fremdrift mod mål"] == "100 %"  # 4,2 is past the target 4,5: clamped
    assert rows["2022"]["Note"] == "Nyt registreringssystem."


def test_a_period_without_target_reads_intet_maal_sat(realisation_model: model.Site) -> None:
    rows = {r["Periode"]: r for r in table(block(realisation_model, "trivsel"))}
    assert (rows["2020"]["Mål"], rows["2020"]["Målt"], rows["2020"]["Fremdrift mod mål"]) == (
        "intet mål sat",
        "82 %",
        "–",
    )


def test_an_indicator_with_only_a_baseline_says_no_target_and_draws_no_chart(realisation_model: model.Site) -> None:
    strategy = realisation_model.strategies[0]
    goal = strategy.maal[0]
    bare = dataclasses.replace(goal.indikatorer[0], perioder=())
    changed = dataclasses.replace(strategy, maal=(dataclasses.replace(goal, indikatorer=(bare,)),))
    markdown = indicator_markdown(
        Context(changed, Relations(changed), address_book(realisation_model), "x/side.md"), bare
    )
    assert "Mål\n:   intet mål sat" in markdown
    assert "<svg" not in markdown
    assert [r["Målt"] for r in table(markdown)] == ["6,1 %"]


def test_indicator_chart_is_an_accessible_image_with_the_tables_numbers(realisation_model: model.Site) -> None:
    markdown = block(realisation_model, "fravaer")
    (chart,) = inline_svgs(markdown)
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


def test_two_charts_on_one_page_have_different_ids(realisation_model: model.Site) -> None:
    first, second = (inline_svgs(block(realisation_model, i))[0] for i in ("fravaer", "trivsel"))
    ids_first = {e.get("id") for e in first.iter() if e.get("id")}
    ids_second = {e.get("id") for e in second.iter() if e.get("id")}
    assert ids_first and ids_second and not ids_first & ids_second
