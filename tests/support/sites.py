"""Building sites as an editor does, and reading them back: projects, ``mkdocs build``/``serve``, link checks.

Pipeline position: outside the product, around it. A test project inherits the product's ``mkdocs.yml``
and links its ``overrides/``, ``macros/`` and ``diagrams/``, so a build runs the worktree's own code.
Every ``mkdocs build`` and ``mkdocs serve`` the tests start goes through ``mkdocs_build``/``mkdocs_serve``
here and is counted in ``RUNS`` (printed at the end of the test session by ``tests/conftest.py``).
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

from support.html import Link, Page, read_file

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_PROJECT = ROOT / "tests" / "fixtures" / "site"  # every element kind, with its own mkdocs.yml
REALISATION_PROJECT = ROOT / "tests" / "fixtures" / "realisation"  # months, targets, prerequisites per level
FORMAT_PROJECT = ROOT / "tests" / "fixtures" / "format"  # every key of issue 13: own words, whole chain, budget
DIAGRAM_DATA = ROOT / "tests" / "fixtures" / "diagrams" / "data"  # every kind of diagram, hostile labels
INVALID = ROOT / "tests" / "invalid"  # one invalid data file per defect, each declaring its problems
GENERATOR = ROOT / "benchmarks" / "generate.py"


@dataclass(frozen=True)
class Run:
    """One ``mkdocs build`` or ``mkdocs serve`` the tests started."""

    command: str
    project: Path
    seconds: float


RUNS: list[Run] = []  # every run of this test session, in order


def _environment(
    hash_seed: str | None = None, build_day: str | None = None, base: Mapping[str, str] | None = None
) -> dict[str, str]:
    env = {**(os.environ if base is None else base), "NO_MKDOCS_2_WARNING": "1"}
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    if build_day is not None:
        env["SOURCE_DATE_EPOCH"] = build_day
    return env


def macros_check(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m macros check *args`` as an editor runs it, in ``cwd`` (the session puts this checkout first
    on PYTHONPATH); not checked: the test reads the exit code and the messages."""
    return subprocess.run(
        [sys.executable, "-m", "macros", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def mkdocs_build(
    project: Path,
    out: Path | None = None,
    config: Path | None = None,
    *,
    hash_seed: str | None = None,
    build_day: str | None = None,
    environment: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` in ``project`` (into ``out``, else its own ``site/``); not checked.

    ``hash_seed`` sets ``PYTHONHASHSEED``; ``build_day`` (seconds since 1970) pretends the build runs on
    another day, through MkDocs' ``SOURCE_DATE_EPOCH``; ``environment`` replaces ``os.environ`` (a build
    on a background thread must not see what a test meanwhile sets, such as a ``PATH`` without ``dot``).
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["-d", str(out)] if out is not None else []
    command += ["-f", str(config)] if config is not None else []
    return _counted("build", project, command, _environment(hash_seed, build_day, environment), timeout=600)


def catalogue(
    project: Path, *args: str, environment: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m macros katalog *args`` in ``project`` (catalogue mode: each strategy its own MkDocs build,
    then the stitch step); not checked: the test reads the exit code and the messages. Counted in ``RUNS``."""
    command = [sys.executable, "-m", "macros", "katalog", *args]
    return _counted("katalog", project, command, _environment(base=environment), timeout=900)


def _counted(
    kind: str, project: Path, command: list[str], env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """``command`` run in ``project``, output captured, not checked; its time counted in ``RUNS``."""
    start = time.monotonic()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    RUNS.append(Run(kind, project, time.monotonic() - start))
    return result


def built(project: Path, out: Path, config: Path | None = None, environment: Mapping[str, str] | None = None) -> Path:
    """``mkdocs_build`` that must succeed; returns ``out``."""
    result = mkdocs_build(project, out, config, environment=environment)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out


class BackgroundBuilds:
    """The session's shared sites, built one after another on a second thread while the tests run.

    pytest runs one test at a time, and a test waiting for ``mkdocs build`` leaves the machine's other core
    idle; so the shared sites are started when the session knows which it needs (the unit tests run
    first and need none) and each fixture only waits for its own. Every build sees the environment the
    session started with, whatever a running test sets meanwhile.
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="site-build")
        self._started: dict[str, Future[Path]] = {}
        self._environment = dict(os.environ)

    def start(self, name: str, make: Callable[[Mapping[str, str]], Path]) -> None:
        """Queue the site ``name``, made by ``make(environment)``, unless it is queued already."""
        if name not in self._started:
            self._started[name] = self._pool.submit(make, self._environment)

    def get(self, name: str, make: Callable[[Mapping[str, str]], Path]) -> Path:
        """The site ``name``: waited for when queued, else built now."""
        self.start(name, make)
        return self._started[name].result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_project(where: Path, data: Path, docs: Path, extra_config: str = "") -> Path:
    """A throw-away MkDocs project in ``where`` that inherits the product's mkdocs.yml.

    ``data`` and ``docs`` are copied (so a test may break them); the theme overrides, the code and the
    diagram definitions are linked. The product's nav is kept for the product's own docs; any other docs
    folder gets a one-page nav.
    """
    shutil.copytree(data, where / "data")
    shutil.copytree(docs, where / "docs")
    for shared in ("overrides", "macros", "diagrams"):
        if (ROOT / shared).exists():
            (where / shared).symlink_to(ROOT / shared)
    nav = "" if docs == ROOT / "docs" else "nav:\n  - Forside: index.md\n"
    (where / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\n{nav}{extra_config}", encoding="utf-8")
    return where


TINY_STRATEGY = """id: lille
titel: Lille strategi
organisation:
  kommune: Ærø Kommune
indsatser:
  - id: indsats
    titel: Én indsats
    aktiviteter:
      - id: foerste
        titel: Første aktivitet
      - id: anden
        titel: Anden aktivitet
        afhænger_af: [foerste]
"""


def tiny_project(where: Path, extra_config: str = "", strategy: str = TINY_STRATEGY) -> Path:
    """A project of one small strategy (two diagrams) and a one-page ``docs/``: a build takes seconds."""
    source = where.with_name(where.name + "-kilde")
    (source / "data").mkdir(parents=True)
    (source / "docs").mkdir()
    (source / "data" / "lille.yaml").write_text(strategy, encoding="utf-8")
    (source / "docs" / "index.md").write_text("# Forside\n\nEt lille websted.\n", encoding="utf-8")
    return make_project(where, source / "data", source / "docs", extra_config)


def generate_strategy(activities: int, out: Path) -> Path:
    """The benchmark's synthetic strategy (``benchmarks/generate.py``) of ``activities`` activities."""
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--activities", str(activities), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out / "syntetisk.yaml"


# --- mkdocs serve ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Serve:
    """A running ``mkdocs serve`` of ``project`` on 127.0.0.1:``port``, its output in ``log``."""

    def __init__(self, project: Path, port: int, log: Path) -> None:
        self.project, self.port, self.log = project, port, log
        self.url = f"http://127.0.0.1:{port}/"
        self._output: IO[str] = log.open("w", encoding="utf-8")
        self._started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=_environment(),
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self._output.close()
        RUNS.append(Run("serve", self.project, time.monotonic() - self._started))


def fetch(url: str, timeout: float = 30, headers: Mapping[str, str] | None = None) -> tuple[int, bytes]:
    """(HTTP status, body) of ``url`` on 127.0.0.1; (0, b"") when nothing answers."""
    request = urllib.request.Request(url, headers=dict(headers or {}))  # noqa: S310 - http://127.0.0.1 only
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http://127.0.0.1 only
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:
        return 0, b""


# --- reading a built site -------------------------------------------------------------------------


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, with its bytes (directories show through their files)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def describe_differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """One line per file that differs between two ``tree``s: missing on one side, or where the bytes part."""
    lines = [f"only in the first: {p}" for p in sorted(first.keys() - second.keys())]
    lines += [f"only in the second: {p}" for p in sorted(second.keys() - first.keys())]
    for path in sorted(first.keys() & second.keys()):
        a, b = first[path], second[path]
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            lines.append(
                f"{path}: differs from byte {at}: {a[max(0, at - 40) : at + 40]!r} / {b[max(0, at - 40) : at + 40]!r}"
            )
    return lines


def html_files(site: Path) -> list[Path]:
    """Every HTML file of a built site, redirect stubs included (the link walk reads them too)."""
    return sorted(site.rglob("*.html"))


def is_redirect(html: Path) -> bool:
    """A stub that only sends the reader on (an earlier id's address, a diagram page with no diagram left):
    a page of its own, not one the theme wrote."""
    return 'http-equiv="refresh"' in html.read_text(encoding="utf-8")[:600]


def theme_pages(site: Path) -> list[Path]:
    """The pages the theme wrote: every HTML file but the redirect stubs."""
    return [html for html in html_files(site) if not is_redirect(html)]


def page_file(site: Path, url: str) -> Path:
    """The file behind a site-relative ``url`` ("x/" is x/index.html; an ``#anchor`` is ignored)."""
    path = url.split("#", 1)[0]
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def page(site: Path, url: str) -> Page:
    """The parsed page at a site-relative ``url``."""
    return read_file(page_file(site, url))


def link_map(site: Path) -> list[dict[str, Any]]:
    """The built site's own map of elements (``links.json``): strategi, id, type, titel, url per element."""
    elements: list[dict[str, Any]] = json.loads((site / "links.json").read_text(encoding="utf-8"))["elementer"]
    return elements


def search_index(site: Path) -> list[dict[str, str]]:
    """The entries (location, title, text) of the built site's search index."""
    docs: list[dict[str, str]] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return docs


def resolve(site: Path, source: Path, link: str) -> tuple[Path | None, str]:
    """The file an internal link on the page ``source`` points at (None for external links), and its anchor."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None, ""
    path = unquote(parts.path)
    if not path:
        return source, unquote(parts.fragment)
    base = source.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else path.lstrip("/")
    candidate = site / target
    if candidate.is_dir() or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the site that points at nothing, as 'page: link (why)'."""
    seen: dict[Path, tuple[list[Link], set[str]]] = {}  # links and anchors of each page read so far

    def facts(path: Path) -> tuple[list[Link], set[str]]:
        if path not in seen:
            page = read_file(path)
            seen[path] = page.links, page.anchors
        return seen[path]

    problems = []
    for html in html_files(site):
        for link in facts(html)[0]:
            target, anchor = resolve(site, html, link.url)
            if target is None:
                continue
            where = html.relative_to(site).as_posix()
            if not target.exists():
                problems.append(f"{where}: {link.url} (no such file)")
            elif anchor and target.suffix == ".html" and anchor not in facts(target)[1]:
                problems.append(f"{where}: {link.url} (no id '{anchor}')")
    return problems
