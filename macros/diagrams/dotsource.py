"""DOT writing: a ``Diagram`` as Graphviz DOT text, for the screen (links, tooltips) or an A3 page.

Pipeline position: after graph building, before Graphviz runs. ``to_dot`` is a pure function of the
diagram and the style; the DOT text is what the cache is keyed on. Node links are placeholders
(``__el__/<strategi>/<id>``), so the DOT does not depend on the page a diagram is shown on or on
``use_directory_urls``; the figures resolve them through the address book.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from itertools import pairwise

from .graphs import Diagram, Edge, Node, edge_title
from .style import Style

LINK_PLACEHOLDER = "__el__"


class Html(str):
    """A Graphviz HTML-like label, already ``<…>``-delimited: written as is, never quoted."""


def _quote(value: str) -> str:
    """A DOT value. Graphviz expands ``\\N``, ``\\G``, ``\\E``, ``\\T``, ``\\H``, ``\\L`` (names of the node,
    graph, edge …) and ``\\n``, ``\\l``, ``\\r`` (line breaks) in labels, tooltips and URLs, HTML labels
    included, and reads ``\\\\`` as one backslash. Our own markup has no backslash, so every backslash in an
    HTML label is text from the data and is doubled; a quoted string is escaped for DOT's own quoting, and
    a tooltip's text doubled once more before (``_escape``)."""
    if isinstance(value, Html):
        return str(value).replace("\\", "\\\\")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
    """The DOT source: for the screen (links, tooltips) or for paper (no links, the legend above the
    drawing). On paper the drawing keeps its natural size: ``pdf.a3_sheet`` scales it to fill the A3 sheet
    and adds the title block."""
    graph = _Dot(diagram.name)
    graph.attr(
        "graph",
        rankdir="LR",
        bgcolor="transparent",
        fontname=style.font,
        nodesep="0.15",
        ranksep="0.35",
        newrank="true",
        fontcolor=style.text.light,
    )
    if printable:
        graph.attr("graph", margin="0", pad="0.1")
    graph.attr(
        "node",
        fontname=style.font,
        fontsize=str(style.font_size),
        fontcolor=style.text.light,
        penwidth="1.3",
        margin="0.1,0.05",
    )
    graph.attr(
        "edge",
        color=style.edge.light,
        penwidth="1.2",
        arrowsize="0.8",
        fontname=style.font,
        fontsize=str(style.small_font_size),
        fontcolor=style.connection_edge.light,
    )
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
    for tail, head in _column_order(diagram):
        graph.edge(tail, head, style="invis", weight="0")
    _dot_legend(graph, diagram, style, printable)
    return graph.source


def _column_order(diagram: Diagram) -> list[tuple[str, str]]:
    """Invisible arrows that keep each column right of the one before it where no arrow of the diagram goes
    from that column into it: without one, dot puts a column nothing points into (a goal nobody links to) at
    the far left, and one reached only from further back (an activity's mellemlangt mål) beside the column
    before it."""
    return [
        (before[0], column[0])
        for before, column in pairwise(diagram.ranks)
        if not any(edge.tail in before and edge.head in column for edge in diagram.edges)
    ]


def _dot_node(graph: _Dot, diagram: Diagram, node: Node, style: Style, printable: bool) -> None:
    look = style.types.of(node.kind)
    attributes = {
        "shape": look.shape,
        "style": look.style,
        "fillcolor": look.fill.light,
        "color": look.border.light,
        "label": _label(diagram, node, style),
    }
    if not printable:
        attributes |= {
            "URL": f"{LINK_PLACEHOLDER}/{diagram.strategy_id}/{node.name}",
            "tooltip": _escape(node.text + (f" ({node.note})" if node.note else "")),
        }
    graph.node(node.name, **attributes)


def _dot_edge(graph: _Dot, diagram: Diagram, edge: Edge, style: Style, printable: bool) -> None:
    attributes: dict[str, str] = {}
    if edge.dependency:
        attributes |= {"style": "dashed", "constraint": "false" if diagram.ranks else "true"}
    if edge.influence:
        attributes |= {"style": "dotted", "penwidth": "1.6"}
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
    """The graph's label: a table of the kinds of box drawn, the områder's colours, the kinds of arrow
    and the numbered assumptions; below the drawing on screen, above it on paper (where the sheet's title
    block names the diagram: ``pdf.a3_sheet``)."""
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html.escape(style.legend.title)}</B></TD></TR>']
    for kind, word in diagram.kind_words:
        look = style.types.of(kind)
        rows.append(_legend_row(f'BGCOLOR="{look.fill.light}" COLOR="{look.border.light}" BORDER="1"', word, style))
    for _, title, colour in diagram.area_colours:
        rows.append(_legend_row(f'BGCOLOR="{colour.light}"', f"{style.legend.areas}: {title}", style))
    if any(not e.dependency and not e.assumption for e in diagram.edges):
        rows.append(_legend_row("", style.legend.arrow, style, sample=("→", style.edge.light)))
    if any(e.dependency for e in diagram.edges):
        rows.append(_legend_row("", style.legend.dependency, style, sample=("- - →", style.edge.light)))
    if any(e.influence for e in diagram.edges):
        rows.append(_legend_row("", style.legend.influence, style, sample=("··· →", style.edge.light)))
    numbered = [e for e in diagram.edges if e.assumption]
    if numbered:
        rows.append(_legend_row("", style.legend.connection, style, sample=("A1 →", style.connection_edge.light)))
    for edge in numbered:
        text = "<BR/>".join(html.escape(line) for line in _wrap(edge.assumption or "", style.wrap_small * 2))
        rows.append(
            f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">A{edge.number}</TD><TD ALIGN="LEFT" BALIGN="LEFT">{text}</TD></TR>'
        )
    table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{"".join(rows)}</TABLE>'
    graph.attr(
        "graph",
        label=Html(f"<{table}>"),
        labelloc="t" if printable else "b",
        labeljust="l",
        fontsize=str(style.small_font_size),
    )


def _legend_row(swatch: str, text: str, style: Style, sample: tuple[str, str] | None = None) -> str:
    """A legend line: a coloured box (``swatch``: cell attributes) or a drawn ``sample`` (text, colour)."""
    lines = "<BR/>".join(html.escape(line) for line in _wrap(text, style.wrap_small * 2))
    first = f'<TD WIDTH="22" HEIGHT="12" FIXEDSIZE="TRUE" {swatch}></TD>'
    if sample:
        first = f'<TD><FONT COLOR="{sample[1]}"><B>{html.escape(sample[0])}</B></FONT></TD>'
    return f'<TR>{first}<TD ALIGN="LEFT" BALIGN="LEFT">{lines}</TD></TR>'


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width, break_long_words=False, break_on_hyphens=False) or [""]


def _escape(text: str) -> str:
    """A tooltip (an escString) on one line, with every backslash shown as written (see ``_quote``)."""
    return " ".join(text.split()).replace("\\", "\\\\")
