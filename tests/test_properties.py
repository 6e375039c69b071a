"""Issue 8, must show 4: property-based tests of loading (hypothesis; settings stated at each test).

1. Random valid strategies – model-shaped YAML with every element kind, references, dependencies,
   earlier ids, periods and indicators – load without a single problem, and the model holds what was
   written.
2. Random mutations of valid files (delete a line, swap two characters, duplicate a line, change a
   line's indentation, insert a character) either still load or give a ``DataError`` whose problems are
   Danish and point at lines that exist – never any other exception.

Not here yet: building random strategies into a site and checking that every element is reachable and
every internal link resolves. That belongs with the finished page set (issue 3 and later); the built-site
link checks live in ``test_site_links``/``test_pages`` for the fixed data sets until then.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURE_PROJECT
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from macros.loading.problems import DataError
from macros.loading.validate import load_site

# Id words in the allowed form; a running number after each makes them unique without costly filtering.
ID_WORDS = st.sampled_from(
    ["myndighed", "trivsel", "a", "tidlig-indsats", "x9", "skole-og-dagtilbud", "mål", "team-vest", "2020", "b-2"]
).map(lambda w: w.replace("å", "aa"))
# Titles: any characters an editor can type in YAML (no control characters), not blank.
TITLES = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\x85\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
# Markdown text without links or images (those have rules of their own, tested in test_text).
TEXTS = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="[]!\ufeff\x85\u2028\u2029") | st.just("\n"),
    max_size=120,
)
YEARS = st.integers(1990, 2040)
LEVELS = st.sampled_from(["politisk", "forvaltning", "ledelse", "medarbejder"])
ENGLISH = re.compile(r"\b(expected|found|while|scanning|parsing|mapping|error|exception)\b", re.IGNORECASE)


@st.composite
def period(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(YEARS)
    out: dict[str, Any] = {"fra": f"{start}-{draw(st.integers(1, 12)):02d}"}
    if draw(st.booleans()):
        out["til"] = start + draw(st.integers(0, 8))
    return out


@st.composite
def strategy_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid strategy as the dict an editor's YAML would hold."""
    ids = iter(f"{word}-{i}" for i, word in enumerate(draw(st.lists(ID_WORDS, min_size=40, max_size=40))))

    def element(**fields: Any) -> dict[str, Any]:
        out = {"id": next(ids), "titel": draw(TITLES), **fields}
        if draw(st.booleans()):
            out["beskrivelse"] = draw(TEXTS)
        return out

    areas = [element() for _ in range(draw(st.integers(0, 3)))]
    objectives = [
        element(nr=i, forudsætninger=[{"niveau": draw(LEVELS), "tekst": draw(TITLES)}])
        for i in range(1, draw(st.integers(0, 3)) + 1)
    ]
    goals = [
        element(
            niveau=draw(st.sampled_from(["kortsigtet", "effekt", "langsigtet"])),
            målsætninger=draw(st.lists(st.sampled_from([o["id"] for o in objectives]), max_size=2, unique=True))
            if objectives
            else [],
            indikatorer=[
                element(
                    måleenhed="%",
                    retning=draw(st.sampled_from(["højere", "lavere"])),
                    baseline={"år": "2018/19", "værdi": draw(st.integers(0, 100))},
                    perioder=[{"periode": 2020, "mål": 1.5, "faktisk": "2,5"}],
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    actors = [element(type="team", niveau=draw(LEVELS)) for _ in range(draw(st.integers(0, 2)))]
    area_ids, goal_ids, actor_ids = ([e["id"] for e in group] for group in (areas, goals, actors))
    activities_so_far: list[str] = []

    def activity() -> dict[str, Any]:
        made = element(
            status=draw(st.sampled_from(["planlagt", "i gang", "afsluttet", "opgivet"])),
            periode=draw(period()),
            områder=draw(st.lists(st.sampled_from(area_ids), max_size=2, unique=True)) if area_ids else [],
            afhænger_af=draw(st.lists(st.sampled_from(activities_so_far), max_size=2, unique=True))
            if activities_so_far
            else [],
            mål=draw(st.lists(st.sampled_from(goal_ids), max_size=2, unique=True)) if goal_ids else [],
            ansvarlige=actor_ids[:1],
        )
        activities_so_far.append(made["id"])
        return made

    interventions = [
        element(
            nr=i,
            aktiviteter=[activity() for _ in range(draw(st.integers(0, 3)))],
            hypoteser=[element() for _ in range(draw(st.integers(0, 1)))],
            målsætninger=[o["id"] for o in objectives[:1]],
            områder=area_ids[:1],
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    ]
    for actor in actors:
        actor["roller"] = [
            {"ansvar": draw(TITLES), "niveau": draw(LEVELS)}
            | ({"målsætning": objectives[0]["id"]} if objectives else {})
        ]
    strategy = element(
        organisation={"kommune": draw(TITLES)},
        vision=draw(TITLES),
        periode=draw(period()),
        status="vedtaget",
        områder=areas,
        målsætninger=objectives,
        indsatser=interventions,
        mål=goals,
        aktører=actors,
        kilder=[{"titel": draw(TITLES), "url": "https://eksempel.dk/a?b=1", "dato": "2016-07-01"}],
        versioner=[{"dato": 2021, "ændring": draw(TITLES)}],
    )
    every = [strategy["id"], *area_ids, *goal_ids, *activities_so_far, *(o["id"] for o in objectives)]
    if len(every) > 1 and draw(st.booleans()):
        strategy["forbindelser"] = [{"fra": every[-1], "til": every[0], "antagelse": draw(TITLES)}]
    strategy["tidligere_id"] = [next(ids)] if draw(st.booleans()) else []
    return strategy


def dump(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=70)


def write(where: Path, text: str) -> Path:
    data = where / "data"
    data.mkdir(exist_ok=True)
    (data / "strategi.yaml").write_text(text, encoding="utf-8")
    return data


def one_line(text: str) -> str:
    return " ".join(text.split())


@settings(
    max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(strategy_documents())
def test_random_valid_strategies_load_without_problems(tmp_path: Path, document: dict[str, Any]) -> None:
    try:
        site = load_site(write(tmp_path, dump(document)))
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
        load_site(write(tmp_path, text))
    except DataError as error:
        event(f"{kind}: afvist")
        assert error.problems
        for problem in error.problems:
            assert problem.file == "data/strategi.yaml"
            assert 1 <= problem.line <= line_count and problem.column >= 1, f"{problem}\n---\n{text}"
            assert problem.message and not ENGLISH.search(problem.message), problem
    else:
        event(f"{kind}: stadig gyldig")
