"""Small accessible SVG charts for the realisation pages: an indicator's line chart and the årshjul.

Pipeline position: rendering; called by ``indicators`` and the follow-up pages with rows from
``derived.progress``; returns SVG text that the Markdown page embeds as a raw HTML block. Geometry is
computed here; the markup lives in the templates ``charts/indicator.svg.j2`` and ``charts/wheel.svg.j2``,
rendered with Jinja's autoescape on (SVG is XML: every editor text is escaped as XML, not as Markdown,
because Markdown leaves raw HTML blocks alone).

Every chart is ``role="img"`` with a ``<title>`` and ``<desc>`` naming it and saying what it shows; its
ids start with the caller's ``svg_id`` so several charts on one page never collide. Colours are
``currentColor`` (the page's text colour in light and dark schemes); series differ by line style and
marker shape, not by colour alone. No background is painted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import jinja2
from markupsafe import Markup

from ..derived.progress import NOT_MEASURED, Row
from ..derived.words import MONTH_ABBREVIATIONS, MONTHS, quantity

# Indicator chart: viewBox size and the plot area inside it.
WIDTH, HEIGHT = 480, 250
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 70
# Årshjul: centre, outer rim, the band of month names, and the ring where markers go.
CENTRE, RIM, LABEL_BAND, MARK_OUTER, MARK_INNER = 160, 150, 124, 114, 44


_XML_TEXT = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;", "{": "&#123;", "}": "&#125;"}
)


def _xml_text(value: object) -> Markup:
    """Every value as XML text; braces too, so no later template pass could ever read ``{{`` in it.

    The same characters as ``markupsafe.escape`` (it runs on every value of every chart, so one
    ``str.translate`` instead of escape and two replaces).
    """
    html = getattr(value, "__html__", None)
    if html is not None:
        return Markup(str(html()).replace("{", "&#123;").replace("}", "&#125;"))  # noqa: S704 - already markup
    return Markup(str(value).translate(_XML_TEXT))  # noqa: S704 - escaped by the table


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("macros.rendering", "templates"),
        autoescape=True,
        finalize=_xml_text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _svg(template: str, **values: object) -> str:
    """Rendered SVG without blank lines (a blank line would end Markdown's raw HTML block)."""
    text = _environment().get_template(template).render(**values)
    return "\n".join(line for line in text.splitlines() if line.strip())


# --- indicator chart ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


def _ticks(values: list[float], count: int = 4) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) spanning ``values``."""
    low, high = min(values), max(values)
    if high == low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(k * step, 10) for k in range(first, last + 1)]


def _segments(points: list[Point | None]) -> list[list[Point]]:
    """Runs of consecutive points: a missing value breaks the line instead of being drawn as 0."""
    runs: list[list[Point]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def indicator_chart(svg_id: str, title: str, rows: list[Row], unit: str | None, description: str) -> str | None:
    """A line chart of measured values (solid) and targets (dashed) per period; None when under two values."""
    values = [v for r in rows for v in (r.maal, r.faktisk) if v is not None]
    if len(values) < 2:
        return None
    ticks = _ticks(values)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (ticks[-1] - value) / (ticks[-1] - ticks[0]), 2)

    xs = [round(LEFT + plot_w * (i + 0.5) / len(rows), 2) for i in range(len(rows))]

    def series(attribute: str) -> list[Point | None]:
        return [
            Point(x, y_of(v), quantity(v, unit)) if (v := getattr(r, attribute)) is not None else None
            for x, r in zip(xs, rows, strict=True)
        ]

    actual, target = series("faktisk"), series("maal")
    baseline = next((r.faktisk for r in rows if r.is_baseline and r.faktisk is not None), None)
    return _svg(
        "charts/indicator.svg.j2",
        id=svg_id,
        title=title,
        desc=description,
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        ticks=[Tick(y_of(t), quantity(t, unit)) for t in ticks],
        periods=[(x, r.periode, r.is_baseline) for x, r in zip(xs, rows, strict=True)],
        actual=_segments(actual),
        actual_points=[p for p in actual if p],
        target=_segments(target),
        target_points=[p for p in target if p],
        missing=[x for x, r in zip(xs, rows, strict=True) if r.faktisk is None],
        baseline=None if baseline is None else y_of(baseline),
        not_measured=NOT_MEASURED,
    )


# --- årshjul --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """One process in one month: where its numbered circle goes."""

    month: int
    number: int
    process_id: str
    title: str
    x: float
    y: float
    r: float


def _polar(radius: float, turns: float) -> tuple[float, float]:
    """A point at ``radius`` from the centre, ``turns`` of a full circle clockwise from the top."""
    angle = 2 * math.pi * turns
    return round(CENTRE + radius * math.sin(angle), 2), round(CENTRE - radius * math.cos(angle), 2)


def wheel_markers(placed: list[tuple[str, str, tuple[int, ...]]]) -> list[Marker]:
    """Markers for (process id, title, months), numbered 1… in the given order, stacked inward per month."""
    per_month: dict[int, list[tuple[int, str, str]]] = {m: [] for m in range(1, 13)}
    for number, (process_id, title, months) in enumerate(placed, 1):
        for month in sorted(set(months)):
            per_month[month].append((number, process_id, title))
    step = (MARK_OUTER - MARK_INNER) / max(3, *map(len, per_month.values()))
    size = round(min(11.0, step * 0.45), 2)
    markers = []
    for month, entries in per_month.items():
        for slot, (number, process_id, title) in enumerate(entries):
            x, y = _polar(MARK_OUTER - step * (slot + 0.5), (month - 0.5) / 12)
            markers.append(Marker(month, number, process_id, title, x, y, size))
    return markers


def wheel(svg_id: str, title: str, placed: list[tuple[str, str, tuple[int, ...]]]) -> str:
    """The year as a circle of twelve months with each process's number in its months."""
    markers = wheel_markers(placed)
    months = []
    for month in range(1, 13):
        names = [m.title for m in markers if m.month == month]
        months.append((MONTHS[month - 1], names))
    desc = " ".join(f"{name.capitalize()}: {', '.join(names)}." for name, names in months if names)
    return _svg(
        "charts/wheel.svg.j2",
        id=svg_id,
        title=title,
        desc=desc or "Ingen processer har en fast måned.",
        centre=CENTRE,
        rim=RIM,
        band=LABEL_BAND,
        hole=MARK_INNER - 4,
        markers=markers,
        spokes=[(_polar(MARK_INNER - 4, k / 12), _polar(RIM, k / 12)) for k in range(12)],
        labels=[(MONTH_ABBREVIATIONS[k], *_polar((RIM + LABEL_BAND) / 2, (k + 0.5) / 12)) for k in range(12)],
    )
