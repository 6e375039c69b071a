"""Atom feeds of the change log: one per strategy and one for the whole site.

Pipeline position: an export beside the pages, made from the model's ``versioner``, the anchors of
``derived.history`` and the address book. Every entry is one change: its text, who decided it, the elements it
names (linked), dated by the change; it links to the change on the strategy's Ændringer page. Addresses are
absolute when the site has a ``site_url`` (feed readers need them), else relative to the site's root through
``xml:base``; ids are those addresses, or a name-based UUID without a ``site_url``. RFC 4287: a feed without a
change still has a title, id, updated and author, and is valid with no entry. ``updated`` is the newest
change's date; without any, the date the sitemap gives the pages (``derived.timeline.FALLBACK_DATE``), so two
builds stay byte-identical.
"""

from __future__ import annotations

import html
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .. import model
from ..derived.addresses import AddressBook, page_url
from ..derived.downloads import SITE_FEED, feed_path
from ..derived.history import Change, changes, iso_date
from ..derived.timeline import FALLBACK_DATE
from ..derived.words import date_text, vocabulary

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
MEDIA_TYPE = "application/atom+xml"
ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Entry:
    strategy: model.Strategy
    change: Change


def _tag(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    child = ET.SubElement(parent, _tag(name), attributes)
    child.text = text
    return child


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"


class FeedWriter:
    """Writes the feeds of one site; ``site_url`` is "" when the site has none (links stay relative)."""

    def __init__(self, book: AddressBook, site_url: str) -> None:
        self.book = book
        self.site_url = site_url

    def url(self, path: str) -> str:
        return self.site_url + path

    def ident(self, path: str) -> str:
        """An entry's or feed's permanent id: its address, or a UUID made from it when there is no site_url."""
        return self.url(path) if self.site_url else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'strategi:' + path)}"

    def changes_path(self, strategy: model.Strategy) -> str:
        return page_url(f"{strategy.id}/aendringer.md", self.book.use_directory_urls)

    def strategy_feed(self, strategy: model.Strategy) -> bytes:
        entries = [Entry(strategy, change) for change in changes(strategy)]
        return self._feed(
            f"Ændringer i {strategy.titel}",
            f"Ændringsloggen for {strategy.titel} ({strategy.organisation.kommune}), nyeste først.",
            feed_path(strategy.id),
            self.changes_path(strategy),
            strategy.organisation.kommune,
            entries,
            prefix=False,
        )

    def site_feed(self, site: model.Site, site_name: str) -> bytes:
        entries = [Entry(strategy, change) for strategy in site.strategies for change in changes(strategy)]
        entries.sort(key=lambda entry: entry.change.date_key, reverse=True)
        authors = ", ".join(dict.fromkeys(s.organisation.kommune for s in site.strategies)) or site_name
        return self._feed(
            f"Ændringer – {site_name}",
            "Ændringsloggen for alle strategier på sitet, nyeste først.",
            SITE_FEED,
            "",
            authors,
            entries,
            prefix=True,
        )

    def _feed(
        self, title: str, subtitle: str, path: str, page: str, author: str, entries: list[Entry], prefix: bool
    ) -> bytes:
        attributes = {f"{{{XML}}}lang": "da"}
        if not self.site_url:  # addresses are relative to the site's root: say where that is from the feed
            attributes[f"{{{XML}}}base"] = "../" * path.count("/") or "./"
        feed = ET.Element(_tag("feed"), attributes)
        _sub(feed, "title", title)
        _sub(feed, "subtitle", subtitle)
        _sub(feed, "id", self.ident(path))
        _sub(feed, "link", rel="self", type=MEDIA_TYPE, href=self.url(path))
        _sub(feed, "link", rel="alternate", type="text/html", href=self.url(page) or "./")
        newest = iso_date(entries[0].change.version.dato) if entries else FALLBACK_DATE
        _sub(feed, "updated", _timestamp(newest))
        _sub(_sub(feed, "author"), "name", author)
        for entry in entries:
            self._entry(feed, entry, prefix)
        ET.indent(feed)
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + bytes(ET.tostring(feed, encoding="utf-8")) + b"\n"

    def _entry(self, feed: ET.Element, entry: Entry, prefix: bool) -> None:
        strategy, version = entry.strategy, entry.change.version
        target = f"{self.changes_path(strategy)}#{entry.change.anchor}"
        node = _sub(feed, "entry")
        _sub(node, "title", f"{strategy.titel}: {version.aendring}" if prefix else version.aendring)
        _sub(node, "id", self.ident(f"{strategy.id}/{entry.change.anchor}") if not self.site_url else self.url(target))
        _sub(node, "link", rel="alternate", type="text/html", href=self.url(target))
        words = vocabulary(strategy)
        named = [(strategy.elements[i], words.heading(strategy.elements[i])) for i in dict.fromkeys(version.elementer)]
        for element, heading in named:
            _sub(
                node,
                "link",
                rel="related",
                type="text/html",
                href=self.url(self.book.url_of(strategy.id, element.id)),
                title=heading,
            )
        _sub(node, "updated", _timestamp(iso_date(version.dato)))
        _sub(node, "content", self._content(strategy, version, named), type="html")

    def _content(self, strategy: model.Strategy, version: model.Version, named: list[tuple[model.Element, str]]) -> str:
        """The entry's text as HTML (escaped once more by the XML writer, as ``type="html"`` asks)."""
        parts = [f"<p>{html.escape(version.aendring)}</p>", f"<p>Dato: {html.escape(date_text(version.dato))}</p>"]
        if version.besluttet_af:
            parts.append(f"<p>Besluttet af: {html.escape(version.besluttet_af)}</p>")
        if named:
            links = "".join(
                f'<li><a href="{html.escape(self.url(self.book.url_of(strategy.id, e.id)))}">'
                f"{html.escape(heading)}</a></li>"
                for e, heading in named
            )
            parts.append(f"<p>Ændringen gælder:</p><ul>{links}</ul>")
        return "".join(parts)
