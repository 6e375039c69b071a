"""Shared fixtures: real MkDocs builds of the example site and of the small fixture project.

Each build runs ``mkdocs build --strict`` in a subprocess, exactly as an editor would, once per test
session; tests then read the built HTML.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from macros import model
from macros.derived.addresses import AddressBook
from macros.diagrams.figures import DiagramSet, build_diagrams
from macros.diagrams.style import STYLE_FILE, load_style

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PROJECT = ROOT / "tests" / "fixtures" / "site"


def mkdocs_build(project: Path, out: Path, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` for ``project`` into ``out``; the result is returned, not checked."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    if config is not None:
        command += ["-f", str(config)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def _built(project: Path, out: Path, config: Path | None = None) -> Path:
    result = mkdocs_build(project, out, config)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site (``data/`` of the repository), built once per session."""
    return _built(ROOT, tmp_path_factory.mktemp("example-site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture project that uses every element kind, built once per session."""
    return _built(FIXTURE_PROJECT, tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="session")
def fixture_site_flat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built with ``use_directory_urls: false`` (pages as ``name.html``)."""
    project = make_project(
        tmp_path_factory.mktemp("flat"),
        FIXTURE_PROJECT / "data",
        FIXTURE_PROJECT / "docs",
        "use_directory_urls: false\n",
    )
    return _built(project, tmp_path_factory.mktemp("fixture-site-flat"))


def make_project(where: Path, data: Path, docs: Path, extra_config: str = "") -> Path:
    """A throw-away MkDocs project in ``where`` that inherits the product's mkdocs.yml.

    ``data`` and ``docs`` are copied (so a test may break them); the theme overrides are linked. The
    product's nav is kept for the product's own docs; any other docs folder gets a one-page nav.
    """
    shutil.copytree(data, where / "data")
    shutil.copytree(docs, where / "docs")
    for shared in ("overrides", "macros", "diagrams"):
        if (ROOT / shared).exists():
            (where / shared).symlink_to(ROOT / shared)
    nav = "" if docs == ROOT / "docs" else "nav:\n  - Forside: index.md\n"
    (where / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\n{nav}{extra_config}", encoding="utf-8")
    return where


def draw_diagrams(site: model.Site, book: AddressBook, cache_dir: Path, **kwargs: Any) -> DiagramSet:
    """Every diagram of ``site``, drawn with the product's style file as the plugin draws them."""
    return build_diagrams(site, book, load_style(STYLE_FILE), STYLE_FILE.read_bytes(), cache_dir, **kwargs)
