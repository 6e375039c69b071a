"""Issue 5, on a built page: the realisation pages of a small fixture strategy, built by MkDocs.

The fixture (``tests/fixtures/realisation``) has what the example data lacks: months for the årshjul,
targets and measurements for the indicators, prerequisites per level. The plugin publishes its pages like
any other strategy's; tests read the built HTML.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, make_project, mkdocs_build
from sitecheck import broken_links, parse

from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.rendering.realisation import realisation_pages
from macros.loading.validate import load_site

FIXTURE = ROOT / "tests" / "fixtures" / "realisation"
GOAL_PAGE = "realisering/maal/mindre-fravaer"

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def realisation_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("realisation-project"), FIXTURE / "data", FIXTURE / "docs")
    out = tmp_path_factory.mktemp("realisation-site")
    result = mkdocs_build(project, out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out


class _Tables(HTMLParser):
    """Every <table> of the page's article as rows of cell texts (links' text included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def article(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def tables(site: Path, url: str) -> list[dict[str, str]]:
    parser = _Tables()
    parser.feed(article(site, url))
    header, *rows = parser.tables[0]
    return [dict(zip(header, row)) for row in rows]


def test_every_realisation_page_is_built_and_every_link_on_it_works(realisation_site: Path) -> None:
    site = load_site(FIXTURE / "data")
    for src in realisation_pages(site.strategies[0], address_book(site), Relations(site.strategies[0])):
        assert (realisation_site / src.removesuffix(".md").removesuffix("index") / "index.html").exists(), src
    assert broken_links(realisation_site) == []


def test_built_matrix_shows_who_is_where(realisation_site: Path) -> None:
    rows = {r["Målsætning eller indsats"]: r for r in tables(realisation_site, "realisering/ansvar")}
    objective = rows["Målsætning 1: Alle møder i skole"]
    assert (objective["Forvaltning"], objective["Ledelse"], objective["Medarbejdere"]) == (
        "Styregruppen for fremmøde",
        "Skolelederne",
        "Lærerne",
    )
    assert "Skolelederne: Holder fraværssamtaler med forældre." in re.sub(
        r"<[^>]+>", "", article(realisation_site, "realisering/ansvar")
    )


def test_built_role_sheet_lists_prerequisites_per_objective(realisation_site: Path) -> None:
    text = re.sub(r"<[^>]+>", "", article(realisation_site, "realisering/roller/ledelse"))
    first, second = text.split("Målsætning 1: Alle møder i skole")[1].split("Målsætning 2: Godt tværfagligt samarbejde")
    assert "Lederen afsætter tid til fraværssamtaler." in first
    assert "Læreren registrerer" not in first
    assert "Forudsætningerne er endnu ikke beskrevet." in second


def test_built_indicator_table_and_chart(realisation_site: Path) -> None:
    url = GOAL_PAGE
    rows = {r["Periode"]: r for r in tables(realisation_site, url)}
    assert (rows["2020"]["Mål"], rows["2020"]["Målt"], rows["2020"]["Fremdrift mod mål"]) == ("5,5 %", "5,8 %", "50 %")
    assert rows["2021"]["Målt"] == "ikke målt"
    html = article(realisation_site, url)
    charts = re.findall(r'<figure class="realisering-figur" data-search-exclude>\s*(<svg.*?</svg>)', html, re.DOTALL)
    assert len(charts) == 2
    page = parse(realisation_site / url / "index.html")
    assert len(page.id_list) == len(set(page.id_list)), "an id is used twice on the page"
    for chart in charts:
        labelled_by = re.search(r'aria-labelledby="([^"]+)"', chart)
        assert 'role="img"' in chart and labelled_by
        assert set(labelled_by.group(1).split()) <= page.ids


def test_charts_stay_out_of_search_but_the_tables_numbers_are_found(realisation_site: Path) -> None:
    index = json.loads((realisation_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(f"{GOAL_PAGE}/"))
    assert "ikke målt" in texts and "5,8 %" in texts
    assert "Diagram: Elevfravær" not in texts and "udgangspunkt Målt Mål" not in texts
