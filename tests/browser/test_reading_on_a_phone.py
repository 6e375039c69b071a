"""Issue 16: the site on a 390 px phone, as a citizen reads it.

- No table is wider than the screen: a table that would not fit becomes one card per row (every value
  with its column's name, the cells that say nothing left out), on every page of the example site and the
  realisation fixture (the matrix, the indicator tables);
- a diagram's boxes are links that show it: hovering or focusing one changes how it is drawn, a sentence
  under the diagram says so, and its text is no smaller than on a desktop (the diagram scrolls in its box);
- headings are bold and dark (at least 7:1 against the page, light and dark scheme), facts are a summary
  set apart from the text, the header names the kommune without cutting anything off;
- axe-core still finds nothing on the pages whose tables became cards.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from support.sites import link_map

from .conftest import OpenContext, guarded_contexts
from .kit import PHONE, SuiteReport, Violation, axe_violations, serve, site_pages

pytestmark = pytest.mark.browser

WIDE_TABLES = """() => [...document.querySelectorAll('article table')].map(t => {
  const r = t.getBoundingClientRect();
  return {right: Math.round(r.right), width: Math.round(r.width), cards: getComputedStyle(t).display === 'block',
          text: t.innerText.trim().slice(0, 40)};
})"""

NODE = ".strategi-diagram__svg .node > a"
NODE_LOOK = """el => {
  const shape = el.firstElementChild, text = el.querySelector('text');
  return {stroke: getComputedStyle(shape).strokeWidth, underline: getComputedStyle(text).textDecorationLine,
          focused: document.activeElement === el};
}"""


def tables_on(page: Page, url: str) -> list[str]:
    """The tables on the page at ``url`` that stick out of the 390 px screen."""
    page.goto(url)
    return [
        f"{url}: a {t['width']} px table ({t['text']!r}){' as cards' if t['cards'] else ''}"
        for t in page.evaluate(WIDE_TABLES)
        if t["right"] > PHONE["width"]
    ]


def test_no_table_is_wider_than_a_phone(
    browser: Browser, report: SuiteReport, example_site: Path, realisation_site: Path
) -> None:
    too_wide: list[str] = []
    cards = 0
    for site in (example_site, realisation_site):
        with serve(site) as origin, guarded_contexts(browser, origin, report) as open_context:
            page = open_context(viewport=PHONE).new_page()
            for path in site_pages(site):
                too_wide += tables_on(page, origin + path)
                cards += sum(t["cards"] for t in page.evaluate(WIDE_TABLES))
    assert cards >= 5, "no table became cards: the check saw too little to mean anything"
    assert not too_wide, "tables wider than the phone:\n" + "\n".join(too_wide)


CARDS = """() => [...document.querySelectorAll('article table tbody tr')].map(tr => [...tr.cells].map(td => ({
  label: td.dataset.label || '', shown: getComputedStyle(td).display !== 'none', text: td.innerText.trim(),
  before: getComputedStyle(td, '::before').content})))"""


def test_a_card_names_each_value_and_leaves_out_the_empty_cells(
    browser: Browser, report: SuiteReport, realisation_site: Path
) -> None:
    with serve(realisation_site) as origin, guarded_contexts(browser, origin, report) as open_context:
        page = open_context(viewport=PHONE).new_page()
        page.goto(origin + "realisering/ansvar/")
        rows = page.evaluate(CARDS)
        assert rows and all(cell["label"] for row in rows for cell in row)
        for row in rows:
            name, *values = row
            assert name["shown"] and name["before"] == "none"  # the row's name heads the card
            for cell in values:
                if cell["text"] == "–":
                    assert not cell["shown"], f"{name['text']}: a card shows an empty cell"
                else:
                    assert cell["shown"] and cell["before"] == f'"{cell["label"]}"', (name["text"], cell)
        assert any(cell["text"] == "–" for row in rows for cell in row)  # the fixture has empty cells
        names = page.locator("article table tbody tr").first.locator("ul.navne li")
        boxes = [names.nth(i).bounding_box() for i in range(names.count())]
        assert all(box is not None for box in boxes)
        for upper, lower in itertools.pairwise(boxes):  # each name on a line of its own
            assert upper and lower and lower["y"] >= upper["y"] + upper["height"]


def node_look(page: Page, index: int) -> dict[str, Any]:
    result: dict[str, Any] = page.locator(NODE).nth(index).evaluate(NODE_LOOK)
    return result


def test_a_diagram_box_shows_it_is_a_link_on_hover_and_on_focus(site_url: str, open_context: OpenContext) -> None:
    page = open_context(viewport=PHONE).new_page()
    page.goto(site_url + "varige-spor/")
    assert page.locator(NODE).count() > 1
    plain = node_look(page, 1)
    page.locator(NODE).nth(1).hover()
    hovered = node_look(page, 1)
    assert hovered["stroke"] != plain["stroke"] and "underline" in hovered["underline"], (plain, hovered)
    page.mouse.move(0, 0)
    assert node_look(page, 1) == plain
    for _ in range(80):  # by keyboard, as a reader without a mouse gets there
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{NODE}')"):
            break
    else:
        pytest.fail("Tab never reached a box of the diagram")
    focused = page.evaluate(f"() => [...document.querySelectorAll('{NODE}')].indexOf(document.activeElement)")
    look = node_look(page, focused)
    assert look["focused"] and look["stroke"] != plain["stroke"] and "underline" in look["underline"], look
    hints = page.locator(".strategi-diagram figcaption .strategi-diagram__hjaelp")
    assert hints.count() == page.locator("figure.strategi-diagram svg").count() > 0
    assert "links" in hints.first.inner_text()


def test_diagram_text_on_a_phone_is_as_large_as_on_a_desktop(site_url: str, open_context: OpenContext) -> None:
    """At 390 px a diagram keeps its own size and scrolls sideways in its box; the page does not."""
    page = open_context(viewport=PHONE).new_page()
    page.goto(site_url + "varige-spor/")
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('.strategi-diagram__svg text')]
        .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))""")
    assert round(smallest, 1) >= 12, f"the smallest diagram text is {smallest:.1f} px on a phone"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def luminance(colour: str) -> float:
    channels = [float(v) / 255 for v in re.findall(r"[\d.]+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def on_page(colour: str, page: str) -> str:
    """A colour as painted over the page's colour (a colour with alpha lets the page show through)."""
    values = [float(v) for v in re.findall(r"[\d.]+", colour)]
    alpha = values[3] if len(values) > 3 else 1.0
    under = [float(v) for v in re.findall(r"[\d.]+", page)[:3]]
    return "rgb({})".format(",".join(str(alpha * c + (1 - alpha) * u) for c, u in zip(values[:3], under, strict=True)))


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


HEADINGS = """() => [...document.querySelectorAll('article h1, article h2, article h3')].map(h => {
  const s = getComputedStyle(h);
  return {text: h.innerText.trim().slice(0, 30), colour: s.color, weight: parseInt(s.fontWeight),
          page: getComputedStyle(document.body).backgroundColor};
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_headings_are_bold_and_dark_enough(scheme: str, site_url: str, open_context: OpenContext) -> None:
    page = open_context(viewport=PHONE, color_scheme=scheme).new_page()
    weak = []
    for path in ("", "varige-spor/", "tidlig-indsats/ansvar/"):
        page.goto(site_url + path)
        for heading in page.evaluate(HEADINGS):
            ratio = contrast(on_page(heading["colour"], heading["page"]), heading["page"])
            if heading["weight"] < 700 or ratio < 7:
                weak.append(f"/{path} {heading['text']!r}: weight {heading['weight']}, contrast {ratio:.1f}:1")
    assert not weak, "headings too thin or too pale:\n" + "\n".join(weak)


def test_facts_stand_apart_as_a_summary(site_url: str, open_context: OpenContext) -> None:
    page = open_context(viewport=PHONE).new_page()
    page.goto(site_url + "varige-spor/indsatser/fremskudt-myndighedsfunktion/")
    facts = page.locator("article .fakta").first
    look = facts.evaluate("""el => {const s = getComputedStyle(el), b = getComputedStyle(document.body);
        return {rule: parseFloat(s.borderLeftWidth), fill: s.backgroundColor, page: b.backgroundColor,
                label: getComputedStyle(el.querySelector('dt')).fontWeight};}""")
    assert look["rule"] >= 3 and look["fill"] != look["page"] and int(look["label"]) >= 700, look


def test_the_header_names_the_kommune_without_cutting_anything_off(site_url: str, open_context: OpenContext) -> None:
    page = open_context(viewport=PHONE).new_page()
    page.goto(site_url)
    for part in (".strategi-header__kommune", ".strategi-header__site"):
        name = page.locator(f"header {part}")
        assert name.is_visible(), part
        assert name.evaluate("el => el.scrollWidth <= el.clientWidth && el.getClientRects().length > 0"), part
        box = name.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], part
    assert page.locator("header .md-logo img").is_visible()


def test_pages_with_cards_pass_axe_on_a_phone(
    browser: Browser, report: SuiteReport, realisation_site: Path, example_site: Path
) -> None:
    found: list[Violation] = []
    tables = ["realisering/ansvar/", "realisering/maal/mindre-fravaer/"]
    for site, paths in ((realisation_site, tables), (example_site, ["tidlig-indsats/ansvar/", "varige-spor/"])):
        with serve(site) as origin, guarded_contexts(browser, origin, report) as open_context:
            for scheme in ("light", "dark"):
                page = open_context(viewport=PHONE, color_scheme=scheme).new_page()
                for path in paths:
                    page.goto(origin + path)
                    found += axe_violations(page, f"/{path} (390 px)", scheme)
    report.violations += found
    assert not found, "\n".join(map(str, found))


FIRST_SCREEN = """() => {
  const first = selector => document.querySelector('article ' + selector);
  const where = el => el ? {top: el.getBoundingClientRect().top + scrollY, bottom: el.getBoundingClientRect().bottom
      + scrollY, text: el.innerText.trim()} : null;
  const chain = first('.strategi-kort__kaede li') || first('figure.strategi-diagram svg');
  return {aim: where(first('.strategi-kort__sigte')), chain: where(chain), kind: chain ? chain.tagName : ''};
}"""


def test_a_strategy_says_what_it_wants_and_how_on_the_first_phone_screen(
    example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    """Must show 1: on each strategy's front page at 390 × 844, the vision (or formål) is read whole and the
    chain (the compact overview of målsætninger and indsatser, or the diagram) has begun, without scrolling."""
    strategies = [e["url"] for e in link_map(example_site) if e["type"] == "strategi"]
    assert len(strategies) >= 2
    page = open_context(viewport=PHONE).new_page()
    late = []
    for path in strategies:
        page.goto(site_url + path)
        found = page.evaluate(FIRST_SCREEN)
        aim, chain = found["aim"], found["chain"]
        assert aim and aim["text"], f"/{path}: no vision or formål at the top"
        assert chain, f"/{path}: no overview of the chain"
        if aim["bottom"] > PHONE["height"] or chain["bottom"] > PHONE["height"]:
            late.append(
                f"/{path}: the aim ends at {aim['bottom']:.0f} px, the chain's first line at {chain['bottom']:.0f}"
            )
    assert not late, "below the first screen (844 px):\n" + "\n".join(late)


FIRST_LINKS = """() => {
  const top = el => el.getBoundingClientRect().top + scrollY;
  const lead = document.querySelector('article h1 ~ p');
  const chain = document.querySelector('article .relationer li, article figure.strategi-diagram svg');
  return {lead: lead ? top(lead) : null, chain: chain ? top(chain) + Math.min(chain.getBoundingClientRect().height, 80)
      : null, tag: chain ? chain.tagName : ''};
}"""


def test_an_indsats_or_malsaetning_page_begins_with_what_it_is_and_what_it_leads_to(
    example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    """The same idea on the pages of the chain's steps: at 390 × 844 the element's description has begun
    and the first thing it leads to (its diagram's first boxes, or the first linked element) is in view."""
    paths = [e["url"] for e in link_map(example_site) if e["type"] in ("indsats", "målsætning") and "#" not in e["url"]]
    assert len(paths) >= 4
    page = open_context(viewport=PHONE).new_page()
    late, checked = [], 0
    for path in paths:
        page.goto(site_url + path)
        found = page.evaluate(FIRST_LINKS)
        if found["chain"] is None:  # an element that leads nowhere the data names: nothing to find
            continue
        checked += 1
        if (found["lead"] or 0) > PHONE["height"] or found["chain"] > PHONE["height"]:
            late.append(
                f"/{path}: description at {found['lead']} px, first {found['tag']} ends at {found['chain']:.0f}"
            )
    assert checked >= 2, "too few pages lead anywhere for the check to mean something"
    assert not late, "below the first screen (844 px):\n" + "\n".join(late)
