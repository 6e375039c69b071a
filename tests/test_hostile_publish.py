"""Issue 8, must show 2 and 3: a failed build leaves the published ``site/`` byte for byte as it was, and two
builds of the same data are byte-identical.

Both run real ``mkdocs build --strict`` subprocesses in throw-away copies of a project, as an editor
would run them. The determinism test builds in two separate projects (each with a cold diagram cache)
under different ``PYTHONHASHSEED``s, so set ordering, cache state or absolute paths would all show up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_PROJECT, ROOT, make_project

pytestmark = pytest.mark.build

INVALID = Path(__file__).parent / "invalid"


def build(
    project: Path, out: Path | None = None, hash_seed: str = "0", build_day: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``project`` (into its own ``site/`` unless ``out`` is given).

    ``build_day`` (seconds since 1970) pretends the build runs on another day, through MkDocs'
    ``SOURCE_DATE_EPOCH``; without it the real clock is used.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": hash_seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    if build_day is not None:
        env["SOURCE_DATE_EPOCH"] = build_day
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"] + (["-d", str(out)] if out else [])
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, with its bytes (directories show through their files)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def example_project(where: Path) -> Path:
    """A copy of the repository's own project: its data, docs and mkdocs.yml (by INHERIT), nothing else."""
    where.mkdir()
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, where / folder)
    for shared in ("overrides", "macros", "diagrams"):
        if (ROOT / shared).exists():
            (where / shared).symlink_to(ROOT / shared)
    (where / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\n", encoding="utf-8")
    return where


def describe_differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """One line per file that differs: missing on one side, or where the bytes first part."""
    lines = [f"only in the first build: {p}" for p in sorted(first.keys() - second.keys())]
    lines += [f"only in the second build: {p}" for p in sorted(second.keys() - first.keys())]
    for path in sorted(first.keys() & second.keys()):
        a, b = first[path], second[path]
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            lines.append(
                f"{path}: differs from byte {at}: {a[max(0, at - 40) : at + 40]!r} / {b[max(0, at - 40) : at + 40]!r}"
            )
    return lines


def test_two_builds_of_the_example_site_are_byte_identical(tmp_path: Path) -> None:
    """MkDocs would stamp the sitemap (``<lastmod>`` and the gzip header of sitemap.xml.gz) with the build
    date; the plugin dates pages by their data instead, so nothing at all may differ – not even when the
    second build runs on another day (here: pretended, 1 January 2030)."""
    first = build(example_project(tmp_path / "a"), tmp_path / "site-a", hash_seed="1")
    second = build(example_project(tmp_path / "b"), tmp_path / "site-b", hash_seed="2", build_day="1893456000")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    differences = describe_differences(tree(tmp_path / "site-a"), tree(tmp_path / "site-b"))
    assert differences == []
    assert len(tree(tmp_path / "site-a")) > 20


# --- atomic publish -------------------------------------------------------------------------------


def break_data(project: Path) -> None:
    shutil.copy(INVALID / "flere-fejl.yaml", project / "data")


def break_link(project: Path) -> None:
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[Et link](findes-ikke.md)\n", encoding="utf-8")


def break_macro(project: Path) -> None:
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + '\n{{ element("findes-ikke") }}\n', encoding="utf-8")


BREAKAGES = {"ugyldige data": break_data, "link der ikke findes": break_link, "makro med ukendt id": break_macro}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A fixture project with a good ``site/`` built the way an editor builds it, and that site's bytes."""
    where = tmp_path_factory.mktemp("atomic")
    project = make_project(where / "project", FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project, tree(project / "site")


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_failed_build_leaves_the_published_site_byte_for_byte_as_it_was(
    breakage: str, published: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    project, before = published
    backup = tmp_path / "backup"
    for folder in ("data", "docs"):
        shutil.copytree(project / folder, backup / folder)
    try:
        BREAKAGES[breakage](project)
        result = build(project)
        assert result.returncode != 0, "the broken project built"
        assert "Traceback" not in result.stderr
        assert tree(project / "site") == before
        leftovers = sorted(p.name for p in project.iterdir() if p.name.startswith("site") and p.name != "site")
        assert leftovers == [], "a staging or retired folder was left beside site/"
    finally:
        for folder in ("data", "docs"):
            shutil.rmtree(project / folder)
            shutil.copytree(backup / folder, project / folder)


def test_the_next_good_build_replaces_the_site_and_cleans_up(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs")
    assert build(project).returncode == 0
    break_data(project)
    assert build(project).returncode != 0
    (project / "data" / "flere-fejl.yaml").unlink()
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn ny sætning efter rettelsen.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "En ny sætning efter rettelsen." in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]
