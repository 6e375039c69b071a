"""Catalogue mode in Chromium: the site's own search box searches every strategy, and nothing leaves the site.

The session's ``catalogue_site`` (three strategies, each its own sub-site, stitched with one Pagefind index)
is served from 127.0.0.1. A reader on one strategy's page types the title of an indsats of each strategy
into the search box in the header and gets that indsats, in its own sub-site and named with its
strategy, among the results; opening the result shows the page. Every request goes to the catalogue
itself (the request guard fails the test otherwise), and axe-core finds nothing on the front page or on
the search results, light or dark.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from support.sites import link_map

from .conftest import OpenContext, guarded_contexts
from .kit import DESKTOP, SiteSearch, SuiteReport, axe_violations, serve

pytestmark = pytest.mark.browser

TITLES = {
    "tidlig-indsats": "Strategi for Tidlig Indsats · Odense Kommune",
    "varige-spor": "Varige spor · Brønderslev Kommune",
    "syntetisk": "Syntetisk strategi med 30 aktiviteter · Prøvekommune",
}
STRATEGIES = tuple(TITLES)


@pytest.fixture(scope="module")
def catalogue_url(catalogue_site: Path) -> Iterator[str]:
    with serve(catalogue_site) as url:
        yield url


@pytest.fixture(scope="module")
def open_catalogue(browser: Browser, catalogue_url: str, report: SuiteReport) -> Iterator[OpenContext]:
    """Guarded browser contexts for this module: it fails if any page asked a host but 127.0.0.1."""
    with guarded_contexts(browser, catalogue_url, report) as open_context:
        yield open_context


@pytest.fixture(scope="module")
def reader(open_catalogue: OpenContext) -> Page:
    return open_catalogue(viewport=DESKTOP, color_scheme="light").new_page()


def first_indsats(catalogue_site: Path, strategy_id: str) -> dict[str, str]:
    """The strategy's first indsats (or målsætning: Tidlig Indsats names none of its elements indsats)."""
    elements = [e for e in link_map(catalogue_site) if e["strategi"] == strategy_id]
    return next(e for kind in ("indsats", "målsætning") for e in elements if e["type"] == kind)


@pytest.mark.parametrize("strategy_id", STRATEGIES)
def test_the_search_box_finds_an_indsats_of_every_strategy(
    strategy_id: str, reader: Page, catalogue_site: Path, catalogue_url: str, report: SuiteReport
) -> None:
    wanted = first_indsats(catalogue_site, strategy_id)
    reader.goto(catalogue_url + "varige-spor/varige-spor/")  # one strategy's page, whichever is searched for
    search = SiteSearch(reader, catalogue_url)
    search.open()
    hits = search.type(wanted["titel"])
    report.searches.append((wanted["titel"], f"{hits[0].title} ({hits[0].path})" if hits else "no results"))
    found = [hit for hit in hits if hit.path == wanted["url"]]
    assert found, f"{wanted['titel']!r} not among {[hit.path for hit in hits]}"
    # Titles repeat across strategies ("Indsats 1: …"): the result names the strategy it belongs to.
    assert found[0].title.endswith(f"· {TITLES[strategy_id]}")
    search.open_hit(found[0])
    assert reader.url.split("?")[0] == catalogue_url + wanted["url"]
    assert reader.locator("h1").first.inner_text().strip(" ¶\n").endswith(wanted["titel"])


def test_the_front_page_and_the_search_results_pass_axe(
    open_catalogue: OpenContext, catalogue_site: Path, catalogue_url: str, report: SuiteReport
) -> None:
    found = []
    for scheme in ("light", "dark"):
        reader = open_catalogue(viewport=DESKTOP, color_scheme=scheme).new_page()
        reader.goto(catalogue_url)
        assert reader.locator("body").get_attribute("data-md-color-scheme") == {"light": "default"}.get(scheme, "slate")
        assert reader.locator(".strategi-kort").count() == len(STRATEGIES)
        found += axe_violations(reader, "katalogets forside", scheme)
        search = SiteSearch(reader, catalogue_url)
        search.open()
        hits = search.type(first_indsats(catalogue_site, "syntetisk")["titel"])
        assert hits, "the search answered nothing on the front page"
        found += axe_violations(reader, "katalogets forside med søgeresultater", scheme)
        report.axe_pages[scheme] = report.axe_pages.get(scheme, 0) + 2
    report.violations += found
    assert found == [], "\n".join(str(v) for v in found)
