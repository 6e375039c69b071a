"""Who does what: the responsibility matrix places each actor at its level, and each level gets a role sheet.

The realisation renderers on the realisation fixture (``tests/fixtures/realisation``); expectations come
from its data: who has which role, which prerequisites a level has. The built pages are checked in
``site/test_responsibility_page.py`` and ``site/test_role_sheets.py``.
"""

from __future__ import annotations

import dataclasses

import pytest

from macros import model
from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.derived.words import DEFAULT_WORDS
from macros.rendering.realisation import realisation_pages
from support.markdown import chapter, section, table, unescape


def test_matrix_places_each_actor_in_its_rows_level_column(realisation_markdown: dict[str, str]) -> None:
    rows = {r["Målsætning eller indsats"]: r for r in table(realisation_markdown["realisering/ansvar.md"])}
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
    assert "Målsætning 2: Godt tværfagligt samarbejde" not in rows  # nobody has a role there: no empty row
    # Named responsible for the indsats (skoleledere) and for one of its activities (lærere).
    assert (
        rows["Indsats 1: Tidlig reaktion på fravær"]["Ledelse"],
        rows["Indsats 1: Tidlig reaktion på fravær"]["Medarbejdere"],
    ) == ("Skolelederne", "Lærerne")


def test_matrix_spells_out_each_role_under_its_row(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    markdown = realisation_markdown["realisering/ansvar.md"]
    for actor in strategy.aktoerer:
        for role in actor.roller:
            target = role.maalsaetning or role.indsats
            row = DEFAULT_WORDS.heading(strategy.elements[target]) if target else "Hele strategien"
            assert f"{actor.titel}: {role.ansvar}" in unescape(chapter(markdown, row)), (actor.id, role.ansvar)
    assert "## Målsætning 2: Godt tværfagligt samarbejde" not in markdown  # a chapter would have nothing to say


def test_matrix_shows_politisk_only_when_someone_works_there(realisation_model: model.Site) -> None:
    strategy = realisation_model.strategies[0]
    actors = tuple(dataclasses.replace(a, niveau="forvaltning") for a in strategy.aktoerer)
    without = dataclasses.replace(strategy, aktoerer=actors)
    markdown = realisation_pages(without, address_book(realisation_model), Relations(without))["realisering/ansvar.md"]
    assert list(table(markdown)[0]) == ["Målsætning eller indsats", "Forvaltning", "Ledelse", "Medarbejdere"]


# --- role sheets --------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["ledelse", "medarbejder"])
def test_role_sheet_lists_the_levels_prerequisites_under_each_objective(
    realisation_model: model.Site, realisation_markdown: dict[str, str], level: str
) -> None:
    strategy = realisation_model.strategies[0]
    markdown = realisation_markdown[f"realisering/roller/{level}.md"]
    for objective in strategy.maalsaetninger:
        name = f"Målsætning {objective.nr}: {objective.titel}"
        own = [p.tekst for p in objective.forudsaetninger if p.niveau == level]
        others = [p.tekst for p in objective.forudsaetninger if p.niveau != level]
        if f"## {name} " not in markdown:  # nothing for the level under it: left out, not "not yet described"
            assert not own
            continue
        under = unescape(section(markdown, name))
        for text in own:
            assert f"- {text}" in under
        for text in others:
            assert text not in under
        assert ("**Forudsætninger:**" in under) == bool(own)
    assert "endnu ikke" not in markdown


def test_role_sheet_shows_the_levels_roles_and_follow_up(realisation_markdown: dict[str, str]) -> None:
    markdown = unescape(realisation_markdown["realisering/roller/ledelse.md"])
    assert "Skolelederne: Holder fraværssamtaler med forældre." in markdown
    assert "Lærerne" not in markdown
    assert "Kvalitetssamtaler – marts" in markdown
    assert "MUS og LUS – november og december" in markdown
    assert "Temamøde" not in markdown  # only udvalget and styregruppen take part


def test_every_level_with_content_gets_a_role_sheet(realisation_markdown: dict[str, str]) -> None:
    assert sorted(p for p in realisation_markdown if "/roller/" in p and not p.endswith("index.md")) == [
        f"realisering/roller/{lv}.md" for lv in ("forvaltning", "ledelse", "medarbejder", "politisk")
    ]
