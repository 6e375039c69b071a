"""Figures: every diagram of the site drawn, rendered by Graphviz (one cached batch) and cleaned.

Pipeline position: after the address book, before the pages are rendered. ``build_diagrams`` runs once
per build: it draws every diagram of every strategy (``graphs``), writes its DOT (``dotsource``), has
``graphviz.render`` turn all of them into SVG and A3 PDF in one batch through the cache, cleans the SVG
(``svg``) and pads the PDF to A3 (``pdf``), and returns a ``DiagramSet``: each ``Figure``'s inline SVG
(node links still placeholders, resolved per page by the renderers) and the download files to publish.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from .. import model
from ..derived.addresses import AddressBook, diagram_page_src, page_url, relative_url
from ..derived.timeline import changed_on
from ..derived.words import date_text
from . import graphviz, pdf, svg
from .dotsource import LINK_PLACEHOLDER, to_dot
from .graphs import Diagram, strategy_diagrams
from .style import Style

_LINK = re.compile(LINK_PLACEHOLDER + r"/([a-z0-9-]+)/([a-z0-9-]+)")


def resolve_links(text: str, href: Callable[[str, str], str]) -> str:
    """Every node link placeholder in ``text`` replaced by ``href(strategy id, element id)``, escaped."""
    return _LINK.sub(lambda m: html.escape(href(m.group(1), m.group(2))), text)


@dataclass(frozen=True)
class Figure:
    """A rendered diagram: the cleaned inline SVG (links still placeholders) and its download paths."""

    diagram: Diagram
    svg: str
    svg_file: str  # site-relative
    pdf_file: str

    @property
    def anchor(self) -> str:
        return self.diagram.name


Drawn = tuple[Figure, dict[str, bytes]]  # a finished figure and its download files (site path → bytes)


@dataclass
class DiagramSet:
    """Every rendered diagram of the site, and the files to publish with them."""

    style: Style
    figures: dict[tuple[str, str], Figure] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)

    def names(self, strategy_id: str) -> list[str]:
        return [name for (sid, name) in self.figures if sid == strategy_id]

    def figure(self, strategy_id: str, name: str) -> Figure:
        return self.figures[(strategy_id, name)]


def build_diagrams(
    site: model.Site,
    book: AddressBook,
    style: Style,
    style_key: bytes,
    cache_dir: Path,
    workers: int = 2,
    kept: dict[Hashable, Drawn] | None = None,
    site_url: str = "",
) -> DiagramSet:
    """Draw, render (one batch, cached) and clean every diagram of the site.

    ``kept`` (``mkdocs serve`` only) holds the previous rebuild's finished figures by what they are made
    from: the diagram (frozen data), the style (``style_key``: the style file's bytes) and the addresses its
    nodes link to. A diagram an edit did not change is taken from there without drawing, rendering or
    cleaning; the dictionary is left holding this build's figures.

    ``site_url`` (``mkdocs.yml``) is where the site is published: each A3 PDF names the address of the page
    that shows its diagram.

    Raises ``graphviz.GraphvizMissing`` (Danish message with the install command) when ``dot`` is missing
    and ``graphviz.GraphvizError`` when it fails.
    """
    diagrams = [d for strategy in site.strategies for d in strategy_diagrams(strategy, style)]
    blocks = {d: title_block(site.strategy(d.strategy_id), d, book, style, site_url) for d in diagrams}
    keys: list[Hashable] = [
        (style_key, d, tuple(book.url_of(d.strategy_id, n.name) for n in d.nodes), blocks[d]) for d in diagrams
    ]
    previous = kept if kept is not None else {}
    todo = [d for d, key in zip(diagrams, keys, strict=True) if key not in previous]
    jobs = [graphviz.Job(to_dot(d, style), "svg") for d in todo]
    jobs += [graphviz.Job(to_dot(d, style, printable=True), "pdf") for d in todo]
    outputs = graphviz.render(jobs, cache_dir, workers)
    fresh = dict(zip(todo, zip(outputs[: len(todo)], outputs[len(todo) :], strict=True), strict=True))
    result = DiagramSet(style)
    drawn = {}
    for diagram, key in zip(diagrams, keys, strict=True):  # in drawing order: pages list figures in it
        drawn[key] = (
            previous[key]
            if diagram not in fresh
            else _draw_figure(book, style, diagram, blocks[diagram], *fresh[diagram])
        )
        figure, files = drawn[key]
        result.figures[(diagram.strategy_id, diagram.name)] = figure
        result.files.update(files)
    if kept is not None:
        kept.clear()
        kept.update(drawn)
    return result


def title_block(
    strategy: model.Strategy, diagram: Diagram, book: AddressBook, style: Style, site_url: str
) -> pdf.TitleBlock:
    """What the A3 sheet says about itself: the diagram's title; the strategy, its kommune and forvaltning;
    the date of the data's latest recorded change (when there is one); the online page that shows it."""
    owner = ", ".join(filter(None, (strategy.organisation.kommune, strategy.organisation.forvaltning)))
    lines = [f"{strategy.titel} · {owner}"]
    changed = changed_on(strategy)
    if changed is not None:
        date = model.PartialDate.parse(changed)
        lines.append(style.sheet.changed.format(dato=date_text(date) if date else changed))
    if site_url:
        lines.append(style.sheet.online.format(adresse=urljoin(site_url, shown_on(diagram, book))))
    return pdf.TitleBlock(diagram.title, tuple(lines))


def shown_on(diagram: Diagram, book: AddressBook) -> str:
    """The site-root-relative address of the page a diagram is shown on (and its figure there)."""
    sid, name = diagram.strategy_id, diagram.name
    element = sid if name == "oversigt" else name.partition("-")[2] if name.startswith(("indsats-", "omraade-")) else ""
    if element and (sid, element) in book.targets:
        return book.url_of(sid, element)
    return f"{page_url(diagram_page_src(sid), book.use_directory_urls)}#{diagram.name}"


def _draw_figure(
    book: AddressBook, style: Style, diagram: Diagram, block: pdf.TitleBlock, dot_svg: bytes, dot_pdf: bytes
) -> Drawn:
    """The figure and its download files (site path → bytes) from dot's SVG and PDF."""
    folder = posixpath.dirname(diagram_page_src(diagram.strategy_id))
    svg_file, pdf_file = f"{folder}/{diagram.name}.svg", f"{folder}/{diagram.name}.pdf"
    labels = svg.Labels(diagram.title, diagram.description, diagram.titles())
    inline = svg.inline_svg(dot_svg, diagram.prefix, labels, style.font_fallback, style.min_scale)

    def links(text: str) -> str:  # a file's URL is its path, whatever use_directory_urls says
        return resolve_links(text, lambda sid, eid: relative_url(svg_file, book.url_of(sid, eid)))

    files = {svg_file: svg.standalone_svg(inline, diagram.prefix, links), pdf_file: pdf.a3_sheet(dot_pdf, block)}
    return Figure(diagram, inline, svg_file, pdf_file), files
