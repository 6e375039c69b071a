"""The CI example for catalogue mode (``.github/workflows/katalog.yml``) calls commands that exist.

The workflow cannot run here, so what can drift is checked: it is valid YAML with a matrix fed by the
strategy list, each strategy's job uploads what the stitch job downloads, and every ``python -m macros``
command line in it is accepted by our command line as written (``--help`` of each step answers, and the
line parses with the real argument parser, so a renamed option fails here). The catalogue steps' refusal
of an unknown strategy is checked too: a matrix entry with a typo must fail in Danish, not build nothing;
and the README shows every catalogue step.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.__main__ import command_line
from support.sites import ROOT, TINY_STRATEGY, make_project

WORKFLOW = ROOT / ".github" / "workflows" / "katalog.yml"


def _workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def _our_commands() -> list[list[str]]:
    """Every ``python -m macros …`` command line of the workflow's ``run`` steps, as argument lists after
    ``-m macros`` (``$(…)`` and ``$VAR`` as a shell would leave them: a variable becomes a sample id)."""
    lines = []
    for job in _workflow()["jobs"].values():
        for step in job.get("steps", []):
            for line in str(step.get("run", "")).splitlines():
                for part in line.replace("$(", "\n").replace(")", "\n").splitlines():
                    if "python -m macros " in part:
                        words = shlex.split(part.split("python -m macros ", 1)[1].split(">>", 1)[0])
                        lines.append([w.replace("$STRATEGI", "varige-spor") for w in words])
    return lines


def test_the_workflow_is_a_matrix_of_one_job_per_strategy_and_a_stitch_job() -> None:
    jobs = _workflow()["jobs"]
    matrix = jobs["strategi"]["strategy"]["matrix"]["strategi"]
    assert "needs.liste.outputs.strategier" in matrix and jobs["strategi"]["needs"] == "liste"
    assert jobs["saml"]["needs"] == "strategi"
    upload = next(s for s in jobs["strategi"]["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    download = next(s for s in jobs["saml"]["steps"] if str(s.get("uses", "")).startswith("actions/download-artifact"))
    assert upload["with"]["name"].startswith("strategi-") and download["with"]["pattern"] == "strategi-*"
    assert download["with"]["merge-multiple"] is True, (
        "each artifact holds one <id>/ folder: merged, they are the catalogue"
    )
    assert {"liste", "strategi", "saml"} <= {words[1] for words in _our_commands() if words[0] == "katalog"}


@pytest.mark.parametrize("words", _our_commands(), ids=" ".join)
def test_every_command_the_workflow_runs_exists_as_written(words: list[str]) -> None:
    command_line().parse_args(words)  # argparse exits (SystemExit 2) on an unknown command or option
    steps = words[:2] if words[0] == "katalog" else words[:1]
    answer = subprocess.run(
        [sys.executable, "-m", "macros", *steps, "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.startswith("usage: python -m macros " + " ".join(steps))


def test_the_list_the_matrix_reads_is_the_strategies_as_json(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", ROOT / "data", ROOT / "docs")
    listed = subprocess.run(
        [sys.executable, "-m", "macros", "katalog", "liste"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == '["tidlig-indsats", "varige-spor"]\n'


def test_a_strategy_that_is_not_in_the_data_is_refused_in_danish(tmp_path: Path) -> None:
    source = tmp_path / "kilde"
    (source / "data").mkdir(parents=True)
    (source / "docs").mkdir()
    (source / "data" / "lille.yaml").write_text(TINY_STRATEGY, encoding="utf-8")
    (source / "docs" / "index.md").write_text("# Forside\n", encoding="utf-8")
    project = make_project(tmp_path / "p", source / "data", source / "docs")
    refused = subprocess.run(
        [sys.executable, "-m", "macros", "katalog", "strategi", "lile", "--ud", str(tmp_path / "ud")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert refused.returncode == 1
    assert refused.stderr == "Katalog: strategien 'lile' findes ikke i data/ (kendte: lille)\n"
    assert not (tmp_path / "ud").exists()


def test_the_readme_shows_every_catalogue_step() -> None:
    answer = subprocess.run(
        [sys.executable, "-m", "macros", "katalog", "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    listed = re.search(r"\{([a-z,]+)\}", answer.stdout)
    assert listed is not None, answer.stdout
    steps = listed.group(1).split(",")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sorted(steps) == ["byg", "liste", "saml", "strategi"]
    assert [step for step in steps if f"python -m macros katalog {step}" not in readme] == []
