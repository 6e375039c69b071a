"""Links never break: every internal link and anchor of every built site resolves, and no page repeats an id.

Checked on the session's built sites (example, fixture with both URL styles, realisation fixture, the
300-activity strategy) and on a few random strategies built with ``mkdocs build --strict`` (hypothesis).
The link checker (``support.sites.broken_links``) reads the HTML as a browser would; it is itself shown
to notice a broken link and a broken anchor.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from support.html import read_file
from support.random_strategies import dump, strategy_documents, write_data
from support.sites import (
    FIXTURE_PROJECT,
    html_files,
    link_map,
    make_project,
    mkdocs_build,
    page_file,
)
from support.sites import broken_links as find_broken_links

pytestmark = pytest.mark.build

SITES = ["example_site", "fixture_site", "fixture_site_flat", "realisation_site", "format_site", "large_site"]


@pytest.mark.parametrize("site_name", SITES)
def test_every_internal_link_and_anchor_resolves(site_name: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_name)
    pages = html_files(site)
    links = sum(len(read_file(p).links) for p in pages[:20])  # the first twenty alone must have plenty
    assert len(pages) > 5 and links > 100, "the link check saw too little of the site to mean anything"
    assert find_broken_links(site) == []


def test_the_link_checker_notices_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">gone</a><a href="a/#nope">x</a>')
    (tmp_path / "a" / "index.html").write_text('<h1 id="yes">A</h1><a href="../#top">y</a>')
    assert find_broken_links(tmp_path) == [
        "a/index.html: ../#top (no id 'top')",
        "index.html: b/ (no such file)",
        "index.html: a/#nope (no id 'nope')",
    ]


@pytest.mark.parametrize("site_name", SITES)
def test_no_page_repeats_an_id(site_name: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_name)
    duplicates = {}
    for html in html_files(site):
        ids = read_file(html).ids
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            duplicates[html.relative_to(site).as_posix()] = repeated
    assert duplicates == {}


def test_every_realisation_page_is_built(realisation_site: Path, realisation_markdown: dict[str, str]) -> None:
    for src in realisation_markdown:
        assert (realisation_site / src.removesuffix(".md").removesuffix("index") / "index.html").exists(), src


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategy_documents())
def test_random_strategies_build_strictly_with_every_link_resolving(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        project = make_project(where / "p", write_data(where, dump(document)), FIXTURE_PROJECT / "docs")
        (project / "docs" / "index.md").write_text("# Forside\n\n{{ strategioversigt() }}\n", encoding="utf-8")
        result = mkdocs_build(project, where / "site")
        assert result.returncode == 0, result.stderr
        assert find_broken_links(where / "site") == []
        for entry in link_map(where / "site"):
            assert page_file(where / "site", entry["url"]).is_file(), entry
