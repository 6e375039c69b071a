"""Issue 17: the header's icons come from one cached file and still show, in light and in dark.

Every page used to carry each icon's whole ``<svg>`` inline; now it names a symbol of
``assets/images/ikoner.svg`` (``<svg><use href="…/ikoner.svg#menu"/></svg>``, ``overrides/partials/ikon.html``),
which Chromium fetches once from the site itself. An icon whose symbol did not load would still take its
box in the layout, so "shown" here means: the icon has a size, and the screenshot of its box changes when
the icon is hidden (something was drawn, in the colour of the text around it, against the header).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page

from .conftest import OpenContext
from .kit import DESKTOP, PHONE

pytestmark = pytest.mark.browser

# What a reader sees of the icons without opening anything: on a phone the menu, the light/dark toggle and the
# search button; on a desktop the toggle and the magnifier inside the search field.
SEEN = {
    "phone": {"menu", "brightness-7", "magnify"},
    "desktop": {"brightness-7", "magnify"},
}
DARK = {"brightness-7": "brightness-4"}  # the toggle shows the other icon in the dark scheme


def drawn(page: Page, icon: Locator) -> bool:
    """Whether the icon paints anything: its box on screen looks different with the icon hidden."""
    box = icon.bounding_box()
    assert box is not None
    clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]}
    shown = page.screenshot(clip=clip, animations="disabled")  # type: ignore[arg-type]
    icon.evaluate("svg => { svg.style.visibility = 'hidden' }")
    hidden = page.screenshot(clip=clip, animations="disabled")  # type: ignore[arg-type]
    icon.evaluate("svg => { svg.style.visibility = '' }")
    return shown != hidden


def visible_icons(page: Page) -> dict[str, Locator]:
    """The icons with a box that come from the icon file, by symbol id (some sit in a closed, transparent
    search dialog: only the expected ones are checked for what they draw)."""
    icons = {}
    for icon in page.locator("svg:has(> use)").all():
        if icon.is_visible():
            symbol = (icon.locator("use").get_attribute("href") or "").rpartition("#")[2]
            icons[symbol] = icon
    return icons


def check_icons(page: Page, expected: set[str], label: str) -> None:
    icons = visible_icons(page)
    assert expected <= icons.keys(), f"{label}: icons not on screen: {sorted(expected - icons.keys())}"
    for symbol in sorted(expected):
        icon = icons[symbol]
        box = icon.bounding_box()
        assert box and box["width"] >= 16 and box["height"] >= 16, f"{label}: icon {symbol} has no size ({box})"
        size = icon.locator("use").evaluate("use => { const b = use.getBBox(); return b.width * b.height }")
        assert size > 0, f"{label}: icon {symbol}'s symbol did not load"
        assert drawn(page, icon), f"{label}: icon {symbol} draws nothing"
        colours = icon.evaluate("svg => [getComputedStyle(svg).fill, getComputedStyle(svg).color]")
        assert colours[0] == colours[1], f"{label}: icon {symbol} is not in the text's colour: {colours}"


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_header_icons_show_from_the_icon_file_in_light_and_dark(
    site_url: str, open_context: OpenContext, device: str
) -> None:
    page = open_context(viewport=PHONE if device == "phone" else DESKTOP).new_page()
    loaded: list[str] = []
    page.on("response", lambda response: loaded.append(response.url) if "ikoner.svg" in response.url else None)
    page.goto(site_url)
    check_icons(page, SEEN[device], f"{device}, light")
    page.locator("label[for^='__palette']:visible").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    check_icons(page, {DARK.get(symbol, symbol) for symbol in SEEN[device]}, f"{device}, dark")
    assert len(loaded) == 1, f"the icon file was fetched {len(loaded)} times: {loaded}"


def test_search_icons_show_when_searching_on_a_phone(site_url: str, open_context: OpenContext) -> None:
    """The phone's search dialog: the arrow back, and the cross that clears what was typed."""
    page = open_context(viewport=PHONE).new_page()
    page.goto(site_url)
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").fill("indsats")
    check_icons(page, {"arrow-left", "close"}, "phone, searching")
