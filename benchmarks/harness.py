"""Shared pieces of the benchmark scripts: project copies, measured builds, the ``dot`` shim, site figures.

Pipeline position: outside the product. ``run.py``, ``profile_build.py`` and ``serve_edit.py`` use these
to build throw-away copies of the project (our ``mkdocs.yml``, ``docs/``, theme overrides and a
``data/`` holding only a synthetic strategy) and the plain MkDocs + Material "floor" project, each in a
fresh subprocess whose wall time and peak memory are taken from the operating system.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import generate

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
OUR_PLUGINS = ("strategi", "macros")  # the floor is MkDocs + Material without these
BUILD_TIMEOUT = 600.0


def python() -> str:
    """The project's interpreter (its venv has MkDocs, Material and our package); else this one."""
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without constructing its ``!!python/...`` and ``!ENV`` tags (they become None)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}  # noqa: S506 - a SafeLoader


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, symlinks=False, ignore=shutil.ignore_patterns("__pycache__"))
    elif source.exists():
        shutil.copy2(source, target)


def make_project(where: Path, activities: int, strategy_id: str = "syntetisk", seed: int | None = None) -> Path:
    """A copy of the project whose ``data/`` holds only the synthetic strategy of ``activities`` activities.

    Copied: ``mkdocs.yml``, ``docs/``, ``overrides/`` and whatever else ``mkdocs.yml`` watches (code and
    templates); never ``.cache/`` or ``site/``, so the copy starts cold.
    """
    where.mkdir(parents=True)
    config = read_config(ROOT / "mkdocs.yml")
    docs_dir = str(config.get("docs_dir") or "docs")
    theme = config.get("theme") or {}
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    names = {"mkdocs.yml", docs_dir, "overrides", *(config.get("watch") or []), *([custom_dir] if custom_dir else [])}
    data_dir = _data_dir_name(config)
    for name in sorted(names - {data_dir}):
        _copy(ROOT / name, where / name)
    for name in config.get("watch") or []:
        (where / name).mkdir(parents=True, exist_ok=True)  # MkDocs refuses to watch a missing folder
    generate.write(activities, where / data_dir, seed, strategy_id)
    return where


def provenance() -> str:
    """Which code a project copy holds: the commit, and how many copied files differ from it."""

    def git(*args: str) -> str:
        result = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
        return result.stdout.strip()

    config = read_config(ROOT / "mkdocs.yml")
    paths = ["mkdocs.yml", str(config.get("docs_dir") or "docs"), "overrides", *(config.get("watch") or [])]
    changed = [line for line in git("status", "--porcelain", "--", *paths).splitlines() if line.strip()]
    state = f"{len(changed)} uncommitted file(s) in the copied paths" if changed else "no uncommitted changes"
    return f"working tree at commit {git('rev-parse', '--short', 'HEAD') or '?'}, {state}"


def _data_dir_name(config: dict[str, Any]) -> str:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "strategi" in entry:
            return str((entry["strategi"] or {}).get("data_dir", "data"))
    return "data"


def floor_plugins(config: dict[str, Any]) -> list[Any]:
    """The project's plugins minus ours (search and any Material plugin stay)."""
    kept = []
    for entry in config.get("plugins") or []:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name not in OUR_PLUGINS:
            kept.append(entry)
    return kept


def make_floor(project: Path, capture: Path, where: Path) -> Path:
    """Plain MkDocs + Material project with the captured pages and nav of ``project``'s build.

    Same theme settings and Markdown extensions (it inherits the copied ``mkdocs.yml``), same pages,
    same nav shape (strategy sections in the nav, element pages outside it); no plugins, hooks or theme
    template overrides of ours (their cost is part of our build, not of the floor).
    """
    where.mkdir(parents=True)
    config = read_config(project / "mkdocs.yml")
    shutil.copy2(project / "mkdocs.yml", where / "base.yml")
    docs_dir = str(config.get("docs_dir") or "docs")
    _copy(project / docs_dir, where / docs_dir)
    shutil.copytree(capture / "docs", where / docs_dir, dirs_exist_ok=True)
    theme = config.get("theme") or {}
    if isinstance(theme, dict) and theme.get("custom_dir"):
        (where / theme["custom_dir"]).mkdir(parents=True)  # stock Material: our template overrides are ours
    nav = json.loads((capture / "nav.json").read_text(encoding="utf-8"))
    lines = [
        "# Floor: plain MkDocs + Material, the same pages and nav as our build, none of our plugins.",
        "INHERIT: base.yml",
        f"plugins: {json.dumps(floor_plugins(config), ensure_ascii=False)}",
        "hooks: []",
        "watch: []",
        "validation: {omitted_files: info}",
        f"nav: {json.dumps(nav, ensure_ascii=False)}",
    ]
    (where / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return where


def capture_config(project: Path) -> Path:
    """A config for the unmeasured prepare build: the project's, plus the capture hook."""
    hooks = list(read_config(project / "mkdocs.yml").get("hooks") or [])
    path = project / "capture.yml"
    text = f"INHERIT: mkdocs.yml\nhooks: {json.dumps([*hooks, str(BENCH / 'capture_hook.py')])}\n"
    path.write_text(text, encoding="utf-8")
    return path


def make_dot_shim(where: Path) -> Path | None:
    """A ``dot`` first on PATH that runs the real one and logs start and end time of each call, and
    whether it died of a signal.

    With ``BENCH_DOT_RETRY`` set, a call that dies of a signal (Graphviz 2.43 crashes on some graphs
    when it renders several in one process) is run again one input file per process, and the log line
    says so. This is a stand-in for a fix in ``macros/diagrams/graphviz.py`` so the rest can be measured; it assumes
    the calling convention ``dot -T<fmt> -O file...`` (every argument not starting with ``-`` is a file).
    Returns the folder to put first on PATH, or None when Graphviz is not installed.
    """
    real = shutil.which("dot")
    if real is None:
        return None
    where.mkdir(parents=True, exist_ok=True)
    shim = where / "dot"
    shim.write_text(
        "#!/bin/bash\n"
        "start=$EPOCHREALTIME\n"
        f'"{real}" "$@"\n'
        "status=$?\n"
        "crashed=0; [ $status -ge 128 ] && crashed=1\n"
        'if [ $crashed = 1 ] && [ -n "$BENCH_DOT_RETRY" ]; then\n'
        "  status=0; options=(); files=()\n"
        '  for a in "$@"; do case "$a" in -*) options+=("$a");; *) files+=("$a");; esac; done\n'
        f'  for f in "${{files[@]}}"; do "{real}" "${{options[@]}}" "$f" || status=$?; done\n'
        "fi\n"
        'if [ -n "$BENCH_DOT_LOG" ]; then echo "$start $EPOCHREALTIME $crashed" >> "$BENCH_DOT_LOG"; fi\n'
        "exit $status\n",
        encoding="utf-8",
    )
    shim.chmod(0o755)
    return where


@dataclass(frozen=True)
class DotTime:
    calls: int
    busy: float  # seconds during which at least one dot ran (wall)
    total: float  # sum of all call durations (several may overlap)
    crashed: int = 0  # calls that died of a signal (re-run file by file by the shim with BENCH_DOT_RETRY)


def read_dot_log(path: Path) -> DotTime:
    if not path.exists():
        return DotTime(0, 0.0, 0.0)
    rows = sorted([float(f) for f in line.split()] for line in path.read_text().splitlines() if line.strip())
    busy, end = 0.0, 0.0
    for start, stop, *_ in rows:
        busy += max(0.0, stop - max(start, end))
        end = max(end, stop)
    crashed = sum(1 for row in rows if len(row) > 2 and row[2])
    return DotTime(len(rows), busy, sum(row[1] - row[0] for row in rows), crashed)


@dataclass(frozen=True)
class Run:
    """One measured subprocess."""

    seconds: float
    cpu_seconds: float  # user + system time of the build process and the children it waited for
    peak_mb: float
    returncode: int
    output: str
    dot: DotTime


def environment(shim: Path | None, dot_log: Path | None = None, retry_dot: bool = False) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("BENCH_DOT_RETRY", None)
    if retry_dot:
        env["BENCH_DOT_RETRY"] = "1"
    if shim is not None:
        env["PATH"] = f"{shim}{os.pathsep}{env.get('PATH', '')}"
    if dot_log is not None:
        env["BENCH_DOT_LOG"] = str(dot_log)
    else:
        env.pop("BENCH_DOT_LOG", None)
    return env


def measure(
    command: list[str], cwd: Path, env: dict[str, str], dot_log: Path | None = None, timeout: float = BUILD_TIMEOUT
) -> Run:
    """Run ``command`` once; wall time and this process' own peak RSS (``wait4``), killed after ``timeout``."""
    if dot_log is not None and dot_log.exists():
        dot_log.unlink()
    log = cwd / ".bench-output.txt"
    with log.open("w", encoding="utf-8") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    output = log.read_text(encoding="utf-8", errors="replace")
    dot = read_dot_log(dot_log) if dot_log is not None else DotTime(0, 0.0, 0.0)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode, output, dot)


def build_command(config: Path | None = None, site_dir: str = "site") -> list[str]:
    command = [python(), "-m", "mkdocs", "build", "--strict", "--quiet", "-d", site_dir]
    return [*command, "-f", str(config)] if config is not None else command


@dataclass(frozen=True)
class SiteFigures:
    files: int
    pages: int
    bytes: int
    search_index_bytes: int
    largest_page: str
    largest_page_bytes: int


def site_figures(site: Path) -> SiteFigures:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    return SiteFigures(
        len(files),
        len(pages),
        sum(p.stat().st_size for p in files),
        index.stat().st_size if index.exists() else 0,
        str(largest.relative_to(site)),
        largest.stat().st_size,
    )
