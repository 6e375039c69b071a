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

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from macros.loading.problems import DataError
from macros.loading.validate import load_site
from support.datamodel import ENGLISH
from support.invalid import CASES, MULTI, as_declared, expected, load_problems, problems_of
from support.sites import INVALID, macros_check

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
    """``python -m macros check data`` run beside ``data`` (the session puts this checkout first on PYTHONPATH)."""
    return macros_check(str(data), cwd=data.parent)


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
