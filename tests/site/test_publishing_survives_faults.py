"""The published site survives every fault a build meets: two builds at once, a web root that is a link or a
file, folders staff keep beside it, a rotten diagram cache, a full disk, a ``dot`` that hangs.

Real ``mkdocs build --strict`` runs of a tiny project (one strategy, one diagram of each kind it gets), built
into its own ``site/`` as an editor does, compared byte for byte with a fresh build of the same project.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.sites import describe_differences, mkdocs_build, tiny_project, tree

pytestmark = pytest.mark.build

PAIRS = 20  # overlapping builds, each pair started a little further apart
# The product's plugins, with a short Graphviz timeout (a list in mkdocs.yml is replaced by INHERIT).
SHORT_TIMEOUT = """plugins:
  - search:
      lang: da
  - strategi:
      dot_timeout: 4
  - macros:
      modules: [macros.build.macros_module]
      on_error_fail: true
      on_undefined: strict
      render_by_default: true
"""


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every file of a clean build of the tiny project (cold cache)."""
    project = tiny_project(tmp_path_factory.mktemp("fresh") / "projekt")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return tree(project / "site")


def beside_site(project: Path) -> list[str]:
    """What lies beside ``site`` that a build may have left (staging or retired folders)."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith("site") and p.name != "site")


def assert_failed_in_danish(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr.replace("BuildError", "")


def test_two_builds_at_once_always_leave_the_complete_site(fresh: dict[str, bytes], tmp_path: Path) -> None:
    """An editor's build while a cron job builds: whichever exits 0 has published the whole site, and after
    every pair ``site/`` is the site a fresh build gives, with nothing left beside it."""
    project = tiny_project(tmp_path / "projekt")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    waited = 0
    for pair in range(PAIRS):
        first = subprocess.Popen(command, cwd=project, env=environment, stderr=subprocess.PIPE, text=True)
        time.sleep(0.1 * (pair % 10))  # 0 to 0.9 s apart: the second starts in every phase of the first
        second = subprocess.Popen(command, cwd=project, env=environment, stderr=subprocess.PIPE, text=True)
        said = [process.communicate(timeout=300)[1] for process in (first, second)]
        codes = [first.returncode, second.returncode]
        assert codes == [0, 0], f"pair {pair}: {codes}\n{said}"
        assert describe_differences(fresh, tree(project / "site")) == [], f"pair {pair}"
        assert beside_site(project) == [], f"pair {pair}"
        waited += sum("En anden bygning af" in text for text in said)
    assert waited >= PAIRS // 2, f"only {waited} of {PAIRS} pairs overlapped"


def test_a_site_that_is_a_symbolic_link_is_published_into_the_folder_it_points_to(
    fresh: dict[str, bytes], tmp_path: Path
) -> None:
    project = tiny_project(tmp_path / "projekt")
    release = tmp_path / "udgivelser" / "aktuel"
    release.mkdir(parents=True)
    (release / ".htaccess").write_text("Options -Indexes\n", encoding="utf-8")
    (project / "site").symlink_to(release)
    for _ in range(2):  # the second build replaces the first one's site the same way
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr
        assert (project / "site").is_symlink() and (project / "site").resolve() == release
        published = tree(release)
        assert published.pop(".htaccess") == b"Options -Indexes\n"  # the web server's own file is kept
        assert describe_differences(fresh, published) == []
    assert sorted(p.name for p in release.parent.iterdir()) == [".aktuel.lock", "aktuel"]  # the lock stays


def test_a_site_that_is_a_file_is_refused_before_anything_is_built(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "projekt")
    (project / "site").write_text("en fil, ikke en mappe\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert_failed_in_danish(result, "men der ligger en fil med det navn. Flyt eller omdøb filen, og byg igen.")
    assert "Building documentation" not in result.stderr
    assert (project / "site").read_text(encoding="utf-8") == "en fil, ikke en mappe\n"
    assert beside_site(project) == []


def test_folders_staff_keep_beside_the_site_are_never_touched(fresh: dict[str, bytes], tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "projekt")
    kept = ["site.gammel", "site.bygger", "site.gammel-sikkerhedskopi", "site.bygger-x"]
    for name in kept:
        (project / name).mkdir()
        (project / name / "vigtig.txt").write_text(name, encoding="utf-8")
    for _ in range(2):
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr
    assert describe_differences(fresh, tree(project / "site")) == []
    assert beside_site(project) == sorted(kept)
    for name in kept:
        assert (project / name / "vigtig.txt").read_text(encoding="utf-8") == name


@pytest.mark.parametrize("rot", ["afkortet", "tom", "ændret"])
def test_a_rotten_diagram_cache_gives_the_same_site_as_a_clean_build(
    rot: str, fresh: dict[str, bytes], tmp_path: Path
) -> None:
    project = tiny_project(tmp_path / "projekt")
    assert mkdocs_build(project).returncode == 0
    entries = sorted((project / ".cache" / "diagrams").glob("*.svg")) + sorted(
        (project / ".cache" / "diagrams").glob("*.pdf")
    )
    assert len(entries) >= 4
    for entry in entries:
        content = entry.read_bytes()
        if rot == "afkortet":
            entry.write_bytes(content[: len(content) // 2])
        elif rot == "tom":
            entry.write_bytes(b"")
        else:
            entry.write_bytes(content.replace(b"<title>", b"<title>X", 1).replace(b"/Type", b"/Typo", 1))
    shutil.rmtree(project / "site")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert describe_differences(fresh, tree(project / "site")) == []
    assert result.stderr.count("Building documentation") == 1
    again = mkdocs_build(project)  # the rebuilt entries are whole again: a warm build gives the same
    assert again.returncode == 0 and describe_differences(fresh, tree(project / "site")) == []


# Writes three of the site's files through MkDocs, then fails as the system does (``{code}``).
FAILING_WRITE = """
import errno, sys
import mkdocs.utils, mkdocs.structure.files, mkdocs.commands.build
written = []
real = mkdocs.utils.write_file
def write_file(content, output_path):
    if len(written) >= 3:
        raise OSError(errno.{code}, "simulated", output_path)
    written.append(output_path)
    real(content, output_path)
for module in (mkdocs.utils, mkdocs.structure.files, mkdocs.commands.build):
    module.write_file = write_file
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict"]
cli()
"""


@pytest.mark.parametrize(
    "code,reason",
    [("ENOSPC", "disken er fuld"), ("EACCES", "der er ikke adgang til at skrive der")],
    ids=["fuld-disk", "ingen-adgang"],
)
def test_a_full_disk_or_a_folder_without_access_stops_the_build_in_danish_with_the_site_intact(
    code: str, reason: str, fresh: dict[str, bytes], tmp_path: Path
) -> None:
    """Simulated inside MkDocs' own writing (the tests may run as root, whom no folder refuses)."""
    project = tiny_project(tmp_path / "projekt")
    assert mkdocs_build(project).returncode == 0
    result = subprocess.run(
        [sys.executable, "-c", FAILING_WRITE.format(code=code)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert_failed_in_danish(result, f"Bygningen stoppede, fordi en fil ikke kunne skrives eller læses: {reason} ('")
    assert "Det udgivne websted er ikke ændret" in result.stderr
    assert describe_differences(fresh, tree(project / "site")) == []
    assert beside_site(project) == []


# A ``dot`` that answers ``-V`` like Graphviz and then hangs, with a child process of its own.
HANGING_DOT = """#!/bin/sh
if [ "$1" = "-V" ]; then echo "dot - graphviz version 0.0 (haenger)" >&2; exit 0; fi
sleep 600 &
echo $$ $! >> "$DOT_PIDS"
wait
"""


def test_a_hanging_dot_is_stopped_within_the_timeout_and_leaves_no_process(
    fresh: dict[str, bytes], tmp_path: Path
) -> None:
    project = tiny_project(tmp_path / "projekt", SHORT_TIMEOUT)
    assert mkdocs_build(project).returncode == 0
    assert describe_differences(fresh, tree(project / "site")) == []
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "dot").write_text(HANGING_DOT, encoding="utf-8")
    (tools / "dot").chmod(0o755)
    pids = tmp_path / "pids"
    environment = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}", "DOT_PIDS": str(pids)}
    start = time.monotonic()
    result = mkdocs_build(project, environment=environment)
    took = time.monotonic() - start
    assert_failed_in_danish(result, "Graphviz blev ikke færdig med at tegne diagrammet")
    assert "inden for 4 sekunder" in result.stderr and "i strategien 'lille'" in result.stderr
    assert took < 60, f"the build took {took:.0f} s"
    started = [int(pid) for pid in pids.read_text(encoding="utf-8").split()]
    assert started
    time.sleep(0.5)
    assert [pid for pid in started if Path(f"/proc/{pid}").exists() and not _zombie(pid)] == []
    assert describe_differences(fresh, tree(project / "site")) == []
    assert beside_site(project) == []
    assert not list((project / ".cache" / "diagrams").glob("tmp-*"))


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").split(") ")[1].startswith("Z")
    except OSError:
        return True


def test_a_build_stopped_with_sigterm_leaves_no_process_no_temporary_file_and_the_site_intact(
    fresh: dict[str, bytes], tmp_path: Path
) -> None:
    """A cron job or CI stops a build mid-way (SIGTERM) while dot is drawing."""
    project = tiny_project(tmp_path / "projekt")
    assert mkdocs_build(project).returncode == 0
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "dot").write_text(HANGING_DOT, encoding="utf-8")
    (tools / "dot").chmod(0o755)
    pids = tmp_path / "pids"
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "DOT_PIDS": str(pids),
    }
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=environment,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (pids.exists() and pids.read_text(encoding="utf-8").strip()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pids.exists(), "dot never started"
    build.terminate()
    said = build.communicate(timeout=60)[1]
    assert build.returncode != 0
    assert "Bygningen blev afbrudt; det udgivne websted er ikke ændret." in said, said
    assert "Traceback" not in said, said
    time.sleep(0.5)
    started = [int(pid) for pid in pids.read_text(encoding="utf-8").split()]
    assert [pid for pid in started if Path(f"/proc/{pid}").exists() and not _zombie(pid)] == []
    assert describe_differences(fresh, tree(project / "site")) == []
    assert beside_site(project) == []
    assert not list((project / ".cache" / "diagrams").glob("tmp-*"))
