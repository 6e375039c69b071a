"""A failed build leaves the published ``site/`` byte for byte as it was, says why in Danish, and the next
good build replaces it and cleans up.

Real ``mkdocs build --strict`` runs in a throw-away copy of the fixture project, building into its own
``site/`` as an editor does: broken data, a link to a page that does not exist, and macros with wrong ids
(the message names the page, each wrong call, and the closest known id).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from support.sites import FIXTURE_PROJECT, INVALID, make_project, mkdocs_build, tree

pytestmark = pytest.mark.build


def break_data(project: Path) -> None:
    shutil.copy(INVALID / "flere-fejl.yaml", project / "data")


def break_link(project: Path) -> None:
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[Et link](findes-ikke.md)\n", encoding="utf-8")


def break_macros(project: Path) -> None:
    index = project / "docs" / "index.md"
    calls = '\n{{ element("styrket-myndihed") }}\n\n{{ aktiviteter("proeve/trivsel") }}\n'
    index.write_text(index.read_text(encoding="utf-8") + calls, encoding="utf-8")


# What breaks the project, and what the editor must be told.
BREAKAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "ugyldige data": (break_data, "Strategidata kan ikke bygges:"),
    "link der ikke findes": (break_link, "findes-ikke.md"),
    "makroer med ukendte id'er": (
        break_macros,
        "Sider med fejl i makroer: 2. Ret dem, og byg igen.\n"
        "docs/index.md: 'proeve/trivsel' er målsætning, ikke en indsats [makro-forkert-elementtype]\n"
        "docs/index.md: elementet 'styrket-myndihed' findes ikke – mente du 'styrket-myndighed'? [makro-ukendt-id]",
    ),
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A fixture project with a good ``site/`` built the way an editor builds it, and that site's bytes."""
    project = make_project(tmp_path_factory.mktemp("published"), FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project, tree(project / "site")


def leftovers(project: Path) -> list[str]:
    """Folders beside ``site/`` a build left behind (staging, retired)."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith("site") and p.name != "site")


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_failed_build_leaves_the_published_site_byte_for_byte_as_it_was(
    breakage: str, published: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    project, before = published
    backup = tmp_path / "backup"
    for folder in ("data", "docs"):
        shutil.copytree(project / folder, backup / folder)
    damage, message = BREAKAGES[breakage]
    try:
        damage(project)
        result = mkdocs_build(project)
        assert result.returncode != 0, "the broken project built"
        assert message in result.stderr
        assert "Traceback" not in result.stderr
        assert tree(project / "site") == before
        assert leftovers(project) == [], "a staging or retired folder was left beside site/"
    finally:
        for folder in ("data", "docs"):
            shutil.rmtree(project / folder)
            shutil.copytree(backup / folder, project / folder)


def test_the_next_good_build_replaces_the_site_and_cleans_up(
    published: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(published[0], project, symlinks=True)  # with its published site/
    break_data(project)
    assert mkdocs_build(project).returncode != 0
    (project / "data" / "flere-fejl.yaml").unlink()
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn ny sætning efter rettelsen.\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "En ny sætning efter rettelsen." in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert leftovers(project) == []
