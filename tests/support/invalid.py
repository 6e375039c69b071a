"""The invalid data files (``tests/invalid/``): one defect per file, each declaring on ``# forventet:`` lines
every problem an editor must see (``linje:kolonne: sti: besked [kode]``; ``…`` leaves the message out)."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from macros.loading.problems import DataError, Problem
from macros.loading.validate import load_site
from support.sites import INVALID

CASES = sorted(INVALID.glob("*.yaml"))
MULTI = INVALID / "flere-fejl.yaml"
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
