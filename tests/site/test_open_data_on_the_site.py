"""Issue 14 on the built sites: the downloads, feeds and page heads as a visitor, a portal or a tool meets them.

- The JSON file of each example strategy, saved as the data file, builds the example site byte for byte.
- Every row of a "Data og download" page links to a published file of the size it states (the site link walk
  of ``test_links_never_break`` follows the same links, and the feed links in every page's head).
- The feeds of the built site parse, and every entry leads to its change on the Ændringer page.
- Every page carries a description, Open Graph title, canonical address and breadcrumb data; "Senest
  opdateret" stands on every page when the data records a change, and on none when it records none.
- With ``precompress: true`` every page has a gzip twin with the same text.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from macros.rendering.downloads import size_text
from support.html import read_file
from support.sites import (
    FIXTURE_PROJECT,
    ROOT,
    describe_differences,
    html_files,
    make_project,
    mkdocs_build,
    resolve,
    tree,
)
from support.sites import theme_pages as all_theme_pages

pytestmark = pytest.mark.build

SITE_URL = "https://strategier.example.dk/"
# The product's plugins, with precompression on (a list in mkdocs.yml is replaced, not merged, by INHERIT).
PRECOMPRESSED = """plugins:
  - search:
      lang: da
  - strategi:
      precompress: true
  - macros:
      modules: [macros.build.macros_module]
      on_error_fail: true
      on_undefined: strict
      render_by_default: true
"""


def test_the_json_downloads_as_data_files_build_the_same_site(example_site: Path, tmp_path: Path) -> None:
    data = tmp_path / "data-from-json"
    data.mkdir()
    for download in sorted(example_site.glob("*/data/*.json")):
        (data / f"{download.stem}.yaml").write_bytes(download.read_bytes())  # JSON is YAML
    assert sorted(p.name for p in data.iterdir()) == ["tidlig-indsats.yaml", "varige-spor.yaml"]
    project = make_project(tmp_path / "project", data, ROOT / "docs")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert describe_differences(tree(example_site), tree(tmp_path / "site")) == []


@pytest.mark.parametrize("strategy_id", ["varige-spor", "tidlig-indsats"])
def test_every_download_on_the_data_page_is_there_in_the_size_it_states(example_site: Path, strategy_id: str) -> None:
    page_path = example_site / strategy_id / "data" / "index.html"
    page = read_file(page_path)
    rows = page.table_rows(0)
    links = [a.get("href") for a in page.article.first("table").iter("a")]
    assert len(links) == len(rows) >= 7  # JSON, XLSX, four CSV files, the feed
    for row, link in zip(rows, links, strict=True):
        target, _ = resolve(example_site, page_path, link)
        assert target is not None and target.is_file(), link
        assert row["Størrelse"] == size_text(target.stat().st_size), link
    assert {row["Format"] for row in rows} == {"JSON", "XLSX", "CSV", "Atom"}


def test_the_front_page_lists_the_downloads_of_every_strategy_and_the_site(example_site: Path) -> None:
    section = read_file(example_site / "index.html").sections(2)["Data og download"]
    for path in ("varige-spor/data/varige-spor.json", "tidlig-indsats/data/tidlig-indsats.xlsx", "katalog.jsonld"):
        assert path in section.hrefs
    targets = [resolve(example_site, example_site / "index.html", href)[0] for href in section.hrefs]
    assert all(target is not None and target.is_file() for target in targets)


def test_each_feed_entry_leads_to_its_change_on_the_changes_page(realisation_site: Path) -> None:
    for feed_file in (
        realisation_site / "aendringer.xml",
        realisation_site / "realisering/data/realisering-aendringer.xml",
    ):
        feed = feedparser.parse(feed_file.read_bytes())
        assert not feed.bozo and feed.version == "atom10"
        assert len(feed.entries) == 2
        for entry in feed.entries:
            address = urlsplit(entry.link)
            assert entry.link.startswith(SITE_URL)
            page = realisation_site / address.path.lstrip("/") / "index.html"
            assert address.fragment in read_file(page).anchors, entry.link


def theme_pages(site: Path) -> list[Path]:
    """The pages the theme wrote: no 404 page, no redirect page of an earlier id (it only sends on)."""
    return [path for path in all_theme_pages(site) if path.name != "404.html"]


def test_every_page_has_a_description_preview_canonical_address_and_breadcrumbs(example_site: Path) -> None:
    for path in theme_pages(example_site):
        page = read_file(path)
        where = path.relative_to(example_site).as_posix()
        heads = {m.get("name") or m.get("property"): m.get("content") for m in page.all("meta")}
        assert heads.get("description"), where
        assert heads.get("og:title") and heads.get("og:description"), where
        canonical = page.first("link", rel="canonical").get("href")
        assert canonical == SITE_URL + where.removesuffix("index.html"), where
        assert heads.get("og:url") == canonical, where
        scripts = page.all("script", type="application/ld+json")
        crumbs = json.loads("".join(text for text in scripts[0].children if isinstance(text, str)))
        assert crumbs["@type"] == "BreadcrumbList", where
        assert crumbs["itemListElement"][-1]["item"] == canonical, where
        atom = page.all("link", type="application/atom+xml")
        feeds = [link.get("href") for link in atom if "alternate" in link.get("rel").split()]
        assert feeds and all(resolve(example_site, path, feed)[0].is_file() for feed in feeds), where  # type: ignore[union-attr]


def test_an_element_page_describes_the_element_in_its_own_words(example_site: Path) -> None:
    page = read_file(example_site / "varige-spor" / "omraader" / "tilbudsvifte" / "index.html")
    description = page.first("meta", name="description").get("content")
    assert description == "De tilbud, kommunen kan give børn, unge og familier."


def test_senest_opdateret_stands_on_every_page_when_the_data_records_a_change(
    realisation_site: Path, example_site: Path
) -> None:
    for path in theme_pages(realisation_site):
        line = read_file(path).all("p", class_="senest-opdateret")
        assert [p.text for p in line][:1] in (
            ["Senest opdateret 1. september 2021. Se ændringerne"],
            ["Senest opdateret 1. september 2021."],
        ), path
    assert not any(read_file(p).all("p", class_="senest-opdateret") for p in html_files(example_site))


def test_an_element_page_shows_its_own_history(realisation_site: Path) -> None:
    page = read_file(realisation_site / "realisering" / "maal" / "mindre-fravaer" / "index.html")
    history = page.sections(2)["Historik"]
    assert "Sidst ændret 1. september 2021." in history.text
    assert "Målet for fravær i 2022 sænket til 4,5 %." in history.text
    assert "Første udgave vedtaget." not in history.text  # names no element of this page
    changes = read_file(realisation_site / "realisering" / "aendringer" / "index.html")
    assert "../maal/mindre-fravaer/#fravaer" in changes.hrefs


def test_precompression_puts_a_gzip_twin_beside_every_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs", PRECOMPRESSED)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = html_files(tmp_path / "site")
    assert pages
    for page in pages:
        twin = page.with_name(page.name + ".gz")
        assert twin.is_file() and gzip.decompress(twin.read_bytes()) == page.read_bytes(), page
    assert not list((tmp_path / "site").rglob("*.pdf.gz"))
