"""The site builds under ProperDocs, the maintained fork of MkDocs 1.6, exactly as under MkDocs.

MkDocs 1.6.1 gets no new releases and MkDocs 2.0 drops plugins; ProperDocs keeps the 1.6 plugin API. The
example site is built with ``properdocs build --strict`` (in a subprocess: its command line turns every
``import mkdocs`` of the process into ProperDocs) and compared with the session's ``mkdocs build`` of the
same data: every file must be the same bytes, except Material's ``<meta name="generator">`` tag, which
names the engine. A failed strict build must leave the published site alone under ProperDocs too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.sites import ROOT, is_redirect, make_project, tree

pytestmark = pytest.mark.build

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def example_project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "projekt", ROOT / "data", ROOT / "docs")


def properdocs_build(where: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    # -f: ProperDocs looks for properdocs.yml first and falls back to mkdocs.yml with a notice
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)]
    return subprocess.run(command, cwd=where, env=env, capture_output=True, text=True, timeout=600, check=False)


def test_properdocs_builds_the_example_site_as_mkdocs_does(example_site: Path, tmp_path: Path) -> None:
    result = properdocs_build(example_project(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    ours, theirs = tree(example_site), tree(tmp_path / "site")
    assert sorted(theirs) == sorted(ours)
    pages = [name for name in ours if name.endswith(".html") and not is_redirect(example_site / name)]
    assert pages and all(GENERATOR.findall(ours[name]) == [b"mkdocs-1.6.1, mkdocs-material-9.8.1"] for name in pages)
    assert all(GENERATOR.findall(theirs[name]) == [b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"] for name in pages)

    def without_generator(data: bytes) -> bytes:
        return GENERATOR.sub(b'<meta name="generator" content="">', data)

    differing = [name for name in ours if without_generator(ours[name]) != without_generator(theirs[name])]
    assert differing == []


def test_a_failed_strict_build_under_properdocs_keeps_the_published_site(tmp_path: Path) -> None:
    where = example_project(tmp_path)
    (where / "docs" / "index.md").write_text("[brudt link](findes-ikke.md)\n", encoding="utf-8")
    published = tmp_path / "site"
    published.mkdir()
    (published / "index.html").write_text("det udgivne site", encoding="utf-8")
    result = properdocs_build(where, published)
    assert result.returncode == 1
    assert "findes-ikke.md" in result.stderr
    assert tree(published) == {"index.html": b"det udgivne site"}
    assert not list(tmp_path.glob("site.*"))  # no staging folder left behind
