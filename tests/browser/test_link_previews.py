"""Issue 14, must show 4: every kind of page tells a link preview what it is, and asks no other host.

One page of each kind of the example site (front page, guide, a strategy, each list, each kind of element,
each realisation page, diagrams, "Data og download") is opened in Chromium, and the head the browser parsed
is read back: a meta description, an Open Graph title and description, a canonical address that is this
page's own address on the published site, breadcrumb data that parses as JSON-LD and ends at this page,
and the feeds announced. The request guard of ``conftest`` fails the test if any page asked another host.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import OpenContext
from .kit import DESKTOP, site_pages
from .test_privacy import one_page_of_each_kind

pytestmark = pytest.mark.browser

PUBLISHED = "https://strategier.example.dk/"  # site_url of mkdocs.yml

READ_HEAD = """() => {
  const meta = (key) => document.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.content ?? "";
  return {
    description: meta("description"),
    ogTitle: meta("og:title"),
    ogDescription: meta("og:description"),
    canonical: document.querySelector('link[rel="canonical"]')?.href ?? "",
    breadcrumbs: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
    feeds: [...document.querySelectorAll('link[rel~="alternate"][type="application/atom+xml"]')].map((l) => l.href),
  };
}"""


def test_every_kind_of_page_has_a_description_og_title_and_canonical_link(
    example_site: Path, site_url: str, open_context: OpenContext
) -> None:
    pages = [p for p in one_page_of_each_kind(site_pages(example_site)) if not p.startswith("404")]
    kinds = {path.split("/")[1] if path.count("/") > 1 else path for path in pages}
    assert {"", "vejledning/", "data", "aktiviteter", "indsatser", "aendringer", "diagrammer"} <= kinds
    page = open_context(viewport=DESKTOP).new_page()
    for path in pages:
        page.goto(site_url + path)
        head = page.evaluate(READ_HEAD)
        assert head["description"] and head["ogTitle"] and head["ogDescription"], path
        assert head["canonical"] == PUBLISHED + path, path
        crumbs = json.loads(head["breadcrumbs"][0])
        assert crumbs["@type"] == "BreadcrumbList", path
        assert crumbs["itemListElement"][-1]["item"] == PUBLISHED + path, path
        assert site_url + "aendringer.xml" in head["feeds"], path
