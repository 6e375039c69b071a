"""The compacted diagram SVG draws the same picture and tells a reader the same as dot's own.

``svg.compact_svg`` runs when a diagram enters the cache. These tests render the fixture's diagrams with
Graphviz, compact them, and compare both as parsed XML: every text with its position, effective size,
weight and colour; every link with its tooltip; every title; every shape within a twentieth of a point.
Needs Graphviz' dot.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros.diagrams import dotsource, graphs, graphviz, svg
from macros.diagrams.style import load_style
from macros.loading.validate import load_site
from macros.rendering.figures import figure_css
from support.sites import DIAGRAM_DATA
from support.synthetic import synthetic_site

pytestmark = pytest.mark.dot


SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
STYLE = load_style()
DOT = shutil.which("dot") or "dot"


def parse(svg: str | bytes) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314  (our own dot's output, not untrusted input)


@pytest.fixture(scope="module")
def dot_outputs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[graphs.Diagram, bytes]]:
    """dot's own SVG for every diagram of the fixture and of a 40-activity synthetic strategy."""
    synthetic = synthetic_site(tmp_path_factory.mktemp("synthetic") / "data", 40)
    strategies = [*load_site(DIAGRAM_DATA).strategies, *synthetic.strategies]
    found = []
    for strategy in strategies:
        for diagram in graphs.strategy_diagrams(strategy, STYLE):
            result = subprocess.run(
                [DOT, "-Tsvg"],
                input=dotsource.to_dot(diagram, STYLE).encode("utf-8"),
                capture_output=True,
                check=True,
            )
            found.append((diagram, result.stdout))
    return found


@pytest.fixture(scope="module")
def pairs(dot_outputs: list[tuple[graphs.Diagram, bytes]]) -> list[tuple[ET.Element, ET.Element, int, int]]:
    """(dot's SVG, the compacted SVG, their sizes) for every diagram, both parsed."""
    found = []
    for _, raw in dot_outputs:
        compact = graphviz._cached_form(raw, "svg").decode("utf-8")
        found.append((parse(raw), parse(compact), len(raw), len(compact.encode("utf-8"))))
    return found


def texts(root: ET.Element) -> list[tuple[str, str, str, float, str, str, str]]:
    """Each text as drawn: content, position, and the size, weight, colour and anchor it inherits."""
    found = []

    def walk(element: ET.Element, inherited: dict[str, str]) -> None:
        here = {
            **inherited,
            **{k: v for k, v in element.attrib.items() if k in ("font-size", "fill", "font-weight", "text-anchor")},
        }
        if element.tag == f"{SVG}text":
            found.append(
                (
                    element.text or "",
                    element.get("x", ""),
                    element.get("y", ""),
                    float(here["font-size"]),
                    here.get("fill", "black"),
                    here.get("font-weight", "normal"),
                    here.get("text-anchor", "start"),
                )
            )
        for child in element:
            walk(child, here)

    walk(root, {})
    return found


def links(root: ET.Element) -> list[tuple[str | None, str | None]]:
    return [(a.get(f"{XLINK}href"), a.get(f"{XLINK}title")) for a in root.iter(f"{SVG}a") if a.get(f"{XLINK}href")]


def numbers(root: ET.Element, tag: str, attribute: str) -> list[list[float]]:
    """Each shape's points; a path's as dot writes them (absolute cubic Béziers), however it is written."""
    read = absolute_path if attribute == "d" else _numbers
    return [read(e.get(attribute, "")) for e in root.iter(f"{SVG}{tag}")]


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def absolute_path(d: str) -> list[float]:
    """A path of M, C, c, h, v, l and z as dot's form: M x,y then C with absolute points, a straight piece
    as a curve whose control points lie on its ends."""
    tokens = re.findall(r"[A-Za-z]|-?\d*\.?\d+", d)
    assert tokens and tokens[0] == "M", d
    start = (float(tokens[1]), float(tokens[2]))
    here, points, command, at = start, [start], "", 3
    while at < len(tokens):
        if tokens[at].isalpha():
            command, at = tokens[at], at + 1
        if command == "z":
            points += [here, start, start]
            here = start
            continue
        sizes = {"C": 6, "c": 6, "h": 1, "v": 1, "l": 2}
        values = [float(t) for t in tokens[at : at + sizes[command]]]
        at += sizes[command]
        if command in "Cc":
            base = (0.0, 0.0) if command == "C" else here
            curve = [(base[0] + values[i], base[1] + values[i + 1]) for i in (0, 2, 4)]
        else:
            end = {"h": (here[0] + values[0], here[1]), "v": (here[0], here[1] + values[0])}.get(
                command, (here[0] + values[0], here[1] + values[-1])
            )
            curve = [here, end, end]
        points += curve
        here = curve[-1]
    return [n for point in points for n in point]


def test_every_text_is_drawn_where_and_as_it_was(pairs: list[tuple[ET.Element, ET.Element, int, int]]) -> None:
    for before, after, _, _ in pairs:
        assert texts(after) == texts(before)


def test_every_link_and_title_is_kept(pairs: list[tuple[ET.Element, ET.Element, int, int]]) -> None:
    for before, after, _, _ in pairs:
        assert links(after) == links(before) and links(before)
        titles = [t.text for t in before.iter(f"{SVG}title")]
        assert [t.text for t in after.iter(f"{SVG}title")] == titles


def test_edge_tooltips_stay_as_the_edges_titles(dot_outputs: list[tuple[graphs.Diagram, bytes]]) -> None:
    """An edge's tooltip-only <a> goes; the human <title> a browser shows as its tooltip says the same."""
    for diagram, raw in dot_outputs:
        labels = svg.Labels(diagram.title, diagram.description, diagram.titles())
        after = parse(svg.inline_svg(graphviz._cached_form(raw, "svg"), "p_", labels, STYLE.font_fallback))
        titles = {" ".join((t.text or "").split()) for t in after.iter(f"{SVG}title")}
        tooltips = {a.get(f"{XLINK}title") for a in parse(raw).iter(f"{SVG}a") if not a.get(f"{XLINK}href")}
        assert len(titles) > 1 and tooltips <= titles, diagram.name
        assert all(g.find(f"{SVG}title") is not None for g in after.iter(f"{SVG}g") if g.get("class") == "edge")


def test_shapes_move_less_than_a_twentieth_of_a_point(pairs: list[tuple[ET.Element, ET.Element, int, int]]) -> None:
    for before, after, _, _ in pairs:
        for tag, attribute in (("polygon", "points"), ("path", "d"), ("polyline", "points")):
            old, new = numbers(before, tag, attribute), numbers(after, tag, attribute)
            assert len(old) == len(new)
            for was, now in zip(old, new, strict=True):
                closed = was[:-2] if tag == "polygon" and len(was) == len(now) + 2 else was  # closing point went
                assert all(abs(a - b) <= 0.05 + 1e-9 for a, b in zip(closed, now, strict=True))


def strokes(root: ET.Element) -> list[tuple[str, str, str]]:
    """Each shape's stroke and stroke width as drawn, inherited from its groups or its own."""
    found = []

    def walk(element: ET.Element, inherited: dict[str, str]) -> None:
        here = {**inherited, **{k: v for k, v in element.attrib.items() if k in ("stroke", "stroke-width")}}
        if element.tag in {f"{SVG}{tag}" for tag in ("path", "polygon", "polyline", "ellipse")}:
            stroke = here.get("stroke", "none")  # "transparent" (dot's) draws as much as none
            found.append((element.tag, "none" if stroke == "transparent" else stroke, here.get("stroke-width", "1")))
        for child in element:
            walk(child, here)

    walk(root, {})
    return found


def test_every_shape_is_stroked_as_it_was(pairs: list[tuple[ET.Element, ET.Element, int, int]]) -> None:
    for before, after, _, _ in pairs:
        assert strokes(after) == strokes(before)


def test_no_text_shape_or_group_lost_and_half_the_bytes(pairs: list[tuple[ET.Element, ET.Element, int, int]]) -> None:
    for before, after, _, _ in pairs:
        for tag in ("text", "polygon", "path", "polyline", "ellipse"):
            assert len(list(after.iter(f"{SVG}{tag}"))) == len(list(before.iter(f"{SVG}{tag}"))), tag
        classes = [g.get("class") for g in before.iter(f"{SVG}g") if g.get("class")]
        assert [g.get("class") for g in after.iter(f"{SVG}g") if g.get("class")] == classes
    assert sum(p[3] for p in pairs) < 0.6 * sum(p[2] for p in pairs)


def test_dark_scheme_still_recolours_the_text(dot_outputs: list[tuple[graphs.Diagram, bytes]]) -> None:
    """The text colour now sits on the root element; the dark scheme's [fill=…] rule must match it."""
    raw = dot_outputs[0][1]
    inline = svg.inline_svg(graphviz._cached_form(raw, "svg"), "p_", svg.Labels("n", "b", {}), STYLE.font_fallback)
    root = re.match(r"<svg\b[^>]*>", inline)
    assert root and f'fill="{STYLE.text.light}"' in root.group(0)
    assert f'[fill="{STYLE.text.light}"]{{fill:{STYLE.text.dark}}}' in figure_css(inline, STYLE)


def test_a_change_to_the_clean_up_is_not_hidden_by_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The cache keeps compacted SVG; a new CACHED_FORM must make every diagram be drawn and cleaned anew."""
    jobs = [graphviz.Job("digraph g { a -> b }", "svg")]
    first = graphviz.render(jobs, tmp_path)
    monkeypatch.setattr(graphviz, "CACHED_FORM", "a later clean-up")
    monkeypatch.setattr(svg, "compact_svg", lambda markup: markup + "<!-- later -->")
    assert graphviz.render(jobs, tmp_path) != first
    assert len(list(tmp_path.glob("*.svg"))) == 2
