"""Running Graphviz: every diagram of a build in one batch, a content-addressed cache, and SVG clean-up.

Pipeline position: ``diagrams.build_diagrams`` hands ``render`` every DOT source of the build (screen
SVGs and A3 PDFs) once. Each output is cached under ``cache_dir`` by the sha256 of its DOT source,
format and ``dot -V`` output; on a cold build the missing ones are rendered by at most ``workers``
``dot`` processes at once (one per format, each given many files), and a warm build starts no process
at all: the version string is remembered per ``dot`` binary (path, size, mtime), so it is asked only
when Graphviz changes. ``inline_svg`` and ``standalone_svg`` turn dot's SVG into markup for a page or a
download: no XML prolog or comments, every ``id`` prefixed, human ``<title>``s, an accessible name.
The cache holds dot's own output, so a change to the clean-up takes effect on cached diagrams at once.
``compact_svg`` makes the markup smaller without changing what is drawn or what a reader is told.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Format = Literal["svg", "pdf"]
# Part of every cache key. The cache keeps SVGs as ``_cached_form`` leaves them: change this whenever
# ``_cached_form`` or ``compact_svg`` changes, so that cached diagrams are drawn and cleaned anew.
CACHED_FORM = "compact-svg-1"

INSTALL_HINT = ("Graphviz (programmet 'dot') er ikke installeret, så diagrammerne kan ikke tegnes. "
                "Installér det med: sudo apt-get install graphviz")


class GraphvizMissing(RuntimeError):
    """``dot`` is not on PATH; the message tells the editor in Danish how to install it."""


class GraphvizError(RuntimeError):
    """``dot`` failed; the message carries what it said."""


@dataclass(frozen=True)
class Job:
    """One DOT source to render in one format."""

    source: str
    format: Format


def find_dot() -> Path:
    found = shutil.which("dot")
    if found is None:
        raise GraphvizMissing(INSTALL_HINT)
    return Path(found)


def render(jobs: Sequence[Job], cache_dir: Path, workers: int = 2) -> list[bytes]:
    """The output of every job, in order, from the cache or from ``dot`` (batched, at most ``workers``
    processes at once)."""
    binary = find_dot()
    cache_dir.mkdir(parents=True, exist_ok=True)
    version = graphviz_version(binary, cache_dir)
    paths = [cache_dir / f"{cache_key(job, version)}.{job.format}" for job in jobs]
    missing = {path: job for path, job in zip(paths, jobs, strict=True) if not path.exists()}
    if missing:
        _render_missing(binary, missing, cache_dir, workers)
    return [path.read_bytes() for path in paths]


def cache_key(job: Job, version: str) -> str:
    digest = hashlib.sha256()
    for part in (version, CACHED_FORM, job.format, job.source):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def graphviz_version(binary: Path, cache_dir: Path) -> str:
    """``dot -V`` of this binary; remembered in the cache so that a warm build starts no process."""
    stat = binary.resolve().stat()
    identity = {"binary": str(binary.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    memo = cache_dir / "dot-version.json"
    try:
        known = json.loads(memo.read_text(encoding="utf-8"))
        if known.get("identity") == identity:
            return str(known["version"])
    except (OSError, ValueError):
        pass
    result = subprocess.run([str(binary), "-V"], capture_output=True, text=True, check=False)
    version = (result.stderr + result.stdout).strip()
    if result.returncode != 0 or not version:
        raise GraphvizError(f"'{binary} -V' svarede ikke som Graphviz: {version or result.returncode}")
    memo.write_text(json.dumps({"identity": identity, "version": version}), encoding="utf-8")
    return version


def _render_missing(binary: Path, missing: Mapping[Path, Job], cache_dir: Path, workers: int) -> None:
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix="tmp-") as tmp:
        work = Path(tmp)
        names: dict[Path, str] = {}
        for path, job in missing.items():
            names[path] = path.stem + ".gv"
            (work / names[path]).write_text(job.source, encoding="utf-8")
        batches = _batches([(names[p], j) for p, j in missing.items()], workers)
        _run_batches(binary, batches, work)
        for path, job in missing.items():
            output = work / f"{names[path]}.{job.format}"
            path.write_bytes(_cached_form(output.read_bytes(), job.format))


def _cached_form(output: bytes, fmt: Format) -> bytes:
    """What the cache keeps of dot's output: independent of the batch, and an SVG already compacted (the
    clean-up is the costly part of reading a diagram, and a warm build repeats it for every diagram)."""
    output = _batch_independent(output, fmt)
    if fmt == "pdf":
        return output
    svg = _COMMENT.sub("", _PROLOG.sub("", output.decode("utf-8"), count=1))
    return compact_svg(_FONT.sub("", svg)).encode("utf-8")


_BATCH_GRAPH_ID = re.compile(rb'id="page\d+,\d+_(graph\d+)"')


def _batch_independent(output: bytes, fmt: Format) -> bytes:
    """The bytes dot gives for the graph alone: later graphs of a batch get ``id="page0,1_graph0"`` where
    a lone one gets ``id="graph0"``, and PDFs carry the clock. Cached diagrams must not depend on which
    other diagrams happened to share their batch, or on when they were drawn."""
    if fmt == "svg":
        return _BATCH_GRAPH_ID.sub(rb'id="\1"', output)
    return without_clock(output)


def _batches(items: list[tuple[str, Job]], workers: int) -> list[tuple[Format, list[str]]]:
    """Files grouped by format, each group split so that about ``workers`` processes share the work."""
    formats = sorted({job.format for _, job in items})
    per_format = max(1, workers // len(formats))
    batches: list[tuple[Format, list[str]]] = []
    for fmt in formats:
        group = sorted(((len(job.source), name) for name, job in items if job.format == fmt), reverse=True)
        parts: list[tuple[int, list[str]]] = [(0, []) for _ in range(min(per_format, len(group)))]
        for size, name in group:  # largest first onto the lightest part
            parts.sort(key=lambda part: part[0])
            parts[0] = (parts[0][0] + size, parts[0][1] + [name])
        batches.extend((fmt, names) for _, names in parts)
    return batches


def _run_batches(binary: Path, batches: list[tuple[Format, list[str]]], work: Path) -> None:
    """Run the batches side by side; each survives dot crashing part-way (see ``_run_batch``)."""
    with ThreadPoolExecutor(max_workers=max(1, len(batches))) as pool:
        failures = [said for said in pool.map(lambda b: _run_batch(binary, b[0], b[1], work), batches) if said]
    if failures:
        raise GraphvizError("Graphviz kunne ikke tegne diagrammerne: " + "\n".join(failures))


def _run_batch(binary: Path, fmt: Format, names: list[str], work: Path) -> str:
    """Render ``names`` in one dot process; "" on success, else what dot said.

    Debian's Graphviz 2.43 sometimes corrupts its heap when one process lays out many graphs (seen with
    a large graph followed by others: "double free or corruption"). dot writes its outputs in argument
    order, so after a crash the finished prefix is kept, the last file written (it may be cut short) and
    the one it died on are rendered alone, and the rest goes on as a new batch.
    """
    remaining = names
    for _ in range(len(names) + 1):
        code, said = _dot(binary, fmt, remaining, work)
        if code == 0 or not remaining:
            return ""
        done = next((i for i, name in enumerate(remaining) if not (work / f"{name}.{fmt}").exists()),
                    len(remaining))
        for name in remaining[max(0, done - 1):done + 1]:
            code, said = _dot(binary, fmt, [name], work)
            if code != 0:
                return said or f"afslutningskode {code}"
        remaining = remaining[done + 1:]
    return ""


def _dot(binary: Path, fmt: Format, names: list[str], work: Path) -> tuple[int, str]:
    if not names:
        return 0, ""
    result = subprocess.run([str(binary), f"-T{fmt}", "-O", *names], cwd=work, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, check=False)
    return result.returncode, result.stderr.strip()


# --- PDF page size ---------------------------------------------------------------------------

A3_LANDSCAPE_PT = (1190.55, 841.89)
_MEDIABOX = re.compile(rb"/MediaBox \[\s*([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)\s*\]")
_XREF_ENTRY = re.compile(rb"^(\d{10}) (\d{5}) n", re.MULTILINE)
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}")


def without_clock(pdf: bytes) -> bytes:
    """cairo stamps the PDF with the time of rendering (Debian's cairo ignores SOURCE_DATE_EPOCH); the
    same digits count keeps every offset valid, so the same diagram always gives the same bytes."""
    return _PDF_DATE.sub(rb"\g<1>20000101000000", pdf)


def on_page(pdf: bytes, size: tuple[float, float] = A3_LANDSCAPE_PT) -> bytes:
    """cairo's one-page PDF (as large as the drawing) with its page grown to ``size``, drawing centred.

    dot scales a drawing down to fit the page (``size`` in the DOT) but cannot pad it out to a paper
    size, so the MediaBox is widened here and the cross-reference offsets after it are moved along.
    """
    pdf = without_clock(pdf)
    boxes = list(_MEDIABOX.finditer(pdf))
    if len(boxes) != 1:
        return pdf
    box = boxes[0]
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    dx, dy = max(0.0, size[0] - (x1 - x0)) / 2, max(0.0, size[1] - (y1 - y0)) / 2
    new = b"/MediaBox [ %.2f %.2f %.2f %.2f ]" % (x0 - dx, y0 - dy, x1 + dx, y1 + dy)
    delta = len(new) - len(box.group(0))
    out = pdf[:box.start()] + new + pdf[box.end():]

    def moved(match: re.Match[bytes]) -> bytes:
        offset = int(match.group(1))
        return b"%010d %s n" % (offset + delta if offset > box.start() else offset, match.group(2))

    xref = out.rindex(b"\nxref\n") + 1
    tail = _XREF_ENTRY.sub(moved, out[xref:])
    tail = _STARTXREF.sub(lambda m: b"startxref\n%d" % (int(m.group(1)) + delta), tail)
    return out[:xref] + tail


# --- SVG clean-up ------------------------------------------------------------------------------

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
    head = (f'<title id="{prefix}navn">{html.escape(labels.name)}</title>'
            f'<desc id="{prefix}beskrivelse">{html.escape(labels.description)}</desc>')
    attributes = (f' role="img" aria-labelledby="{prefix}navn" aria-describedby="{prefix}beskrivelse"'
                  f' class="strategi-diagram__svg"')
    width = _WIDTH.search(svg)
    if width and min_scale:
        attributes += f' style="min-width:{float(width.group(1)) * 4 / 3 * min_scale:.0f}px"'  # pt → px
    return _SVG_OPEN.sub(lambda m: f"<svg{attributes}{m.group(1)}>\n{head}", svg, count=1).strip()


def compact_svg(svg: str) -> str:
    """dot's SVG drawing the same picture, with the same titles and links, in about half the bytes.

    Each link loses the ``<g>`` dot wraps it in; an edge's ``<a>`` that carries only a tooltip goes (the
    edge's ``<title>`` says the same); dot's own ids (``node1``, ``a_edge3``, …; nothing refers to them)
    go; coordinates keep one decimal of a point (1/720 inch); a polygon does not repeat its first point;
    ``text-anchor="start"`` (the default) goes; and the text size and colour used most move to the root
    element, from where every ``<text>`` without its own inherits them. Newlines between tags go.
    The dark scheme's ``[fill="…"]`` rules still match: the root element carries the hoisted colour.
    """
    svg = _WRAPPED_LINK.sub(r"\1\2</a>", svg)
    svg = _TOOLTIP_ONLY.sub(r"\1", svg)
    svg = _DRAWING_ID.sub("", _GRAPH_TRANSFORM.sub(r' transform="\1"', svg, count=1))
    svg = svg.replace(' text-anchor="start"', "").replace(' stroke="transparent"', "")
    svg = _CLOSED_POLYGON.sub(r' points="\1 \2"', svg)
    svg = _COORDINATES.sub(lambda m: f' {m.group(1)}="{_DECIMAL.sub(_one_decimal, m.group(2))}"', svg)
    for pattern, name in ((_TEXT_FONT_SIZE, "font-size"), (_TEXT_FILL, "fill")):
        svg = _hoisted(svg, pattern, name)
    return svg.replace(">\n<", "><")


def _one_decimal(match: re.Match[str]) -> str:
    text = f"{float(match.group(0)):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _hoisted(svg: str, pattern: re.Pattern[str], name: str) -> str:
    """The value of ``name`` that most ``<text>`` elements carry, set once on the root element instead."""
    values = Counter(match.group(2) for match in pattern.finditer(svg))
    if not values:
        return svg
    common = values.most_common(1)[0][0]
    svg = pattern.sub(lambda m: m.group(1) if m.group(2) == common else
                      f'{m.group(1)} {name}="{_short_number(m.group(2))}"', svg)
    return svg.replace("<svg ", f'<svg {name}="{_short_number(common)}" ', 1)


def _short_number(value: str) -> str:
    """"10.50" as "10.5", "9.00" as "9"; anything else as it is."""
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
