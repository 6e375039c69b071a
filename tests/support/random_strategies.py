"""Random valid strategies for property tests: the dict an editor's YAML would hold, with every element kind.

Pipeline position: the input side of the property tests (hypothesis). ``strategy_documents()`` draws a
valid strategy – references, dependencies, earlier ids, periods, indicators, roles – and ``dump`` writes it
as the YAML an editor would save.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

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
# Markdown text without links or images (those have rules of their own: unit/test_editor_text_is_safe.py).
TEXTS = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="[]!\ufeff\x85\u2028\u2029") | st.just("\n"),
    max_size=120,
)
YEARS = st.integers(1990, 2040)
LEVELS = st.sampled_from(["politisk", "forvaltning", "ledelse", "medarbejder"])


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


def write_data(where: Path, text: str) -> Path:
    """``where/data`` holding ``text`` as its one strategy file (``strategi.yaml``); returns the folder."""
    data = where / "data"
    data.mkdir(exist_ok=True)
    (data / "strategi.yaml").write_text(text, encoding="utf-8")
    return data
