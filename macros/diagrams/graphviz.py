"""Running Graphviz: every diagram of a build in one batch, through a verified, content-addressed cache.

Pipeline position: ``figures.build_diagrams`` hands ``render`` every DOT source of the build (screen SVGs
and A3 PDFs) once. Each output is cached under ``cache_dir`` by the sha256 of everything that shapes it
(``cache_key``: the DOT source, the format, ``dot -V``, the fonts Graphviz can find, the environment dot
runs in, and ``CACHED_FORM``). On a cold build the missing ones are rendered by at most ``workers`` ``dot``
processes at once (one per format, each given many files); a warm build starts no process at all: the
version string is remembered per ``dot`` binary (path, size, mtime), so it is asked only when Graphviz
changes.

The cache can never poison the site: an entry carries the sha256 of its content and is used only when
that matches (a truncated, emptied or altered entry is drawn again and replaced), and every entry is
written to a temporary file and renamed into place, so a full disk or a killed build leaves no half entry.
A cache folder that cannot be written is not needed: the diagrams are drawn without it and ``notes`` says so.

Graphviz is kept on a leash: ``dot`` runs with a fixed time zone and locale (its PDFs carry the clock, see
``pdf.without_clock``), in a process group of its own that is killed when a batch runs past ``timeout``
seconds, when another batch fails, or when the build is interrupted (Ctrl-C, SIGTERM); the message names
the diagram it was drawing. The cache keeps each output in the form ``_cached_form`` gives it (SVG cleaned
by ``svg.cached_form``, PDF without the clock); the clean-up per figure happens in ``figures``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from . import pdf, svg

Format = Literal["svg", "pdf"]
# Part of every cache key. The cache keeps SVGs as ``_cached_form`` leaves them: change this whenever
# ``_cached_form``, ``svg.compact_svg`` or ``pdf.without_clock`` changes, so that cached diagrams are drawn
# and cleaned anew.
CACHED_FORM = "compact-svg-4"  # 3: paths in relative commands (svg.relative_path); 4: edge strokes on the group
DEFAULT_TIMEOUT = 300.0  # seconds per batch; the size guard in ``figures`` keeps every diagram far below it
STALE_AFTER = 24 * 3600.0  # seconds after which a temporary file in the cache is a killed build's left-over
# dot's environment: the same bytes whatever the editor's time zone or language (cairo stamps PDFs with the
# local time; pango picks fonts by the language).
DOT_ENVIRONMENT = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "LANGUAGE": ""}
FONT_FOLDERS = (
    "/etc/fonts",
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.fonts",
    "~/.local/share/fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
)
_CHECKSUM = re.compile(rb"^sha256:([0-9a-f]{64})\n")

INSTALL_HINT = (
    "Graphviz (programmet 'dot') er ikke installeret, så diagrammerne kan ikke tegnes. "
    "Installér det med: sudo apt-get install graphviz"
)


class GraphvizMissing(RuntimeError):
    """``dot`` is not on PATH; the message tells the editor in Danish how to install it."""


class GraphvizError(RuntimeError):
    """``dot`` failed, hung or gave nothing; the message says so in Danish and names the diagram."""


@dataclass(frozen=True)
class Job:
    """One DOT source to render in one format; ``name`` is how an editor knows the diagram (messages only)."""

    source: str
    format: Format
    name: str = field(default="", compare=False)

    @property
    def shown(self) -> str:
        return f"{self.name or 'uden navn'} ({self.format.upper()})"


def find_dot() -> Path:
    found = shutil.which("dot")
    if found is None:
        raise GraphvizMissing(INSTALL_HINT)
    return Path(found)


def render(
    jobs: Sequence[Job],
    cache_dir: Path,
    workers: int = 2,
    timeout: float = DEFAULT_TIMEOUT,
    notes: list[str] | None = None,
) -> list[bytes]:
    """The output of every job, in order, from the cache or from ``dot`` (batched, at most ``workers``
    processes at once, each batch stopped after ``timeout`` seconds). Danish notes for the editor (a
    cache that cannot be written) are appended to ``notes``."""
    binary = find_dot()
    cache = Cache(cache_dir, notes if notes is not None else [])
    version = graphviz_version(binary, cache)
    environment = environment_key(version)
    keys = [cache_key(job, environment) for job in jobs]
    outputs: dict[str, bytes] = {}
    missing: dict[str, Job] = {}
    for key, job in zip(keys, jobs, strict=True):
        found = cache.read(f"{key}.{job.format}")
        if found is None:
            missing[key] = job
        else:
            outputs[key] = found
    if missing:
        with cache.workspace() as work:
            for key, output in _render_missing(binary, missing, work, workers, timeout).items():
                outputs[key] = output
                cache.write(f"{key}.{missing[key].format}", output)
    return [outputs[key] for key in keys]


def cache_key(job: Job, environment: str) -> str:
    digest = hashlib.sha256()
    for part in (environment, CACHED_FORM, job.format, job.source):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def environment_key(version: str) -> str:
    """What besides the DOT source changes dot's output: its version, the fonts it finds, its environment."""
    return "\n".join([version, fonts_fingerprint(), json.dumps(DOT_ENVIRONMENT, sort_keys=True)])


def fonts_fingerprint() -> str:
    """Every font folder with its modification time: installing or removing a font (or changing the
    fontconfig setup) changes it, so diagrams are drawn anew with the fonts dot will now use."""
    rows = []
    for place in FONT_FOLDERS:
        for root, folders, _ in os.walk(Path(place).expanduser()):
            folders.sort()
            with contextlib.suppress(OSError):
                rows.append(f"{root}\t{Path(root).stat().st_mtime_ns}")
    return hashlib.sha256("\n".join(rows).encode("utf-8", "surrogateescape")).hexdigest()


def graphviz_version(binary: Path, cache: Cache) -> str:
    """``dot -V`` of this binary; remembered in the cache so that a warm build starts no process."""
    stat = binary.resolve().stat()
    identity = {"binary": str(binary.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    remembered = cache.read("dot-version.json")
    if remembered is not None:
        try:
            known = json.loads(remembered)
            if known.get("identity") == identity:
                return str(known["version"])
        except (ValueError, AttributeError, KeyError):
            pass
    try:
        result = subprocess.run(
            [str(binary), "-V"], capture_output=True, text=True, check=False, timeout=60, env=_dot_environment()
        )
    except subprocess.TimeoutExpired:
        raise GraphvizError(
            f"'{binary} -V' svarede ikke inden for 60 sekunder; er Graphviz installeret rigtigt?"
        ) from None
    version = (result.stderr + result.stdout).strip()
    if result.returncode != 0 or not version:
        raise GraphvizError(f"'{binary} -V' svarede ikke som Graphviz: {version or result.returncode}")
    cache.write("dot-version.json", json.dumps({"identity": identity, "version": version}).encode("utf-8"))
    return version


class Cache:
    """The folder of finished outputs: entries checked against their sha256 on reading, written atomically.

    When the folder cannot be made or written, reading finds nothing and writing keeps nothing: the build
    draws every diagram and is told once, in Danish, in ``notes``.
    """

    def __init__(self, folder: Path, notes: list[str]) -> None:
        self.folder, self.notes, self.usable = folder, notes, True
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._unusable(error)
            return
        self._remove_stale()

    def read(self, name: str) -> bytes | None:
        """The entry's content when it is whole (its checksum matches), else None."""
        if not self.usable:
            return None
        try:
            raw = (self.folder / name).read_bytes()
        except OSError:
            return None
        header = _CHECKSUM.match(raw)
        if header is None:
            return None
        content = raw[header.end() :]
        return content if hashlib.sha256(content).hexdigest().encode("ascii") == header.group(1) else None

    def write(self, name: str, content: bytes) -> None:
        """Keep ``content`` under ``name``: written whole to a temporary file, then renamed into place."""
        if not self.usable:
            return
        header = b"sha256:" + hashlib.sha256(content).hexdigest().encode("ascii") + b"\n"
        try:
            handle, name_of_temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        except OSError as error:
            self._unusable(error)
            return
        temporary = Path(name_of_temporary)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header + content)
            temporary.replace(self.folder / name)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            self._unusable(error)

    @contextlib.contextmanager
    def workspace(self) -> Iterator[Path]:
        """A temporary folder for dot's files (in the cache when it is usable), removed afterwards."""
        place = self.folder if self.usable else None
        with tempfile.TemporaryDirectory(dir=place, prefix="tmp-") as work:
            yield Path(work)

    def _unusable(self, error: OSError) -> None:
        if self.usable:
            reason = error.strerror or str(error)
            self.notes.append(
                f"Diagrammernes mellemlager '{self.folder}' kan ikke bruges ({reason}); "
                "diagrammerne tegnes uden det, så bygningen tager længere tid."
            )
        self.usable = False

    def _remove_stale(self) -> None:
        """Temporary files and folders a killed build left behind (a day old: no running build's)."""
        now = time.time()
        for path in [*self.folder.glob(".tmp-*"), *self.folder.glob("tmp-*")]:
            with contextlib.suppress(OSError):
                if now - path.lstat().st_mtime <= STALE_AFTER:
                    continue
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()


def _dot_environment() -> dict[str, str]:
    return {**os.environ, **DOT_ENVIRONMENT}


def _render_missing(
    binary: Path, missing: Mapping[str, Job], work: Path, workers: int, timeout: float
) -> dict[str, bytes]:
    """dot's output for every job (by key), in the form the cache keeps."""
    names = {key: key + ".gv" for key in missing}
    for key, job in missing.items():
        (work / names[key]).write_text(job.source, encoding="utf-8")
    by_name = {names[key]: job for key, job in missing.items()}
    batches = _batches(list(by_name.items()), workers)
    _Runner(binary, work, timeout, by_name).run(batches)
    outputs = {}
    for key, job in missing.items():
        output = work / f"{names[key]}.{job.format}"
        if not output.is_file() or output.stat().st_size == 0:
            raise GraphvizError(
                f"Graphviz tegnede ikke diagrammet {job.shown}: programmet sluttede uden fejl, men skrev "
                "ingenting. Prøv at installere Graphviz igen."
            )
        outputs[key] = _cached_form(output.read_bytes(), job.format)
    return outputs


def _cached_form(output: bytes, fmt: Format) -> bytes:
    """What the cache keeps of dot's output: independent of the batch, and an SVG already compacted (the
    clean-up is the costly part of reading a diagram, and a warm build repeats it for every diagram)."""
    output = _batch_independent(output, fmt)
    if fmt == "pdf":
        return output
    try:
        return svg.cached_form(output.decode("utf-8")).encode("utf-8")
    except (UnicodeDecodeError, ValueError) as error:
        raise GraphvizError(f"Graphviz gav et ødelagt SVG-diagram ({error}).") from None


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


class _Stopped(Exception):
    """Another batch failed or the build was interrupted: start no more dot processes."""


class _Runner:
    """The dot processes of one ``render``: run side by side, each batch within ``timeout`` seconds, and all
    of them killed (with any child they started) as soon as one batch fails or the build is interrupted."""

    def __init__(self, binary: Path, work: Path, timeout: float, jobs: Mapping[str, Job]) -> None:
        self.binary, self.work, self.timeout, self.jobs = binary, work, timeout, jobs
        self.running: set[subprocess.Popen[bytes]] = set()
        self.lock = threading.Lock()
        self.stopped = False

    def run(self, batches: list[tuple[Format, list[str]]]) -> None:
        pool = ThreadPoolExecutor(max_workers=max(1, len(batches)))
        try:
            futures = [pool.submit(self._batch, fmt, names) for fmt, names in batches]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            errors = [error for error in (future.exception() for future in done) if error is not None]
            errors.sort(key=lambda error: isinstance(error, _Stopped))  # the cause before its consequences
            if errors:
                raise errors[0]
        finally:
            self.stop()
            pool.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            for process in self.running:
                _kill_group(process)

    def _batch(self, fmt: Format, names: list[str]) -> None:
        """Render ``names`` in as few dot processes as dot allows, within one deadline.

        Debian's Graphviz 2.43 sometimes corrupts its heap when one process lays out many graphs (seen with
        a large graph followed by others: "double free or corruption"). dot writes its outputs in argument
        order, so after a crash the finished prefix is kept, the last file written (it may be cut short) and
        the one it died on are rendered alone, and the rest goes on as a new batch.
        """
        deadline = time.monotonic() + self.timeout
        remaining = names
        for _ in range(len(names) + 1):
            code, said = self._dot(fmt, remaining, deadline)
            if code == 0 or not remaining:
                return
            done = next((i for i, n in enumerate(remaining) if not (self.work / f"{n}.{fmt}").exists()), len(remaining))
            for name in remaining[max(0, done - 1) : done + 1]:
                code, said = self._dot(fmt, [name], deadline)
                if code != 0:
                    why = said or f"afslutningskode {code}"
                    raise GraphvizError(f"Graphviz kunne ikke tegne diagrammet {self.jobs[name].shown}: {why}")
            remaining = remaining[done + 1 :]

    def _dot(self, fmt: Format, names: list[str], deadline: float) -> tuple[int, str]:
        if not names:
            return 0, ""
        with self.lock:
            if self.stopped:
                raise _Stopped
            process = subprocess.Popen(
                [str(self.binary), f"-T{fmt}", "-O", *names],
                cwd=self.work,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=_dot_environment(),
                start_new_session=True,  # its own process group: killed whole, and Ctrl-C reaches only us
            )
            self.running.add(process)
        try:
            _, said = process.communicate(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _kill_group(process)
            process.communicate()
            drawing = next((n for n in names if not (self.work / f"{n}.{fmt}").exists()), names[-1])
            raise GraphvizError(
                f"Graphviz blev ikke færdig med at tegne diagrammet {self.jobs[drawing].shown} inden for "
                f"{self.timeout:g} sekunder og blev stoppet. Gør diagrammet mindre (færre elementer eller pile), "
                "eller giv Graphviz mere tid med dot_timeout under strategi i mkdocs.yml."
            ) from None
        finally:
            with self.lock:
                self.running.discard(process)
        return process.returncode, said.decode("utf-8", "replace").strip()


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill a dot process and everything it started (its process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
