"""Graph building: which diagrams a strategy gets, and which elements and arrows each one shows.

Pipeline position: after validation, with the style read; before DOT is written. ``strategy_diagrams`` is a
pure function of the model and the style, returning ``Diagram``s: nodes, edges, columns and the words a
reader is told about them (titles, descriptions). ``dotsource.to_dot`` turns each into DOT text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .. import model
from ..derived.words import heading
from .style import Colour, Style

CHAIN = (("indsats",), ("aktivitet",), ("kortsigtet",), ("effekt",), ("langsigtet",))
GOAL_LEVELS = ("kortsigtet", "effekt", "langsigtet")


@dataclass(frozen=True)
class Node:
    """One element drawn as a box. ``name`` is its DOT name: the element id."""

    name: str
    kind: str  # key into Style.types
    heading: str  # "Indsats 2", "Aktivitet", "Kortsigtet mål"
    title: str
    note: str = ""  # the small line: områder, counts
    areas: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """What a reader calls the node: "Indsats 2: Opsporing og forebyggelse"."""
        return f"{self.heading}: {self.title}"


@dataclass(frozen=True)
class Edge:
    tail: str
    head: str
    assumption: str | None = None  # from `forbindelser`
    reason: str | None = None
    note: str = ""  # e.g. an actor's responsibility for a målsætning
    number: int = 0  # the assumption's number on the arrow ("A1"); 0 when it carries none
    dependency: bool = False  # "the head can only happen after the tail" (activities' afhænger_af)


@dataclass(frozen=True)
class Diagram:
    """One diagram of one strategy, as data (``nodes``/``edges``) and as DOT for screen and print."""

    strategy_id: str
    name: str
    title: str
    description: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    ranks: tuple[tuple[str, ...], ...]  # columns left to right (node names); empty: dot decides
    area_colours: tuple[tuple[str, str, Colour], ...]  # (id, title, colour) of the områder drawn

    @property
    def prefix(self) -> str:
        """Prefix of every ``id`` in its SVG; ``_`` cannot occur in an element id, so no heading clashes."""
        return f"d_{self.strategy_id}_{self.name}_"

    def node(self, name: str) -> Node:
        return next(n for n in self.nodes if n.name == name)

    def titles(self) -> dict[str, str]:
        """Human titles for every name dot writes into a ``<title>``."""
        found = {self.name: self.title}
        found.update({n.name: n.text for n in self.nodes})
        for edge in self.edges:
            found[f"{edge.tail}->{edge.head}"] = edge_title(self, edge)
        return found


def edge_title(diagram: Diagram, edge: Edge) -> str:
    text = f"{diagram.node(edge.tail).text} → {diagram.node(edge.head).text}"
    if edge.assumption:
        text += f". Antagelse A{edge.number}: {edge.assumption}"
    if edge.note:
        text += f". {edge.note}"
    return text


class _Builder:
    """Collects the nodes and edges of one diagram, each once, in the order they are added."""

    def __init__(self, strategy: model.Strategy, style: Style) -> None:
        self.strategy = strategy
        self.style = style
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str], Edge] = {}

    def add(self, element: model.Element, note: str = "") -> str:
        if element.id not in self.nodes:
            self.nodes[element.id] = make_node(self.strategy, self.style, element, note)
        return element.id

    def link(self, tail: str, head: str, note: str = "", dependency: bool = False) -> None:
        if tail != head and (tail, head) not in self.edges:
            note = self.style.dependency_edge if dependency else note
            self.edges[(tail, head)] = Edge(tail, head, note=note, dependency=dependency)

    def connections(self) -> None:
        """Arrows from ``forbindelser`` between drawn elements, carrying their assumption."""
        for c in self.strategy.forbindelser:
            if c.fra in self.nodes and c.til in self.nodes and c.fra != c.til:
                old = self.edges.get((c.fra, c.til), Edge(c.fra, c.til))
                self.edges[(c.fra, c.til)] = replace(
                    old, assumption=c.antagelse or old.assumption, reason=c.begrundelse or old.reason
                )

    def diagram(self, name: str, wording: str, columns: Iterable[tuple[str, ...]] = (), **values: str) -> Diagram:
        self.connections()
        edges = _number_assumptions(list(self.edges.values()))
        nodes = tuple(self.nodes.values())
        ranks = tuple(r for r in (tuple(n.name for n in nodes if n.kind in kinds) for kinds in columns) if r)
        words = self.style.diagrams.of(wording)
        fill = {"titel": self.strategy.titel, "antal": _count(nodes), **values}
        return Diagram(
            self.strategy.id,
            name,
            words.title.format(**fill),
            words.description.format(**fill),
            nodes,
            tuple(edges),
            ranks,
            _area_colours(self.strategy, self.style, nodes),
        )


def _number_assumptions(edges: list[Edge]) -> list[Edge]:
    numbered, number = [], 0
    for edge in edges:
        if edge.assumption:
            number += 1
        numbered.append(replace(edge, number=number) if edge.assumption else edge)
    return numbered


def _count(nodes: tuple[Node, ...]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        counts[_PLURAL.get(node.kind, node.kind)] += 1
    return ", ".join(f"{n} {word if n != 1 else _SINGULAR[word]}" for word, n in counts.items())


_PLURAL = {
    "indsats": "indsatser",
    "aktivitet": "aktiviteter",
    "kortsigtet": "mål",
    "effekt": "mål",
    "langsigtet": "mål",
    "hypotese": "hypoteser",
    "målsætning": "målsætninger",
    "aktør": "aktører",
    "proces": "processer",
    "område": "områder",
}
_SINGULAR = {plural: singular for singular, plural in _PLURAL.items()} | {"mål": "mål"}


def _area_colours(
    strategy: model.Strategy, style: Style, nodes: tuple[Node, ...]
) -> tuple[tuple[str, str, Colour], ...]:
    used = {a for n in nodes for a in n.areas} | {n.name for n in nodes if n.kind == "område"}
    return tuple(
        (a.id, a.titel, style.areas[i % len(style.areas)]) for i, a in enumerate(strategy.omraader) if a.id in used
    )


def make_node(strategy: model.Strategy, style: Style, element: model.Element, note: str = "") -> Node:
    kind = element.niveau if isinstance(element, model.Goal) else element.kind
    label = style.types.of(kind).kind_label
    heading = f"{label} {element.nr}" if element.nr is not None else label
    areas = tuple(getattr(element, "omraader", ()))
    names = ", ".join(strategy.elements[a].titel for a in areas)
    return Node(element.id, kind, heading, element.titel, " · ".join(p for p in (names, note) if p), areas)


# --- the diagrams of a strategy -----------------------------------------------------------------


def strategy_diagrams(strategy: model.Strategy, style: Style) -> list[Diagram]:
    """Every diagram the strategy has something to draw for, overview first."""
    level = overview_level(strategy, style)
    found = [overview(strategy, style, level)]
    if level != "aktiviteter":
        found.append(detail(strategy, style))
    if level == "omraader":
        found += [area_diagram(strategy, style, area) for area in strategy.omraader]
    found += [indsats_diagram(strategy, style, i) for i in strategy.indsatser]
    found += [sammenhaenge(strategy, style), dependencies(strategy, style), objectives(strategy, style)]
    whole = ("detaljer", "afhaengigheder")  # whole-strategy pictures that are only legible up to a size
    return [d for d in found if d.nodes and (d.name not in whole or len(d.nodes) <= style.detail.max_nodes)]


def overview_level(strategy: model.Strategy, style: Style) -> str:
    """How far the overview is collapsed: "aktiviteter" (all drawn), "indsatser" or "omraader"."""
    if len(strategy.activities) <= style.overview.max_activities:
        return "aktiviteter"
    if len(strategy.indsatser) <= style.overview.max_indsatser or not strategy.omraader:
        return "indsatser"
    return "omraader"


def overview(strategy: model.Strategy, style: Style, level: str) -> Diagram:
    if level == "omraader":
        return area_overview(strategy, style)
    builder = _Builder(strategy, style)
    _chain(builder, strategy.indsatser, with_activities=level == "aktiviteter")
    return builder.diagram("oversigt", "oversigt", CHAIN)


def detail(strategy: model.Strategy, style: Style) -> Diagram:
    builder = _Builder(strategy, style)
    _chain(builder, strategy.indsatser, with_activities=True)
    return builder.diagram("detaljer", "detaljer", CHAIN)


def indsats_diagram(strategy: model.Strategy, style: Style, indsats: model.Intervention) -> Diagram:
    builder = _Builder(strategy, style)
    _chain(builder, (indsats,), with_activities=True)
    for activity in indsats.aktiviteter:
        for earlier in activity.afhaenger_af:
            if earlier in builder.nodes:
                builder.link(earlier, activity.id, dependency=True)
    if len(builder.nodes) == 1:  # nothing but the indsats itself: no diagram
        builder.nodes.clear()
    return builder.diagram(f"indsats-{indsats.id}", "indsats", CHAIN, navn=heading(indsats))


def area_diagram(strategy: model.Strategy, style: Style, area: model.Area) -> Diagram:
    indsatser = [i for i in strategy.indsatser if area.id in i.omraader]
    builder = _Builder(strategy, style)
    activities = sum(len(i.aktiviteter) for i in indsatser)
    _chain(builder, indsatser, with_activities=activities <= style.overview.max_activities)
    return builder.diagram(f"omraade-{area.id}", "omraade", CHAIN, navn=heading(area))


def _chain(builder: _Builder, indsatser: Iterable[model.Intervention], with_activities: bool) -> None:
    """indsatser → (aktiviteter) → mål, then mål → mål where a forbindelse leads on from a drawn goal."""
    goals: list[tuple[str, str]] = []  # (from node, goal id)
    for indsats in indsatser:
        note = "" if with_activities else _activity_count(len(indsats.aktiviteter))
        top = builder.add(indsats, note)
        goals += [(top, g) for g in indsats.maal]
        for activity in indsats.aktiviteter:
            tail = builder.add(activity) if with_activities else top
            builder.link(top, tail)
            goals += [(tail, g) for g in activity.maal]
    for tail, goal in sorted(goals, key=lambda pair: _goal_order(builder.strategy, pair[1])):
        builder.link(tail, builder.add(builder.strategy.elements[goal]))
    _follow_goal_connections(builder)


def _activity_count(n: int) -> str:
    return f"{n} aktivitet" if n == 1 else f"{n} aktiviteter"


def _goal_order(strategy: model.Strategy, goal_id: str) -> int:
    return next(i for i, g in enumerate(strategy.maal) if g.id == goal_id)


def _follow_goal_connections(builder: _Builder) -> None:
    """Add goals that a forbindelse leads to from a goal already drawn (short-term → effect)."""
    changed = True
    while changed:
        changed = False
        for c in builder.strategy.forbindelser:
            target = builder.strategy.elements.get(c.til)
            if c.fra in builder.nodes and isinstance(target, model.Goal) and target.id not in builder.nodes:
                builder.add(target)
                changed = True


def area_overview(strategy: model.Strategy, style: Style) -> Diagram:
    """For large strategies: områder → the goals their work leads to, highest levels only."""
    builder = _Builder(strategy, style)
    reached = _goals_reached(strategy)
    top_level = _top_goal_level(strategy)
    for area in strategy.omraader:
        indsatser = [i for i in strategy.indsatser if area.id in i.omraader]
        activities = [a for a in strategy.activities if area.id in a.omraader]
        note = f"{len(indsatser)} indsatser, {_activity_count(len(activities))}"
        builder.add(area, note)
        for goal in strategy.maal:
            if goal.niveau in top_level and goal.id in reached[area.id]:
                builder.link(area.id, builder.add(goal))
    return builder.diagram("oversigt", "oversigt", (("område",), GOAL_LEVELS))


def _goals_reached(strategy: model.Strategy) -> dict[str, set[str]]:
    """Per område: every goal its indsatser and activities serve, directly or through forbindelser."""
    reached: dict[str, set[str]] = defaultdict(set)
    for indsats in strategy.indsatser:
        for activity in indsats.aktiviteter:
            for area in {*indsats.omraader, *activity.omraader}:
                reached[area].update(activity.maal)
        for area in indsats.omraader:
            reached[area].update(indsats.maal)
    onward: dict[str, set[str]] = defaultdict(set)
    for c in strategy.forbindelser:
        onward[c.fra].add(c.til)
    for goals in reached.values():
        todo = list(goals)
        while todo:
            new = onward[todo.pop()] - goals
            goals.update(new)
            todo += new
    return reached


def _top_goal_level(strategy: model.Strategy) -> tuple[str, ...]:
    levels = {g.niveau for g in strategy.maal}
    higher = tuple(level for level in ("effekt", "langsigtet") if level in levels)
    return higher or ("kortsigtet",)


def sammenhaenge(strategy: model.Strategy, style: Style) -> Diagram:
    """Hypoteser → the indsatser they are placed under."""
    builder = _Builder(strategy, style)
    for indsats in strategy.indsatser:
        for hypothesis in indsats.hypoteser:
            builder.link(builder.add(hypothesis), builder.add(indsats))
    return builder.diagram("sammenhaenge", "sammenhaenge", (("hypotese",), ("indsats",)))


def dependencies(strategy: model.Strategy, style: Style) -> Diagram:
    """Activities that must happen first → the activities that depend on them."""
    builder = _Builder(strategy, style)
    for activity in strategy.activities:
        for earlier in activity.afhaenger_af:
            tail = builder.add(strategy.elements[earlier], _indsats_of(strategy, earlier))
            builder.link(tail, builder.add(activity, _indsats_of(strategy, activity.id)), dependency=True)
    return builder.diagram("afhaengigheder", "afhaengigheder")


def _indsats_of(strategy: model.Strategy, activity_id: str) -> str:
    return heading(strategy.parents[activity_id])


def objectives(strategy: model.Strategy, style: Style) -> Diagram:
    """Målsætninger → their indsatser, mål, aktører (with their responsibility) and processer."""
    builder = _Builder(strategy, style)
    for objective in strategy.maalsaetninger:
        top = builder.add(objective)
        for element in (*strategy.indsatser, *strategy.maal, *strategy.processer):
            if objective.id in getattr(element, "maalsaetninger", ()):
                builder.link(top, builder.add(element))
        for actor in strategy.aktoerer:
            for role in actor.roller:
                if role.maalsaetning == objective.id:
                    builder.link(top, builder.add(actor), note=f"Ansvar: {role.ansvar}")
    others = ("indsats", *GOAL_LEVELS, "aktør", "proces")
    return builder.diagram("maalsaetninger", "maalsaetninger", (("målsætning",), others))
