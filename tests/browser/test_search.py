"""Issue 6: Danish search, typed into the site's own search box in Chromium.

What to expect comes from the built site: elements, titles and addresses from its ``links.json``, page
text from its HTML. The queries are words a Danish reader types: titles, inflected forms, æ, ø and å.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from support.html import read_file
from support.sites import html_files, link_map
from support.sites import page as built_page

from .conftest import guarded_contexts
from .kit import DESKTOP, SearchHit, SiteSearch, SuiteReport, axe_violations

pytestmark = pytest.mark.browser

TitleSearches = list[tuple[dict[str, str], list[SearchHit]]]
WORD = re.compile(r"[^\W\d_]{5,}")


@pytest.fixture(scope="module")
def search(browser: Browser, site_url: str, report: SuiteReport) -> Iterator[SiteSearch]:
    """One page with the search open, shared by this module's tests (each types its own queries)."""
    with guarded_contexts(browser, site_url, report) as open_context:
        page = open_context(viewport=DESKTOP).new_page()
        page.goto(site_url)
        searcher = SiteSearch(page, site_url)
        searcher.open()
        yield searcher


def typed(search: SiteSearch, report: SuiteReport, query: str) -> list[SearchHit]:
    hits = search.type(query)
    first = f"{hits[0].title} ({hits[0].path})" if hits else "no results"
    report.searches.append((query, first))
    return hits


def elements_of(site: Path, *kinds: str) -> list[dict[str, str]]:
    return [element for element in link_map(site) if element["type"] in kinds]


@pytest.fixture(scope="module")
def by_title(search: SiteSearch, example_site: Path, report: SuiteReport) -> TitleSearches:
    """Every indsats and målsætning searched for by its full title."""
    elements = elements_of(example_site, "indsats", "målsætning")
    assert elements, "the example site has no indsatser or målsætninger"
    return [(element, typed(search, report, element["titel"])) for element in elements]


def test_an_element_is_found_by_its_title(by_title: TitleSearches) -> None:
    missed = [element["titel"] for element, hits in by_title if element["url"] not in {hit.path for hit in hits}]
    assert not missed, f"not found by their own titles: {missed}"


def test_the_elements_own_page_is_the_first_result(by_title: TitleSearches) -> None:
    late = [
        f"{element['titel']!r}: first {hits[0].path if hits else None}, expected {element['url']}"
        for element, hits in by_title
        if not hits or hits[0].path != element["url"]
    ]
    assert not late, "\n".join(late)


@pytest.mark.parametrize(("query", "word"), [("forebyggende", "forebyggelse"), ("indsatser", "indsats")])
def test_an_inflected_form_finds_the_element(
    query: str, word: str, search: SiteSearch, example_site: Path, report: SuiteReport
) -> None:
    """An element page that says ``word`` but never ``query`` is found by ``query``: only stemming can do that."""
    pages = [
        element
        for element in elements_of(example_site, "indsats", "målsætning", "aktivitet", "mål", "område")
        if "#" not in element["url"] and saying(example_site, element["url"], word, not_=query)
    ]
    assert pages, f"no element page says {word!r} without {query!r}: pick other words"
    typed(search, report, query)
    found = {hit.path for hit in search.all_hits()}
    assert pages[0]["url"] in found, f"{query!r} did not find {pages[0]['titel']!r}, which says {word!r}"


@pytest.mark.parametrize("letter", ["æ", "ø", "å"])
def test_a_word_with_a_danish_letter_finds_its_element(
    letter: str, search: SiteSearch, example_site: Path, report: SuiteReport
) -> None:
    word, element = next(
        (word, element)
        for element in elements_of(example_site, "indsats", "målsætning", "område")
        for word in re.findall(r"\w{4,}", element["titel"])
        if letter in word.lower()
    )
    typed(search, report, word)
    assert element["url"] in {hit.path for hit in search.all_hits()}, f"{word!r} did not find {element['titel']!r}"
    marks = search.page.locator(".md-search-result mark").all_inner_texts()
    assert any(letter in mark.lower() for mark in marks), f"no highlighted match of {word!r} keeps {letter!r}"


def saying(site: Path, url: str, word: str, not_: str) -> bool:
    text = built_page(site, url).article.text_without("svg").lower()
    return re.search(rf"\b{word}\b", text) is not None and not_ not in text


@pytest.mark.parametrize("kind", ["a page of its own", "an anchor on its parent's page"])
def test_the_first_result_opens_the_element(
    kind: str, search: SiteSearch, example_site: Path, site_url: str, report: SuiteReport
) -> None:
    anchored = kind.startswith("an anchor")
    candidates = [
        e
        for e in link_map(example_site)
        if ("#" in e["url"]) == anchored and e["type"] not in ("strategi", "målsætning")
    ]
    element, target = top_hit_for(search, report, candidates)
    search.open_hit(target)
    page = search.page
    opened = urlsplit(page.url)
    assert opened.path == urlsplit(site_url).path + element["url"].split("#")[0]
    if "#" in element["url"]:
        anchor = element["url"].split("#")[1]
        assert opened.fragment == anchor
        assert page.locator(f"[id='{anchor}']").is_visible()
    page.go_back()
    search.open()


def top_hit_for(
    search: SiteSearch, report: SuiteReport, elements: list[dict[str, str]]
) -> tuple[dict[str, str], SearchHit]:
    """The first of (up to five) ``elements`` whose title search shows it in the top group of results."""
    for element in elements[:5]:
        top = [hit for hit in typed(search, report, element["titel"]) if hit.group == 0]
        if element["url"] in [hit.path for hit in top]:
            return element, next(hit for hit in top if hit.path == element["url"])
    raise AssertionError(f"none of {[e['titel'] for e in elements[:5]]} is in the top group for its own title")


def test_diagram_text_gives_no_results(search: SiteSearch, example_site: Path, report: SuiteReport) -> None:
    words = diagram_only_words(example_site)
    assert words, "every word of the diagrams also stands in the text: pick a diagram with its own words"
    for word in words[:3]:
        shown = [hit for hit in typed(search, report, word) if re.search(rf"\b{word}\b", hit.text, re.IGNORECASE)]
        assert not shown, f"diagram text {word!r} was found in search results: {shown[:2]}"


def diagram_only_words(site: Path) -> list[str]:
    """Words (5+ letters) in the site's diagrams but nowhere in its text, longest first."""
    in_text: set[str] = set()
    in_diagrams: set[str] = set()
    for html in html_files(site):
        article = read_file(html).article
        in_text.update(WORD.findall(article.text_without("svg").lower()))
        in_diagrams.update(WORD.findall(" ".join(svg.text for svg in article.all("svg")).lower()))
    assert in_diagrams, "the example site's pages show no diagram text: every strategy's overview should"
    return sorted(in_diagrams - in_text, key=lambda word: (-len(word), word))


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_search_results_pass_axe_in_light_and_dark(search: SiteSearch, scheme: str) -> None:
    """A results list as a reader sees it (count, titles, highlighted words): WCAG 2.1 AA, both schemes."""
    search.page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    hits = search.type("indsats")
    assert hits, "the query should find something"
    assert search.page.locator(".md-search-result mark").count() > 0
    assert axe_violations(search.page, "søgeresultater", scheme) == []
