"""Synthetic strategies for the benchmark: ``python benchmarks/generate.py --activities N --out DIR``.

Pipeline position: outside the product. It writes one strategy file in the data format of
``macros/model.py`` (Danish keys, as an editor would write them) so ``benchmarks/run.py`` and
``benchmarks/serve_edit.py`` can build sites of a chosen size. The shape follows the real strategies:
about five activities per indsats, three områder, goals at two levels (kortsigtet, effekt) with
indicators, acyclic activity dependencies, forbindelser with their antagelse, actors with roles and
follow-up processes. The same N (and seed) always gives the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

ACTIVITIES_PER_INTERVENTION = 5
AREAS = (("myndighed", "Myndighed"), ("tilbudsvifte", "Tilbudsvifte"), ("almenomraade", "Almenområde"))
STATUSES = ("planlagt", "i gang", "afsluttet")
LEVELS = ("politisk", "forvaltning", "ledelse", "medarbejder")

NOUNS = (
    "samarbejde",
    "opsporing",
    "forebyggelse",
    "trivsel",
    "fravær",
    "netværk",
    "familier",
    "dagtilbud",
    "skoler",
    "rådgivere",
    "sagsbehandling",
    "indsatstrappen",
    "sundhedspleje",
    "frivillige",
    "forældre",
    "overgange",
    "læring",
    "sprog",
    "fællesskaber",
    "ungdomsuddannelse",
    "plejefamilier",
    "handleplaner",
    "børnesamtaler",
    "teamledere",
    "netværksmøder",
    "civilsamfundet",
    "psykologer",
    "PPR",
    "SSP",
    "klubber",
    "fritidsjob",
    "mentorer",
    "kompetencer",
    "data",
    "dokumentation",
)
ADJECTIVES = (
    "tidlig",
    "tværfaglig",
    "styrket",
    "fælles",
    "målrettet",
    "systematisk",
    "lokal",
    "helhedsorienteret",
    "forebyggende",
    "inddragende",
    "vidensbaseret",
    "sammenhængende",
    "rettidig",
    "fleksibel",
    "ny",
)
VERBS = (
    "styrke",
    "udvikle",
    "samle",
    "afprøve",
    "udbrede",
    "forankre",
    "målrette",
    "følge op på",
    "kortlægge",
    "uddanne",
    "inddrage",
    "understøtte",
    "evaluere",
    "koordinere",
    "tilpasse",
)
PLACES = (
    "i dagtilbud",
    "i skolen",
    "i hjemmet",
    "på tværs af områderne",
    "i Team Øst",
    "i Team Vest",
    "i skoledistrikterne",
    "hos sundhedsplejen",
    "i klubberne",
    "i myndighed",
    "i almenområdet",
)
ACTOR_TYPES = ("team", "ledelse", "medarbejdere", "forvaltning")


@dataclass(frozen=True)
class Shape:
    """How many of each element a strategy with ``activities`` activities gets."""

    activities: int

    @property
    def interventions(self) -> int:
        return max(1, math.ceil(self.activities / ACTIVITIES_PER_INTERVENTION))

    @property
    def objectives(self) -> int:
        return max(3, self.activities // 150)

    @property
    def effect_goals(self) -> int:
        return max(2, self.interventions // 4)

    @property
    def teams(self) -> int:
        return max(3, self.activities // 20)

    @property
    def processes(self) -> int:
        return 3 + self.activities // 100


class Writer:
    """Danish-looking text and unique ids from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible sample data, not secrets

    def title(self, low: int = 3, high: int = 8) -> str:
        words = [self.rng.choice(VERBS), self.rng.choice(ADJECTIVES), self.rng.choice(NOUNS)]
        while len(" ".join(words).split()) < self.rng.randint(low, high):
            words.append(self.rng.choice(PLACES + NOUNS))
        return _capitalised(" ".join(" ".join(words).split()[:high]))

    def sentence(self) -> str:
        subject = f"{self.rng.choice(ADJECTIVES)} {self.rng.choice(NOUNS)}"
        rest = f"skal {self.rng.choice(VERBS)} {self.rng.choice(NOUNS)} {self.rng.choice(PLACES)}"
        tail = self.rng.choice(
            (
                "",
                f", så {self.rng.choice(NOUNS)} får bedre vilkår",
                f" i samarbejde med {self.rng.choice(NOUNS)}",
                " inden for projektperioden",
            )
        )
        return f"{_capitalised(subject)} {rest}{tail}."

    def description(self, low: int = 1, high: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def sample(self, items: list[T], low: int, high: int) -> list[T]:
        return self.rng.sample(items, min(len(items), self.rng.randint(low, high)))


def _capitalised(text: str) -> str:
    """First letter upper-case, the rest as written (``str.capitalize`` would turn "PPR" into "ppr")."""
    return text[:1].upper() + text[1:]


class _EditorDumper(yaml.SafeDumper):
    """Block mappings, and id lists in flow style (``områder: [myndighed]``), as editors write them."""


def _represent_list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.Node:
    flow = all(isinstance(item, (str, int, float)) for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flow)


_EditorDumper.add_representer(list, _represent_list)


def element_id(prefix: str, number: int) -> str:
    return f"{prefix}-{number}"


def areas(writer: Writer) -> list[dict[str, Any]]:
    return [{"id": key, "titel": title, "beskrivelse": writer.description()} for key, title in AREAS]


def objectives(writer: Writer, shape: Shape) -> list[dict[str, Any]]:
    return [
        {
            "id": element_id("maalsaetning", n),
            "nr": n,
            "titel": writer.title(),
            "beskrivelse": writer.description(),
            "forudsætninger": [{"niveau": writer.rng.choice(LEVELS), "tekst": writer.sentence()}],
        }
        for n in range(1, shape.objectives + 1)
    ]


def goals(writer: Writer, shape: Shape) -> list[dict[str, Any]]:
    """One kortsigtet goal per indsats and a few effekt goals, each followed by indicators."""
    found = [
        goal(writer, element_id("kortsigtet-maal", n), "kortsigtet", shape) for n in range(1, shape.interventions + 1)
    ]
    found += [goal(writer, element_id("effektmaal", n), "effekt", shape) for n in range(1, shape.effect_goals + 1)]
    return found


def goal(writer: Writer, goal_id: str, level: str, shape: Shape) -> dict[str, Any]:
    objective = element_id("maalsaetning", writer.rng.randint(1, shape.objectives))
    count = 1 if level == "kortsigtet" else 2
    return {
        "id": goal_id,
        "niveau": level,
        "titel": writer.title(),
        "beskrivelse": writer.description(),
        "målsætninger": [objective],
        "indikatorer": [indicator(writer, f"{goal_id}-indikator-{n}") for n in range(1, count + 1)],
    }


def indicator(writer: Writer, indicator_id: str) -> dict[str, Any]:
    start = round(writer.rng.uniform(5, 60), 1)
    periods = []
    for year in range(2017, 2021):
        target = round(start * (1 + 0.05 * (year - 2016)), 1)
        measured = round(target * writer.rng.uniform(0.85, 1.1), 1) if year < 2020 else None
        period: dict[str, Any] = {"periode": str(year), "mål": target}
        if measured is not None:
            period["faktisk"] = measured
        periods.append(period)
    return {
        "id": indicator_id,
        "titel": writer.title(2, 5),
        "måleenhed": writer.rng.choice(("%", "antal", "dage")),
        "retning": "højere",
        "baseline": {"år": "2016", "værdi": start},
        "perioder": periods,
    }


def interventions(writer: Writer, shape: Shape) -> list[dict[str, Any]]:
    """The indsatser with their activities; an activity depends only on earlier ones, so no cycle."""
    found = []
    numbers = iter(range(1, shape.activities + 1))
    for n in range(1, shape.interventions + 1):
        first = (n - 1) * ACTIVITIES_PER_INTERVENTION + 1
        own = [next(numbers) for _ in range(min(ACTIVITIES_PER_INTERVENTION, shape.activities - first + 1))]
        found.append(intervention(writer, shape, n, own))
    return found


def intervention(writer: Writer, shape: Shape, n: int, activity_numbers: list[int]) -> dict[str, Any]:
    area_ids = [key for key, _ in AREAS]
    entry: dict[str, Any] = {
        "id": element_id("indsats", n),
        "nr": n,
        "titel": writer.title(),
        "beskrivelse": writer.description(),
        "status": writer.rng.choice(STATUSES),
        "periode": {"fra": "2017-01", "til": "2019-12"},
        "målsætninger": [element_id("maalsaetning", writer.rng.randint(1, shape.objectives))],
        "områder": writer.sample(area_ids, 1, 2),
        "mål": [element_id("kortsigtet-maal", n)],
        "ansvarlige": [element_id("team", 1 + (n - 1) % shape.teams)],
        "aktiviteter": [activity(writer, shape, n, a) for a in activity_numbers],
    }
    if n % 2 == 1:
        entry["hypoteser"] = [
            {"id": element_id("hypotese", n), "titel": writer.title(5, 8), "beskrivelse": writer.description()}
        ]
    return entry


def activity(writer: Writer, shape: Shape, intervention_nr: int, n: int) -> dict[str, Any]:
    earlier = list(range(max(1, n - 7), n))
    depends = sorted(writer.sample([element_id("aktivitet", e) for e in earlier], 0, 2)) if earlier else []
    entry: dict[str, Any] = {
        "id": element_id("aktivitet", n),
        "titel": writer.title(),
        "beskrivelse": writer.description(),
        "status": writer.rng.choice(STATUSES),
        "periode": {"fra": f"{writer.rng.randint(2017, 2018)}-0{writer.rng.randint(1, 9)}", "til": "2019-12"},
        "områder": writer.sample([key for key, _ in AREAS], 1, 3),
        "mål": [element_id("kortsigtet-maal", intervention_nr)],
        "ansvarlige": [element_id("team", writer.rng.randint(1, shape.teams))],
    }
    if depends:
        entry["afhænger_af"] = depends
    return entry


def connections(writer: Writer, shape: Shape) -> list[dict[str, Any]]:
    """Arrows from each indsats' first activity to its kortsigtet goal, and from each goal to an effect goal."""
    found = []
    for n in range(1, shape.interventions + 1):
        first = (n - 1) * ACTIVITIES_PER_INTERVENTION + 1
        found.append(
            {
                "fra": element_id("aktivitet", first),
                "til": element_id("kortsigtet-maal", n),
                "antagelse": writer.sentence(),
            }
        )
        found.append(
            {
                "fra": element_id("kortsigtet-maal", n),
                "til": element_id("effektmaal", 1 + (n - 1) % shape.effect_goals),
                "antagelse": writer.sentence(),
                "begrundelse": writer.description(1, 2),
            }
        )
    return found


def actors(writer: Writer, shape: Shape) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = [
        {
            "id": "styregruppe",
            "titel": "Styregruppen",
            "type": "styregruppe",
            "niveau": "forvaltning",
            "roller": [
                {"ansvar": writer.sentence(), "målsætning": element_id("maalsaetning", n), "niveau": "forvaltning"}
                for n in range(1, shape.objectives + 1)
            ],
        },
        {
            "id": "udvalget",
            "titel": "Børne- og Ungeudvalget",
            "type": "udvalg",
            "niveau": "politisk",
            "roller": [{"ansvar": writer.sentence(), "niveau": "politisk"}],
        },
    ]
    for n in range(1, shape.teams + 1):
        roles = [
            {"ansvar": writer.sentence(), "indsats": element_id("indsats", i), "niveau": "ledelse"}
            for i in range(n, shape.interventions + 1, shape.teams)
        ][:3]
        found.append(
            {
                "id": element_id("team", n),
                "titel": f"Team {n}: {writer.title(2, 4)}",
                "type": writer.rng.choice(ACTOR_TYPES),
                "niveau": "medarbejder",
                "roller": roles,
            }
        )
    return found


def processes(writer: Writer, shape: Shape) -> list[dict[str, Any]]:
    return [
        {
            "id": element_id("proces", n),
            "titel": writer.title(3, 6),
            "beskrivelse": writer.description(1, 2),
            "ansvarlige": ["styregruppe"],
            "deltagere": [element_id("team", 1 + n % shape.teams)],
            "hvornår": "to gange om året",
            "måneder": sorted(writer.sample(list(range(1, 13)), 1, 3)),
            "målsætninger": [element_id("maalsaetning", 1 + n % shape.objectives)],
        }
        for n in range(1, shape.processes + 1)
    ]


def strategy(activities_count: int, seed: int | None = None, strategy_id: str = "syntetisk") -> dict[str, Any]:
    """The whole strategy as plain data in YAML order; deterministic for (N, seed, id)."""
    shape = Shape(activities_count)
    writer = Writer(activities_count if seed is None else seed)
    return {
        "id": strategy_id,
        "titel": f"Syntetisk strategi med {activities_count} aktiviteter",
        "organisation": {"kommune": "Prøvekommune", "forvaltning": "Børn og Unge"},
        "vision": writer.description(1, 1),
        "formål": writer.description(2, 3),
        "periode": {"fra": "2017-01", "til": "2020-12"},
        "status": "vedtaget",
        "beskrivelse": writer.description(3, 3),
        "kilder": [{"titel": "Genereret til ydelsesmåling", "dato": "2024"}],
        "områder": areas(writer),
        "målsætninger": objectives(writer, shape),
        "indsatser": interventions(writer, shape),
        "mål": goals(writer, shape),
        "forbindelser": connections(writer, shape),
        "aktører": actors(writer, shape),
        "processer": processes(writer, shape),
        "versioner": [{"dato": "2024-01-15", "ændring": "Genereret", "besluttet_af": "Ydelsesmålingen"}],
    }


def write(activities_count: int, out: Path, seed: int | None = None, strategy_id: str = "syntetisk") -> Path:
    """Write ``<out>/<strategy_id>.yaml`` and return its path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{strategy_id}.yaml"
    text = yaml.dump(
        strategy(activities_count, seed, strategy_id),
        Dumper=_EditorDumper,
        allow_unicode=True,
        sort_keys=False,
        width=110,
        default_flow_style=False,
    )
    header = f"# Syntetisk strategi til ydelsesmåling: {activities_count} aktiviteter. Genereret; ret den ikke.\n"
    path.write_text(header + text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic strategy YAML for the benchmark.")
    parser.add_argument("--activities", type=int, required=True, help="number of activities (N)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write <id>.yaml into")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: N)")
    parser.add_argument("--id", default="syntetisk", help="strategy id and file name (default: syntetisk)")
    args = parser.parse_args(argv)
    if args.activities < 1:
        parser.error("--activities must be at least 1")
    print(write(args.activities, args.out, args.seed, args.id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
