"""Issue 7: the theme files ``compact.unused_theme_files`` leaves out are files no visitor's browser asks for.

The example site is copied without them and served; Chromium loads pages and searches in Danish (which
makes Material's worker load its lunr language files). Every request the site answers must be found,
and the search must still find Danish word forms.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Response

from macros import compact

from .kit import DESKTOP, SiteSearch, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pruned_site(example_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    site = tmp_path_factory.mktemp("pruned") / "site"
    shutil.copytree(example_site, site)
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    removed = compact.unused_theme_files(files, ["da"])
    for path in removed:
        (site / path).unlink()
    with serve(site) as url:
        yield url, removed


def test_only_maps_and_other_languages_go(pruned_site: tuple[str, list[str]]) -> None:
    _, removed = pruned_site
    assert any(p.endswith(".js.map") for p in removed) and any(p.endswith("/wordcut.js") for p in removed)
    assert all(p.endswith(".map") or "/lunr/" in p for p in removed)
    assert not [p for p in removed if p.endswith(("lunr.da.min.js", "lunr.stemmer.support.min.js"))]


def test_pages_and_danish_search_ask_for_nothing_missing(browser: Browser,
                                                        pruned_site: tuple[str, list[str]]) -> None:
    url, _ = pruned_site
    context = browser.new_context(locale="da-DK", viewport=DESKTOP)
    missing: list[str] = []

    def check(response: Response) -> None:
        if response.status >= 400:
            missing.append(f"{response.status} {response.url}")

    context.on("response", check)
    page = context.new_page()
    page.on("console", lambda message: missing.append(message.text) if message.type == "error" else None)
    page.goto(url)
    search = SiteSearch(page, url)
    search.open()
    hits = search.type("forebyggende")  # found only through lunr.da's stemmer (see test_search.py)
    context.close()
    assert hits, "Danish search found nothing without the removed files"
    assert not missing, missing
