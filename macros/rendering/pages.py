"""The page set: which page each element gets, its address, and the Markdown of every generated page.

Pipeline position: after validation, before MkDocs. ``build_page_set(site)`` is a pure function of the
model; the plugin turns its ``pages`` and ``static`` files into in-memory files. The address scheme lives
here and nowhere else: ``<strategi>/`` for a strategy, ``<strategi>/<type>/`` for a list,
``<strategi>/<type>/<id>/`` for an element with a page of its own, and an ``#id`` anchor on the parent
page for the rest. Overview pages too long for one page get parts at ``<side>/del-<n>/`` (see
``realisation.split_page``); they hold no element's address. Links inside Markdown point at ``.md``
sources (MkDocs checks and rewrites them); links inside raw HTML/SVG use ``url_of``, which follows
``use_directory_urls`` exactly as MkDocs does.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from . import model, realisation, render
from .addresses import Target, page_url, relative_url
from .relations import Relations

# Section pages per strategy, in nav order: (element class, nav title, attribute on Strategy or callable).
SECTIONS: tuple[tuple[type[model.Element], str], ...] = (
    (model.Objective, "Målsætninger"),
    (model.Intervention, "Indsatser"),
    (model.Activity, "Aktiviteter"),
    (model.Goal, "Mål"),
    (model.Area, "Områder"),
    (model.Hypothesis, "Hypoteser"),
    (model.Actor, "Aktører"),
)


class Figures(Protocol):
    """What the page renderer needs from the diagram set (``diagrams.DiagramSet``)."""

    def names(self, strategy_id: str) -> list[str]: ...

    def figure(self, strategy_id: str, name: str, from_src: str) -> str: ...

    def pages(self) -> dict[str, str]: ...


# When the data records no dated change at all, pages carry this date rather than the build date, so two
# builds of the same data stay byte-identical (the sitemap's lastmod comes from it).
FALLBACK_DATE = "2000-01-01"


def changed_on(strategy: model.Strategy) -> str | None:
    """The date of the strategy's latest recorded change (``versioner``), as YYYY-MM-DD."""
    if not strategy.versioner:
        return None
    year, month, day = max(v.dato.sort_key() for v in strategy.versioner)
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass
class PageSet:
    """Generated pages (source path → Markdown), static files, nav entries, and every element's address."""

    use_directory_urls: bool
    pages: dict[str, str] = field(default_factory=dict)
    static: dict[str, str] = field(default_factory=dict)
    nav: list[dict[str, Any]] = field(default_factory=list)
    in_nav: set[str] = field(default_factory=set)
    targets: dict[tuple[str, str], Target] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)  # page source → date its content last changed
    site_date: str = FALLBACK_DATE

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
    if isinstance(element, model.Strategy):
        return f"{strategy.id}/index.md"
    return f"{strategy.id}/{element.segment}/{element.id}.md"


def section_src(strategy: model.Strategy, cls: type[model.Element]) -> str:
    return f"{strategy.id}/{cls.segment}/index.md"


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


def address_book(site: model.Site, use_directory_urls: bool = True) -> PageSet:
    """Every element's address, before any page is rendered (diagrams need it to draw links)."""
    page_set = PageSet(use_directory_urls)
    for strategy in site.strategies:
        page_set.targets.update(_targets(strategy))
    return page_set


def build_page_set(site: model.Site, use_directory_urls: bool = True, figures: Figures | None = None,
                   page_set: PageSet | None = None) -> PageSet:
    """Every generated page of the site, as a pure function of the model (and the rendered figures)."""
    page_set = page_set or address_book(site, use_directory_urls)
    dates = [d for d in map(changed_on, site.strategies) if d]
    page_set.site_date = max(dates, default=FALLBACK_DATE)
    extra_pages = figures.pages() if figures is not None else {}
    for strategy in site.strategies:
        before = set(page_set.pages)
        _strategy_pages(strategy, page_set, figures, extra_pages)
        own_date = changed_on(strategy) or page_set.site_date
        page_set.dates.update(dict.fromkeys(set(page_set.pages) - before, own_date))
    page_set.static["links.json"] = link_map(site, page_set)
    return page_set


def _strategy_pages(strategy: model.Strategy, page_set: PageSet, figures: Figures | None,
                    extra_pages: dict[str, str]) -> None:
    relations = Relations(strategy)
    overview = f"{strategy.id}/index.md"
    context = render.Context(strategy, relations, page_set, overview, figures)
    page_set.pages[overview] = render.strategy_page(context)
    if len(page_set.pages[overview]) > render.PART_MAX and strategy.forbindelser:  # too long: a page of their own
        connections = realisation.connections_src(strategy)
        page_set.pages.update(realisation.connections_pages(context.at(connections)))
        page_set.pages[overview] = render.strategy_page(context, connections)
    nav: list[dict[str, str]] = [{"Overblik": overview}]
    for cls, title in SECTIONS:
        elements = [e for e in strategy.elements.values() if type(e) is cls]
        if not elements:
            continue
        src = section_src(strategy, cls)
        page_set.pages[src] = render.section_page(context.at(src), cls, title, elements)
        nav.append({title: src})
        for element in elements:
            element_page = element_src(strategy, element)
            page_set.pages[element_page] = render.element_page(context.at(element_page), element)
            for old in element.tidligere_id:
                _redirect(page_set, strategy, element, old)
    page_set.pages.update(realisation.realisation_pages(strategy, page_set, relations))
    nav.extend(realisation.realisation_nav(strategy))
    diagram_page = f"{strategy.id}/diagrammer/index.md"
    if diagram_page in extra_pages:
        page_set.pages[diagram_page] = extra_pages[diagram_page]
        nav.append({"Diagrammer": diagram_page})
    page_set.in_nav.update(src for entry in nav for src in entry.values())
    page_set.nav.append({html.escape(strategy.titel, quote=False): nav})  # Material prints nav titles as HTML


def _redirect(page_set: PageSet, strategy: model.Strategy, element: model.Element, old: str) -> None:
    """A real page at an earlier id's address that sends the reader on to the element's page."""
    old_src = f"{strategy.id}/{element.segment}/{old}.md"
    old_url = page_url(old_src, page_set.use_directory_urls)
    out_path = old_url + "index.html" if page_set.use_directory_urls else old_url
    target = relative_url(old_url, page_set.url_of(strategy.id, element.id))
    page_set.static[out_path] = render.template("redirect.html.j2", target=target, element=element)


def link_map(site: model.Site, page_set: PageSet) -> str:
    """``links.json``: every element's address, title, type and strategy, for intranets and tools."""
    entries = []
    for strategy in site.strategies:
        for element in strategy.elements.values():
            entries.append({
                "strategi": strategy.id,
                "id": element.id,
                "type": element.kind,
                "titel": element.titel,
                "nr": element.nr,
                "url": page_set.url_of(strategy.id, element.id),
                "tidligere_id": list(element.tidligere_id),
            })
    # One element per line: a third smaller than indented JSON, and a diff of two builds shows one line per
    # changed element.
    description = json.dumps("Alle elementer med deres faste adresse (relativ til sitets rod).", ensure_ascii=False)
    lines = ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in entries)
    return f'{{"beskrivelse": {description},\n"elementer": [\n{lines}\n]}}\n'

