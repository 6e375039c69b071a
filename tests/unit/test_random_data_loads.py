"""Any valid strategy loads, and any damaged file gets Danish problems on real lines, never a crash.

Property-based tests of loading (hypothesis; settings stated at each test):

1. Random valid strategies – model-shaped YAML with every element kind, references, dependencies,
   earlier ids, periods and indicators – load without a single problem, and the model holds what was
   written.
2. Random mutations of valid files (delete a line, swap two characters, duplicate a line, change a
   line's indentation, insert a character) either still load or give a ``DataError`` whose problems are
   Danish and point at lines that exist – never any other exception.

Random strategies are also rendered (``unit/test_generated_links_resolve.py``) and built
(``site/test_links_never_break.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from macros.loading.problems import DataError
from macros.loading.validate import load_site
from support.datamodel import ENGLISH
from support.random_strategies import dump, strategy_documents, write_data
from support.sites import FIXTURE_PROJECT


def one_line(text: str) -> str:
    return " ".join(text.split())


@settings(
    max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(strategy_documents())
def test_random_valid_strategies_load_without_problems(tmp_path: Path, document: dict[str, Any]) -> None:
    try:
        site = load_site(write_data(tmp_path, dump(document)))
    except DataError as error:
        raise AssertionError(f"{error.report()}\n--- the file ---\n{dump(document)}") from None
    (strategy,) = site.strategies
    assert one_line(strategy.titel) == one_line(document["titel"])
    written = {
        document["id"],
        *(e["id"] for key in ("områder", "målsætninger", "mål", "aktører", "indsatser") for e in document[key]),
    }
    assert written <= set(strategy.elements)
    assert [a.id for a in strategy.activities] == [a["id"] for i in document["indsatser"] for a in i["aktiviteter"]]


# --- mutations ----------------------------------------------------------------------------------

FIXTURE_TEXT = (FIXTURE_PROJECT / "data" / "proeve.yaml").read_text(encoding="utf-8")


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """(kind of mutation, mutated text) of the fixture file or of a random valid strategy."""
    text = draw(st.one_of(st.just(FIXTURE_TEXT), strategy_documents().map(dump)))
    lines = text.splitlines(keepends=True)
    kind = draw(st.sampled_from(["slet linje", "byt tegn", "dubler linje", "indrykning", "indsæt tegn"]))
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "slet linje":
        lines[i] = ""
    elif kind == "dubler linje":
        lines[i] = lines[i] * 2
    elif kind == "indrykning":
        stripped = lines[i].lstrip(" ")
        lines[i] = " " * draw(st.integers(0, 12)) + stripped
    else:
        position = draw(st.integers(0, max(0, len(text) - 2)))
        if kind == "byt tegn":
            text = text[:position] + text[position + 1] + text[position] + text[position + 2 :]
        else:
            text = text[:position] + draw(st.sampled_from(list(":-[]{}'\"#&*!|>%@`\t ,?\n"))) + text[position:]
        return kind, text
    return kind, "".join(lines)


@settings(
    max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(mutated())
def test_mutated_files_give_danish_problems_on_real_lines_never_a_crash(
    tmp_path: Path, mutation: tuple[str, str]
) -> None:
    kind, text = mutation
    line_count = max(1, len(text.encode("utf-8").splitlines()))
    try:
        load_site(write_data(tmp_path, text))
    except DataError as error:
        event(f"{kind}: afvist")
        assert error.problems
        for problem in error.problems:
            assert problem.file == "data/strategi.yaml"
            assert 1 <= problem.line <= line_count and problem.column >= 1, f"{problem}\n---\n{text}"
            assert problem.message and not ENGLISH.search(problem.message), problem
    else:
        event(f"{kind}: stadig gyldig")
