"""The page set: which page each element gets, its address, and the Markdown of every generated page.

Pipeline position: after validation, before MkDocs. ``build_page_set(site)`` is a pure function of the
model; the plugin turns its ``pages`` into in-memory files. The address scheme lives here and nowhere
else: ``<strategi>/`` for a strategy, ``<strategi>/<type>/`` for a list, ``<strategi>/<type>/<id>/`` for
an element with a page of its own, and an ``#id`` anchor on the parent page for the rest. Links inside
Markdown point at ``.md`` sources (MkDocs checks and rewrites them); links inside raw HTML/SVG use
``url_of``, which follows ``use_directory_urls`` exactly as MkDocs does.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from . import model, render


@dataclass(frozen=True)
class Target:
    """Where an element is published: the Markdown source of its page and the anchor on it, if any."""

    src: str
    anchor: str = ""


@dataclass
class PageSet:
    """Generated pages (source path → Markdown), the nav entries, and every element's address."""

    use_directory_urls: bool
    pages: dict[str, str] = field(default_factory=dict)
    nav: list[dict[str, Any]] = field(default_factory=list)
    in_nav: set[str] = field(default_factory=set)
    targets: dict[tuple[str, str], Target] = field(default_factory=dict)

    def target(self, strategy_id: str, element_id: str) -> Target:
        return self.targets[(strategy_id, element_id)]

    def url_of(self, strategy_id: str, element_id: str) -> str:
        """The site-root-relative URL of an element ("varige-spor/indsatser/x/" or "….html#id")."""
        target = self.target(strategy_id, element_id)
        url = page_url(target.src, self.use_directory_urls)
        return f"{url}#{target.anchor}" if target.anchor else url


def page_url(src: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives the page built from ``src`` (mirrors ``File._get_url``)."""
    stem = src[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_link(from_src: str, to: Target) -> str:
    """A Markdown link target from one source page to another element's page (and anchor)."""
    path = posixpath.relpath(to.src, posixpath.dirname(from_src) or ".")
    return f"{path}#{to.anchor}" if to.anchor else path


def element_src(strategy: model.Strategy, element: model.Element) -> str:
    if isinstance(element, model.Strategy):
        return f"{strategy.id}/index.md"
    return f"{strategy.id}/{element.segment}/{element.id}.md"


def _targets(strategy: model.Strategy) -> dict[tuple[str, str], Target]:
    overview = f"{strategy.id}/index.md"
    found: dict[tuple[str, str], Target] = {}
    for element in strategy.elements.values():
        if isinstance(element, model.Strategy) or element.segment:
            found[(strategy.id, element.id)] = Target(element_src(strategy, element))
        elif isinstance(element, model.Indicator):
            parent = strategy.parents[element.id]
            found[(strategy.id, element.id)] = Target(element_src(strategy, parent), element.id)
        else:  # themes and processes live on the overview
            found[(strategy.id, element.id)] = Target(overview, element.id)
    return found


def build_page_set(site: model.Site, use_directory_urls: bool = True) -> PageSet:
    """Every generated page of the site, as a pure function of the model."""
    page_set = PageSet(use_directory_urls)
    for strategy in site.strategies:
        page_set.targets.update(_targets(strategy))
    for strategy in site.strategies:
        overview = f"{strategy.id}/index.md"
        page_set.pages[overview] = render.strategy_page(strategy, page_set)
        page_set.in_nav.add(overview)
        page_set.nav.append({strategy.titel: [{"Overblik": overview}]})
    return page_set
