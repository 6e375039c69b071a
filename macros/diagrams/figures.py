"""Figures: every diagram of the site drawn, rendered by Graphviz (one cached batch) and cleaned.

Pipeline position: after the address book, before the pages are rendered. ``build_diagrams`` runs once
per build: it draws every diagram of every strategy (``graphs``), writes its DOT (``dotsource``), has
``graphviz.render`` turn all of them into SVG and A3 PDF in one batch through the cache, cleans the SVG
(``svg``) and makes the PDF an A3 sheet with a title block (``pdf``), and returns a ``DiagramSet``: each
``Figure``'s inline SVG (node links still placeholders, resolved per page by the renderers) and the download
files to publish.

A size guard (``drawn_form``) keeps one dense strategy from holding the build for minutes: Graphviz'
layout time grows steeply with the arrows (measured with Graphviz 2.43 on a 2-core machine: 400 boxes and
800 free arrows ~10 s, 1,200 ~35 s, 2,000 over 2 minutes, per format). A diagram too heavy to draw as
usual is drawn without its dependency arrows (they are listed on every activity's page), or with a cheaper
layout (``CHEAP_LAYOUT``), or not at all: then its page shows the same chain as text, with a note saying why.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal
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

# The size guard, in layout weight (``layout_weight``). The largest diagram of the 1,000-activity benchmark
# strategy weighs 1,139 and is drawn as usual; a weight of 2,000 lays out in a few seconds.
FULL_MAX = 2_000
CHEAP_MAX = 5_000  # above FULL_MAX, drawn with CHEAP_LAYOUT (about ten times faster); above this, text only
CHEAP_LAYOUT = {"mclimit": "0.05", "nslimit": "2", "nslimit1": "2", "remincross": "false", "splines": "line"}
Form = Literal["fuld", "billig", "tekst"]


def layout_weight(diagram: Diagram) -> int:
    """What laying the diagram out costs: its boxes and arrows, the arrows three times over when dot must
    place the boxes itself (no columns given)."""
    return len(diagram.nodes) + len(diagram.edges) * (1 if diagram.ranks else 3)


def drawn_form(diagram: Diagram) -> tuple[Diagram, Form, int]:
    """The diagram as it will be drawn, its form, and how many dependency arrows were left out of it."""
    if layout_weight(diagram) <= FULL_MAX:
        return diagram, "fuld", 0
    lighter = replace(diagram, edges=tuple(e for e in diagram.edges if not e.dependency))
    left_out = len(diagram.edges) - len(lighter.edges)
    if not left_out or not lighter.edges:  # nothing to leave out, or nothing left: the arrows are the point
        lighter, left_out = diagram, 0
    weight = layout_weight(lighter)
    form: Form = "fuld" if weight <= FULL_MAX else "billig" if weight <= CHEAP_MAX else "tekst"
    return lighter, form, left_out


def with_graph_attributes(source: str, attributes: dict[str, str]) -> str:
    """DOT ``source`` with graph attributes added (a root graph's attributes hold wherever they stand)."""
    line = "\tgraph [" + " ".join(f'{key}="{value}"' for key, value in attributes.items()) + "]\n"
    end = source.rstrip().rindex("}")
    return source[:end] + line + source[end:]


def resolve_links(text: str, href: Callable[[str, str], str]) -> str:
    """Every node link placeholder in ``text`` replaced by ``href(strategy id, element id)``, escaped."""
    return _LINK.sub(lambda m: html.escape(href(m.group(1), m.group(2))), text)


@dataclass(frozen=True)
class Figure:
    """A rendered diagram: the cleaned inline SVG (links still placeholders) and its download paths.

    ``diagram`` is what was drawn (without the dependency arrows ``left_out`` counts). A diagram too large to
    draw (``form`` "tekst") has no SVG and no files: its page shows the text equivalent with a note."""

    diagram: Diagram
    svg: str
    svg_file: str  # site-relative; "" when not drawn
    pdf_file: str
    form: Form = "fuld"
    left_out: int = 0

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
    # Every diagram of the site as (strategy id, name), in drawing order: the keys of ``figures``, unless the
    # set was drawn with ``only`` (then ``figures`` holds the diagrams asked for and those kept unchanged).
    listed: list[tuple[str, str]] = field(default_factory=list)

    # Told of every lookup while set (``rendering.memo`` records which diagrams a page showed): the
    # strategy id and the diagram's name, or "*" for the list of its diagrams.
    observer: Callable[[str, str], None] | None = field(default=None, compare=False, repr=False)

    def names(self, strategy_id: str) -> list[str]:
        if self.observer is not None:
            self.observer(strategy_id, "*")
        return [name for (sid, name) in self.listed or self.figures if sid == strategy_id]

    def figure(self, strategy_id: str, name: str) -> Figure:
        if self.observer is not None:
            self.observer(strategy_id, name)
        return self.figures[(strategy_id, name)]


def build_diagrams(
    site: model.Site,
    book: AddressBook,
    style: Style,
    style_key: bytes,
    cache_dir: Path,
    workers: int = 2,
    kept: dict[Hashable, Drawn] | None = None,
    timeout: float = graphviz.DEFAULT_TIMEOUT,
    notes: list[str] | None = None,
    site_url: str = "",
    only: Collection[tuple[str, str]] | None = None,
) -> DiagramSet:
    """Draw, render (one batch, cached) and clean every diagram of the site.

    ``kept`` (``mkdocs serve`` only) holds the previous rebuild's finished figures by what they are made
    from: the diagram (frozen data), the style (``style_key``: the style file's bytes) and the addresses its
    nodes link to. A diagram an edit did not change is taken from there without drawing, rendering or
    cleaning; the dictionary is left holding this build's figures.

    ``site_url`` (``mkdocs.yml``) is where the site is published: each A3 PDF names the address of the page
    that shows its diagram.

    ``only`` (``mkdocs serve``'s first pages): draw just these diagrams, (strategy id, name); the set holds
    them and the diagrams ``kept`` unchanged, lists every diagram (``names``), and ``kept`` is left alone.

    Raises ``graphviz.GraphvizMissing`` (Danish message with the install command) when ``dot`` is missing
    and ``graphviz.GraphvizError`` when it fails or runs past ``timeout`` seconds for a batch; Danish notes
    for the editor (a diagram cache that cannot be written) are appended to ``notes``.
    """
    diagrams = [d for strategy in site.strategies for d in strategy_diagrams(strategy, style)]
    blocks = {d: title_block(site.strategy(d.strategy_id), d, book, style, site_url) for d in diagrams}
    keys: list[Hashable] = [
        (style_key, d, tuple(book.url_of(d.strategy_id, n.name) for n in d.nodes), blocks[d]) for d in diagrams
    ]
    previous = kept if kept is not None else {}
    todo = {
        d: drawn_form(d)
        for d, key in zip(diagrams, keys, strict=True)
        if key not in previous and (only is None or (d.strategy_id, d.name) in only)
    }
    to_render = [(d, lighter, form) for d, (lighter, form, _) in todo.items() if form != "tekst"]
    jobs = [_job(lighter, form, style, False) for _, lighter, form in to_render]
    jobs += [_job(lighter, form, style, True) for _, lighter, form in to_render]
    outputs = graphviz.render(jobs, cache_dir, workers, timeout, notes)
    n = len(to_render)
    fresh = {
        d: (svg_out, pdf_out) for (d, _, _), svg_out, pdf_out in zip(to_render, outputs[:n], outputs[n:], strict=True)
    }
    result = DiagramSet(style, listed=[(d.strategy_id, d.name) for d in diagrams])
    drawn = {}
    for diagram, key in zip(diagrams, keys, strict=True):  # in drawing order: pages list figures in it
        if diagram not in todo:
            if key not in previous:
                continue  # not asked for (``only``)
            drawn[key] = previous[key]
        else:
            lighter, form, left_out = todo[diagram]
            rendered = fresh.get(diagram)
            drawn[key] = _draw_figure(book, style, lighter, form, left_out, rendered, blocks[diagram])
        figure, files = drawn[key]
        result.figures[(diagram.strategy_id, diagram.name)] = figure
        result.files.update(files)
    if kept is not None and only is None:
        kept.clear()
        kept.update(drawn)
    return result


def _job(diagram: Diagram, form: Form, style: Style, printable: bool) -> graphviz.Job:
    source = to_dot(diagram, style, printable=printable)
    if form == "billig":
        source = with_graph_attributes(source, CHEAP_LAYOUT)
    name = f"'{diagram.title}' i strategien '{diagram.strategy_id}'"
    return graphviz.Job(source, "pdf" if printable else "svg", name)


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
    book: AddressBook,
    style: Style,
    diagram: Diagram,
    form: Form,
    left_out: int,
    rendered: tuple[bytes, bytes] | None,
    block: pdf.TitleBlock,
) -> Drawn:
    """The figure and its download files (site path → bytes) from dot's SVG and PDF (None: not drawn)."""
    if rendered is None:
        return Figure(diagram, "", "", "", form, left_out), {}
    dot_svg, dot_pdf = rendered
    folder = posixpath.dirname(diagram_page_src(diagram.strategy_id))
    svg_file, pdf_file = f"{folder}/{diagram.name}.svg", f"{folder}/{diagram.name}.pdf"
    labels = svg.Labels(diagram.title, diagram.description, diagram.titles())
    inline = svg.inline_svg(dot_svg, diagram.prefix, labels, style.font_fallback, style.min_scale)

    def links(text: str) -> str:  # a file's URL is its path, whatever use_directory_urls says
        return resolve_links(text, lambda sid, eid: relative_url(svg_file, book.url_of(sid, eid)))

    files = {svg_file: svg.standalone_svg(inline, diagram.prefix, links), pdf_file: pdf.a3_sheet(dot_pdf, block)}
    return Figure(diagram, inline, svg_file, pdf_file, form, left_out), files
