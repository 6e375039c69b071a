"""``mkdocs build`` with invalid data stops with the same Danish list the checker prints, every problem at
once and no traceback, before it writes a site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_PROJECT, make_project, mkdocs_build
from support.invalid import MULTI, expected, problems_of

pytestmark = pytest.mark.build


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
