"""Issue 6: the site works from the keyboard alone.

The skip link comes first and jumps to the content; every Tab stop shows a visible focus ring on
something the reader can see (not off-screen, not under an overlay), at phone and desktop width; the
search is opened, used and left by keyboard; every link in the content, diagram links included, is
reached by Tab.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, ViewportSize

from support.sites import is_redirect, link_map

from .conftest import OpenContext
from .kit import DESKTOP, PHONE, SiteSearch, SuiteReport

pytestmark = pytest.mark.browser

# What the reader sees of the focused element. An invisible radio button (Material's colour scheme
# switch) shows its focus on the label after it, so that label is what must be visible. Covered means
# something drawn on top at the element's centre: visible (opacity) and with a mostly opaque background;
# Material's transparent click-catching overlays do not count.
FOCUS = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  if (el.matches('input.md-option') && el.nextElementSibling) el = el.nextElementSibling;
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  const covers = node => {
    let opacity = 1;
    for (let n = node; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
    const style = getComputedStyle(node), rgba = style.backgroundColor.match(/[\\d.]+/g) || [];
    const alpha = rgba.length > 3 ? parseFloat(rgba[3]) : rgba.length ? 1 : 0;
    return opacity > 0.1 && style.visibility !== 'hidden' && alpha > 0.5;
  };
  let uncovered = true;
  for (const node of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
    if (node === el || el.contains(node) || node.contains(el)) break;
    if (covers(node)) { uncovered = false; break; }
  }
  return {
    what: `${el.tagName.toLowerCase()}.${String(el.className.baseVal ?? el.className).split(' ')[0]} `
          + `"${(el.innerText || el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`,
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
              && r.left < innerWidth && r.top < innerHeight,
    uncovered,
    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    inContent: !!el.closest('.md-content'),
    tabId: el.getAttribute('data-tab-id'),
    skip: el.matches('a.md-skip'),
  };
}"""


def tab(page: Page, settle: bool = False) -> dict[str, Any] | None:
    """Press Tab and describe the focus; with ``settle``, once transitions (a backdrop fading out) have ended."""
    page.keyboard.press("Tab")
    if settle:
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    result: dict[str, Any] | None = page.evaluate(FOCUS)
    return result


def first_element_page(site: Path, kind: str) -> str:
    url: str = next(e["url"] for e in link_map(site) if e["type"] == kind and "#" not in e["url"])
    return url


@pytest.mark.parametrize("which", ["front page", "indsats page"])
def test_the_skip_link_comes_first_and_jumps_to_the_content(
    which: str, example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    page = open_context(viewport=DESKTOP).new_page()
    page.goto(site_url + ("" if which == "front page" else first_element_page(example_site, "indsats")))
    first = tab(page)
    assert first and first["skip"] and first["onScreen"] and first["ring"], f"first Tab stop: {first}"
    page.keyboard.press("Enter")
    after = tab(page)
    assert after and after["inContent"], f"after the skip link, Tab went to {after}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_tab_stop_shows_a_visible_focus_ring(
    viewport: ViewportSize, example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    page = open_context(viewport=viewport).new_page()
    page.goto(site_url + first_element_page(example_site, "indsats"))
    unseen, stops = [], 0
    for _ in range(60):
        focus = tab(page, settle=True)
        if focus is None:
            break
        stops += 1
        if not (focus["onScreen"] and focus["uncovered"] and focus["ring"]):
            unseen.append(focus)
    assert stops >= 20, f"Tab stopped at only {stops} places: the check saw too little to mean anything"
    assert not unseen, "focus not visible at:\n" + "\n".join(map(str, unseen))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_search_is_used_by_keyboard_alone(
    viewport: ViewportSize, example_site: Path, site_url: str, open_context: OpenContext, report: SuiteReport
) -> None:
    """Tab to the search field, type a title, arrow down to the first result and press Enter."""
    element = next(e for e in link_map(example_site) if e["type"] == "indsats" and "#" not in e["url"])
    page = open_context(viewport=viewport).new_page()
    page.goto(site_url)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            break
    else:
        pytest.fail("Tab never reached the search field")
    assert page.get_by_role("dialog", name="Søg").count() == 1, "the search dialog has no accessible name"
    search = SiteSearch(page, site_url)
    hits = search.type(element["titel"])
    report.searches.append(
        (
            f"{element['titel']} (keyboard, {viewport['width']} px)",
            f"{hits[0].title} ({hits[0].path})" if hits else "no results",
        )
    )
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('a.md-search-result__link')"), "ArrowDown left the results"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0].split("#")[0] == site_url + element["url"]


def page_html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def content_pages(site: Path) -> list[str]:
    """Pages to walk with Tab: the first two pages with a diagram, and the first indsats page."""
    paths = [
        str(html.relative_to(site).parent) + "/" for html in sorted(site.rglob("index.html")) if not is_redirect(html)
    ]
    with_diagrams = [path for path in paths if "strategi-diagram" in page_html(site, path)]
    return [*with_diagrams[:2], first_element_page(site, "indsats")]


def unreached_by_tab(page: Page, site_url: str, path: str, selector: str) -> list[str]:
    """Links matching ``selector`` on the page that pressing Tab (from the top) never focuses."""
    page.goto(site_url + path)
    links = page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
        .filter(a => a.getClientRects().length > 0)
        .map((a, i) => { a.setAttribute('data-tab-id', String(i));
                         return (a.textContent || a.getAttribute('href') || '').trim().slice(0, 50); })""",
        selector,
    )
    reached: set[str] = set()
    for _ in range(len(links) + 80):
        focus = tab(page)
        if focus is None:
            break
        if focus["tabId"] is not None:
            reached.add(focus["tabId"])
    return [f"/{path}: {text!r}" for i, text in enumerate(links) if str(i) not in reached]


def test_every_link_in_the_content_is_reached_by_tab(
    example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    page = open_context(viewport=DESKTOP).new_page()
    missed = [
        link
        for path in content_pages(example_site)
        for link in unreached_by_tab(page, site_url, path, ".md-content a[href]")
    ]
    assert not missed, "links Tab never reached:\n" + "\n".join(missed)


def test_every_link_in_a_diagram_is_reached_by_tab(
    example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    pages = [path for path in content_pages(example_site) if "strategi-diagram" in page_html(example_site, path)]
    assert pages, "the example site shows no diagram: every strategy's overview should"
    page = open_context(viewport=DESKTOP).new_page()
    missed = [link for path in pages for link in unreached_by_tab(page, site_url, path, ".md-content svg a[*|href]")]
    assert not missed, "diagram links Tab never reached:\n" + "\n".join(missed)


def test_the_menu_opens_and_closes_by_keyboard_at_phone_width(site_url: str, open_context: OpenContext) -> None:
    """The menu is a real <button> (a <label> may not take the button role: axe's aria-allowed-role)."""
    page = open_context(viewport=PHONE).new_page()
    page.goto(site_url)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('header button')"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    assert page.locator("header label[role]").count() == 0
    menu = page.get_by_role("button", name="Menu")
    assert menu.evaluate("el => el.tagName") == "BUTTON" and menu.evaluate("el => el === document.activeElement")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(400)  # the drawer slides in (0.25 s)
    focus = page.evaluate(FOCUS)
    assert focus and focus["onScreen"] and focus["ring"] and "md-nav" in focus["what"], f"focus went to {focus}"
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.evaluate("el => el === document.activeElement"), "focus did not return to the menu"
    page.keyboard.press("Space")
    assert menu.get_attribute("aria-expanded") == "true", "Space did not open the menu"
