"""Issue 5, must show 1: on the built example site, Odense's matrix and role sheets.

Reads the site built from the repository (``mkdocs build --strict``; or the directory in the environment
variable ``REALISATION_SITE``). Expectations come from ``data/tidlig-indsats.yaml`` through the product's
loader.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT

from macros import model
from macros.derived.responsibility import role_levels
from macros.derived.words import heading
from macros.loading.validate import load_site

pytestmark = [pytest.mark.build]

STRATEGY = "tidlig-indsats"
ACTORS = ("Styregruppen for Tidlig Indsats", "Børn- og Ungeudvalget")  # and the actor of type chefgruppe


@pytest.fixture(scope="module")
def site(request: pytest.FixtureRequest) -> Path:
    built = os.environ.get("REALISATION_SITE")
    return Path(built) if built else request.getfixturevalue("example_site")


@pytest.fixture(scope="module")
def odense() -> model.Strategy:
    return load_site(ROOT / "data").strategy(STRATEGY)


def text_of(site: Path, url: str) -> str:
    """The article's text, tags dropped, entities resolved, whitespace collapsed."""
    page = (site / url / "index.html").read_text(encoding="utf-8")
    body = page.split("<article", 1)[1].split("</article>", 1)[0]
    body = re.sub(r"<svg.*?</svg>", " ", body, flags=re.DOTALL)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).replace(" :", ":")


def chapters(site: Path, url: str) -> dict[str, str]:
    """Article text per level-2 heading (heading text → text up to the next level-2 heading)."""
    page = (site / url / "index.html").read_text(encoding="utf-8")
    body = page.split("<article", 1)[1].split("</article>", 1)[0]
    found = {}
    for part in body.split("<h2")[1:]:
        title_html, _, rest = part.partition("</h2>")
        title = html.unescape(re.sub(r"<[^>]+>", "", "<h2" + title_html)).replace("¶", "").strip()
        found[title] = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", rest))).replace(" :", ":")
    return found


def test_matrix_shows_the_three_actors_with_their_roles(site: Path, odense: model.Strategy) -> None:
    chefgruppe = next(a for a in odense.aktoerer if a.type == "chefgruppe")
    wanted = [a for a in odense.aktoerer if a.titel in ACTORS] + [chefgruppe]
    assert len(wanted) == 3
    table_text = text_of(site, f"{STRATEGY}/ansvar").split("Hele strategien", 2)[1]
    by_row = chapters(site, f"{STRATEGY}/ansvar")
    for actor in wanted:
        assert actor.titel in table_text
        for role in actor.roller:
            target = role.maalsaetning or role.indsats
            row = heading(odense.elements[target]) if target else "Hele strategien"
            assert f"{actor.titel}: {role.ansvar}" in re.sub(r"\s+", " ", by_row[row]), (actor.id, row)


def test_each_role_sheet_lists_prerequisites_per_objective(site: Path, odense: model.Strategy) -> None:
    levels = role_levels(odense)
    assert {"ledelse", "medarbejder"} <= set(levels)
    for level in levels:
        by_objective = chapters(site, f"{STRATEGY}/roller/{level}")
        for objective in odense.maalsaetninger:
            text = by_objective[heading(objective)]
            own = [p.tekst for p in objective.forudsaetninger if p.niveau == level]
            assert all(t in text for t in own) if own else "Forudsætningerne er endnu ikke beskrevet." in text


def test_goal_page_shows_the_absence_indicator_without_a_target(site: Path, odense: model.Strategy) -> None:
    goal = next(g for g in odense.maal if g.indikatorer)
    text = text_of(site, f"{STRATEGY}/maal/{goal.id}")
    assert "6,1 %" in text and "intet mål sat" in text


def test_every_page_links_the_print_stylesheet(site: Path) -> None:
    for page in (site / STRATEGY).rglob("index.html"):
        assert "assets/stylesheets/print.css" in page.read_text(encoding="utf-8"), page
