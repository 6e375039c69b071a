"""Issue 6, must show 3: the front page and an indsats page at phone width (390 px) and on a desktop.

Screenshots go to ``/tmp/screens/`` (not committed) for a person to look at. What a test can judge is
asserted: nothing sticks out sideways at phone width (the page never scrolls horizontally; a wide
diagram scrolls inside its own box), and the page's heading is on screen.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import ViewportSize

from support.sites import link_map

from .conftest import OpenContext
from .kit import DESKTOP, PHONE

pytestmark = pytest.mark.browser

SCREENS = Path(tempfile.gettempdir()) / "screens"  # /tmp/screens


def indsats_page(site: Path) -> str:
    """The first indsats page that has a diagram, else the first indsats page."""
    pages: list[str] = [e["url"] for e in link_map(site) if e["type"] == "indsats" and "#" not in e["url"]]
    with_diagram = [url for url in pages if "strategi-diagram" in (site / url / "index.html").read_text("utf-8")]
    return (with_diagram or pages)[0]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("which", ["forside", "indsats"])
def test_screenshot_without_sideways_scrolling(
    which: str, viewport: ViewportSize, example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    page = open_context(viewport=viewport, color_scheme="light").new_page()
    page.goto(site_url + ("" if which == "forside" else indsats_page(example_site)))
    SCREENS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENS / f"citizen-{which}-{viewport['width']}.png", full_page=True)
    page.screenshot(path=SCREENS / f"citizen-{which}-{viewport['width']}-top.png")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than the {viewport['width']} px screen"
    heading = page.locator("article h1").bounding_box()
    assert heading and heading["x"] >= 0 and heading["x"] + heading["width"] <= viewport["width"]
