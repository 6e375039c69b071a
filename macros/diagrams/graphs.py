"""Diagrams of the theory of change: model → DOT text → inline SVG figures, downloads and text equivalents.

Pipeline position: after validation and the address book (``pages.address_book``), before the pages are
rendered. ``build_diagrams`` runs once per build: it reads ``diagrams/diagrammer.yaml`` once, draws every
diagram of every strategy as DOT text (pure functions of the model: ``strategy_diagrams`` and ``to_dot``),
has ``dot.render`` turn all of them into SVG and A3 PDF in one batch through the cache, and returns a
``DiagramSet``. The page renderer asks it for ``figure(...)`` (inline SVG, caption with downloads, and the
same chain as a nested Markdown list); the plugin publishes its ``files`` and ``pages()``.

Node links in the DOT are placeholders (``__el__/<strategi>/<id>``), so the DOT, and with it the cache
key, does not depend on the page a diagram is shown on or on ``use_directory_urls``; ``figure`` resolves
them relative to the embedding page through ``PageSet.href``.
"""

from __future__ import annotations

import html
import posixpath
import re
import textwrap
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

import yaml

from . import dot, model, render
from .addresses import relative_link, relative_url
from .pages import PageSet
from .text import inline

STYLE_FILE = Path(__file__).resolve().parent.parent / "diagrams" / "diagrammer.yaml"
LINK_PLACEHOLDER = "__el__"
_LINK = re.compile(LINK_PLACEHOLDER + r"/([a-z0-9-]+)/([a-z0-9-]+)")
CHAIN = (("indsats",), ("aktivitet",), ("kortsigtet",), ("effekt",), ("langsigtet",))
GOAL_LEVELS = ("kortsigtet", "effekt", "langsigtet")
A3_DRAWING = "15.9,11.1"  # inches: an A3 landscape page (16.54 × 11.69) less the pad; dot only shrinks


# --- style (diagrams/diagrammer.yaml) ------------------------------------------------------------


@dataclass(frozen=True)
class Colour:
    """A colour in the light scheme (DOT, downloads, print) and what the dark scheme shows instead."""

    light: str
    dark: str


@dataclass(frozen=True)
class NodeStyle:
    shape: str
    style: str
    kind_label: str
    fill: Colour
    border: Colour


@dataclass(frozen=True)
class Wording:
    title: str
    description: str


@dataclass(frozen=True)
class Style:
    """Everything that shapes the pictures, read once per build from ``diagrams/diagrammer.yaml``."""

    font: str
    font_fallback: str
    font_size: float
    small_font_size: float
    wrap: int
    wrap_small: int
    min_scale: float
    page: Colour
    text: Colour
    muted_text: Colour
    edge: Colour
    connection_edge: Colour
    cluster_border: Colour
    types: Mapping[str, NodeStyle]
    areas: tuple[Colour, ...]
    max_activities: int
    max_indsatser: int
    detail_max_nodes: int
    legend: Mapping[str, str]
    diagrams: Mapping[str, Wording]
    words: Mapping[str, str]

    def colours(self) -> list[Colour]:
        """Every colour a diagram can draw with (the page colours excluded)."""
        found = [self.text, self.muted_text, self.edge, self.connection_edge, self.cluster_border]
        for node_style in self.types.values():
            found += [node_style.fill, node_style.border]
        return found + list(self.areas)


def load_style(path: Path = STYLE_FILE) -> Style:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def colour(value: Mapping[str, str]) -> Colour:
        return Colour(str(value["light"]).lower(), str(value["dark"]).lower())

    types = {key: NodeStyle(str(v["shape"]), str(v["style"]), str(v["kind_label"]), colour(v["fill"]),
                            colour(v["border"])) for key, v in raw["types"].items()}
    diagrams = {key: Wording(str(v["title"]), str(v["description"])) for key, v in raw["diagrams"].items()}
    colours = {key: colour(raw[key]) for key in
               ("page", "text", "muted_text", "edge", "connection_edge", "cluster_border")}
    words = {key: str(value) for key, value in raw.items() if isinstance(value, str)}
    return Style(
        font=str(raw["font"]), font_fallback=str(raw["font_fallback"]), font_size=float(raw["font_size"]),
        small_font_size=float(raw["small_font_size"]), wrap=int(raw["wrap"]), wrap_small=int(raw["wrap_small"]),
        min_scale=float(raw["min_scale"]),
        **colours, types=types, areas=tuple(colour(a) for a in raw["areas"]),
        max_activities=int(raw["overview"]["max_activities"]), max_indsatser=int(raw["overview"]["max_indsatser"]),
        detail_max_nodes=int(raw["detail"]["max_nodes"]), legend={k: str(v) for k, v in raw["legend"].items()},
        diagrams=diagrams, words=words)


# --- what a diagram is --------------------------------------------------------------------------


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
            note = self.style.words["dependency_edge"] if dependency else note
            self.edges[(tail, head)] = Edge(tail, head, note=note, dependency=dependency)

    def connections(self) -> None:
        """Arrows from ``forbindelser`` between drawn elements, carrying their assumption."""
        for c in self.strategy.forbindelser:
            if c.fra in self.nodes and c.til in self.nodes and c.fra != c.til:
                old = self.edges.get((c.fra, c.til), Edge(c.fra, c.til))
                self.edges[(c.fra, c.til)] = replace(old, assumption=c.antagelse or old.assumption,
                                                     reason=c.begrundelse or old.reason)

    def diagram(self, name: str, wording: str, columns: Iterable[tuple[str, ...]] = (),
                **values: str) -> Diagram:
        self.connections()
        edges = _number_assumptions(list(self.edges.values()))
        nodes = tuple(self.nodes.values())
        ranks = tuple(r for r in (tuple(n.name for n in nodes if n.kind in kinds) for kinds in columns) if r)
        words = self.style.diagrams[wording]
        fill = {"titel": self.strategy.titel, "antal": _count(nodes), **values}
        return Diagram(self.strategy.id, name, words.title.format(**fill), words.description.format(**fill),
                       nodes, tuple(edges), ranks, _area_colours(self.strategy, self.style, nodes))


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


_PLURAL = {"indsats": "indsatser", "aktivitet": "aktiviteter", "kortsigtet": "mål", "effekt": "mål",
           "langsigtet": "mål", "hypotese": "hypoteser", "målsætning": "målsætninger", "aktør": "aktører",
           "proces": "processer", "område": "områder"}
_SINGULAR = {plural: singular for singular, plural in _PLURAL.items()} | {"mål": "mål"}


def _area_colours(strategy: model.Strategy, style: Style, nodes: tuple[Node, ...]) -> tuple[
        tuple[str, str, Colour], ...]:
    used = {a for n in nodes for a in n.areas} | {n.name for n in nodes if n.kind == "område"}
    return tuple((a.id, a.titel, style.areas[i % len(style.areas)])
                 for i, a in enumerate(strategy.omraader) if a.id in used)


def make_node(strategy: model.Strategy, style: Style, element: model.Element, note: str = "") -> Node:
    kind = element.niveau if isinstance(element, model.Goal) else element.kind
    label = style.types[kind].kind_label
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
    return [d for d in found if d.nodes and (d.name not in whole or len(d.nodes) <= style.detail_max_nodes)]


def overview_level(strategy: model.Strategy, style: Style) -> str:
    """How far the overview is collapsed: "aktiviteter" (all drawn), "indsatser" or "omraader"."""
    if len(strategy.activities) <= style.max_activities:
        return "aktiviteter"
    if len(strategy.indsatser) <= style.max_indsatser or not strategy.omraader:
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
    return builder.diagram(f"indsats-{indsats.id}", "indsats", CHAIN, navn=render.heading(indsats))


def area_diagram(strategy: model.Strategy, style: Style, area: model.Area) -> Diagram:
    indsatser = [i for i in strategy.indsatser if area.id in i.omraader]
    builder = _Builder(strategy, style)
    activities = sum(len(i.aktiviteter) for i in indsatser)
    _chain(builder, indsatser, with_activities=activities <= style.max_activities)
    return builder.diagram(f"omraade-{area.id}", "omraade", CHAIN, navn=render.heading(area))


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
    return render.heading(strategy.parents[activity_id])


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


# --- DOT ----------------------------------------------------------------------------------------


class Html(str):
    """A Graphviz HTML-like label, already ``<…>``-delimited: written as is, never quoted."""


def _quote(value: str) -> str:
    if isinstance(value, Html):
        return str(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'  # backslashes stay literal


class _Dot:
    """Just enough of a DOT writer: statements in the order given, every value quoted. (The ``graphviz``
    package's quoting took half of a warm build for 1,000 activities.)"""

    def __init__(self, name: str, indent: str = "\t") -> None:
        self.name, self.indent, self.lines = name, indent, list[str]()

    def attr(self, kind: str | None = None, **attributes: str) -> None:
        if kind is None:
            self.lines += [f"{self.indent}{key}={_quote(value)}" for key, value in attributes.items()]
        else:
            self.lines.append(f"{self.indent}{kind} {_attributes(attributes)}")

    def node(self, name: str, **attributes: str) -> None:
        self.lines.append(f"{self.indent}{_quote(name)} {_attributes(attributes)}")

    def edge(self, tail: str, head: str, **attributes: str) -> None:
        self.lines.append(f"{self.indent}{_quote(tail)} -> {_quote(head)} {_attributes(attributes)}")

    @contextmanager
    def subgraph(self) -> Iterator[_Dot]:
        inner = _Dot("", self.indent + "\t")
        yield inner
        self.lines += [self.indent + "{", *inner.lines, self.indent + "}"]

    @property
    def source(self) -> str:
        return f"digraph {_quote(self.name)} {{\n" + "\n".join(self.lines) + "\n}\n"


def _attributes(attributes: Mapping[str, str]) -> str:
    return "[" + " ".join(f"{key}={_quote(value)}" for key, value in attributes.items()) + "]"


def to_dot(diagram: Diagram, style: Style, printable: bool = False) -> str:
    """The DOT source: for the screen (links, tooltips) or for an A3 landscape page (title, no links)."""
    graph = _Dot(diagram.name)
    graph.attr("graph", rankdir="LR", bgcolor="transparent", fontname=style.font, nodesep="0.15",
               ranksep="0.35", newrank="true", fontcolor=style.text.light)
    if printable:
        graph.attr("graph", size=A3_DRAWING, margin="0", pad="0.3")
    graph.attr("node", fontname=style.font, fontsize=str(style.font_size), fontcolor=style.text.light,
               penwidth="1.3", margin="0.1,0.05")
    graph.attr("edge", color=style.edge.light, penwidth="1.2", arrowsize="0.8", fontname=style.font,
               fontsize=str(style.small_font_size), fontcolor=style.connection_edge.light)
    ranked = {name for rank in diagram.ranks for name in rank}
    for index, rank in enumerate(diagram.ranks):
        with graph.subgraph() as column:
            column.attr(rank="same")
            for name in rank:
                _dot_node(column, diagram, diagram.node(name), style, printable)
            if index == 0:  # the first column top-down in file order
                for upper, lower in pairwise(rank):
                    column.edge(upper, lower, style="invis")
    for node in diagram.nodes:
        if node.name not in ranked:
            _dot_node(graph, diagram, node, style, printable)
    for edge in diagram.edges:
        _dot_edge(graph, diagram, edge, style, printable)
    _dot_legend(graph, diagram, style, printable)
    return graph.source


def _dot_node(graph: _Dot, diagram: Diagram, node: Node, style: Style, printable: bool) -> None:
    look = style.types[node.kind]
    attributes = {"shape": look.shape, "style": look.style, "fillcolor": look.fill.light,
                  "color": look.border.light, "label": _label(diagram, node, style)}
    if not printable:
        attributes |= {"URL": f"{LINK_PLACEHOLDER}/{diagram.strategy_id}/{node.name}",
                       "tooltip": _escape(node.text + (f" ({node.note})" if node.note else ""))}
    graph.node(node.name, **attributes)


def _dot_edge(graph: _Dot, diagram: Diagram, edge: Edge, style: Style, printable: bool) -> None:
    attributes: dict[str, str] = {}
    if edge.dependency:
        attributes |= {"style": "dashed", "constraint": "false" if diagram.ranks else "true"}
    if edge.assumption:
        attributes |= {"color": style.connection_edge.light, "penwidth": "2", "label": f"A{edge.number}"}
    if not printable:
        attributes["tooltip"] = _escape(edge_title(diagram, edge))
    graph.edge(edge.tail, edge.head, **attributes)


def _label(diagram: Diagram, node: Node, style: Style) -> Html:
    colours = {a: c for a, _, c in diagram.area_colours}
    stripes = "".join(f'<TD WIDTH="5" BGCOLOR="{colours[a].light}"></TD>' for a in node.areas if a in colours)
    if node.kind == "område" and node.name in colours:
        stripes = f'<TD WIDTH="5" BGCOLOR="{colours[node.name].light}"></TD>'
    lines = "<BR/>".join(html.escape(line) for line in _wrap(node.title, style.wrap))
    note = ""
    if node.note:
        small = "<BR/>".join(html.escape(line) for line in _wrap(node.note, style.wrap_small))
        note = f'<BR/><FONT POINT-SIZE="{style.small_font_size}" COLOR="{style.muted_text.light}">{small}</FONT>'
    cell = f'<TD ALIGN="LEFT" BALIGN="LEFT" CELLPADDING="2"><B>{html.escape(node.heading)}</B><BR/>{lines}{note}</TD>'
    return Html(f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{stripes}{cell}</TR></TABLE>>')


def _dot_legend(graph: _Dot, diagram: Diagram, style: Style, printable: bool) -> None:
    """The graph's label: a table of the kinds of box drawn, the områder's colours and the numbered
    assumptions; below the drawing on screen, above it (under the title) on paper."""
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html.escape(style.legend["title"])}</B></TD></TR>']
    for kind in dict.fromkeys(n.kind for n in diagram.nodes):
        look = style.types[kind]
        rows.append(_legend_row(f'BGCOLOR="{look.fill.light}" COLOR="{look.border.light}" BORDER="1"',
                                look.kind_label, style))
    for _, title, colour in diagram.area_colours:
        rows.append(_legend_row(f'BGCOLOR="{colour.light}"', f'{style.legend["areas"]}: {title}', style))
    if any(e.dependency for e in diagram.edges):
        rows.append(_legend_row("", style.legend["dependency"], style, sample=("- - →", style.edge.light)))
    numbered = [e for e in diagram.edges if e.assumption]
    if numbered:
        rows.append(_legend_row("", style.legend["connection"], style, sample=("A1 →", style.connection_edge.light)))
    for edge in numbered:
        text = "<BR/>".join(html.escape(line) for line in _wrap(edge.assumption or "", style.wrap_small * 2))
        rows.append(f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">A{edge.number}</TD>'
                    f'<TD ALIGN="LEFT" BALIGN="LEFT">{text}</TD></TR>')
    table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{"".join(rows)}</TABLE>'
    if printable:  # the title above the legend, in a table of its own so it does not widen the swatches
        title = f'<FONT POINT-SIZE="{style.font_size * 1.6}">{html.escape(diagram.title)}</FONT>'
        table = (f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0"><TR><TD ALIGN="LEFT">{title}</TD></TR>'
                 f'<TR><TD ALIGN="LEFT">{table}</TD></TR></TABLE>')
    graph.attr("graph", label=Html(f"<{table}>"), labelloc="t" if printable else "b", labeljust="l",
               fontsize=str(style.small_font_size))


def _legend_row(swatch: str, text: str, style: Style, sample: tuple[str, str] | None = None) -> str:
    """A legend line: a coloured box (``swatch``: cell attributes) or a drawn ``sample`` (text, colour)."""
    lines = "<BR/>".join(html.escape(line) for line in _wrap(text, style.wrap_small * 2))
    first = f'<TD WIDTH="22" HEIGHT="12" {swatch}></TD>'
    if sample:
        first = f'<TD><FONT COLOR="{sample[1]}"><B>{html.escape(sample[0])}</B></FONT></TD>'
    return f'<TR>{first}<TD ALIGN="LEFT" BALIGN="LEFT">{lines}</TD></TR>'


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width, break_long_words=False, break_on_hyphens=False) or [""]


def _escape(text: str) -> str:
    """A plain DOT string attribute on one line (``_quote`` keeps its backslashes literal)."""
    return " ".join(text.split())


# --- the figure on a page -----------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A rendered diagram: the cleaned inline SVG (links still placeholders) and its download paths."""

    diagram: Diagram
    svg: str
    svg_file: str  # site-relative
    pdf_file: str

    @property
    def anchor(self) -> str:
        return self.diagram.name


Drawn = tuple[Figure, dict[str, bytes]]  # a finished figure and its download files (site path → bytes)


@dataclass
class DiagramSet:
    """Every rendered diagram of the site, and the files to publish with them."""

    page_set: PageSet
    style: Style
    figures: dict[tuple[str, str], Figure] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    strategy_titles: dict[str, str] = field(default_factory=dict)

    def names(self, strategy_id: str) -> list[str]:
        return [name for (sid, name) in self.figures if sid == strategy_id]

    def figure(self, strategy_id: str, name: str, from_src: str) -> str:
        """The figure for the page built from ``from_src``: inline SVG, caption, downloads, text list."""
        figure = self.figures[(strategy_id, name)]

        def href(match: re.Match[str]) -> str:
            return html.escape(self.page_set.href(from_src, match.group(1), match.group(2)))

        return render.template(
            "diagram_figure.md.j2", f=figure, d=figure.diagram, words=self.style.words,
            svg=_LINK.sub(href, figure.svg), css=figure_css(figure.svg, self.style),
            svg_link=_file_link(from_src, figure.svg_file), pdf_link=_file_link(from_src, figure.pdf_file),
            detail_link=self._detail_link(strategy_id, name, from_src),
            items=text_equivalent(figure.diagram, self._markdown_link(strategy_id, from_src)))

    def pages(self) -> dict[str, str]:
        """One page per strategy with the diagrams no element page shows (detail, sammenhænge, …)."""
        found = {}
        for strategy_id, title in self.strategy_titles.items():
            names = [n for n in self.names(strategy_id) if n not in ("oversigt",) and not
                     n.startswith(("indsats-", "omraade-"))]
            if names:
                src = diagram_page_src(strategy_id)
                figures = [(self.figures[(strategy_id, n)], self.figure(strategy_id, n, src)) for n in names]
                found[src] = render.template("diagram_page.md.j2", title=title, words=self.style.words,
                                             figures=figures)
        return found

    def _markdown_link(self, strategy_id: str, from_src: str) -> Callable[[str], str]:
        def link(element_id: str) -> str:
            return relative_link(from_src, self.page_set.target(strategy_id, element_id))
        return link

    def _detail_link(self, strategy_id: str, name: str, from_src: str) -> str:
        if name != "oversigt" or (strategy_id, "detaljer") not in self.figures:
            return ""
        return posixpath.relpath(diagram_page_src(strategy_id), posixpath.dirname(from_src) or ".") + "#detaljer"


def diagram_page_src(strategy_id: str) -> str:
    return f"{strategy_id}/diagrammer/index.md"


def _file_link(from_src: str, path: str) -> str:
    return posixpath.relpath(path, posixpath.dirname(from_src) or ".")


def figure_css(svg: str, style: Style) -> str:
    """Dark-scheme colours for the colours this SVG draws with, mapped by attribute value."""
    dark = {c.light: c.dark for c in style.colours()}
    used = sorted(set(re.findall(r'\b(fill|stroke)="(#[0-9a-f]{6})"', svg)))
    scope = "[data-md-color-scheme=slate] .strategi-diagram"
    return "".join(f'{scope} [{attr}="{light}"]{{{attr}:{dark[light]}}}' for attr, light in used if light in dark)


def text_equivalent(diagram: Diagram, link: Callable[[str], str]) -> str:
    """The diagram as a nested Markdown list: each item leads to the items under it; every node once
    in full, later mentions say "se ovenfor"."""
    below: dict[str, list[Edge]] = defaultdict(list)
    for edge in diagram.edges:
        below[edge.tail].append(edge)
    heads = {e.head for e in diagram.edges}
    starts = [n.name for n in diagram.nodes if n.name not in heads] + [n.name for n in diagram.nodes]
    lines: list[str] = []
    shown: set[str] = set()
    for start in starts:
        if start not in shown:
            _list_from(diagram, start, below, link, shown, lines)
    return "\n".join(lines)


def _list_from(diagram: Diagram, start: str, below: Mapping[str, list[Edge]], link: Callable[[str], str],
               shown: set[str], lines: list[str]) -> None:
    stack: list[tuple[str, int, Edge | None]] = [(start, 0, None)]
    while stack:
        name, depth, via = stack.pop()
        node = diagram.node(name)
        item = f"{'    ' * depth}- [{inline(node.text)}]({link(name)})"
        item += f" ({inline(node.note)})" if node.note else ""
        item += _edge_words(via)
        if name in shown:
            lines.append(item + " (se ovenfor)")
            continue
        shown.add(name)
        lines.append(item)
        stack += [(e.head, depth + 1, e) for e in reversed(below.get(name, []))]


def _edge_words(edge: Edge | None) -> str:
    if edge is None:
        return ""
    words = ""
    if edge.assumption:
        words += f" – antagelse A{edge.number}: {inline(edge.assumption)}"
    if edge.reason:
        words += f" – begrundelse: {inline(edge.reason)}"
    if edge.note:
        words += f" – {inline(edge.note)}"
    return words


# --- the build ----------------------------------------------------------------------------------


def build_diagrams(site: model.Site, page_set: PageSet, cache_dir: Path, style_file: Path = STYLE_FILE,
                   workers: int = 2, kept: dict[Hashable, Drawn] | None = None) -> DiagramSet:
    """Draw, render (one batch, cached) and clean every diagram of the site.

    ``kept`` (``mkdocs serve`` only) holds the previous rebuild's finished figures by what they are made
    from: the diagram (frozen data), the style file's bytes and the addresses its nodes link to. A
    diagram an edit did not change is taken from there without drawing, rendering or cleaning; the
    dictionary is left holding this build's figures.

    Raises ``dot.GraphvizMissing`` (Danish message with the install command) when ``dot`` is missing and
    ``dot.GraphvizError`` when it fails.
    """
    style = load_style(style_file)
    diagrams = [d for strategy in site.strategies for d in strategy_diagrams(strategy, style)]
    style_bytes = style_file.read_bytes()
    keys: list[Hashable] = [(style_bytes, d, tuple(page_set.url_of(d.strategy_id, n.name) for n in d.nodes))
                            for d in diagrams]
    previous = kept if kept is not None else {}
    todo = [d for d, key in zip(diagrams, keys, strict=True) if key not in previous]
    jobs = [dot.Job(to_dot(d, style), "svg") for d in todo]
    jobs += [dot.Job(to_dot(d, style, printable=True), "pdf") for d in todo]
    outputs = dot.render(jobs, cache_dir, workers)
    fresh = {d: (svg, pdf) for d, svg, pdf in zip(todo, outputs[:len(todo)], outputs[len(todo):], strict=True)}
    result = DiagramSet(page_set, style, strategy_titles={s.id: s.titel for s in site.strategies})
    drawn = {}
    for diagram, key in zip(diagrams, keys, strict=True):  # in drawing order: pages list figures in it
        drawn[key] = previous[key] if diagram not in fresh else _draw_figure(result, diagram, *fresh[diagram])
        figure, files = drawn[key]
        result.figures[(diagram.strategy_id, diagram.name)] = figure
        result.files.update(files)
    if kept is not None:
        kept.clear()
        kept.update(drawn)
    return result


def _draw_figure(result: DiagramSet, diagram: Diagram, svg: bytes, pdf: bytes) -> Drawn:
    """The figure and its download files (site path → bytes) from dot's SVG and PDF."""
    folder = posixpath.dirname(diagram_page_src(diagram.strategy_id))
    svg_file, pdf_file = f"{folder}/{diagram.name}.svg", f"{folder}/{diagram.name}.pdf"
    labels = dot.Labels(diagram.title, diagram.description, diagram.titles())
    inline = dot.inline_svg(svg, diagram.prefix, labels, result.style.font_fallback, result.style.min_scale)

    def links(text: str) -> str:  # a file's URL is its path, whatever use_directory_urls says
        return _LINK.sub(lambda m: html.escape(relative_url(svg_file, result.page_set.url_of(m.group(1), m.group(2)))),
                         text)

    files = {svg_file: dot.standalone_svg(inline, diagram.prefix, links), pdf_file: dot.on_page(pdf)}
    return Figure(diagram, inline, svg_file, pdf_file), files
