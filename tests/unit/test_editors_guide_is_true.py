"""The editor's guide cannot drift from the code: its example validates, its error example (and the
README's) is what the checker really prints, its table of problem codes explains every code, and its
field reference covers every block of the format.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT
from macros.loading.catalogue import Code
from macros.loading.validate import load_site
from macros.rendering import field_reference, problem_codes
from support.datamodel import record_classes
from support.sites import FORMAT_PROJECT, macros_check

GUIDE = (ROOT / "docs" / "vejledning.md").read_text(encoding="utf-8")
EXAMPLE = re.search(r"```yaml\n(.*?)```", GUIDE, re.S).group(1)  # type: ignore[union-attr]
SHOWN_ERRORS = re.search(r"```text\n(.*?)```", GUIDE, re.S).group(1)  # type: ignore[union-attr]
WORKED_HEADING = "### Et helt eksempel i Socialstyrelsens ord"
WORKED = re.search(r"```yaml\n(.*?)```", GUIDE.split(WORKED_HEADING, 1)[1], re.S).group(1)  # type: ignore[union-attr]
WORKED_FIXTURE = FORMAT_PROJECT / "data" / "familieforloeb.yaml"  # built with the format fixture site
README = (ROOT / "README.md").read_text(encoding="utf-8")
README_COMMAND = "$ .venv/bin/python -m macros check data\n"
README_ERRORS = README.split(f"```console\n{README_COMMAND}", 1)[1].split("```", 1)[0]
# The README's three typos in a copy of data/: a misspelt field, an unknown area, an id in the wrong form.
README_TYPOS = (
    ("    titel: Fremskudt, tidsintensiv myndighedsfunktion\n    beskrivelse:", "beskrivelse:", "beskrivlse:"),
    ("        områder: [myndighed]\n        ansvarlige: [team-varige-spor]", "[myndighed]", "[myndighed2]"),
    ("      - id: sagsnorm\n", "sagsnorm", "Sags_norm"),
)


def check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m macros check`` run in ``folder`` (the session puts this checkout first on PYTHONPATH)."""
    return macros_check(*args, cwd=folder)


def test_the_example_file_in_the_guide_is_valid(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "min-strategi.yaml").write_text(EXAMPLE, encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 1 strategier")


def test_the_error_example_is_what_the_checker_prints_for_the_two_typos(tmp_path: Path) -> None:
    broken = EXAMPLE.replace(
        "        områder: [myndighed]\n        mål: [flere-opdages]",
        "        områder: [myndighed2]\n        mål: [flere-opdages]",
    )
    broken = broken.replace("      - id: opfoelgning\n        titel:", "      - id: opfoelgning\n        titl:")
    assert broken.count("myndighed2") == 1 and "titl:" in broken
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "min-strategi.yaml").write_text(broken, encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1
    assert result.stderr == SHOWN_ERRORS


def test_the_readme_error_example_is_what_the_checker_prints_for_the_three_typos(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    strategy = tmp_path / "data" / "varige-spor.yaml"
    text = strategy.read_text(encoding="utf-8")
    for context, old, new in README_TYPOS:
        assert text.count(context) == 1, context
        text = text.replace(context, context.replace(old, new))
    strategy.write_text(text, encoding="utf-8")
    result = check(tmp_path, "data")
    assert result.returncode == 1
    assert result.stderr == README_ERRORS


def test_the_error_section_explains_every_problem_code_in_the_catalogue_order() -> None:
    section = GUIDE.split("## Når der er fejl", 1)[1].split("\n## ", 1)[0]
    assert "{{ fejlkoder() }}" in section
    rows = problem_codes.problem_code_table().splitlines()[2:]
    assert [row.split("`")[1] for row in rows] == [str(code) for code in Code]
    assert all(row.count(" | ") == 2 for row in rows), "a catalogue text breaks the table"


def test_the_field_reference_covers_every_block_and_field() -> None:
    documented = {cls for cls, _ in field_reference.SECTIONS}
    assert set(record_classes()) == documented
    reference = field_reference.field_reference()
    for cls in documented:
        for f in dataclasses.fields(cls):
            assert f"| `{f.metadata['key']}` |" in reference


def test_the_worked_example_is_marked_as_made_up_and_is_the_fixture_the_tests_build() -> None:
    section = GUIDE.split(WORKED_HEADING, 1)[1].split("```yaml", 1)[0]
    assert "**Eksemplet er opdigtet**" in section and WORKED.startswith("# EKSEMPEL")
    assert WORKED_FIXTURE.read_text(encoding="utf-8") == WORKED, "copy the guide's example to the fixture"


def test_the_worked_example_holds_socialstyrelsens_whole_chain(tmp_path: Path) -> None:
    (tmp_path / "forandringsteori.yaml").write_text(WORKED, encoding="utf-8")
    (strategy,) = load_site(tmp_path).strategies
    assert strategy.ressourcer and strategy.eksterne_faktorer and strategy.budget
    assert [g.niveau for g in strategy.maal] == ["leverance", "kortsigtet", "mellemlang", "langsigtet", "gevinst"]
    assert any(c.antagelse for c in strategy.forbindelser)  # kritiske antagelser on the arrows
    own_words = {kind: term.flertal for kind, term in strategy.betegnelser.given()}
    assert own_words["kortsigtet"] == "kortsigtede resultater" and own_words["langsigtet"] == "langsigtede virkninger"
