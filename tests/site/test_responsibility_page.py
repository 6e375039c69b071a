"""The built responsibility matrix shows who is responsible where, row by row, with each role spelled out.

Read from the session's built realisation fixture and example site (Odense's ``tidlig-indsats``); what
to expect comes from the data through the product's loader. The renderer is checked in
``unit/test_who_does_what.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.derived.words import DEFAULT_WORDS
from macros.loading.validate import load_site
from support.sites import ROOT, page

pytestmark = pytest.mark.build

ODENSE = "tidlig-indsats"
ACTORS = ("Styregruppen for Tidlig Indsats", "Børn- og Ungeudvalget")  # and the actor of type chefgruppe


def test_built_matrix_shows_who_is_where(realisation_site: Path) -> None:
    matrix = page(realisation_site, "realisering/ansvar/")
    rows = {r["Målsætning eller indsats"]: r for r in matrix.table_rows()}
    objective = rows["Målsætning 1: Alle møder i skole"]
    assert (objective["Forvaltning"], objective["Ledelse"], objective["Medarbejdere"]) == (
        "Styregruppen for fremmøde",
        "Skolelederne",
        "Lærerne",
    )
    assert "Skolelederne: Holder fraværssamtaler med forældre." in matrix.article.text


def test_odense_matrix_shows_the_three_actors_with_their_roles(example_site: Path) -> None:
    odense = load_site(ROOT / "data").strategy(ODENSE)
    chefgruppe = next(a for a in odense.aktoerer if a.type == "chefgruppe")
    wanted = [a for a in odense.aktoerer if a.titel in ACTORS] + [chefgruppe]
    assert len(wanted) == 3
    matrix = page(example_site, f"{ODENSE}/ansvar/")
    table_text = " ".join(cell for row in matrix.tables()[0] for cell in row)
    by_row = {title: section.text for title, section in matrix.sections(level=2).items()}
    for actor in wanted:
        assert actor.titel in table_text
        for role in actor.roller:
            target = role.maalsaetning or role.indsats
            row = DEFAULT_WORDS.heading(odense.elements[target]) if target else "Hele strategien"
            assert f"{actor.titel}: {role.ansvar}" in by_row[row], (actor.id, row)
