"""Checks of the fields that let one format hold any theory of change: the strategy's language, budgets
and relative targets.

Pipeline position: third stage, beside ``validate``'s cross-element checks and run right after them by
``validate.load_site`` on the same records (every model record with its editor path, from ``validate.walk``).
Each check is a function of its own, so the list grows without touching the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .. import model
from .catalogue import Code
from .problems import Problem

# A BCP 47 language tag as pages need it: a language (da, sv, nb, nn, se, kl …), then optional subtags
# (script, region, variant: "sr-Latn", "en-GB", "da-DK").
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|[0-9]{3}))?(?:-[A-Za-z0-9]{5,8})*$")

Records = Iterable[tuple[str, Any]]


def format_problems(records: Records, file: str, marks: dict[str, tuple[int, int]]) -> list[Problem]:
    """Every problem of the checks below, placed at the line and column of the field it concerns."""
    records = list(records)
    found: list[tuple[str, Code, str]] = [*language(records), *budgets(records), *targets(records)]
    problems = []
    for path, code, message in found:
        line, column = marks.get(path) or marks.get(path.rsplit(".", 1)[0]) or (1, 1)
        problems.append(Problem(file, line, column, path, message, code))
    return problems


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def language(records: list[tuple[str, Any]]) -> list[tuple[str, Code, str]]:
    """``sprog`` must be a language code browsers and screen readers understand."""
    return [
        (
            _at(path, "sprog"),
            Code.UGYLDIGT_SPROG,
            f"'{record.sprog}' er ikke en sprogkode; skriv fx da (dansk), sv (svensk), nb (norsk bokmål), "
            "nn (nynorsk) eller en (engelsk)",
        )
        for path, record in records
        if isinstance(record, model.Strategy) and not LANGUAGE_TAG.match(record.sprog)
    ]


def budgets(records: list[tuple[str, Any]]) -> list[tuple[str, Code, str]]:
    """A budget has one entry a year."""
    found = []
    for path, record in records:
        seen: dict[int, int] = {}
        for n, line in enumerate(getattr(record, "budget", ()), 1):
            if line.aar in seen:
                found.append(
                    (
                        _at(path, f"budget[{n}].år"),
                        Code.BUDGETAAR_TO_GANGE,
                        f"året {line.aar} står allerede i budget[{seen[line.aar]}]; et budget har ét punkt pr. år "
                        "(læg beløbene sammen, og forklar dem i note)",
                    )
                )
            seen.setdefault(line.aar, n)
    return found


def targets(records: list[tuple[str, Any]]) -> list[tuple[str, Code, str]]:
    """A period's target is a value (``mål``) or a change from the baseline (``mål_ændring``), not both."""
    return [
        (
            _at(path, "mål_ændring"),
            Code.MAAL_TO_GANGE,
            "perioden har både mål og mål_ændring; skriv kun det ene: mål for et tal, mål_ændring for en "
            "ændring i procent fra udgangspunktet",
        )
        for path, record in records
        if isinstance(record, model.Measurement) and record.maal is not None and record.maal_aendring is not None
    ]
