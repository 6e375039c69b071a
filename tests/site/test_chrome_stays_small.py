"""Issue 17: the theme's chrome around a page's content stays small, so 1,000 activities stay a small site.

What a page carries besides its own ``<article>`` (head, header, search dialog, menu, table of contents,
footer, scripts) is repeated on every page: at 1,000 activities each kB of it is ~1.7 MB of site. The
theme's icons come from one cached file (``assets/images/ikoner.svg``), never inline, and every icon names
a symbol that file has (or its button would show nothing); Material's inline scripts, the light/dark
toggle and the search dialog load from cached files. An activity page's chrome stays under a budget
(``benchmarks/page_weight.py`` prints the parts).
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from xml.etree import ElementTree

import material
import pytest

from support.sites import theme_pages

pytestmark = pytest.mark.build

SPRITE = "assets/images/ikoner.svg"
HEADER_SCRIPT = "assets/javascripts/sidehoved.js"  # the light/dark toggle and the search dialog
# An activity page's chrome in bytes (median): 13.4 kB before issue 17, 8.8 kB measured at 1,000 activities
# once the icons, the inline scripts, the light/dark toggle and the search dialog moved to cached files; the
# budget leaves room for longer titles.
ACTIVITY_CHROME_BUDGET = 9_300


def chrome(html: str) -> str:
    """The page without its own content: everything outside ``<article class="md-content__inner">``."""
    start = html.find('<article class="md-content__inner')
    end = html.rfind("</article>")
    return html if start < 0 else html[:start] + html[end + len("</article>") :]


def sprite_symbols(site: Path) -> set[str]:
    root = ElementTree.parse(site / SPRITE).getroot()  # noqa: S314 - the site's own file
    return {symbol.get("id", "") for symbol in root.iter("{http://www.w3.org/2000/svg}symbol")}


def test_no_page_carries_an_icon_inline(example_site: Path) -> None:
    """A drawn path outside the article would be an icon stored in every page again."""
    pages = theme_pages(example_site)
    assert len(pages) > 20
    inline = [p.relative_to(example_site).as_posix() for p in pages if "<path" in chrome(p.read_text("utf-8"))]
    assert inline == []


def test_every_icon_names_a_symbol_of_the_icon_file(example_site: Path) -> None:
    """In the pages (menu, search button, to the top) and in the header script (light/dark, search dialog)."""
    symbols = sprite_symbols(example_site)
    sprite = (example_site / SPRITE).resolve()
    wrong = []
    for page in theme_pages(example_site):
        uses = re.findall(r'<use href="([^"#]*)#([^"]*)"', chrome(page.read_text("utf-8")))
        assert len(uses) >= 4, page
        for file, symbol in uses:
            target = (page.parent / file).resolve() if not file.startswith("/") else example_site / file.lstrip("/")
            if target != sprite or symbol not in symbols:
                wrong.append(f"{page.relative_to(example_site)}: {file}#{symbol}")
    script = example_site / HEADER_SCRIPT
    in_script = re.findall(r'href=\\"([^"#\\]*)#([^"\\]*)\\"', script.read_text("utf-8"))  # in JSON strings
    assert len(in_script) >= 5  # light, dark, search, back, clear
    for file, symbol in in_script:
        if (script.parent / file).resolve() != sprite or symbol not in symbols:
            wrong.append(f"{HEADER_SCRIPT}: {file}#{symbol}")
    assert wrong == []


def test_no_page_carries_what_a_cached_file_holds(example_site: Path) -> None:
    """Material's inline scripts (the storage scope, the palette restore, the tab-link script), the light/dark
    toggle and the search dialog load from cached files (or not at all), once for the site."""
    for page in theme_pages(example_site):
        text = chrome(page.read_text("utf-8"))
        assert "__md_scope=" not in text and "__md_get(" not in text and "__tabbed_" not in text, page
        assert 'data-md-component="palette"' not in text and 'class="md-search"' not in text, page
        assert "lager.js" in text and "sidehoved.js" in text, page
    script = (example_site / HEADER_SCRIPT).read_text("utf-8")
    assert 'data-md-component=\\"palette\\"' in script and 'data-md-component=\\"search\\"' in script


def test_the_search_texts_come_from_a_cached_file_in_materials_danish(example_site: Path) -> None:
    """Material's search texts ("translations" of its settings) are added by ``soegetekster.js`` before
    bundle.js starts, not carried by every page; they are the Danish texts of the Material version in use."""
    script = (example_site / "assets" / "javascripts" / "soegetekster.js").read_text("utf-8")
    texts = dict(re.findall(r'"(search\.[a-z.]+)": "([^"]*)"', script))
    languages = Path(material.__file__).parent / "templates" / "partials" / "languages" / "da.html"
    danish = dict(re.findall(r'"(search\.[a-z.]+)": "([^"]*)"', languages.read_text("utf-8")))
    assert len(texts) == 7 and all(danish[key] == text for key, text in texts.items()), texts
    for page in theme_pages(example_site):
        text = chrome(page.read_text("utf-8"))
        assert "translations" not in text, page
        config, loader, bundle = (text.find(s) for s in ('id="__config"', "soegetekster.js", "bundle."))
        assert -1 < config < loader < bundle, page


def test_an_activity_pages_chrome_stays_under_its_budget(large_site: Path) -> None:
    pages = sorted((large_site / "syntetisk" / "aktiviteter").glob("*/index.html"))
    assert len(pages) == 300
    sizes = [len(chrome(p.read_text("utf-8")).encode()) for p in pages]
    assert statistics.median(sizes) <= ACTIVITY_CHROME_BUDGET, f"median chrome {statistics.median(sizes)} bytes"
