"""Issue 7: the theme files the build leaves out (``compact.unused_theme_files``) are files no visitor's
browser asks for.

The built example site lacks Material's source maps and the lunr languages Danish search does not use;
Chromium loads its pages and searches in Danish (which makes Material's worker load its lunr language
files). Every request the site answers must be found, and the search must still find Danish word forms.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import material
import pytest
from playwright.sync_api import Browser, Response

from macros.build import compact

from .kit import DESKTOP, SiteSearch, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pruned_site(example_site: Path) -> Iterator[tuple[str, list[str]]]:
    theme = Path(material.__file__).parent / "templates"
    theme_files = [p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file()]
    removed = compact.unused_theme_files(theme_files, ["da"])
    with serve(example_site) as url:
        yield url, removed


def test_only_maps_and_other_languages_go(example_site: Path, pruned_site: tuple[str, list[str]]) -> None:
    _, removed = pruned_site
    assert any(p.endswith(".js.map") for p in removed) and any(p.endswith("/wordcut.js") for p in removed)
    assert all(p.endswith(".map") or "/lunr/" in p for p in removed)
    assert not [p for p in removed if p.endswith(("lunr.da.min.js", "lunr.stemmer.support.min.js"))]
    assert not [p for p in removed if (example_site / p).exists()], "the build should leave these out"
    assert (example_site / "assets/javascripts/lunr/min/lunr.da.min.js").exists()


def test_pages_and_danish_search_ask_for_nothing_missing(browser: Browser, pruned_site: tuple[str, list[str]]) -> None:
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
