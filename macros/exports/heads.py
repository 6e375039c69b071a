"""What each page's head says about it: description, breadcrumb data, feeds, and when the data last changed.

Pipeline position: an export beside the pages, made from the model, the address book and the download
list; the plugin hands each page its ``PageHead`` and ``overrides/partials/strategi-head.html`` writes it
(meta description, Open Graph, JSON-LD ``BreadcrumbList``, feed links), ``partials/source-file.html`` the
"Senest opdateret" line. Pages are told apart by their source path, as the address book and the page set
name them: an element's own page, a list page, another page of a strategy, or an editor's own page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .. import model
from ..derived.addresses import AddressBook, page_url, section_src
from ..derived.downloads import SITE_FEED, feed_path
from ..derived.history import changes
from ..derived.words import Vocabulary, date_text, vocabulary

DESCRIPTION_MAX = 160  # what search engines and link previews show
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s*|>\s?|\|)", re.MULTILINE)
_MARKS = re.compile(r"[*_`|]+")


def plain_text(markdown: str) -> str:
    """Editor text in the safe Markdown subset as one line of plain text (links by their words)."""
    text = _LINK.sub(r"\1", markdown)
    text = _LINE_START.sub("", text)
    text = _MARKS.sub(" ", text)
    return " ".join(text.split())


def shorten(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def script_json(value: object) -> str:
    """JSON that can stand inside ``<script>``: no ``<``, ``>`` or ``&`` that could end or open a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class Updated:
    """When the data behind a page last changed: ISO date for ``<time>``, Danish words, the change log."""

    iso: str
    text: str
    changes_path: str  # site path of the Ændringer page, or "" (an editor's page: all strategies)


@dataclass(frozen=True)
class PageHead:
    title: str  # plain text, for og:title
    description: str  # plain text; "" leaves the page's own (front matter) or the site's description
    breadcrumbs: str  # JSON-LD, ready for <script type="application/ld+json">; "" without a site_url
    feeds: tuple[tuple[str, str], ...]  # (title, site path) of the Atom feeds to announce
    updated: Updated | None
    previews: bool  # whether to write Open Graph and breadcrumb data at all


Crumb = tuple[str, str]  # name, page source


class PageHeads:
    """Looks up what the head of any page says; made once per build."""

    def __init__(
        self, site: model.Site, book: AddressBook, site_url: str, site_name: str, *, previews: bool, feeds: bool
    ) -> None:
        self.site, self.book, self.site_url, self.site_name = site, book, site_url, site_name
        self.previews, self.feeds = previews, feeds
        self.strategies: dict[str, model.Strategy] = {s.id: s for s in site.strategies}
        self.words: dict[str, Vocabulary] = {s.id: vocabulary(s) for s in site.strategies}
        self.own_pages: dict[str, tuple[model.Strategy, model.Element]] = {}
        self.sections: dict[str, tuple[model.Strategy, type[model.Element]]] = {}
        for strategy in site.strategies:
            for element in strategy.elements.values():
                target = book.target(strategy.id, element.id)
                if not target.anchor:
                    self.own_pages[target.src] = (strategy, element)
                    if not isinstance(element, model.Strategy):
                        self.sections[section_src(strategy, type(element))] = (strategy, type(element))
        self.updates = {s.id: self._updated(s) for s in site.strategies}
        newest = max((c for s in site.strategies for c in changes(s)[:1]), key=lambda c: c.date_key, default=None)
        self.site_update = Updated(str(newest.version.dato), date_text(newest.version.dato), "") if newest else None

    def _updated(self, strategy: model.Strategy) -> Updated | None:
        found = changes(strategy)
        if not found:
            return None
        date = found[0].version.dato
        return Updated(
            str(date), date_text(date), page_url(f"{strategy.id}/aendringer.md", self.book.use_directory_urls)
        )

    def head(self, src: str, title: str) -> PageHead:
        """The head of the page built from ``src``, whose title (plain text) is ``title``."""
        strategy = self.strategies.get(src.split("/", 1)[0]) if "/" in src else None
        description, crumbs = self._about(src, title, strategy)
        feeds: list[tuple[str, str]] = []
        if self.feeds:
            feeds.append((f"Ændringer – {self.site_name}", SITE_FEED))
            if strategy is not None:
                feeds.append((f"Ændringer i {strategy.titel}", feed_path(strategy.id)))
        return PageHead(
            title,
            shorten(description) if self.previews else "",
            self._breadcrumbs(crumbs) if self.previews and self.site_url else "",
            tuple(feeds),
            self.updates[strategy.id] if strategy is not None else self.site_update,
            self.previews,
        )

    def _about(self, src: str, title: str, strategy: model.Strategy | None) -> tuple[str, list[Crumb]]:
        """The page's description ("" for an editor's page: its front matter or the site's) and breadcrumbs."""
        home: list[Crumb] = [(self.site_name, "index.md")]
        if strategy is None:
            return "", home if src == "index.md" else [*home, (title, src)]
        trail = [*home, (strategy.titel, f"{strategy.id}/index.md")]
        where = f"{strategy.titel} ({strategy.organisation.kommune})"
        if src in self.own_pages:
            _, element = self.own_pages[src]
            return self._element_text(strategy, element, where), self._element_trail(strategy, element, trail)
        if src in self.sections:
            _, cls = self.sections[src]
            words = self.words[strategy.id]
            return f"Alle {words.plural(cls.kind)} i {where}.", [*trail, (words.Plural(cls.kind), src)]
        if strategy.titel in title:  # "Ændringer – Varige spor": the page's title names the strategy already
            return f"{title} ({strategy.organisation.kommune}).", [*trail, (title, src)]
        return f"{title} – {where}.", [*trail, (title, src)]

    def _element_text(self, strategy: model.Strategy, element: model.Element, where: str) -> str:
        texts: list[str | None] = [element.beskrivelse]
        if isinstance(element, model.Strategy):
            texts = [element.vision, element.formaal, element.beskrivelse]
        text = next((plain_text(t) for t in texts if t and plain_text(t)), "")
        words = self.words[strategy.id]
        return text or f"{words.heading(element)}: {words.singular(element.kind)} i {where}."

    def _element_trail(self, strategy: model.Strategy, element: model.Element, trail: list[Crumb]) -> list[Crumb]:
        if isinstance(element, model.Strategy):
            return trail
        words = self.words[strategy.id]
        trail = [*trail, (words.Plural(element.kind), section_src(strategy, type(element)))]
        parent = strategy.parents.get(element.id)
        if parent is not None and not self.book.target(strategy.id, parent.id).anchor:
            trail.append((words.heading(parent), self.book.target(strategy.id, parent.id).src))
        return [*trail, (words.heading(element), self.book.target(strategy.id, element.id).src)]

    def _breadcrumbs(self, crumbs: list[Crumb]) -> str:
        items = [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": self.site_url + page_url(src, self.book.use_directory_urls),
            }
            for position, (name, src) in enumerate(crumbs, 1)
        ]
        return script_json({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
