"""Issue 6: the footer's contact details and tilgængelighedserklæring, and a site readable without JavaScript.

The footer's content comes from ``mkdocs.yml`` (``extra: kontakt``, ``extra: tilgaengelighedserklaering``),
so the expectations are read from there. Without JavaScript, pages still show their text, their
navigation and their diagrams; at phone width the menu still opens (Material's drawer is plain CSS).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.utils.yaml import yaml_load

from support.sites import ROOT, link_map
from support.sites import page as built

from .conftest import OpenContext
from .kit import DESKTOP, PHONE

pytestmark = pytest.mark.browser


def site_extra() -> dict[str, Any]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        extra: dict[str, Any] = yaml_load(config).get("extra", {})
    return extra


def sample_pages(site: Path) -> list[str]:
    """The front page, each strategy's page, an indsats page, and the 404 page."""
    elements = link_map(site)
    strategies = [e["url"] for e in elements if e["type"] == "strategi"]
    indsats = next(e["url"] for e in elements if e["type"] == "indsats" and "#" not in e["url"])
    return ["", *strategies, indsats, "404.html"]


def test_every_sample_page_has_the_footer_from_mkdocs_yml(
    example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    extra = site_extra()
    contact = extra["kontakt"]
    page = open_context(viewport=DESKTOP).new_page()
    for path in sample_pages(example_site):
        page.goto(site_url + path)
        footer = page.locator("footer")
        assert contact["navn"] in footer.inner_text(), path
        assert footer.locator(f"a[href='mailto:{contact['email']}']").is_visible(), path
        statement = footer.get_by_role("link", name="Tilgængelighedserklæring")
        assert statement.is_visible(), path
    statement.click()
    expected = extra["tilgaengelighedserklaering"].removesuffix(".md").removesuffix("index") + "/"
    assert page.url == site_url + expected
    assert page.locator("h1").inner_text().startswith("Tilgængelighedserklæring")
    assert contact["email"] in page.locator("article").inner_text(), "the statement names no contact e-mail"


def squeezed(text: str) -> str:
    """Text without whitespace or permalink signs, to compare what the HTML holds with what is shown."""
    return "".join(text.split()).replace("¶", "")


def test_pages_are_readable_without_javascript(example_site: Path, site_url: str, open_context: OpenContext) -> None:
    page = open_context(viewport=DESKTOP, java_script_enabled=False).new_page()
    strategies = [e["titel"] for e in link_map(example_site) if e["type"] == "strategi"]
    for path in sample_pages(example_site)[:-1]:
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.classList.contains('no-js')"), "JavaScript ran"
        assert page.locator("article").is_visible()
        shown = squeezed(page.locator("article").inner_text())
        assert squeezed(built(example_site, path).article.text_without("svg"))[:80] in shown, path
        nav = page.locator(".md-nav--primary")
        for title in strategies:
            assert nav.get_by_role("link", name=title).first.is_visible(), f"{path}: no visible nav link {title!r}"
        for diagram in page.locator("article figure svg").all():
            box = diagram.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 100, f"{path}: a diagram is not shown"


def test_the_phone_menu_opens_without_javascript(site_url: str, open_context: OpenContext) -> None:
    page = open_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(site_url)
    first_link = page.locator(".md-nav--primary .md-nav__link").first
    assert not first_link.is_visible() or first_link.bounding_box()["x"] < 0  # type: ignore[index]
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(400)  # the drawer slides in (0.25 s)
    box = first_link.bounding_box()
    assert box and box["x"] >= 0, "the menu did not open"
