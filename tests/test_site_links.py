"""Issue 3, must show 1: every internal link and anchor of the built sites resolves."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import broken_links, html_files, parse

pytestmark = pytest.mark.build


@pytest.mark.parametrize("site_name", ["example_site", "fixture_site", "fixture_site_flat"])
def test_every_internal_link_and_anchor_resolves(site_name: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_name)
    pages = html_files(site)
    links = sum(len(parse(p).links) for p in pages)
    assert len(pages) > 5 and links > 100, "the link check saw too little of the site to mean anything"
    assert broken_links(site) == []


def test_the_link_checker_notices_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">gone</a><a href="a/#nope">x</a>')
    (tmp_path / "a" / "index.html").write_text('<h1 id="yes">A</h1><a href="../#top">y</a>')
    assert broken_links(tmp_path) == [
        "a/index.html: ../#top (no id 'top')",
        "index.html: b/ (no such file)",
        "index.html: a/#nope (no id 'nope')",
    ]


@pytest.mark.parametrize("site_name", ["example_site", "fixture_site"])
def test_no_page_repeats_an_id(site_name: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_name)
    duplicates = {}
    for page in html_files(site):
        ids = parse(page).id_list
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            duplicates[page.relative_to(site).as_posix()] = repeated
    assert duplicates == {}
