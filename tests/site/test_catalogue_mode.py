"""Catalogue mode: every strategy its own sub-site, one front page, one link map, links that hold across them.

Read from the session's ``catalogue_site`` (``python -m macros katalog byg --jobs 2`` over the example's two
strategies and a 30-activity synthetic one, see ``tests/conftest.py``). The cross-strategy search in the
browser is ``tests/browser/test_catalogue_search.py``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support.html import read_file
from support.sites import (
    ROOT,
    broken_links,
    catalogue,
    generate_strategy,
    html_files,
    link_map,
    make_project,
    mkdocs_build,
    page,
    page_file,
    resolve,
    tiny_project,
    tree,
)

pytestmark = pytest.mark.build

STRATEGIES = {
    "tidlig-indsats": ("Strategi for Tidlig Indsats", "Odense Kommune"),
    "varige-spor": ("Varige spor", "Brønderslev Kommune"),
    "syntetisk": ("Syntetisk strategi med 30 aktiviteter", "Prøvekommune"),
}


def test_each_strategy_is_its_own_site_in_its_own_folder(catalogue_site: Path) -> None:
    for strategy_id, (title, _) in STRATEGIES.items():
        sub_site = catalogue_site / strategy_id
        front = page(sub_site, f"{strategy_id}/")
        assert front.h1 == title
        # Its addresses name its sub-folder of the catalogue, and it holds no other strategy.
        canonical = front.first("link", rel="canonical").get("href")
        assert canonical == f"https://strategier.example.dk/{strategy_id}/{strategy_id}/"
        assert {entry["strategi"] for entry in link_map(sub_site)} == {strategy_id}
        others = set(STRATEGIES) - {strategy_id}
        assert not any((sub_site / other).exists() for other in others)


def test_the_front_page_lists_every_strategy_with_its_kommune(catalogue_site: Path) -> None:
    hub = read_file(catalogue_site / "index.html")
    cards = hub.all("div", class_="strategi-kort")
    assert len(cards) == len(STRATEGIES)
    shown = {}
    for card in cards:
        link = card.first("a")
        shown[link.get("href")] = (link.text, card.text)
    for strategy_id, (title, kommune) in STRATEGIES.items():
        text = shown[f"{strategy_id}/{strategy_id}/"]
        assert text[0] == title and kommune in text[1]
    assert hub.h1 == "Strategier og forandringsteorier"
    assert "3 strategier fra 3 kommuner" in hub.text


def test_the_merged_link_map_leads_to_every_element_of_every_strategy(catalogue_site: Path) -> None:
    merged = link_map(catalogue_site)
    per_site = [dict(e, url=f"{sid}/{e['url']}") for sid in sorted(STRATEGIES) for e in link_map(catalogue_site / sid)]
    assert merged == per_site
    assert {entry["strategi"] for entry in merged} == set(STRATEGIES)
    for entry in merged:
        file = page_file(catalogue_site, entry["url"])
        assert file.is_file(), f"{entry['url']} ({entry['titel']}) leads nowhere"
        anchor = entry["url"].partition("#")[2]
        assert not anchor or anchor in read_file(file).anchors, f"{entry['url']}: no id '{anchor}'"


def test_links_hold_across_the_sub_sites_and_the_front_page(catalogue_site: Path) -> None:
    pages = html_files(catalogue_site)
    assert len(pages) > 100
    assert broken_links(catalogue_site) == []
    # The walk crossed sub-sites: the front page links into each, each sub-site's logo links back, and each
    # sub-site's pages point up to the catalogue's search worker, which is there.
    hub_links = {link.url for link in read_file(catalogue_site / "index.html").links}
    assert {f"{s}/{s}/" for s in STRATEGIES} <= hub_links
    # From deep inside a sub-site, the logo leads back to the catalogue's front page.
    deep = page_file(catalogue_site, "varige-spor/varige-spor/indsatser/fremskudt-myndighedsfunktion/")
    logo = read_file(deep).first("a", class_="md-logo").get("href")
    assert resolve(catalogue_site, deep, logo)[0] == catalogue_site / "index.html"
    assert (catalogue_site / "katalog-soeg.js").is_file()
    script = page(catalogue_site / "varige-spor", "varige-spor/").first("script", id="__config")
    config = json.loads("".join(part for part in script.children if isinstance(part, str)))
    assert config["search"].startswith("../../katalog-soeg.js?")


def test_sub_sites_carry_no_search_index_of_their_own(catalogue_site: Path) -> None:
    """A reader searches the whole catalogue through Pagefind; the lunr index each build wrote is emptied."""
    for folder in ["", *STRATEGIES]:
        index = json.loads((catalogue_site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["docs"] == [] and index["config"]["lang"] == ["da"]
    entry = json.loads((catalogue_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["da"]


def test_stitching_again_gives_the_same_bytes(catalogue_site: Path, tmp_path: Path) -> None:
    """The stitch step (front page, links.json, Pagefind) run again over the same sub-sites changes no byte."""
    copy = tmp_path / "katalog"
    shutil.copytree(catalogue_site, copy)
    data = tmp_path / "data"
    data.mkdir()
    for name in ("tidlig-indsats.yaml", "varige-spor.yaml"):
        shutil.copy2(ROOT / "data" / name, data / name)
    generate_strategy(30, data)
    project = make_project(tmp_path / "p", data, ROOT / "docs")
    result = catalogue(project, "saml", "--ud", str(copy))
    assert result.returncode == 0, result.stderr
    assert tree(copy) == tree(catalogue_site)


def test_the_plugin_refuses_an_unknown_strategy_in_danish(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", "plugins:\n  - search\n  - strategi:\n      only: stor\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "strategi: only: ingen fil i data/ har strategien 'stor' (kendte: lille)" in result.stderr
