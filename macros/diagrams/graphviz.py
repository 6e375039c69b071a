"""Running Graphviz: every diagram of a build in one batch, through a content-addressed cache.

Pipeline position: ``figures.build_diagrams`` hands ``render`` every DOT source of the build (screen SVGs
and A3 PDFs) once. Each output is cached under ``cache_dir`` by the sha256 of its DOT source, format and
``dot -V`` output; on a cold build the missing ones are rendered by at most ``workers`` ``dot`` processes
at once (one per format, each given many files), and a warm build starts no process at all: the version
string is remembered per ``dot`` binary (path, size, mtime), so it is asked only when Graphviz changes.
The cache keeps each output in the form ``_cached_form`` gives it (SVG cleaned by ``svg.cached_form``,
PDF without the clock); the clean-up per figure happens in ``figures``.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import pdf, svg

Format = Literal["svg", "pdf"]
# Part of every cache key. The cache keeps SVGs as ``_cached_form`` leaves them: change this whenever
# ``_cached_form`` or ``svg.compact_svg`` changes, so that cached diagrams are drawn and cleaned anew.
CACHED_FORM = "compact-svg-1"

INSTALL_HINT = (
    "Graphviz (programmet 'dot') er ikke installeret, så diagrammerne kan ikke tegnes. "
    "Installér det med: sudo apt-get install graphviz"
)


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
    return svg.cached_form(output.decode("utf-8")).encode("utf-8")


_BATCH_GRAPH_ID = re.compile(rb'id="page\d+,\d+_(graph\d+)"')


def _batch_independent(output: bytes, fmt: Format) -> bytes:
    """The bytes dot gives for the graph alone: later graphs of a batch get ``id="page0,1_graph0"`` where
    a lone one gets ``id="graph0"``, and PDFs carry the clock. Cached diagrams must not depend on which
    other diagrams happened to share their batch, or on when they were drawn."""
    if fmt == "svg":
        return _BATCH_GRAPH_ID.sub(rb'id="\1"', output)
    return pdf.without_clock(output)


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
        done = next((i for i, name in enumerate(remaining) if not (work / f"{name}.{fmt}").exists()), len(remaining))
        for name in remaining[max(0, done - 1) : done + 1]:
            code, said = _dot(binary, fmt, [name], work)
            if code != 0:
                return said or f"afslutningskode {code}"
        remaining = remaining[done + 1 :]
    return ""


def _dot(binary: Path, fmt: Format, names: list[str], work: Path) -> tuple[int, str]:
    if not names:
        return 0, ""
    result = subprocess.run(
        [str(binary), f"-T{fmt}", "-O", *names],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    return result.returncode, result.stderr.strip()
