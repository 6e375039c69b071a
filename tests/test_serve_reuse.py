"""Issue 7: ``mkdocs serve`` rebuilds only what an edit changed, and never serves anything stale.

One real ``mkdocs serve`` session on the fixture project goes through a series of edits an editor makes
(a title, a broken file and its repair, a removed activity, a page in ``docs/``). After each, every file
of a fresh ``mkdocs build`` of the same project is fetched from the server and must be byte for byte
what the build wrote (apart from MkDocs' live-reload script), no other page may be served, and the
server's log must say that most pages were reused.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURE_PROJECT, make_project, mkdocs_build
from test_serve import free_port

pytestmark = pytest.mark.build

LIVE_RELOAD = re.compile(rb"<script>[^<]*livereload[^<]*</script>(?=</body>)", re.IGNORECASE)
REUSED = re.compile(
    r"Genbrugt fra sidste byg: (\d+) af (\d+) sider uden ny omsætning af Markdown, (\d+) uden ny skabelon"
)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - http://127.0.0.1 only
            return response.status, LIVE_RELOAD.sub(b"", response.read())
    except urllib.error.HTTPError as error:
        return error.code, b""


class Session:
    """A running ``mkdocs serve`` of ``project``, with its log."""

    def __init__(self, project: Path, port: int, log: Path) -> None:
        self.project, self.port, self.log = project, port, log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.output = log.open("w", encoding="utf-8")
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            command,
            cwd=project,
            env=env,  # noqa: S603 - our own interpreter
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def wait_for_log(self, pattern: str, since: int = 0, seconds: float = 120) -> str:
        """The log from character ``since`` on, once it matches ``pattern``."""
        deadline = time.monotonic() + seconds
        while not re.search(pattern, self.text()[since:]):
            assert self.process.poll() is None, f"mkdocs serve stopped:\n{self.text()}"
            assert time.monotonic() < deadline, f"waited {seconds} s for {pattern!r}:\n{self.text()[since:]}"
            time.sleep(0.2)
        return self.text()[since:]

    def rebuild_after(self, change: Callable[[], None]) -> str:
        """Make ``change`` and wait until the server has rebuilt and published; returns the log since."""
        since = len(self.text())
        change()
        return self.wait_for_log(r"Reloading browsers", since)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.output.close()


def assert_serves_the_build(session: Session, tmp_path: Path, name: str) -> Path:
    """Every file of a fresh build is served with the same bytes; returns the fresh build."""
    built = tmp_path / f"build-{name}"
    result = mkdocs_build(session.project, built)
    assert result.returncode == 0, result.stderr
    files = sorted(path for path in built.rglob("*") if path.is_file())
    different = []
    for path in files:
        address = path.relative_to(built).as_posix()
        status, body = fetch(f"http://127.0.0.1:{session.port}/{address}")
        if status != 200 or body != path.read_bytes():
            different.append(f"{address} ({status})")
    assert not different, f"{name}: served differently from a fresh build: {different[:10]} of {len(files)}"
    return built


def edit(path: Path, old: str, new: str) -> Callable[[], None]:
    def change() -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def test_serve_reuses_pages_and_serves_what_a_fresh_build_writes(tmp_path: Path) -> None:
    port = free_port()  # the site's address is the server's, so a fresh build writes the same canonical links
    project = make_project(
        tmp_path / "p",
        FIXTURE_PROJECT / "data",
        FIXTURE_PROJECT / "docs",
        f"site_url: http://127.0.0.1:{port}/\nwatch: [data]\n",
    )  # not the live code tree
    session = Session(project, port, tmp_path / "serve.log")
    data = project / "data" / "proeve.yaml"
    page = f"http://127.0.0.1:{session.port}/proeve/aktiviteter/netvaerksmoeder/"
    try:
        session.wait_for_log(r"Serving on")
        assert_serves_the_build(session, tmp_path, "start")

        log = session.rebuild_after(edit(data, "titel: Netværksmøder", "titel: Netværksmøder med familien"))
        assert "Netværksmøder med familien".encode() in fetch(page)[1]
        assert_serves_the_build(session, tmp_path, "title")
        reuse = [tuple(int(n) for n in found) for found in REUSED.findall(log)]
        assert any(0 < converted < total and 0 < written < total for converted, total, written in reuse), reuse

        since = len(session.text())
        edit(data, "titel: Netværksmøder med familien", "titel: [Netværksmøder")()  # YAML that does not parse
        session.wait_for_log(r"proeve.yaml:\d+", since)
        session.rebuild_after(edit(data, "titel: [Netværksmøder", "titel: Netværksmøder igen"))
        assert_serves_the_build(session, tmp_path, "after-a-failed-build")

        activity = (
            "      - id: netvaerksmoeder\n        titel: Netværksmøder igen\n"
            "        områder: [myndighed, almen]\n        afhænger_af: [faerre-sager]\n"
            "        mål: [effekt-maal]\n"
        )
        session.rebuild_after(edit(data, activity, ""))
        built = assert_serves_the_build(session, tmp_path, "removed")
        assert not (built / "proeve" / "aktiviteter" / "netvaerksmoeder" / "index.html").exists()
        assert fetch(page)[0] == 404, "the removed activity's page is still served"

        session.rebuild_after(edit(project / "docs" / "index.md", "\n", "\nEt nyt afsnit på forsiden.\n"))
        assert_serves_the_build(session, tmp_path, "docs")
    finally:
        session.stop()
