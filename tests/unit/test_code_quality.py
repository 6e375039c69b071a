"""All the project's Python passes its checkers: ruff's rules, ruff's formatting and mypy --strict.

Over ``macros/`` (the product), ``tests/``, ``benchmarks/`` and ``scripts/``. Every checker reads its
configuration from pyproject.toml (mypy's ``files`` name the same folders), so this test is the same check
a developer runs: ``ruff check``, ``ruff format --check`` and ``mypy`` from the repository root.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from support.sites import ROOT

FOLDERS = ("macros", "tests", "benchmarks", "scripts")
CHECKS = {
    "ruff check": ("ruff", "check", *FOLDERS),
    "ruff format": ("ruff", "format", "--check", *FOLDERS),
    "mypy --strict": ("mypy",),  # strict, over the folders named in pyproject.toml's [tool.mypy] files
}


def test_mypy_checks_the_same_folders() -> None:
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = ", ".join(f'"{folder}"' for folder in FOLDERS)
    assert f"files = [{listed}]" in config
    assert "strict = true" in config


@pytest.mark.parametrize("check", CHECKS)
def test_the_checker_finds_nothing(check: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *CHECKS[check]], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
