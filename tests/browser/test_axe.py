"""Issue 6: axe-core (WCAG 2.1 A and AA) finds nothing on any page of the site, light or dark.

Each page is loaded once and checked in both colour schemes: the reader's own switch in the header
(Material's palette toggle) changes the scheme in place, as it does for a visitor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import OpenContext
from .kit import DESKTOP, SuiteReport, Violation, axe_violations, site_pages

pytestmark = pytest.mark.browser

SCHEME_NAMES = {"default": "light", "slate": "dark"}


def current_scheme(page: Page) -> str:
    return SCHEME_NAMES[page.locator("body").get_attribute("data-md-color-scheme") or "default"]


def toggle_scheme(page: Page) -> str:
    """Click the header's palette switch (the visible one) and wait until the page has the other scheme."""
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("b => document.body.getAttribute('data-md-color-scheme') !== b", arg=before)
    return current_scheme(page)


def test_the_readers_system_setting_chooses_the_scheme(open_context: OpenContext, site_url: str) -> None:
    for media, expected in (("light", "light"), ("dark", "dark")):
        page = open_context(color_scheme=media, viewport=DESKTOP).new_page()
        page.goto(site_url)
        assert current_scheme(page) == expected


def test_every_page_passes_axe_in_both_schemes(example_site: Path, site_url: str, open_context: OpenContext,
                                               report: SuiteReport) -> None:
    page = open_context(color_scheme="light", viewport=DESKTOP).new_page()
    found: list[Violation] = []
    checked = {"light": 0, "dark": 0}
    for path in site_pages(example_site):
        page.goto(site_url + path)
        first = current_scheme(page)
        found += axe_violations(page, "/" + path, first)
        second = toggle_scheme(page)
        found += axe_violations(page, "/" + path, second)
        checked[first] += 1
        checked[second] += 1
    report.axe_pages.update(checked)
    report.violations += found
    assert checked["light"] == checked["dark"] == len(site_pages(example_site))
    assert not found, f"{len(found)} axe violations:\n" + "\n".join(map(str, found))
