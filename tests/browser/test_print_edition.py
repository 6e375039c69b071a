"""On paper: a role sheet prints on exactly one A4 sheet, and a print edition shows content without chrome.

Pages of the session's built realisation fixture, example site and 300-activity strategy are served on
127.0.0.1 and printed to PDF in Debian's Chromium with print media, as a person choosing "Udskriv" would;
the PDFs are read with Poppler's ``pdfinfo`` and ``pdftotext``. Every request to another host fails the test.

Every printed sheet says what it is and where it is online (issue 16): a running header with the strategy
and its kommune and the date of the data's latest change, the page's published address and "Side n af m"
at its foot, and after each link to another page of the site that page's address (from ``site_url``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from macros.loading.validate import load_site
from support.paper import pdf_info, pdf_text, squeezed
from support.sites import REALISATION_PROJECT
from support.sites import page as page_of

from .conftest import guarded_contexts
from .kit import SuiteReport, serve

pytestmark = pytest.mark.browser

A4_POINTS = (595, 842)


def print_pages(browser: Browser, report: SuiteReport, site: Path, urls: dict[str, str], out: Path) -> dict[str, Path]:
    """PDFs (name → file in ``out``) of the pages of the built ``site`` at ``urls``, printed with print media."""
    pdfs = {}
    with serve(site) as origin, guarded_contexts(browser, origin, report) as open_context:
        page = open_context().new_page()
        for name, url in urls.items():
            page.goto(f"{origin}{url}")
            page.emulate_media(media="print")
            pdfs[name] = out / f"{name}.pdf"
            page.pdf(path=str(pdfs[name]), prefer_css_page_size=True, print_background=True)
    return pdfs


@pytest.fixture(scope="module")
def printed(
    browser: Browser, report: SuiteReport, realisation_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """PDFs of the realisation fixture's ledelse role sheet and print edition."""
    urls = {"rolleark": "realisering/roller/ledelse/", "udskrift": "realisering/udskrift/"}
    return print_pages(browser, report, realisation_site, urls, tmp_path_factory.mktemp("pdf"))


def test_role_sheet_prints_on_one_a4_sheet(printed: dict[str, Path]) -> None:
    info = pdf_info(printed["rolleark"])
    assert info["Pages"] == "1"
    width, height = (round(float(v)) for v in info["Page size"].split()[0:3:2])
    assert (width, height) == A4_POINTS
    text = pdf_text(printed["rolleark"])
    assert "Lederen afsætter tid til fraværssamtaler." in text
    assert "endnu ikke" not in text  # a målsætning with nothing for the level is left out, not "not yet described"


def test_role_sheet_on_paper_has_no_instructions_for_the_screen(
    printed: dict[str, Path], realisation_site: Path
) -> None:
    assert "printes på ét A4-ark" in page_of(realisation_site, "realisering/roller/ledelse/").article.text
    assert "printes på ét A4-ark" not in squeezed(pdf_text(printed["rolleark"]))


def test_every_sheet_names_strategy_kommune_date_address_and_page_number(printed: dict[str, Path]) -> None:
    """The fixture's latest change (``versioner``) is 1 September 2021; its site_url is the example's."""
    strategy = load_site(REALISATION_PROJECT / "data").strategies[0]
    head = f"{strategy.titel} · {strategy.organisation.kommune}"
    for name, address in (("rolleark", "realisering/roller/ledelse/"), ("udskrift", "realisering/udskrift/")):
        sheets = pdf_text(printed[name]).split("\f")[:-1]
        assert len(sheets) == int(pdf_info(printed[name])["Pages"])
        for number, sheet in enumerate(sheets, start=1):
            text = squeezed(sheet)
            assert text.startswith(head), (name, number, text[:80])
            assert "Data senest ændret 1. september 2021" in text, (name, number)
            assert f"https://strategier.example.dk/{address}" in text, (name, number)
            assert text.endswith(f"Side {number} af {len(sheets)}"), (name, number, text[-60:])


def test_links_to_other_pages_print_their_published_address(printed: dict[str, Path]) -> None:
    text = squeezed(pdf_text(printed["rolleark"]))
    assert "Hele strategien: Prøvestrategi for realisering (https://strategier.example.dk/realisering/)" in text
    assert "(https://strategier.example.dk/realisering/#kvalitetssamtale)" in text


def test_the_print_edition_contains_the_overview_diagram(
    browser: Browser, report: SuiteReport, example_site: Path, tmp_path: Path
) -> None:
    pdf = print_pages(browser, report, example_site, {"udskrift": "varige-spor/udskrift/"}, tmp_path)["udskrift"]
    text = squeezed(pdf_text(pdf))
    assert "Signaturforklaring" in text and "Pil – fører til" in text  # the legend: drawn only in the diagram
    assert "Forandringsteori for Varige spor – overblik" in text  # its caption
    assert "Diagrammet som tekst" not in text and "Boksene er links" not in text  # screen only


def test_paper_has_no_navigation_or_search_and_prints_link_addresses(printed: dict[str, Path]) -> None:
    text = pdf_text(printed["udskrift"])
    assert "Byrådets beslutning (https://example.org/beslutning)" in " ".join(text.split())
    assert "Søg" not in text and "Strategier og forandringsteorier" not in text
    assert "Prøvestrategi for realisering – hele strategien" in text


def test_a_print_part_prints_with_its_heading_and_content(
    browser: Browser, report: SuiteReport, large_site: Path, tmp_path: Path
) -> None:
    """A part of a print edition too long for one page (``unit/test_long_pages_split.py``) prints as a whole."""
    url = "syntetisk/udskrift/del-2/"
    first = (h3.text for h3 in page_of(large_site, url).article.all("h3") if h3.has("id"))
    heading = next(first, None)
    assert heading
    pdf = print_pages(browser, report, large_site, {"del-2": url}, tmp_path)["del-2"]
    text = " ".join(pdf_text(pdf).split())
    assert "hele strategien, del 2 af" in text
    assert heading in text
    assert "Søg" not in text and "Forrige: del 1" not in text
