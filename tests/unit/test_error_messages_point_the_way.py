"""Issue 13, must show 3: an editor's mistake gets a message that says how to write it instead.

A decimal comma inside ``{ }`` is named as such (not "ukendt felt '4'"); "mente du" suggests only a name a
typo away; a concept of another theory-of-change vocabulary, or a field of another kind of block, says
where the format writes it. The exact lines, with file, line and field, are in ``tests/invalid/``
(``decimalkomma-i-blok.yaml``, ``ressourcer-stavet-forkert.yaml``, ``begreb-fra-anden-skabelon.yaml``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from macros import model
from macros.loading.catalogue import Code
from macros.loading.convert import CONCEPTS
from macros.loading.problems import suggest
from macros.loading.validate import load_site
from support.invalid import load_problems

STRATEGY = "id: s\ntitel: Strategi\norganisation: {kommune: Ærø Kommune}\n"
TOP_LEVEL = [f.metadata["key"] for f in dataclasses.fields(model.Strategy)]
GOAL = (
    "mål:\n  - id: m\n    titel: M\n    indikatorer:\n      - id: i\n        titel: I\n        baseline: {baseline}\n"
)


def problems(tmp_path: Path, text: str) -> list[tuple[Code, str, str]]:
    (tmp_path / "s.yaml").write_text(STRATEGY + text, encoding="utf-8")
    return [(p.code, p.path, p.message) for p in load_problems(tmp_path)]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("ressurcer", "ressourcer"), ("ressourser", "ressourcer"), ("budgett", "budget"), ("betegnleser", "betegnelser")],
)
def test_a_typo_away_is_suggested(typed: str, meant: str) -> None:
    assert suggest(typed, TOP_LEVEL) == f" – mente du '{meant}'?"


@pytest.mark.parametrize("typed", ["gevinster", "virkninger", "leverancer", "præstationer", "gevinsten"])
def test_a_name_that_is_no_typo_gets_no_suggestion(typed: str) -> None:
    # Before issue 13, 'gevinster' gave "mente du 'indsatser'?" and 'ressourcer' "mente du 'processer'?".
    assert suggest(typed, TOP_LEVEL) == ""


def test_a_decimal_comma_inside_braces_says_how_to_write_it(tmp_path: Path) -> None:
    found = problems(tmp_path, GOAL.format(baseline="{år: 2022, værdi: 93,4}"))
    assert found == [
        (
            Code.DECIMALKOMMA_I_BLOK,
            "mål[1].indikatorer[1].baseline.værdi",
            "'93,4' læses som to felter, fordi komma adskiller felterne inde i { }; skriv tallet med punktum "
            '(værdi: 93.4) eller i anførselstegn (værdi: "93,4")',
        )
    ]
    assert "ukendt felt" not in str(found)


@pytest.mark.parametrize(
    "baseline", ['{år: 2022, værdi: "93,4"}', "{år: 2022, værdi: 93.4}", "\n          år: 2022\n          værdi: 93,4"]
)
def test_the_ways_the_message_suggests_are_read_as_93_4(tmp_path: Path, baseline: str) -> None:
    (tmp_path / "s.yaml").write_text(STRATEGY + GOAL.format(baseline=baseline), encoding="utf-8")
    assert load_problems(tmp_path) == []
    (indicator,) = load_site(tmp_path).strategies[0].maal[0].indikatorer
    assert indicator.baseline is not None and indicator.baseline.vaerdi == pytest.approx(93.4)


def test_numbers_with_a_comma_and_a_space_are_no_decimal(tmp_path: Path) -> None:
    found = problems(tmp_path, GOAL.format(baseline="{år: 2022, værdi: 93, 4}"))
    assert [code for code, _, _ in found] == [Code.UKENDT_FELT]  # "93, 4" may be meant as two fields


@pytest.mark.parametrize("concept", sorted(CONCEPTS))
def test_a_concept_of_another_vocabulary_says_where_it_belongs(tmp_path: Path, concept: str) -> None:
    # ressourcer is a field of the strategy; under an indsats it is a concept
    under_indsats = f"indsatser:\n  - id: x\n    titel: X\n    {concept}: []\n"
    text = under_indsats if concept in TOP_LEVEL else f"{concept}: []\n"
    ((code, _, message),) = problems(tmp_path, text)
    assert code is Code.BEGREB_SKRIVES_ANDERLEDES
    assert message == f"'{concept}' er ikke et felt her: {CONCEPTS[concept]}"
    assert "mente du" not in message


def test_a_field_of_another_kind_of_block_names_the_blocks_it_belongs_to(tmp_path: Path) -> None:
    text = (
        "indsatser:\n  - id: x\n    titel: X\n    aktiviteter:\n      - id: y\n        titel: Y\n        budget: []\n"
    )
    assert problems(tmp_path, text) == [
        (
            Code.BEGREB_SKRIVES_ANDERLEDES,
            "indsatser[1].aktiviteter[1].budget",
            "'budget' er ikke et felt her: feltet kan stå på strategien og indsatser",
        )
    ]
