"""Issue 6: axe-core (WCAG 2.1 A and AA) finds nothing on any page of the site, light or dark.

Each page is loaded once and checked in both colour schemes: the reader's own switch in the header
(Material's palette toggle) changes the scheme in place, as it does for a visitor.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from support.html import read_file
from support.sites import ROOT, page_file

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


def test_every_page_passes_axe_in_both_schemes(
    example_site: Path, site_url: str, open_context: OpenContext, report: SuiteReport
) -> None:
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


def test_every_page_is_titled_by_its_heading(example_site: Path) -> None:
    """WCAG 2.4.2: the browser tab and a screen reader's page list name each page, as its heading does.

    The title may add context ("Varige spor: Aktører" for "Aktører") but must not say something else, and
    no two pages share a title.
    """
    site_name = re.search(r"^site_name:\s*(.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    suffix = f" - {site_name.group(1).strip()}" if site_name else ""
    wrong: list[str] = []
    seen: dict[str, str] = {}
    for path in site_pages(example_site):
        page = read_file(page_file(example_site, path))
        title, text = page.title.removesuffix(suffix), page.h1
        if text and title.lower() not in text.lower() and text.lower() not in title.lower():
            wrong.append(f"/{path}: <title> {title!r}, heading {text!r}")
        if seen.setdefault(title, path) != path:
            wrong.append(f"/{path}: <title> {title!r} also titles /{seen[title]}")
    assert not wrong, "\n".join(wrong)
