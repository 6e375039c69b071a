"""A built role sheet lists, under each objective, the prerequisites of its level – or says there are none yet.

Read from the session's built realisation fixture and example site (Odense's ``tidlig-indsats``); what
to expect comes from the data through the product's loader. The renderer is checked in
``unit/test_who_does_what.py``; printing a role sheet on one A4 page in ``browser/test_print_edition.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.derived.responsibility import role_levels
from macros.derived.words import heading
from macros.loading.validate import load_site
from support.sites import ROOT, page

pytestmark = pytest.mark.build

NOT_YET = "Forudsætningerne er endnu ikke beskrevet."


def test_built_role_sheet_lists_prerequisites_per_objective(realisation_site: Path) -> None:
    text = page(realisation_site, "realisering/roller/ledelse/").article.text
    first, second = text.split("Målsætning 1: Alle møder i skole")[1].split("Målsætning 2: Godt tværfagligt samarbejde")
    assert "Lederen afsætter tid til fraværssamtaler." in first
    assert "Læreren registrerer" not in first
    assert NOT_YET in second


def test_each_odense_role_sheet_lists_prerequisites_per_objective(example_site: Path) -> None:
    odense = load_site(ROOT / "data").strategy("tidlig-indsats")
    levels = role_levels(odense)
    assert {"ledelse", "medarbejder"} <= set(levels)
    for level in levels:
        by_objective = page(example_site, f"{odense.id}/roller/{level}/").sections(level=2)
        for objective in odense.maalsaetninger:
            text = by_objective[heading(objective)].text
            own = [p.tekst for p in objective.forudsaetninger if p.niveau == level]
            assert all(t in text for t in own) if own else NOT_YET in text
