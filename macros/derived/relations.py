"""Relations read both ways: who points at an element, built once per strategy from the model.

Pipeline position: between the validated model and the renderers. The YAML states each relation once,
on one side (an activity names its områder and mål); pages show both sides (an område lists its
activities). ``Relations`` inverts the references once, so renderers stay simple lookups.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import model


@dataclass(frozen=True)
class RoleOf:
    """One role of one actor, as seen from the element it concerns."""

    actor: model.Actor
    role: model.Role


@dataclass
class Relations:
    """Reverse indexes of one strategy, keyed by element id. Lists keep file order."""

    strategy: model.Strategy
    indsatser_of_area: dict[str, list[model.Intervention]] = field(default_factory=lambda: defaultdict(list))
    activities_of_area: dict[str, list[model.Activity]] = field(default_factory=lambda: defaultdict(list))
    indsatser_of_objective: dict[str, list[model.Intervention]] = field(default_factory=lambda: defaultdict(list))
    goals_of_objective: dict[str, list[model.Goal]] = field(default_factory=lambda: defaultdict(list))
    indsatser_of_goal: dict[str, list[model.Intervention]] = field(default_factory=lambda: defaultdict(list))
    activities_of_goal: dict[str, list[model.Activity]] = field(default_factory=lambda: defaultdict(list))
    dependents: dict[str, list[model.Activity]] = field(default_factory=lambda: defaultdict(list))
    roles_on: dict[str, list[RoleOf]] = field(default_factory=lambda: defaultdict(list))
    responsible_for: dict[str, list[model.Element]] = field(default_factory=lambda: defaultdict(list))
    processes_of: dict[str, list[model.Process]] = field(default_factory=lambda: defaultdict(list))
    connections_from: dict[str, list[model.Connection]] = field(default_factory=lambda: defaultdict(list))
    connections_to: dict[str, list[model.Connection]] = field(default_factory=lambda: defaultdict(list))
    factors_on: dict[str, list[model.ExternalFactor]] = field(default_factory=lambda: defaultdict(list))
    decisions_of: dict[str, list[model.Decision]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for indsats in self.strategy.indsatser:
            self._add_indsats(indsats)
        for goal in self.strategy.maal:
            for objective in goal.maalsaetninger:
                self.goals_of_objective[objective].append(goal)
        for actor in self.strategy.aktoerer:
            for role in actor.roller:
                for target in (role.maalsaetning, role.indsats):
                    if target:
                        self.roles_on[target].append(RoleOf(actor, role))
        for process in self.strategy.processer:
            for ref in (*process.ansvarlige, *process.deltagere, *process.maalsaetninger):
                if process not in self.processes_of[ref]:
                    self.processes_of[ref].append(process)
        for connection in self.strategy.forbindelser:
            self.connections_from[connection.fra].append(connection)
            self.connections_to[connection.til].append(connection)
        self._add_factors_and_decisions()

    def _add_factors_and_decisions(self) -> None:
        for factor in self.strategy.eksterne_faktorer:
            for target in factor.paavirker:
                self.factors_on[target].append(factor)
        for decision in sorted(self.strategy.beslutninger, key=lambda d: d.dato.sort_key()):
            if decision.organ:
                self.decisions_of[decision.organ].append(decision)

    def _add_indsats(self, indsats: model.Intervention) -> None:
        for area in indsats.omraader:
            self.indsatser_of_area[area].append(indsats)
        for objective in indsats.maalsaetninger:
            self.indsatser_of_objective[objective].append(indsats)
        for goal in indsats.maal:
            self.indsatser_of_goal[goal].append(indsats)
        for actor in indsats.ansvarlige:
            self.responsible_for[actor].append(indsats)
        for activity in indsats.aktiviteter:
            for area in activity.omraader:
                self.activities_of_area[area].append(activity)
            for goal in activity.maal:
                self.activities_of_goal[goal].append(activity)
            for earlier in activity.afhaenger_af:
                self.dependents[earlier].append(activity)
            for actor in activity.ansvarlige:
                self.responsible_for[actor].append(activity)

    def goals_of_indsats(self, indsats: model.Intervention) -> list[model.Goal]:
        """Goals the indsats serves directly or through its activities, in the strategy's goal order."""
        wanted = set(indsats.maal) | {g for a in indsats.aktiviteter for g in a.maal}
        return [goal for goal in self.strategy.maal if goal.id in wanted]
