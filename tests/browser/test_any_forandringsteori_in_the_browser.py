"""Issue 13, must show 5: the format fixture's overview diagram and a fokuspunkt page, on a phone and a desktop.

Screenshots go to ``/tmp/screens/`` (``format-*.png``) for a person to look at. What a test can judge is
asserted: nothing sticks out sideways at phone width, the diagram's boxes carry the strategy's own words,
and axe-core finds nothing on the pages with the new kinds of box and the Swedish strategy, light or dark.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ViewportSize

from .conftest import OpenContext, guarded_contexts
from .kit import DESKTOP, PHONE, SuiteReport, Violation, axe_violations, serve

pytestmark = pytest.mark.browser

SCREENS = Path(tempfile.gettempdir()) / "screens"  # /tmp/screens
FOKUSPUNKT = "fokuspunkter/indsatser/tidlig-opsporing/"
AXE_PAGES = [
    "fokuspunkter/",
    FOKUSPUNKT,
    "fokuspunkter/maal/inklusion/",
    "fokuspunkter/ansvar/",
    "familieforloeb/",
    "samhallskontrakt/",
    "samhallskontrakt/maal/lag-franvaro/",
]


@pytest.fixture(scope="module")
def format_url(format_site: Path) -> Iterator[str]:
    with serve(format_site) as url:
        yield url


@pytest.fixture
def open_format(browser: Browser, format_url: str, report: SuiteReport) -> Iterator[OpenContext]:
    with guarded_contexts(browser, format_url, report) as open_one:
        yield open_one


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_overview_diagram_and_fokuspunkt_page_fit_the_screen(
    viewport: ViewportSize, format_url: str, open_format: OpenContext
) -> None:
    page = open_format(viewport=viewport, color_scheme="light").new_page()
    SCREENS.mkdir(exist_ok=True)
    page.goto(format_url + "fokuspunkter/")
    figure = page.locator("#d_fokuspunkter_oversigt_figur .strategi-diagram__billede")
    figure.scroll_into_view_if_needed()
    figure.screenshot(path=SCREENS / f"format-oversigt-{viewport['width']}.png")
    boxes = page.locator("#d_fokuspunkter_oversigt_figur g.node title").all_text_contents()
    assert "Fokuspunkt 1: Tidlig opsporing" in boxes and "Ressource: Centerleder for forebyggelse" in boxes
    assert "Ekstern faktor: Covid-19" in boxes
    page.goto(format_url + FOKUSPUNKT)
    page.screenshot(path=SCREENS / f"format-fokuspunkt-{viewport['width']}.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than the {viewport['width']} px screen"
    assert page.locator("article h1").inner_text().startswith("Fokuspunkt 1")


def test_new_kinds_of_box_and_a_swedish_strategy_pass_axe(
    format_url: str, open_format: OpenContext, report: SuiteReport
) -> None:
    found: list[Violation] = []
    for scheme in ("light", "dark"):
        page = open_format(viewport=DESKTOP, color_scheme=scheme).new_page()
        for path in AXE_PAGES:
            page.goto(format_url + path)
            found += axe_violations(page, "/" + path, scheme)
    assert not found, f"{len(found)} axe violations:\n" + "\n".join(map(str, found))
