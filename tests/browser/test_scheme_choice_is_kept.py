"""Issue 17: a reader's light or dark choice holds on the next page, set before the page is drawn.

Material keeps the choice in localStorage under the site's address and sets it on ``<body>`` from a script
right after the toggle. Both scripts now load from cached files (``assets/javascripts/lager.js`` works out
the site's address from its own; ``farvetema.js`` sets the scheme) instead of standing inline in every
page, so this checks the choice survives a move to a page in another folder, and a reload.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.sites import link_map

from .conftest import OpenContext
from .kit import DESKTOP

pytestmark = pytest.mark.browser


def test_dark_chosen_on_the_front_page_holds_on_an_element_page(
    example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    page = open_context(viewport=DESKTOP).new_page()
    page.goto(site_url)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate("Object.keys(localStorage)") == ["/.__palette"]  # the site's address, as Material keeps it
    indsats = next(e["url"] for e in link_map(example_site) if e["type"] == "indsats" and "#" not in e["url"])
    page.goto(site_url + indsats)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", indsats
    assert page.locator("form[data-md-component=palette] label:visible").get_attribute("title") == (
        "Skift til lyst tema"
    )
    # Without Material's bundle only the cached scripts can have set it, while the page was parsed.
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "set by the bundle, not before drawing"
