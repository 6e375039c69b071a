"""The page set: the Markdown of every generated page, the nav entries, and the files published with them.

Pipeline position: the top of the rendering layer. ``build_page_set(site, book, figures)`` is a pure
function of the model, the frozen address book and the rendered diagrams; the MkDocs plugin turns its
``pages`` and ``static`` files (redirects from earlier ids) into in-memory files. Which page an element
gets is the address book's business (``derived.addresses``); this module fills each address with its page.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import model
from ..derived.addresses import AddressBook, diagram_page_src, element_src, page_url, relative_url, section_src
from ..derived.downloads import NO_DOWNLOADS, Downloads, data_page_src
from ..derived.relations import Relations
from ..derived.timeline import FALLBACK_DATE, changed_on
from ..diagrams.figures import DiagramSet
from . import splitting
from .connections import connections_pages, connections_src
from .context import Context, render_now
from .downloads import data_page
from .elements import element_page, section_page, strategy_page
from .figures import diagram_page
from .memo import PageMemo
from .realisation import realisation_nav, realisation_pages
from .templating import template

# Section pages per strategy, in nav order, titled with the strategy's own plural word for the kind
# (the address keeps the kind's fixed segment, so a changed word breaks no link).
SECTIONS: tuple[type[model.Element], ...] = (
    model.Objective,
    model.Resource,
    model.Intervention,
    model.Activity,
    model.Goal,
    model.ExternalFactor,
    model.Area,
    model.Hypothesis,
    model.Actor,
)


@dataclass
class PageSet:
    """Generated pages (source path → Markdown), redirect pages, nav entries and each page's date."""

    pages: dict[str, str] = field(default_factory=dict)
    static: dict[str, str] = field(default_factory=dict)  # site path → HTML of an earlier id's redirect
    nav: list[dict[str, Any]] = field(default_factory=list)
    in_nav: set[str] = field(default_factory=set)
    dates: dict[str, str] = field(default_factory=dict)  # page source → date its content last changed
    site_date: str = FALLBACK_DATE


def build_page_set(
    site: model.Site,
    book: AddressBook,
    figures: DiagramSet | None = None,
    downloads: Downloads = NO_DOWNLOADS,
    memo: PageMemo | None = None,
) -> PageSet:
    """Every generated page of the site, as a pure function of the model, its addresses, its figures and the
    files published for download (made by the exports before any page). With ``memo`` (``mkdocs serve``),
    a page whose inputs did not change since the memo's last build is kept instead of rendered again (the
    memo compares every model value and diagram the page read, and the address book)."""
    if memo is None:
        return _page_set(site, book, figures, downloads, render_now)
    with memo.build(site, figures, book):
        return _page_set(site, book, figures, downloads, memo.unit)


Unit = Callable[..., Any]  # (key, render, *inputs) → render's output, perhaps kept: ``Context.unit``


def _page_set(
    site: model.Site, book: AddressBook, figures: DiagramSet | None, downloads: Downloads, unit: Unit
) -> PageSet:
    page_set = PageSet()
    dates = [d for d in map(changed_on, site.strategies) if d]
    page_set.site_date = max(dates, default=FALLBACK_DATE)
    for strategy in site.strategies:
        before = set(page_set.pages)
        _strategy_pages(strategy, book, page_set, figures, downloads, unit)
        own_date = changed_on(strategy) or page_set.site_date
        page_set.dates.update(dict.fromkeys(set(page_set.pages) - before, own_date))
    return page_set


def _strategy_pages(
    strategy: model.Strategy,
    book: AddressBook,
    page_set: PageSet,
    figures: DiagramSet | None,
    downloads: Downloads,
    unit: Unit,
) -> None:
    before = set(page_set.pages)
    relations = Relations(strategy)
    overview = f"{strategy.id}/index.md"
    context = Context(strategy, relations, book, overview, figures, unit)
    page_set.pages[overview] = unit(overview, lambda: strategy_page(context))
    for old in strategy.tidligere_id:  # the strategy's earlier address: a folder of its own at the top
        _redirect(page_set, book, strategy, strategy, old)
    if len(page_set.pages[overview]) > splitting.PART_MAX and strategy.forbindelser:  # too long: a page of their own
        connections = connections_src(strategy)
        page_set.pages.update(unit(connections, lambda: connections_pages(context.at(connections))))
        page_set.pages[overview] = unit((overview, connections), lambda: strategy_page(context, connections))
    nav: list[dict[str, str]] = [{"Overblik": overview}]
    for cls in SECTIONS:
        elements = [e for e in strategy.elements.values() if type(e) is cls]
        if not elements:
            continue
        title = context.words.Plural(cls.kind)
        src = section_src(strategy, cls)
        page_set.pages[src] = unit(src, functools.partial(section_page, context.at(src), cls, title, elements))
        nav.append({html.escape(title, quote=False): src})  # Material prints nav titles as HTML
        for element in elements:
            own = element_src(strategy, element)
            page_set.pages[own] = unit(own, functools.partial(element_page, context.at(own), element))
            for old in element.tidligere_id:
                _redirect(page_set, book, strategy, element, old)
    page_set.pages.update(realisation_pages(strategy, book, relations, figures, unit))
    nav.extend(realisation_nav(strategy))
    diagrams_src = diagram_page_src(strategy.id)
    diagrams = (
        unit(diagrams_src, lambda: diagram_page(figures, book, strategy.id, strategy.titel))
        if figures is not None
        else None
    )
    if diagrams is not None:
        page_set.pages[diagrams_src] = diagrams
        nav.append({"Diagrammer": diagrams_src})
    elif figures is not None:  # a link to the diagram page must not break when no diagram is left for it
        _send_on(page_set, book, strategy, diagrams_src, strategy, gone=True)
    if strategy.sprog != SITE_LANGUAGE:
        for src in set(page_set.pages) - before:
            page_set.pages[src] = in_language(page_set.pages[src], strategy.sprog)
    # the data page is the site's own words about the files, in the site's language
    if downloads.of(strategy.id):
        page_set.pages[data_page_src(strategy.id)] = data_page(strategy, downloads, data_page_src(strategy.id))
        nav.append({"Data og download": data_page_src(strategy.id)})
    page_set.in_nav.update(src for entry in nav for src in entry.values())
    page_set.nav.append({html.escape(strategy.titel, quote=False): nav})  # Material prints nav titles as HTML


def element_page_markdown(
    site: model.Site, book: AddressBook, figures: DiagramSet | None, src: str, relations: Relations | None = None
) -> str | None:
    """The Markdown ``build_page_set`` gives ``src`` when it is an element's own page (an activity's, say),
    made alone; None for any other page. ``mkdocs serve`` shows the page of what an editor changed this way
    before the whole page set is made (``build.quick``)."""
    parts = src.removesuffix(".md").split("/")
    if len(parts) != 3 or not src.endswith(".md"):
        return None
    sid, segment, element_id = parts
    try:
        strategy = site.strategy(sid)
    except KeyError:
        return None
    element = strategy.elements.get(model.ElementId(element_id))
    if element is None or type(element) not in SECTIONS or element.segment != segment:
        return None
    relations = relations if relations is not None else Relations(strategy)
    context = Context(strategy, relations, book, f"{sid}/index.md", figures)
    markdown = element_page(context.at(src), element)
    return markdown if strategy.sprog == SITE_LANGUAGE else in_language(markdown, strategy.sprog)


SITE_LANGUAGE = "da"  # the language of the site's own words (theme.language in mkdocs.yml)
_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---\n", re.DOTALL)


def in_language(markdown: str, language: str) -> str:
    """A generated page of a strategy written in another language than the site's: its content in a block
    marked with the strategy's language (``lang="sv"``), so screen readers read it with the right voice and
    browsers hyphenate it right; the front matter stays outside."""
    match = _FRONT_MATTER.match(markdown)
    head, body = (match.group(0), markdown[match.end() :]) if match else ("", markdown)
    return f'{head}\n<div class="strategi-sprog" lang="{language}" markdown>\n\n{body}\n\n</div>\n'


def _redirect(page_set: PageSet, book: AddressBook, strategy: model.Strategy, element: model.Element, old: str) -> None:
    """A real page at an earlier id's address that sends the reader on to the element's page (a strategy's
    earlier id is a top-level folder, as its id is)."""
    old_src = f"{old}/index.md" if element is strategy else f"{strategy.id}/{element.segment}/{old}.md"
    _send_on(page_set, book, strategy, old_src, element)


def _send_on(
    page_set: PageSet,
    book: AddressBook,
    strategy: model.Strategy,
    src: str,
    element: model.Element,
    *,
    gone: bool = False,
) -> None:
    """A real page at ``src``'s address that sends the reader on to ``element``'s page: an earlier id's address,
    or (``gone``) one of the strategy's own pages this build does not make (its diagram page when every diagram
    was left out), which sends the reader to the strategy."""
    url = page_url(src, book.use_directory_urls)
    out_path = url + "index.html" if book.use_directory_urls else url
    target = relative_url(url, book.url_of(strategy.id, element.id))
    page_set.static[out_path] = template("elements/redirect.html.j2", target=target, element=element, gone=gone)
