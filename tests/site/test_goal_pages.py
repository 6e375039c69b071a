"""A built goal page shows each indicator's table and an accessible chart, or says that no target is set.

Read from the session's built realisation fixture (targets and measurements) and example site (Odense's
absence indicator, which has no target). The renderer is checked in ``unit/test_indicator_tables.py``;
that the charts stay out of search in ``site/test_search_index.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.loading.validate import load_site
from support.sites import ROOT, page, search_index

pytestmark = pytest.mark.build

GOAL_PAGE = "realisering/maal/mindre-fravaer/"


def test_built_indicator_table_and_chart(realisation_site: Path) -> None:
    goal = page(realisation_site, GOAL_PAGE)
    rows = {r["Periode"]: r for r in goal.table_rows()}
    assert (rows["2020"]["Mål"], rows["2020"]["Målt"], rows["2020"]["Fremdrift mod mål"]) == ("5,5 %", "5,8 %", "50 %")
    assert rows["2021"]["Målt"] == "ikke målt"
    figures = goal.article.all("figure", class_="realisering-figur")
    charts = [f.elements[0] for f in figures if f.elements and f.elements[0].tag == "svg"]
    assert len(charts) == 2
    # The charts repeat the table beside them: search finds the table, never the charts' own words.
    chart_titles = [chart.first("title").text for chart in charts]
    page_entries = [e["text"] for e in search_index(realisation_site) if e["location"].startswith(GOAL_PAGE)]
    assert page_entries and not any(title in text for title in chart_titles for text in page_entries)
    for chart in charts:
        labelled_by = chart.get("aria-labelledby").split()
        assert chart.get("role") == "img" and labelled_by
        assert set(labelled_by) <= goal.anchors


def test_odense_goal_page_shows_the_absence_indicator_without_a_target(example_site: Path) -> None:
    odense = load_site(ROOT / "data").strategy("tidlig-indsats")
    goal = next(g for g in odense.maal if g.indikatorer)
    text = page(example_site, f"{odense.id}/maal/{goal.id}/").article.text_without("svg")
    assert "6,1 %" in text and "intet mål sat" in text
