"""Addresses: where each element is published, and how one page links to another.

Pipeline position: derived from the model, before anything renders. ``address_book(site)`` gives the
frozen ``AddressBook``: every element's page (and anchor), complete before a single page or diagram is
drawn, so renderers and diagrams look addresses up and never decide them. The scheme lives here and
nowhere else: ``<strategi>/`` for a strategy, ``<strategi>/<type>/`` for a list, ``<strategi>/<type>/<id>/``
for an element with a page of its own, and an ``#id`` anchor on the parent page for the rest.

Links inside Markdown point at ``.md`` sources (MkDocs checks and rewrites them: ``relative_link``); links
inside raw HTML/SVG use ``AddressBook.href``/``relative_url``, which follow ``use_directory_urls`` exactly
as MkDocs does, relative so the site works under any sub-path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .. import model


@dataclass(frozen=True)
class Target:
    """Where an element is published: the Markdown source of its page and the anchor on it, if any."""

    src: str
    anchor: str = ""


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


def relative_url(from_url: str, to_url: str) -> str:
    """``to_url`` (site-root-relative) as seen from the page at ``from_url``."""
    base = from_url.rsplit("/", 1)[0] if "/" in from_url else ""
    path, _, anchor = to_url.partition("#")
    rel = relpath(path, base)
    if path.endswith("/") and rel != ".":
        rel += "/"
    rel = "./" if rel == "." else rel
    return f"{rel}#{anchor}" if anchor else rel


def relative_link(from_src: str, to: Target) -> str:
    """A Markdown link target from one source page to another element's page (and anchor)."""
    path = relpath(to.src, from_src.rsplit("/", 1)[0] if "/" in from_src else "")
    return f"{path}#{to.anchor}" if to.anchor else path


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path or ".", start or ".")`` for site-relative paths, without its file-system calls.

    Both are relative to the site root ("" is the root). Paths this module makes are plain (no ".", "..",
    or doubled "/"); anything else goes to ``posixpath.relpath``.
    """
    to = path.rstrip("/").split("/") if path.strip("/") else []
    here = start.rstrip("/").split("/") if start.strip("/") else []
    if path.startswith("/") or start.startswith("/") or not all(part not in {"", ".", ".."} for part in to + here):
        return posixpath.relpath(path or ".", start or ".")
    common = 0
    for mine, theirs in zip(to, here, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


@dataclass(frozen=True)
class AddressBook:
    """Every element's address (strategy id, element id → ``Target``), frozen before anything renders."""

    use_directory_urls: bool
    targets: Mapping[tuple[str, str], Target]

    def target(self, strategy_id: str, element_id: str) -> Target:
        return self.targets[(strategy_id, element_id)]

    def url_of(self, strategy_id: str, element_id: str) -> str:
        """The site-root-relative URL of an element ("varige-spor/indsatser/x/" or "….html#id")."""
        target = self.target(strategy_id, element_id)
        url = page_url(target.src, self.use_directory_urls)
        return f"{url}#{target.anchor}" if target.anchor else url

    def href(self, from_src: str, strategy_id: str, element_id: str) -> str:
        """A URL for raw HTML on the page built from ``from_src`` (relative, so sub-path hosting works)."""
        return relative_url(page_url(from_src, self.use_directory_urls), self.url_of(strategy_id, element_id))


def element_src(strategy: model.Strategy, element: model.Element) -> str:
    """The Markdown source of the page an element with a page of its own gets."""
    if isinstance(element, model.Strategy):
        return f"{strategy.id}/index.md"
    return f"{strategy.id}/{element.segment}/{element.id}.md"


def section_src(strategy: model.Strategy, cls: type[model.Element]) -> str:
    """The list page of one kind of element (``<strategi>/<type>/index.md``)."""
    return f"{strategy.id}/{cls.segment}/index.md"


def diagram_page_src(strategy_id: str) -> str:
    """The strategy's diagram page; its folder holds the diagrams' SVG and PDF files."""
    return f"{strategy_id}/diagrammer/index.md"


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


def address_book(site: model.Site, use_directory_urls: bool = True) -> AddressBook:
    """Every element's address, before any page or diagram is drawn."""
    targets: dict[tuple[str, str], Target] = {}
    for strategy in site.strategies:
        targets.update(_targets(strategy))
    return AddressBook(use_directory_urls, MappingProxyType(targets))
