"""Who does what: the responsibility matrix's rows and the levels that get a role sheet.

Pipeline position: derived from the model, before anything renders. The matrix page, the role sheets
and the print edition read these rows; they never walk actors and roles themselves. Pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model

LEVELS: tuple[model.Level, ...] = ("politisk", "forvaltning", "ledelse", "medarbejder")
ALWAYS_COLUMNS = ("forvaltning", "ledelse", "medarbejder")


@dataclass(frozen=True)
class Duty:
    """One actor's part in one row of the matrix: a role's text, or being named responsible (``via``)."""

    actor: model.Actor
    level: model.Level | None
    ansvar: str | None = None
    via: model.Element | None = None  # the indsats or aktivitet that names the actor as responsible


@dataclass(frozen=True)
class MatrixRow:
    """A row of the responsibility matrix: the whole strategy (``element`` None), a målsætning or indsats."""

    element: model.Element | None
    duties: tuple[Duty, ...]

    @property
    def anchor(self) -> str:
        return self.element.id if self.element else "hele--strategien"

    def at(self, level: str | None) -> list[Duty]:
        return [d for d in self.duties if d.level == level]


def _role_duties(strategy: model.Strategy) -> dict[str | None, list[Duty]]:
    """The roles by what they are on: a målsætning's or indsats' id, or None for the whole strategy (a role
    on neither), each list in file order."""
    found: dict[str | None, list[Duty]] = {}
    for actor in strategy.aktoerer:
        for role in actor.roller:
            duty = Duty(actor, role.niveau or actor.niveau, role.ansvar)
            for target in {role.maalsaetning, role.indsats} - {None} or {None}:
                found.setdefault(target, []).append(duty)
    return found


def _named_duties(strategy: model.Strategy, element: model.Intervention | model.Activity) -> list[Duty]:
    actors = [strategy.elements[i] for i in element.ansvarlige]
    return [Duty(a, a.niveau, via=element) for a in actors if isinstance(a, model.Actor)]


def responsibility_rows(strategy: model.Strategy) -> list[MatrixRow]:
    """The whole strategy, every målsætning, then every indsats: each that someone has a duty in (a row
    without one would say only that nothing is described)."""
    roles = _role_duties(strategy)
    rows = [MatrixRow(None, tuple(roles.get(None, ())))]
    for objective in strategy.maalsaetninger:
        rows.append(MatrixRow(objective, tuple(roles.get(objective.id, ()))))
    for indsats in strategy.indsatser:
        duties = list(roles.get(indsats.id, ())) + _named_duties(strategy, indsats)
        for activity in indsats.aktiviteter:
            duties += _named_duties(strategy, activity)
        rows.append(MatrixRow(indsats, tuple(duties)))
    return [row for row in rows if row.duties]


def actors_without_duties(strategy: model.Strategy) -> list[model.Actor]:
    """Actors in no row of the matrix (no role, named responsible for nothing), in file order: they are
    listed too, so no actor of the strategy vanishes from who does what."""
    busy = {d.actor.id for row in responsibility_rows(strategy) for d in row.duties}
    return [actor for actor in strategy.aktoerer if actor.id not in busy]


def matrix_columns(rows: list[MatrixRow]) -> list[model.Level | None]:
    """Forvaltning, ledelse and medarbejder always; politisk and "no level" only when someone is there."""
    present = {d.level for row in rows for d in row.duties}
    return [lv for lv in (*LEVELS, None) if lv in ALWAYS_COLUMNS or lv in present]


def role_levels(strategy: model.Strategy) -> list[model.Level]:
    """Levels that get a role sheet: ledelse and medarbejder when there are målsætninger, and any level
    that has a prerequisite or a duty."""
    present: set[str | None] = {p.niveau for o in strategy.maalsaetninger for p in o.forudsaetninger}
    present |= {d.level for row in responsibility_rows(strategy) for d in row.duties}
    if strategy.maalsaetninger:
        present |= {"ledelse", "medarbejder"}
    return [level for level in LEVELS if level in present]


def level_processes(strategy: model.Strategy, level: model.Level) -> list[model.Process]:
    """Follow-up processes that an actor on ``level`` (by its own level or a role's) leads or takes part in."""
    actors = {a.id for a in strategy.aktoerer if a.niveau == level or any(r.niveau == level for r in a.roller)}
    return [p for p in strategy.processer if actors & {*p.ansvarlige, *p.deltagere}]
