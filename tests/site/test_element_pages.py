"""Every element has one page with a permanent address: reachable, listed, linked both ways, redirected.

Expectations come from the data (loaded with the product's loader) and are checked on the built HTML of
the session's example and fixture sites.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from macros import model
from macros.loading.validate import load_site
from support.html import read_file
from support.sites import FIXTURE_PROJECT, ROOT, html_files, link_map, page, page_file, resolve

pytestmark = pytest.mark.build

SITES = [("example_site", ROOT / "data"), ("fixture_site", FIXTURE_PROJECT / "data")]


@pytest.mark.parametrize(("site_name", "data"), SITES)
def test_link_map_lists_every_element_at_an_address_that_exists(
    site_name: str, data: Path, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_name)
    entries = link_map(site)
    by_key = {(e["strategi"], e["id"]): e for e in entries}
    for strategy in load_site(data).strategies:
        for element in strategy.elements.values():
            entry = by_key.pop((strategy.id, element.id))
            assert (entry["titel"], entry["type"]) == (element.titel, element.kind)
            target = page_file(site, entry["url"])
            assert target.exists(), entry["url"]
            anchor = entry["url"].partition("#")[2] or element.id
            assert anchor in read_file(target).anchors, f"{entry['url']} has no anchor '{anchor}'"
    assert by_key == {}, "links.json lists elements that are not in the data"


@pytest.mark.parametrize(("site_name", "data"), SITES)
def test_every_element_page_is_one_page_reachable_within_two_clicks(
    site_name: str, data: Path, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_name)
    entries = link_map(site)
    for strategy in load_site(data).strategies:
        urls = [e["url"] for e in entries if e["strategi"] == strategy.id]
        pages = [u for u in urls if "#" not in u]
        assert len(pages) == len(set(pages)), "two elements share a page"
        reached = _within_clicks(site, page_file(site, f"{strategy.id}/"), clicks=2)
        unreached = [u for u in urls if page_file(site, u).resolve() not in reached]
        assert unreached == []


def content_links(source: Path) -> list[str]:
    """The addresses of the links in the page's content (its ``<article>``), not in the navigation."""
    return [link.url for link in read_file(source).links if link.tag == "a" and link.in_article]


def _within_clicks(site: Path, start: Path, clicks: int) -> set[Path]:
    """Pages reachable from ``start`` by following links in the page content (not the nav)."""
    seen = {start.resolve()}
    queue = deque([(start, 0)])
    while queue:
        source, depth = queue.popleft()
        if depth == clicks:
            continue
        for link in content_links(source):
            target, _ = resolve(site, source, link)
            if target is not None and target.suffix == ".html" and target.exists() and target.resolve() not in seen:
                seen.add(target.resolve())
                queue.append((target, depth + 1))
    return seen


def test_navigation_lists_strategies_and_sections_but_no_element(example_site: Path) -> None:
    nav = [link.url for link in page(example_site, "").links if link.tag == "a" and link.in_nav]
    element_pages = [link for link in nav if link.count("/") >= 3 and not link.endswith("index.html")]
    assert any("varige-spor" in link for link in nav)
    assert element_pages == []


def test_element_page_has_breadcrumb_back_to_strategy_and_section(fixture_site: Path) -> None:
    crumb = page(fixture_site, "proeve/aktiviteter/netvaerksmoeder/").first("nav", aria_label="Brødkrumme")
    assert {"../../", "../"} <= {a.get("href") for a in crumb.all("a")}
    assert "Indsats 1: Styrket myndighed" in crumb.text  # the activity's indsats


def _targets(site: Path, path: str) -> set[str]:
    """Site-relative paths of the pages the content of the page at ``path`` links to."""
    source = site / path
    found = set()
    for link in content_links(source):
        target, _ = resolve(site, source, link)
        if target is not None:
            found.add(target.resolve().relative_to(site.resolve()).as_posix())
    return found


def test_relations_are_shown_both_ways(fixture_site: Path) -> None:
    activity = "proeve/aktiviteter/faerre-sager/index.html"
    dependent = "proeve/aktiviteter/netvaerksmoeder/index.html"
    assert "Er forudsætning for" in (fixture_site / activity).read_text(encoding="utf-8")
    assert dependent in _targets(fixture_site, activity)
    assert activity in _targets(fixture_site, dependent)
    area_links = _targets(fixture_site, "proeve/omraader/almen/index.html")
    assert {dependent, "proeve/indsatser/forebyggelse/index.html"} <= area_links
    goal_links = _targets(fixture_site, "proeve/maal/effekt-maal/index.html")
    assert {dependent, "proeve/maalsaetninger/trivsel/index.html"} <= goal_links
    actor_links = _targets(fixture_site, "proeve/aktoerer/chefgruppe/index.html")
    assert {"proeve/maalsaetninger/trivsel/index.html", "proeve/indsatser/styrket-myndighed/index.html"} <= actor_links


def test_danish_headings_keep_their_letters_in_anchors(fixture_site: Path) -> None:
    ids = page(fixture_site, "").anchors
    assert "økonomi-og-æblegrød" in ids
    assert "konomi-og-blegrd" not in ids
    assert "målsætninger" in page(fixture_site, "proeve/").anchors


def test_element_headings_carry_their_id_and_a_permalink(fixture_site: Path) -> None:
    h1 = page(fixture_site, "proeve/indsatser/styrket-myndighed/").first("h1")
    assert (h1.get("id"), h1.text) == ("styrket-myndighed", "Indsats 1: Styrket myndighed")
    assert [(a.classes, a.get("href")) for a in h1.all("a")] == [(["headerlink"], "#styrket-myndighed")]


@pytest.mark.parametrize(
    ("site_name", "old", "new"),
    [
        ("fixture_site", "proeve/indsatser/gammel-myndighed/index.html", "../styrket-myndighed/"),
        ("fixture_site_flat", "proeve/indsatser/gammel-myndighed.html", "styrket-myndighed.html"),
    ],
)
def test_an_earlier_id_redirects_to_the_page(
    site_name: str, old: str, new: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_name)
    redirect = read_file(site / old)
    assert [m.get("content") for m in redirect.all("meta", http_equiv="refresh")] == [f"0; url={new}"]
    assert [a.text for a in redirect.all("a", href=new)] == ["Styrket myndighed"]
    target, _ = resolve(site, site / old, new)
    assert target is not None and target.exists()


def test_every_kind_with_a_page_has_a_section_listing_it(fixture_site: Path) -> None:
    site_model = load_site(FIXTURE_PROJECT / "data")
    strategy = site_model.strategies[0]
    kinds = {type(e) for e in strategy.elements.values() if e.segment and not isinstance(e, model.Strategy)}
    for cls in kinds:
        listing = content_links(fixture_site / strategy.id / cls.segment / "index.html")
        expected = {f"{e.id}/" for e in strategy.elements.values() if type(e) is cls}
        assert expected <= set(listing)
    assert len(html_files(fixture_site)) > 20


def test_a_period_from_a_day_reads_as_a_period_not_a_numbered_list(realisation_site: Path) -> None:
    facts = page(realisation_site, "realisering/aktiviteter/fravaerssamtaler/").first("div", class_="fakta")
    assert "1. september 2020 – 30. juni 2021" in facts.text
    assert facts.all("ol") == []
