"""Issue 6: no request leaves the site and no cookie is set, on any page and while searching.

Every browser test already fails on a request to another host (the guard in ``conftest``), and the axe
test loads every page that way; this test visits one page of each kind in one context, uses the search
and the colour switch, and then looks at the cookie jar. A second check reads the built HTML for hints
a browser acts on without a request the guard can see (``preconnect``, ``dns-prefetch``) and for any
resource fetched from another host.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.html import read_file

from .conftest import OpenContext
from .kit import DESKTOP, SiteSearch, SuiteReport, site_pages

pytestmark = pytest.mark.browser


def one_page_of_each_kind(pages: list[str]) -> list[str]:
    """The first page of each kind: same depth and same section ("varige-spor/aktiviteter/x/" is an activity)."""
    kinds: dict[tuple[int, str], str] = {}
    for path in pages:
        parts = path.split("/")
        kinds.setdefault((len(parts), parts[1] if len(parts) > 2 else parts[0]), path)
    return list(kinds.values())


def test_no_page_sets_a_cookie_or_asks_another_host(
    example_site: Path, site_url: str, open_context: OpenContext, report: SuiteReport
) -> None:
    context = open_context(viewport=DESKTOP)
    page = context.new_page()
    for path in one_page_of_each_kind(site_pages(example_site)):
        page.goto(site_url + path)
    search = SiteSearch(page, site_url)
    search.open()
    search.type("forebyggelse")
    page.keyboard.press("Escape")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    guard = open_context.guard_of(context)
    assert any(url.endswith("/search/search_index.json") for url in guard.allowed), (
        "the guard never saw the search worker's requests, so it cannot vouch for them"
    )
    assert guard.blocked == []
    report.cookies = len(context.cookies())
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""


def test_no_page_refers_to_a_resource_on_another_host(example_site: Path) -> None:
    found = []
    for html in sorted(example_site.rglob("*.html")):
        found += [f"{html.relative_to(example_site)}: {ref}" for ref in read_file(html).fetched_from_other_hosts()]
    assert not found, "\n".join(found)
