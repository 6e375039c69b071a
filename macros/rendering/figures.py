"""Figures on pages: a rendered diagram as inline SVG with caption, downloads and its text equivalent.

Pipeline position: rendering. ``figure_markdown`` places one ``diagrams.figures.Figure`` on one page: node
link placeholders resolved relative to that page through the address book, dark-scheme colours, the
download links, and the same chain as a nested Markdown list (``text_equivalent``) for readers who do
not see the picture. ``diagram_page`` is the strategy's page of the diagrams no element page shows.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Mapping

from ..derived.addresses import AddressBook, diagram_page_src, relative_link, relpath
from ..derived.words import number
from ..diagrams.figures import DiagramSet, Figure, resolve_links
from ..diagrams.graphs import Diagram, Edge
from ..diagrams.style import Style
from ..text import inline
from .templating import template

# Size limit that keeps every page small however large the strategy is (issue 7: no page over 500 kB at
# 1,000 activities): a diagram whose inline SVG is longer than this is shown as an image of its published
# SVG file instead (the file's nodes are links too); the text equivalent stays on the page.
INLINE_SVG_MAX = 200_000


def figure_markdown(figures: DiagramSet, book: AddressBook, strategy_id: str, name: str, from_src: str) -> str:
    """The figure for the page built from ``from_src``: inline SVG, caption, downloads, text list."""
    figure = figures.figure(strategy_id, name)

    def markdown_link(element_id: str) -> str:
        return relative_link(from_src, book.target(strategy_id, element_id))

    return template(
        "figures/figure.md.j2",
        figure=figure,
        diagram=figure.diagram,
        words=figures.style,
        svg=resolve_links(figure.svg, lambda sid, eid: book.href(from_src, sid, eid)),
        css=figure_css(figure.svg, figures.style),
        inline_svg_max=INLINE_SVG_MAX,
        svg_link=_file_link(from_src, figure.svg_file) if figure.svg_file else "",
        pdf_link=_file_link(from_src, figure.pdf_file) if figure.pdf_file else "",
        note=size_note(figure),
        detail_link=_detail_link(figures, strategy_id, name, from_src),
        items=text_equivalent(figure.diagram, markdown_link),
    )


def diagram_page(figures: DiagramSet, book: AddressBook, strategy_id: str, title: str) -> str | None:
    """The page with the strategy's diagrams no element page shows (detail, sammenhænge, …); None if none."""
    names = [
        name
        for name in figures.names(strategy_id)
        if name not in ("oversigt",) and not name.startswith(("indsats-", "omraade-"))
    ]
    if not names:
        return None
    src = diagram_page_src(strategy_id)
    shown = [
        (figures.figure(strategy_id, name), figure_markdown(figures, book, strategy_id, name, src)) for name in names
    ]
    return template("figures/diagram_page.md.j2", title=title, words=figures.style, figures=shown)


def size_note(figure: Figure) -> str:
    """Why a diagram is drawn without its dependency arrows, or not drawn at all (``drawn_form``); else ""."""
    sentences = []
    if figure.form == "tekst":
        boxes, arrows = number(len(figure.diagram.nodes)), number(len(figure.diagram.edges))
        sentences.append(
            f"Diagrammet er for stort til at blive tegnet, så det kan læses ({boxes} bokse og {arrows} pile). "
            "Nedenfor står det samme som tekst."
        )
    if figure.left_out:
        sentences.append(
            f"Afhængighederne mellem aktiviteterne ({number(figure.left_out)} stiplede pile) er udeladt her, "
            "fordi de er for mange til at vise overskueligt. De står på hver aktivitets egen side."
        )
    return " ".join(sentences)


def _detail_link(figures: DiagramSet, strategy_id: str, name: str, from_src: str) -> str:
    if name != "oversigt" or "detaljer" not in figures.names(strategy_id):
        return ""
    return _file_link(from_src, diagram_page_src(strategy_id)) + "#detaljer"


def _file_link(from_src: str, path: str) -> str:
    """A link from the page built from ``from_src`` to a file or page source of the site."""
    return relpath(path, posixpath.dirname(from_src))


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


def _list_from(
    diagram: Diagram,
    start: str,
    below: Mapping[str, list[Edge]],
    link: Callable[[str], str],
    shown: set[str],
    lines: list[str],
) -> None:
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
