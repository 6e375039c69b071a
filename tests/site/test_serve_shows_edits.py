"""``mkdocs serve`` shows every edit without a restart, rebuilds only what an edit changed, and never serves
anything stale.

One real ``mkdocs serve`` session on the fixture project goes through a series of edits an editor makes
(titles of an activity, an indsats and a goal, a description, a broken file and its repair, a removed
activity, a page in ``docs/``). After each, the edited page shows the change, every file of a fresh
``mkdocs build`` of the same project is fetched from the server and must be byte for byte what the build
wrote (apart from MkDocs' live-reload script), and no other page may be served. An edit of the data that
keeps every page and the menu is republished by the quick rebuild (``build.quick``: the log says
"Opdateret på … uden fuld genopbygning"); the others by MkDocs' rebuild, whose log must say that most
pages were reused.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from support.sites import FIXTURE_PROJECT, Serve, fetch, free_port, generate_strategy, make_project, mkdocs_build

pytestmark = pytest.mark.build

LIVE_RELOAD = re.compile(rb"<script>[^<]*livereload[^<]*</script>(?=</body>)", re.IGNORECASE)
REUSED = re.compile(
    r"Genbrugt fra sidste byg: (\d+) af (\d+) sider uden ny omsætning af Markdown, (\d+) uden ny skabelon"
)
ACTIVITY = "proeve/aktiviteter/netvaerksmoeder/"
QUICK = "uden fuld genopbygning"


def served(session: Serve, address: str) -> tuple[int, bytes]:
    """(status, body without the live-reload script) of ``address`` on the server."""
    status, body = fetch(session.url + address)
    return status, LIVE_RELOAD.sub(b"", body)


def wait_for_log(session: Serve, pattern: str, since: int = 0, seconds: float = 120) -> str:
    """The log from character ``since`` on, once it matches ``pattern``."""
    deadline = time.monotonic() + seconds
    while not re.search(pattern, session.text()[since:]):
        assert session.process.poll() is None, f"mkdocs serve stopped:\n{session.text()}"
        assert time.monotonic() < deadline, f"waited {seconds} s for {pattern!r}:\n{session.text()[since:]}"
        time.sleep(0.2)
    return session.text()[since:]


def rebuild_after(session: Serve, change: Callable[[], None]) -> str:
    """Make ``change`` and wait until the server has rebuilt and published; returns the log since."""
    since = len(session.text())
    change()
    return wait_for_log(session, r"Reloading browsers", since)


def assert_serves_the_build(session: Serve, tmp_path: Path, name: str) -> Path:
    """Every file of a fresh build is served with the same bytes; returns the fresh build."""
    built = tmp_path / f"build-{name}"
    result = mkdocs_build(session.project, built)
    assert result.returncode == 0, result.stderr
    files = sorted(path for path in built.rglob("*") if path.is_file())
    different = []
    for path in files:
        address = path.relative_to(built).as_posix()
        status, body = served(session, address)
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


def test_serve_shows_edits_reuses_pages_and_serves_what_a_fresh_build_writes(tmp_path: Path) -> None:
    port = free_port()  # the site's address is the server's, so a fresh build writes the same canonical links
    project = make_project(
        tmp_path / "p",
        FIXTURE_PROJECT / "data",
        FIXTURE_PROJECT / "docs",
        f"site_url: http://127.0.0.1:{port}/\nwatch: [data]\n",
    )  # not the live code tree
    session = Serve(project, port, tmp_path / "serve.log")
    data = project / "data" / "proeve.yaml"
    try:
        wait_for_log(session, r"Serving on")
        assert_serves_the_build(session, tmp_path, "start")
        assert b"Netv\xc3\xa6rksm\xc3\xb8der" in served(session, ACTIVITY)[1]

        log = rebuild_after(session, edit(data, "titel: Netværksmøder", "titel: Netværksmøder med familien"))
        status, page = served(session, ACTIVITY)
        assert status == 200 and "Netværksmøder med familien".encode() in page
        assert QUICK in log and "Building documentation" not in log, log
        assert_serves_the_build(session, tmp_path, "title")

        # Same pages, other contents: an indsats' title (its activities' breadcrumbs and the diagrams), a
        # description (page descriptions in heads), a goal's title (links from other pages, the print edition).
        for name, old, new in (
            ("indsats", "titel: Styrket myndighed", "titel: Styrket og samlet myndighed"),
            ("beskrivelse", "beskrivelse: Vi opdager bekymringer tidligt.", "beskrivelse: Vi ser det *før*."),
            ("goal", "titel: Rådgivere har tid til familierne", "titel: Rådgiverne har mere tid"),
        ):
            log = rebuild_after(session, edit(data, old, new))
            assert QUICK in log, log
            assert_serves_the_build(session, tmp_path, name)

        since = len(session.text())
        edit(data, "titel: Netværksmøder med familien", "titel: [Netværksmøder")()  # YAML that does not parse
        wait_for_log(session, r"proeve.yaml:\d+", since)
        rebuild_after(session, edit(data, "titel: [Netværksmøder", "titel: Netværksmøder igen"))
        assert_serves_the_build(session, tmp_path, "after-a-failed-build")
        assert "Netværksmøder igen".encode() in served(session, ACTIVITY)[1]

        activity = (
            "      - id: netvaerksmoeder\n        titel: Netværksmøder igen\n"
            "        områder: [myndighed, almen]\n        afhænger_af: [faerre-sager]\n"
            "        mål: [effekt-maal]\n"
        )
        rebuild_after(session, edit(data, activity, ""))
        built = assert_serves_the_build(session, tmp_path, "removed")
        assert not (built / ACTIVITY / "index.html").exists()
        assert served(session, ACTIVITY)[0] == 404, "the removed activity's page is still served"

        log = rebuild_after(session, edit(project / "docs" / "index.md", "\n", "\nEt nyt afsnit på forsiden.\n"))
        assert QUICK not in log, "an edit outside the data took the quick rebuild"
        reuse = [tuple(int(n) for n in found) for found in REUSED.findall(log)]
        assert any(0 < converted < total and 0 < written < total for converted, total, written in reuse), reuse
        assert_serves_the_build(session, tmp_path, "docs")
        assert "Et nyt afsnit på forsiden.".encode() in served(session, "")[1]
    finally:
        session.stop()


def test_the_edited_page_comes_first_and_what_is_still_being_written_is_never_served_old(tmp_path: Path) -> None:
    """The quick rebuild publishes first the edited activity's page and the page a browser shows (a goal
    that lists the activity), and writes the rest (the other pages that show its title, the open-data
    files, the search index) afterwards; a reader who asks for one of those the moment the activity's page
    shows the edit waits for the new file and gets what a fresh build writes. 300 activities make the rest
    take long enough to be asked for while it is written."""
    port = free_port()
    settings = f"site_url: http://127.0.0.1:{port}/\nwatch: [data]\n"
    generated = generate_strategy(300, tmp_path / "data")
    text = generated.read_text(encoding="utf-8")
    title = re.search(r"- id: aktivitet-7\n    titel: (.+)\n", text)
    assert title is not None
    edited_text = text.replace(title.group(0), title.group(0).replace(title.group(1), "Et nyt navn til aktiviteten"))
    (tmp_path / "after").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Strategier\n", encoding="utf-8")
    (tmp_path / "after" / generated.name).write_text(edited_text, encoding="utf-8")
    after = make_project(tmp_path / "a", tmp_path / "after", tmp_path / "docs", settings)
    result = mkdocs_build(after, tmp_path / "build-after")
    assert result.returncode == 0, result.stderr
    expected = tmp_path / "build-after"
    showing = [path.relative_to(expected).as_posix() for path in sorted(expected.rglob("*.html"))]
    showing = [page for page in showing if "Et nyt navn til aktiviteten" in (expected / page).read_text("utf-8")]
    files = ["search/search_index.json", "syntetisk/data/syntetisk.xlsx", "syntetisk/data/syntetisk.json", "links.json"]
    goal = next(page for page in showing if page.startswith("syntetisk/maal/"))  # a browser shows it
    first = ["syntetisk/aktiviteter/aktivitet-7/index.html", goal]
    written_later = files + [page for page in showing if page not in first]
    assert len(written_later) > 8, written_later  # the other pages that show the activity's title
    project = make_project(tmp_path / "p", tmp_path / "data", tmp_path / "docs", settings)
    session = Serve(project, port, tmp_path / "serve.log")
    try:
        wait_for_log(session, r"Serving on", seconds=300)
        script = re.search(rb"livereload\((\d+), (\d+)\)", fetch(session.url + goal.removesuffix("index.html"))[1])
        assert script is not None, "the served page has no live-reload script"
        news = f"{session.url}livereload/{script.group(1).decode()}/{script.group(2).decode()}"
        browser = threading.Thread(target=fetch, args=(news,), kwargs={"headers": {"Referer": session.url + goal}})
        browser.start()  # the page's script asks the server for news, and waits for it
        time.sleep(0.5)
        since = len(session.text())
        (project / "data" / generated.name).write_text(edited_text, encoding="utf-8")
        deadline = time.monotonic() + 120
        while b"Et nyt navn til aktiviteten" not in served(session, "syntetisk/aktiviteter/aktivitet-7/")[1]:
            assert time.monotonic() < deadline, session.text()[since:]
            time.sleep(0.02)
        different = [
            address
            for address in first + written_later
            if served(session, address) != (200, (expected / address).read_bytes())
        ]
        assert not different, f"served before it was written anew: {different}"
        log = wait_for_log(session, r"Alle sider og filer skrevet", since)
        assert "uden fuld genopbygning (2 sider; resten skrives nu)" in log, log
        browser.join(10)
        assert not browser.is_alive(), "the browser was not told to reload"
    finally:
        session.stop()
