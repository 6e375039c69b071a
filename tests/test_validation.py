"""Issue 2, must show 2: one invalid data file per defect, each naming the code, place and field of every problem.

Every file in ``tests/invalid/`` says in its header which defect it holds and, on ``# forventet:`` lines,
every problem the editor must see, as the checker prints it: ``linje:kolonne: sti: besked [kode]`` (paths
count list positions from 1, as editors count). Most cases write the message as ``…``: they pin the code
(issue 12), so the wording can improve without touching them; a case writes the message out where the
wording is the behaviour (a "mente du …?" suggestion, the ring of a cycle). The table is the folder: a new
file is a new case. The same list must come out of ``python -m macros check`` and out of a failed
``mkdocs build`` (non-zero exit, no traceback).
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import FIXTURE_PROJECT, ROOT, make_project, mkdocs_build

from macros.loading.problems import DataError, Problem
from macros.loading.validate import load_site

INVALID = Path(__file__).parent / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))
MULTI = INVALID / "flere-fejl.yaml"

# Defects issue 2 names, and the file that holds each: the folder must keep covering all of them.
REQUIRED = {
    "YAML-syntaksfejl": "yaml-syntaksfejl.yaml",
    "dubleret nøgle": "dubleret-noegle.yaml",
    "ukendt felt": "ukendt-felt.yaml",
    "forkert type": "forkert-type.yaml",
    "manglende felt": "manglende-felt.yaml",
    "id i forkert form": "id-forkert-form.yaml",
    "dubleret id": "dubleret-id.yaml",
    "henvisning til ukendt id": "ukendt-henvisning.yaml",
    "henvisning til omdøbt id": "omdoebt-id.yaml",
    "afhængighed i ring": "afhaengighed-i-ring.yaml",
    "periode slutter før start": "periode-baglaens.yaml",
    "tom fil": "tom-fil.yaml",
    "liste øverst": "liste-oeverst.yaml",
    "flere fejl i én fil": "flere-fejl.yaml",
}

# Words of PyYAML's English messages that must never reach an editor.
ENGLISH = re.compile(r"\b(expected|found|while|scanning|parsing|mapping|could not|error)\b", re.IGNORECASE)
ELIDED = re.compile(r": … \[[a-z0-9-]+\]$")  # a declaration that leaves the message out


def expected(case: Path) -> list[str]:
    """The problems a case file declares, as printed: ``data/<file>:linje:kolonne: sti: besked [kode]``."""
    lines = case.read_bytes().decode("utf-8", "replace").splitlines()
    return [
        f"data/{case.name}:{line.removeprefix('# forventet: ')}" for line in lines if line.startswith("# forventet: ")
    ]


def as_declared(problems: Sequence[Problem], declared: Sequence[str]) -> list[str]:
    """``problems`` printed, with the message as "…" wherever the declaration in the same place leaves it out."""
    return [
        str(dataclasses.replace(problem, message="…"))
        if i < len(declared) and ELIDED.search(declared[i])
        else str(problem)
        for i, problem in enumerate(problems)
    ]


def load_problems(data: Path) -> list[Problem]:
    """Every problem ``load_site`` finds in ``data`` (an empty list if it loads)."""
    try:
        load_site(data)
    except DataError as error:
        return list(error.problems)
    return []


def problems_of(case: Path, where: Path) -> list[Problem]:
    """Load ``case`` alone as ``data/`` and return its problems."""
    data = where / "data"
    data.mkdir()
    shutil.copy(case, data)
    return load_problems(data)


def test_every_defect_of_issue_2_has_a_case_file() -> None:
    missing = {defect: name for defect, name in REQUIRED.items() if not (INVALID / name).exists()}
    assert missing == {}
    assert all(expected(case) for case in CASES), "a case file declares no expected problem"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_file_gives_exactly_the_declared_problems_with_their_codes(case: Path, tmp_path: Path) -> None:
    declared = expected(case)
    assert as_declared(problems_of(case, tmp_path), declared) == declared


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_every_message_is_danish_and_names_a_real_line(case: Path, tmp_path: Path) -> None:
    line_count = max(1, len(case.read_bytes().splitlines()))
    for problem in problems_of(case, tmp_path):
        assert 1 <= problem.line <= line_count and problem.column >= 1, problem
        assert not ENGLISH.search(problem.message), problem


def test_a_file_with_several_defects_reports_all_of_them_in_line_order(tmp_path: Path) -> None:
    found = problems_of(MULTI, tmp_path)
    assert len(found) >= 8
    assert as_declared(found, expected(MULTI)) == expected(MULTI)
    lines = [p.line for p in found]
    assert lines == sorted(lines)


def test_problems_in_several_files_are_all_reported_in_one_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("dubleret-id.yaml", "forkert-type.yaml", "tom-fil.yaml"):
        shutil.copy(INVALID / name, data)
    with pytest.raises(DataError) as caught:
        load_site(data)
    declared = [*expected(INVALID / "dubleret-id.yaml"), *expected(INVALID / "forkert-type.yaml")]
    declared += expected(INVALID / "tom-fil.yaml")
    assert as_declared(caught.value.problems, declared) == declared
    assert caught.value.report().startswith(f"Strategidata kan ikke bygges: {len(caught.value.problems)} fejl.")


def check_command(data: Path) -> subprocess.CompletedProcess[str]:
    """``python -m macros check data`` run beside ``data``, with this checkout's ``macros`` (not an installed one)."""
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "macros", "check", str(data)],
        cwd=data.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_command_prints_the_same_list_with_codes_and_fails(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(MULTI, data)
    result = check_command(data)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    printed = [line.replace(str(data), "data") for line in result.stderr.splitlines()]
    assert printed[1:] == [str(p) for p in load_problems(data)]
    assert as_declared(load_problems(data), expected(MULTI)) == expected(MULTI)
    assert printed[-1].endswith(" [ugyldigt-valg]")


def test_check_command_accepts_the_example_data() -> None:
    result = check_command(ROOT / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:")


@pytest.mark.build
def test_mkdocs_build_with_invalid_data_stops_with_the_list_and_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken-data"
    broken.mkdir()
    shutil.copy(MULTI, broken)
    project = make_project(tmp_path / "project", broken, FIXTURE_PROJECT / "docs")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert f"Strategidata kan ikke bygges: {len(expected(MULTI))} fejl." in output
    printed = [line for line in output.splitlines() if line.startswith("data/")]
    assert printed == [str(p) for p in problems_of(MULTI, tmp_path)]
    assert not (tmp_path / "site").exists()


def test_two_files_with_the_same_strategy_id_are_refused_at_the_id_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    strategy = "# Kopi af en strategi\nid: samme\ntitel: Strategi\norganisation: {kommune: Ærø Kommune}\n"
    (data / "a.yaml").write_text(strategy, encoding="utf-8")
    (data / "b.yaml").write_text(strategy, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(data)
    assert as_declared(caught.value.problems, ["data/b.yaml:2:5: id: … [dubleret-strategi-id]"]) == [
        "data/b.yaml:2:5: id: … [dubleret-strategi-id]"
    ]
    assert "findes også i data/a.yaml" in caught.value.problems[0].message


def test_a_missing_data_folder_is_a_danish_problem_not_a_traceback(tmp_path: Path) -> None:
    result = check_command(tmp_path / "data")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "findes ikke; strategierne skal ligge i den som *.yaml-filer [mappe-findes-ikke]" in result.stderr
