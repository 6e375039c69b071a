"""Issue 3: every element has one page with a permanent address, reachable, listed and redirected.

Expectations come from the data (loaded with the product's loader) and are checked on the built HTML.
"""

from __future__ import annotations

import json
import shutil
from collections import deque
from pathlib import Path

import pytest

from conftest import FIXTURE_PROJECT, ROOT
from macros import model
from macros.loading.problems import DataError
from macros.loading.validate import load_site
from sitecheck import html_files, parse, resolve

pytestmark = pytest.mark.build

SITES = [("example_site", ROOT / "data"), ("fixture_site", FIXTURE_PROJECT / "data")]


def page_file(site: Path, url: str) -> Path:
    path = url.split("#")[0]
    return site / path / "index.html" if path.endswith("/") or not path else site / path


@pytest.mark.parametrize(("site_name", "data"), SITES)
def test_link_map_lists_every_element_at_an_address_that_exists(
    site_name: str, data: Path, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_name)
    entries = json.loads((site / "links.json").read_text(encoding="utf-8"))["elementer"]
    by_key = {(e["strategi"], e["id"]): e for e in entries}
    for strategy in load_site(data).strategies:
        for element in strategy.elements.values():
            entry = by_key.pop((strategy.id, element.id))
            assert (entry["titel"], entry["type"]) == (element.titel, element.kind)
            target = page_file(site, entry["url"])
            assert target.exists(), entry["url"]
            anchor = entry["url"].partition("#")[2] or element.id
            assert anchor in parse(target).ids, f"{entry['url']} has no anchor '{anchor}'"
    assert by_key == {}, "links.json lists elements that are not in the data"


@pytest.mark.parametrize(("site_name", "data"), SITES)
def test_every_element_page_is_one_page_reachable_within_two_clicks(
    site_name: str, data: Path, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_name)
    entries = json.loads((site / "links.json").read_text(encoding="utf-8"))["elementer"]
    for strategy in load_site(data).strategies:
        urls = [e["url"] for e in entries if e["strategi"] == strategy.id]
        pages = [u for u in urls if "#" not in u]
        assert len(pages) == len(set(pages)), "two elements share a page"
        reached = _within_clicks(site, page_file(site, f"{strategy.id}/"), clicks=2)
        unreached = [u for u in urls if page_file(site, u).resolve() not in reached]
        assert unreached == []


def _within_clicks(site: Path, start: Path, clicks: int) -> set[Path]:
    """Pages reachable from ``start`` by following links in the page content (not the nav)."""
    seen = {start.resolve()}
    queue = deque([(start, 0)])
    while queue:
        page, depth = queue.popleft()
        if depth == clicks:
            continue
        for link in parse(page).main_links:
            target, _ = resolve(site, page, link)
            if target is not None and target.suffix == ".html" and target.exists() and target.resolve() not in seen:
                seen.add(target.resolve())
                queue.append((target, depth + 1))
    return seen


def test_navigation_lists_strategies_and_sections_but_no_element(example_site: Path) -> None:
    nav = parse(example_site / "index.html").nav_links
    element_pages = [link for link in nav if link.count("/") >= 3 and not link.endswith("index.html")]
    assert any("varige-spor" in link for link in nav)
    assert element_pages == []


def test_element_page_has_breadcrumb_back_to_strategy_and_section(fixture_site: Path) -> None:
    html = (fixture_site / "proeve/aktiviteter/netvaerksmoeder/index.html").read_text(encoding="utf-8")
    crumb = html.split('aria-label="Brødkrumme"')[1].split("</nav>")[0]
    assert 'href="../../"' in crumb and 'href="../"' in crumb
    assert "Indsats 1: Styrket myndighed" in crumb  # the activity's indsats


def _targets(site: Path, page: str) -> set[str]:
    """Site-relative paths of the pages the content of ``page`` links to."""
    source = site / page
    found = set()
    for link in parse(source).main_links:
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
    ids = parse(fixture_site / "index.html").ids
    assert "økonomi-og-æblegrød" in ids
    assert "konomi-og-blegrd" not in ids
    assert "målsætninger" in parse(fixture_site / "proeve/index.html").ids


def test_element_headings_carry_their_id_and_a_permalink(fixture_site: Path) -> None:
    html = (fixture_site / "proeve/indsatser/styrket-myndighed/index.html").read_text(encoding="utf-8")
    assert (
        '<h1 id="styrket-myndighed">Indsats 1: Styrket myndighed<a class="headerlink" href="#styrket-myndighed"' in html
    )


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
    html = (site / old).read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={new}">' in html
    assert f'<a href="{new}">Styrket myndighed</a>' in html
    target, _ = resolve(site, site / old, new)
    assert target is not None and target.exists()


def test_removing_an_element_others_refer_to_names_who_refers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_PROJECT / "data", data)
    source = data / "proeve.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("  - id: almen\n    titel: Almenområde\n", ""), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(data)
    lines = caught.value.report().splitlines()[1:]
    assert len(lines) == 2
    assert "indsatser[1].aktiviteter[2].områder[2]: området 'almen' findes ikke" in lines[0]
    assert "henvist fra aktiviteten 'Netværksmøder'" in lines[0]
    assert "indsatser[2].områder[1]: området 'almen' findes ikke" in lines[1]
    assert "henvist fra indsatsen 'Opsporing og forebyggelse'" in lines[1]


def test_every_kind_with_a_page_has_a_section_listing_it(fixture_site: Path) -> None:
    site_model = load_site(FIXTURE_PROJECT / "data")
    strategy = site_model.strategies[0]
    kinds = {type(e) for e in strategy.elements.values() if e.segment and not isinstance(e, model.Strategy)}
    for cls in kinds:
        listing = parse(fixture_site / strategy.id / cls.segment / "index.html").main_links
        expected = {f"{e.id}/" for e in strategy.elements.values() if type(e) is cls}
        assert expected <= set(listing)
    assert len(html_files(fixture_site)) > 20
