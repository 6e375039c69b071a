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
from ..derived.words import NO_LEVEL as NO_LEVEL_TEXT
from ..derived.words import Vocabulary, vocabulary
from .style import Colour, Style

# The columns of the chain, left to right: ressourcer → indsatser → aktiviteter → leverancer → kortsigtede →
# mellemlange → langsigtede and effektmål → gevinster, then goals whose level the data does not give (a
# group of their own, never a level's column). External factors have no column: dot places them by arrows.
CHAIN = (
    ("ressource",),
    ("indsats",),
    ("aktivitet",),
    ("leverance",),
    ("kortsigtet",),
    ("mellemlang",),
    ("langsigtet", "effekt"),
    ("gevinst",),
    ("mål",),
)
GOAL_LEVELS: tuple[str, ...] = model.GOAL_LEVELS
NO_LEVEL = "mål"  # the kind of box of a goal whose level the data does not give

# The placeholders of the style file's diagram words ({indsatser}, {Indsatser} …) and the kinds they name.
PLURAL_PLACEHOLDERS = {
    "områder": "område",
    "målsætninger": "målsætning",
    "ressourcer": "ressource",
    "indsatser": "indsats",
    "aktiviteter": "aktivitet",
    "hypoteser": "hypotese",
    "mål": "mål",
    "aktører": "aktør",
    "processer": "proces",
}


@dataclass(frozen=True)
class Node:
    """One element drawn as a box. ``name`` is its DOT name: the element id."""

    name: str
    kind: str  # key into Style.types: the element's kind, or a goal's level ("mål" without one)
    heading: str  # "Indsats 2", "Aktivitet", "Kortsigtet mål": the strategy's words
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
    influence: bool = False  # an external factor acting on the head (``påvirker``)


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
    kind_words: tuple[tuple[str, str], ...] = ()  # (node kind, the legend's word for it), in drawing order
    detail_text: str = ""  # the words of the overview's link to the detailed diagram, in the strategy's words

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

    def __init__(self, strategy: model.Strategy, style: Style, words: Vocabulary) -> None:
        self.strategy = strategy
        self.style = style
        self.words = words
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str], Edge] = {}

    def add(self, element: model.Element, note: str = "") -> str:
        if element.id not in self.nodes:
            self.nodes[element.id] = make_node(self.strategy, self.words, element, note)
        return element.id

    def link(self, tail: str, head: str, note: str = "", dependency: bool = False) -> None:
        if tail != head and (tail, head) not in self.edges:
            note = self.style.dependency_edge if dependency else note
            self.edges[(tail, head)] = Edge(tail, head, note=note, dependency=dependency)

    def influence(self, factor: str, target: str) -> None:
        """A dotted arrow from an external factor to what it acts on (when not already joined)."""
        if factor != target and (factor, target) not in self.edges:
            self.edges[(factor, target)] = Edge(factor, target, note=self.style.influence_edge, influence=True)

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
        columns = tuple(columns)
        ranks = tuple(r for r in (tuple(n.name for n in nodes if n.kind in kinds) for kinds in columns) if r)
        drawn = {n.kind for n in nodes}
        chain = [kind for kinds in columns for kind in kinds if kind in drawn and kind != NO_LEVEL]
        words = self.style.diagrams.of(wording)
        fill = {
            **plural_placeholders(self.words),
            "titel": self.strategy.titel,
            "antal": _count(self.words, nodes),
            "kæde": self.words.series(chain),
            **values,
        }
        return Diagram(
            self.strategy.id,
            name,
            words.title.format(**fill),
            words.description.format(**fill),
            nodes,
            tuple(edges),
            ranks,
            _area_colours(self.strategy, self.style, nodes),
            tuple((kind, kind_word(self.words, kind)) for kind in _legend_order(nodes, columns)),
            self.style.detail_link.format(**fill),
        )


def _legend_order(nodes: tuple[Node, ...], columns: tuple[tuple[str, ...], ...]) -> list[str]:
    """The kinds of box drawn, in the order of the columns (left to right), those without a column last."""
    position = {kind: n for n, kinds in enumerate(columns) for kind in kinds}
    kinds = list(dict.fromkeys(node.kind for node in nodes))
    return sorted(kinds, key=lambda kind: position.get(kind, len(columns)))


def plural_placeholders(words: Vocabulary) -> dict[str, str]:
    """The style file's placeholders for the strategy's plural words: {indsatser}, {Indsatser} …"""
    found = {}
    for placeholder, kind in PLURAL_PLACEHOLDERS.items():
        found[placeholder] = words.plural(kind)
        found[placeholder[:1].upper() + placeholder[1:]] = words.Plural(kind)
    return found


def kind_word(words: Vocabulary, kind: str) -> str:
    """A kind of box as the legend names it: "Fokuspunkt", "Kortsigtet mål", "Mål (niveau ikke angivet)"."""
    return f"{words.Singular('mål')} ({NO_LEVEL_TEXT})" if kind == NO_LEVEL else words.Singular(kind)


def _number_assumptions(edges: list[Edge]) -> list[Edge]:
    numbered, number = [], 0
    for edge in edges:
        if edge.assumption:
            number += 1
        numbered.append(replace(edge, number=number) if edge.assumption else edge)
    return numbered


def _count(words: Vocabulary, nodes: tuple[Node, ...]) -> str:
    """What is drawn, counted in the strategy's words: "4 indsatser, 9 aktiviteter, 5 mål"."""
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        counts["mål" if node.kind in (*GOAL_LEVELS, NO_LEVEL) else node.kind] += 1
    return ", ".join(words.count(n, kind) for kind, n in counts.items())


def _area_colours(
    strategy: model.Strategy, style: Style, nodes: tuple[Node, ...]
) -> tuple[tuple[str, str, Colour], ...]:
    used = {a for n in nodes for a in n.areas} | {n.name for n in nodes if n.kind == "område"}
    return tuple(
        (a.id, a.titel, style.areas[i % len(style.areas)]) for i, a in enumerate(strategy.omraader) if a.id in used
    )


def node_kind(element: model.Element) -> str:
    """The kind of box an element is drawn as: its kind, or a goal's level ("mål" when it has none)."""
    if isinstance(element, model.Goal):
        return element.niveau or NO_LEVEL
    return element.kind


def make_node(strategy: model.Strategy, words: Vocabulary, element: model.Element, note: str = "") -> Node:
    kind = node_kind(element)
    label = words.Singular("mål" if kind == NO_LEVEL else kind)
    heading = f"{label} {element.nr}" if element.nr is not None else label
    areas = tuple(getattr(element, "omraader", ()))
    names = ", ".join(strategy.elements[a].titel for a in areas)
    return Node(element.id, kind, heading, element.titel, " · ".join(p for p in (names, note) if p), areas)


# --- the diagrams of a strategy -----------------------------------------------------------------


def strategy_diagrams(strategy: model.Strategy, style: Style) -> list[Diagram]:
    """Every diagram the strategy has something to draw for, overview first.

    The overview is left out when it would be a single box (the page lists that element already); every
    other diagram when it has nothing to draw. A diagram of relations across the strategy (no other diagram
    links down to it) is also left out without an arrow (a list of boxes says nothing the page does not) or
    with more arrows per box than ``detail.max_arrows_per_box``: crossing arrows that are only a tangle."""
    words = vocabulary(strategy)
    level = overview_level(strategy, style)
    first = overview(strategy, style, words, level)
    found = [first] if len(first.nodes) > 1 else []
    if level != "aktiviteter":
        found.append(detail(strategy, style, words))
    if level == "omraader":
        found += [area_diagram(strategy, style, words, area) for area in strategy.omraader]
    found += [indsats_diagram(strategy, style, words, i) for i in strategy.indsatser]
    found += [
        sammenhaenge(strategy, style, words),
        dependencies(strategy, style, words),
        objectives(strategy, style, words),
    ]
    whole = ("detaljer", "afhaengigheder")  # whole-strategy pictures that are only legible up to a size
    relations = ("sammenhaenge", "afhaengigheder", "maalsaetninger")  # no diagram links down to these
    return [
        d
        for d in found
        if d.nodes
        and (d.name not in whole or len(d.nodes) <= style.detail.max_nodes)
        and (d.name not in relations or 0 < len(d.edges) <= style.detail.max_arrows_per_box * len(d.nodes))
    ]


def overview_level(strategy: model.Strategy, style: Style) -> str:
    """How far the overview is collapsed: "aktiviteter" (all drawn), "indsatser" or "omraader"."""
    if len(strategy.activities) <= style.overview.max_activities:
        return "aktiviteter"
    if len(strategy.indsatser) <= style.overview.max_indsatser or not strategy.omraader:
        return "indsatser"
    return "omraader"


def overview(strategy: model.Strategy, style: Style, words: Vocabulary, level: str) -> Diagram:
    if level == "omraader":
        return area_overview(strategy, style, words)
    builder = _Builder(strategy, style, words)
    _resources(builder)
    _chain(builder, strategy.indsatser, with_activities=level == "aktiviteter")
    _whole_chain(builder)
    return builder.diagram("oversigt", "oversigt", CHAIN)


def detail(strategy: model.Strategy, style: Style, words: Vocabulary) -> Diagram:
    builder = _Builder(strategy, style, words)
    _resources(builder)
    _chain(builder, strategy.indsatser, with_activities=True)
    _whole_chain(builder)
    return builder.diagram("detaljer", "detaljer", CHAIN)


def _resources(builder: _Builder) -> None:
    """Every resource, first: the chain (and its text equivalent) begins with what the work builds on."""
    for resource in builder.strategy.ressourcer:
        builder.add(resource)


def _whole_chain(builder: _Builder) -> None:
    """Every goal of the strategy, and every external factor with arrows to what it acts on, whether or not
    anything links to them: a picture of the whole theory leaves none of them out."""
    strategy = builder.strategy
    for goal in sorted(strategy.maal, key=_level_order):
        builder.add(goal)
    _factors(builder, everything=True)


def _factors(builder: _Builder, everything: bool) -> None:
    """External factors with dotted arrows to the drawn elements they act on (an activity not drawn is
    represented by its indsats); with ``everything``, also those acting on nothing drawn."""
    strategy = builder.strategy
    for factor in strategy.eksterne_faktorer:
        targets = [_drawn(builder, target) for target in factor.paavirker]
        drawn = [target for target in targets if target]
        if drawn or everything:
            name = builder.add(factor)
            for target in drawn:
                builder.influence(name, target)


def _drawn(builder: _Builder, element_id: str) -> str:
    """The node that stands for ``element_id`` in the diagram: itself, its parent (an activity's indsats in a
    collapsed overview), or "" when neither is drawn."""
    if element_id in builder.nodes:
        return element_id
    parent = builder.strategy.parents.get(element_id)
    return parent.id if parent is not None and parent.id in builder.nodes else ""


def _level_order(goal: model.Goal) -> int:
    return GOAL_LEVELS.index(goal.niveau) if goal.niveau else len(GOAL_LEVELS)


def indsats_diagram(strategy: model.Strategy, style: Style, words: Vocabulary, indsats: model.Intervention) -> Diagram:
    builder = _Builder(strategy, style, words)
    _chain(builder, (indsats,), with_activities=True)
    for activity in indsats.aktiviteter:
        for earlier in activity.afhaenger_af:
            if earlier in builder.nodes:
                builder.link(earlier, activity.id, dependency=True)
    if len(builder.nodes) == 1:  # nothing but the indsats itself: no diagram
        builder.nodes.clear()
    else:
        _factors(builder, everything=False)
    return builder.diagram(f"indsats-{indsats.id}", "indsats", CHAIN, navn=words.heading(indsats))


def area_diagram(strategy: model.Strategy, style: Style, words: Vocabulary, area: model.Area) -> Diagram:
    indsatser = [i for i in strategy.indsatser if area.id in i.omraader]
    builder = _Builder(strategy, style, words)
    activities = sum(len(i.aktiviteter) for i in indsatser)
    _chain(builder, indsatser, with_activities=activities <= style.overview.max_activities)
    return builder.diagram(f"omraade-{area.id}", "omraade", CHAIN, navn=words.heading(area))


def _chain(builder: _Builder, indsatser: Iterable[model.Intervention], with_activities: bool) -> None:
    """indsatser → (aktiviteter) → mål, then mål → mål where a forbindelse leads on from a drawn goal."""
    goals: list[tuple[str, str]] = []  # (from node, goal id)
    for indsats in indsatser:
        note = "" if with_activities else builder.words.count(len(indsats.aktiviteter), "aktivitet")
        top = builder.add(indsats, note)
        goals += [(top, g) for g in indsats.maal]
        for activity in indsats.aktiviteter:
            tail = builder.add(activity) if with_activities else top
            builder.link(top, tail)
            goals += [(tail, g) for g in activity.maal]
    for tail, goal in sorted(goals, key=lambda pair: _goal_order(builder.strategy, pair[1])):
        builder.link(tail, builder.add(builder.strategy.elements[goal]))
    _follow_goal_connections(builder)


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


def area_overview(strategy: model.Strategy, style: Style, words: Vocabulary) -> Diagram:
    """For large strategies: områder → the goals their work leads to, highest levels only; and every
    resource, external factor and goal that no område's work reaches, so none of them is left out."""
    builder = _Builder(strategy, style, words)
    reached = _goals_reached(strategy)
    top_level = _top_goal_level(strategy)
    _resources(builder)
    for area in strategy.omraader:
        indsatser = [i for i in strategy.indsatser if area.id in i.omraader]
        activities = [a for a in strategy.activities if area.id in a.omraader]
        note = f"{words.count(len(indsatser), 'indsats')}, {words.count(len(activities), 'aktivitet')}"
        builder.add(area, note)
        for goal in strategy.maal:
            if goal.niveau in top_level and goal.id in reached[area.id]:
                builder.link(area.id, builder.add(goal))
    anywhere = set().union(*reached.values()) if reached else set()
    for goal in sorted(strategy.maal, key=_level_order):
        if goal.id not in anywhere:
            builder.add(goal)
    _factors(builder, everything=True)
    return builder.diagram("oversigt", "oversigt", (("ressource",), ("område",), *CHAIN[3:]))


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
    higher = tuple(level for level in ("effekt", "langsigtet", "gevinst") if level in levels)
    return higher or ("kortsigtet",)


def sammenhaenge(strategy: model.Strategy, style: Style, words: Vocabulary) -> Diagram:
    """Hypoteser → the indsatser they are placed under."""
    builder = _Builder(strategy, style, words)
    for indsats in strategy.indsatser:
        for hypothesis in indsats.hypoteser:
            builder.link(builder.add(hypothesis), builder.add(indsats))
    return builder.diagram("sammenhaenge", "sammenhaenge", (("hypotese",), ("indsats",)))


def dependencies(strategy: model.Strategy, style: Style, words: Vocabulary) -> Diagram:
    """Activities that must happen first → the activities that depend on them."""
    builder = _Builder(strategy, style, words)
    for activity in strategy.activities:
        for earlier in activity.afhaenger_af:
            tail = builder.add(strategy.elements[earlier], _indsats_of(strategy, words, earlier))
            builder.link(tail, builder.add(activity, _indsats_of(strategy, words, activity.id)), dependency=True)
    return builder.diagram("afhaengigheder", "afhaengigheder")


def _indsats_of(strategy: model.Strategy, words: Vocabulary, activity_id: str) -> str:
    return words.heading(strategy.parents[activity_id])


def objectives(strategy: model.Strategy, style: Style, words: Vocabulary) -> Diagram:
    """Målsætninger → their indsatser, mål, aktører (with their responsibility) and processer."""
    builder = _Builder(strategy, style, words)
    for objective in strategy.maalsaetninger:
        top = builder.add(objective)
        for element in (*strategy.indsatser, *strategy.maal, *strategy.processer):
            if objective.id in getattr(element, "maalsaetninger", ()):
                builder.link(top, builder.add(element))
        for actor in strategy.aktoerer:
            for role in actor.roller:
                if role.maalsaetning == objective.id:
                    builder.link(top, builder.add(actor), note=f"Ansvar: {role.ansvar}")
    others = ("indsats", *GOAL_LEVELS, NO_LEVEL, "aktør", "proces")
    drawn = {node.kind for node in builder.nodes.values()}
    beside = [kind for kind in others if kind in drawn]
    return builder.diagram("maalsaetninger", "maalsaetninger", (("målsætning",), others), følger=words.series(beside))
