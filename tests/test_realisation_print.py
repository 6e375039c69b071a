"""Issue 5, print: a role sheet prints on exactly one A4 sheet, and paper shows content without chrome.

Builds the realisation fixture (as ``test_realisation_build`` does), serves it on 127.0.0.1 and prints
pages to PDF in Debian's Chromium with print media, as a person choosing "Udskriv" would.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading
from pathlib import Path

import pytest
from test_realisation_build import realisation_site  # noqa: F401 - the built fixture site

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.build, pytest.mark.browser]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
A4_POINTS = (595, 842)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No request log in the test output."""


def print_pages(site: Path, urls: dict[str, str], out: Path) -> dict[str, Path]:
    """PDFs (name → file in ``out``) of pages of the built ``site`` at ``urls``, printed with print media
    from a server on 127.0.0.1; requests to any other host are refused."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    pdfs = {}
    try:
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(locale="da-DK")
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(origin) else r.abort())
            for name, url in urls.items():
                page.goto(f"{origin}{url}")
                page.emulate_media(media="print")
                pdfs[name] = out / f"{name}.pdf"
                page.pdf(path=str(pdfs[name]), prefer_css_page_size=True, print_background=True)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return pdfs


def printed_pdf(site: Path, url: str, out: Path) -> Path:
    return print_pages(site, {out.stem: url}, out.parent)[out.stem]


@pytest.fixture(scope="module")
def printed(realisation_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:  # noqa: F811
    """PDFs of the ledelse role sheet and the print edition."""
    return print_pages(
        realisation_site,
        {"rolleark": "realisering/roller/ledelse/", "udskrift": "realisering/udskrift/"},
        tmp_path_factory.mktemp("pdf"),
    )


def pdf_info(path: Path) -> dict[str, str]:
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in text.splitlines())}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_role_sheet_prints_on_one_a4_sheet(printed: dict[str, Path]) -> None:
    info = pdf_info(printed["rolleark"])
    assert info["Pages"] == "1"
    width, height = (round(float(v)) for v in info["Page size"].split()[0:3:2])
    assert (width, height) == A4_POINTS
    text = pdf_text(printed["rolleark"])
    assert "Lederen afsætter tid til fraværssamtaler." in text
    assert "Forudsætningerne er endnu ikke beskrevet." in text


def test_paper_has_no_navigation_or_search_and_prints_link_addresses(printed: dict[str, Path]) -> None:
    text = pdf_text(printed["udskrift"])
    assert "Byrådets beslutning (https://example.org/beslutning)" in " ".join(text.split())
    assert "Søg" not in text and "Strategier og forandringsteorier" not in text
    assert "Prøvestrategi for realisering – hele strategien" in text
