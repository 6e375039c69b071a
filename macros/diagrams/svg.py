"""SVG clean-up: dot's SVG made fit for a page (inline) or a download (standalone), and smaller.

Pipeline position: after Graphviz. ``cached_form`` runs once per rendered SVG before it is cached
(no prolog, comments or fonts, ``compact_svg``); ``inline_svg`` and ``standalone_svg`` run per figure: every
``id`` prefixed, human ``<title>``s, an accessible name and description.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_WRAPPED_LINK = re.compile(r'<g id="a_[^"]*">(<a\b[^>]*>)(.*?)</a>\n</g>', re.DOTALL)
_TOOLTIP_ONLY = re.compile(r'<a xlink:title="[^"]*">(.*?)</a>', re.DOTALL)
_DRAWING_ID = re.compile(r' id="(?:a_)?(?:node|edge|clust|graph)\d+"')
_CLOSED_POLYGON = re.compile(r' points="([^" ]+) ([^"]*) \1"')
_COORDINATES = re.compile(r' (points|d|cx|cy|rx|ry)="([^"]*\.[^"]*)"')
_DECIMAL = re.compile(r"-?\d+\.\d+")
_GRAPH_TRANSFORM = re.compile(r' transform="scale\(1 1\) rotate\(0\) (translate\([^)]*\))"')
_TEXT_FONT_SIZE = re.compile(r'(<text\b[^>]*?) font-size="([0-9.]+)"')
_TEXT_FILL = re.compile(r'(<text\b[^>]*?) fill="(#[0-9a-f]{6})"')
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)
_TITLE = re.compile(r"<title>([^<]*)</title>")
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|xlink:href="#|href="#)([^)"]+)')
_SVG_OPEN = re.compile(r"<svg\b([^>]*)>")
_FONT = re.compile(r' font-family="[^"]*"')
_MIN_WIDTH = re.compile(r' style="min-width:[0-9]+px"')
_WIDTH = re.compile(r'<svg\b[^>]*?\bwidth="([0-9.]+)pt"')
_EDGE = re.compile(r'<g class="edge">((?:(?!</g>).)*?)</g>', re.DOTALL)
_STROKE = re.compile(r' stroke="(#[0-9a-f]{6})" stroke-width="([0-9.]+)"')
_SPLINE = re.compile(r' d="M(-?[\d.]+,-?[\d.]+)C([-\d., ]+)"')


@dataclass(frozen=True)
class Labels:
    """What a reader is told about one SVG: its name, its description, and a human title for every
    Graphviz name (graph, node, edge "tail->head") that dot writes into a ``<title>``."""

    name: str
    description: str
    titles: Mapping[str, str]


def inline_svg(raw: bytes, prefix: str, labels: Labels, font_family: str, min_scale: float = 0.0) -> str:
    """dot's SVG made fit to sit inside an HTML page next to other diagrams. A page may shrink it to its
    column, but not below ``min_scale`` of its natural size (then the figure scrolls sideways)."""
    svg = _COMMENT.sub("", _PROLOG.sub("", raw.decode("utf-8"), count=1))
    svg = svg.replace("<svg ", f'<svg font-family="{html.escape(font_family)}" ', 1)
    svg = _TITLE.sub(lambda m: _human_title(m, labels), svg)
    svg = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)
    head = (
        f'<title id="{prefix}navn">{html.escape(labels.name)}</title>'
        f'<desc id="{prefix}beskrivelse">{html.escape(labels.description)}</desc>'
    )
    attributes = (
        f' role="img" aria-labelledby="{prefix}navn" aria-describedby="{prefix}beskrivelse"'
        f' class="strategi-diagram__svg"'
    )
    width = _WIDTH.search(svg)
    if width and min_scale:
        attributes += f' style="min-width:{float(width.group(1)) * 4 / 3 * min_scale:.0f}px"'  # pt → px
    return _SVG_OPEN.sub(lambda m: f"<svg{attributes}{m.group(1)}>\n{head}", svg, count=1).strip()


def compact_svg(svg: str) -> str:
    """dot's SVG drawing the same picture, with the same titles and links, in about half the bytes.

    Each link loses the ``<g>`` dot wraps it in; an edge's ``<a>`` that carries only a tooltip goes (the
    edge's ``<title>`` says the same); dot's own ids (``node1``, ``a_edge3``, …; nothing refers to them)
    go; coordinates keep one decimal of a point (1/720 inch); a polygon does not repeat its first point;
    ``text-anchor="start"`` (the default) goes; a path is written relative to where it starts
    (``relative_path``: a rounded box in a third of the bytes); an edge whose line and arrowhead share a
    stroke carries it once, on its group (``_edge_stroke``); and the text size and colour used most move
    to the root element, from where every ``<text>`` without its own inherits them. Line breaks between
    tags go.
    The dark scheme's ``[fill="…"]`` rules still match: the root element carries the hoisted colour.
    """
    svg = _WRAPPED_LINK.sub(r"\1\2</a>", svg)
    svg = _TOOLTIP_ONLY.sub(r"\1", svg)
    svg = _DRAWING_ID.sub("", _GRAPH_TRANSFORM.sub(r' transform="\1"', svg, count=1))
    svg = svg.replace(' text-anchor="start"', "").replace(' stroke="transparent"', "")
    svg = _CLOSED_POLYGON.sub(r' points="\1 \2"', svg)
    svg = _COORDINATES.sub(lambda m: f' {m.group(1)}="{_DECIMAL.sub(_one_decimal, m.group(2))}"', svg)
    svg = _SPLINE.sub(lambda m: f' d="{relative_path(m.group(1), m.group(2))}"', svg)
    svg = _EDGE.sub(_edge_stroke, svg)
    for pattern, name in ((_TEXT_FONT_SIZE, "font-size"), (_TEXT_FILL, "fill")):
        svg = _hoisted(svg, pattern, name)
    return re.sub(r">\n+<", "><", svg)


def _edge_stroke(match: re.Match[str]) -> str:
    """An edge's group, with the stroke its shapes share set once on the group, from where they inherit it.
    Not for an edge with a label: its text would inherit the stroke too."""
    body = match.group(1)
    strokes = {m.group(0) for m in _STROKE.finditer(body)}
    shapes = len(re.findall(r"<(?:path|polygon|polyline|ellipse)\b", body))
    if len(strokes) != 1 or "<text" in body or len(_STROKE.findall(body)) != shapes:
        return match.group(0)
    stroke = strokes.pop()
    return f'<g class="edge"{stroke}>{body.replace(stroke, "")}</g>'


def relative_path(start: str, curves: str) -> str:
    """dot's path ``M start C curves`` (cubic Béziers, absolute points of one decimal) as the same path in
    relative commands: a straight piece (dot draws the sides of a rounded box as curves whose control
    points lie on their ends) as ``h``, ``v`` or ``l``, a curve as ``c``, and a return to the start as
    ``z``. Reckoned in tenths of a point, so no point moves."""
    tenths = [round(float(n) * 10) for n in re.split(r"[ ,]+", f"{start} {curves}".strip())]
    if len(tenths) % 6 != 2:
        return f"M{start}C{curves}"
    points = list(zip(tenths[::2], tenths[1::2], strict=True))
    out, last = [f"M{_tenths(points[0])}"], ""
    for index in range(1, len(points), 3):
        here, (c1, c2, end) = points[index - 1], points[index : index + 3]
        move = (end[0] - here[0], end[1] - here[1])
        if c1 == here and c2 == end:
            if end == points[0] and index + 3 == len(points):
                command, numbers = "z", ""
            else:
                command, numbers = ("v", _tenths((move[1],))) if move[0] == 0 else ("h", _tenths((move[0],)))
                if move[0] and move[1]:
                    command, numbers = "l", _tenths(move)
        else:
            relative = [(p[0] - here[0], p[1] - here[1]) for p in (c1, c2, end)]
            command, numbers = "c", _tenths(tuple(n for point in relative for n in point))
        repeated = command == last and command != "z"  # SVG repeats a command for more numbers
        out.append((("" if numbers.startswith("-") else ",") if repeated else command) + numbers)
        last = command
    return "".join(out)


def _tenths(values: tuple[int, ...]) -> str:
    """Numbers given in tenths, as SVG path numbers: "-" is separator enough, otherwise a comma."""
    text = ""
    for value in values:
        number = f"{value / 10:.1f}".removesuffix(".0")
        text += number if number.startswith("-") or not text else "," + number
    return text


def _one_decimal(match: re.Match[str]) -> str:
    text = f"{float(match.group(0)):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _hoisted(svg: str, pattern: re.Pattern[str], name: str) -> str:
    """The value of ``name`` that most ``<text>`` elements carry, set once on the root element instead."""
    values = Counter(match.group(2) for match in pattern.finditer(svg))
    if not values:
        return svg
    common = values.most_common(1)[0][0]
    svg = pattern.sub(
        lambda m: m.group(1) if m.group(2) == common else f'{m.group(1)} {name}="{_short_number(m.group(2))}"', svg
    )
    return svg.replace("<svg ", f'<svg {name}="{_short_number(common)}" ', 1)


def _short_number(value: str) -> str:
    """ "10.50" as "10.5", "9.00" as "9"; anything else as it is."""
    return value.rstrip("0").rstrip(".") if re.fullmatch(r"\d+\.\d+", value) else value


def standalone_svg(inline: str, prefix: str, links: Callable[[str], str]) -> bytes:
    """An ``inline_svg`` result as a downloadable file: ids unprefixed, links resolved by ``links``, no
    minimum width."""
    svg = re.sub(r'(id="|url\(#|href="#|labelledby="|describedby=")' + re.escape(prefix), r"\1", inline)
    svg = _MIN_WIDTH.sub("", svg, count=1)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + links(svg) + "\n").encode("utf-8")


def _human_title(match: re.Match[str], labels: Labels) -> str:
    name = html.unescape(match.group(1))
    return f"<title>{html.escape(labels.titles.get(name, labels.name), quote=False)}</title>"


def cached_form(svg: str) -> str:
    """What the cache keeps of dot's SVG: no prolog, comments or font names, and compacted."""
    svg = _COMMENT.sub("", _PROLOG.sub("", svg, count=1))
    return compact_svg(_FONT.sub("", svg))
