"""A built role sheet lists, under each objective, the prerequisites of its level; an objective with nothing for
the level is left out rather than filled with "not yet described".

Read from the session's built realisation fixture and example site (Odense's ``tidlig-indsats``); what
to expect comes from the data through the product's loader. The renderer is checked in
``unit/test_who_does_what.py``; printing a role sheet on one A4 page in ``browser/test_print_edition.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.derived.responsibility import role_levels
from macros.derived.words import DEFAULT_WORDS
from macros.loading.validate import load_site
from support.sites import ROOT, page

pytestmark = pytest.mark.build


def test_built_role_sheet_lists_prerequisites_per_objective(realisation_site: Path) -> None:
    text = page(realisation_site, "realisering/roller/ledelse/").article.text
    first = text.split("Målsætning 1: Alle møder i skole")[1]
    assert "Lederen afsætter tid til fraværssamtaler." in first
    assert "Læreren registrerer" not in first
    assert "Målsætning 2: Godt tværfagligt samarbejde" not in text  # no prerequisite or role for ledere there
    assert "endnu ikke" not in text


def test_each_odense_role_sheet_lists_prerequisites_per_objective(example_site: Path) -> None:
    odense = load_site(ROOT / "data").strategy("tidlig-indsats")
    levels = role_levels(odense)
    assert {"ledelse", "medarbejder"} <= set(levels)
    for level in levels:
        by_objective = page(example_site, f"{odense.id}/roller/{level}/").sections(level=2)
        for objective in odense.maalsaetninger:
            own = [p.tekst for p in objective.forudsaetninger if p.niveau == level]
            name = DEFAULT_WORDS.heading(objective)
            assert (
                all(t in by_objective[name].text for t in own)
                if own
                else "Forudsætninger:" not in (by_objective[name].text if name in by_objective else "")
            )
        assert "endnu ikke" not in page(example_site, f"{odense.id}/roller/{level}/").article.text
