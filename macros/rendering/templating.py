"""Renderers: model → Markdown for generated pages and macros. Pure functions, no I/O beyond templates.

Pipeline position: called by ``pages`` (whole generated pages) and ``site_macros`` (fragments on
hand-written pages). Long output comes from Jinja templates in ``templates/``; data from YAML only ever
enters a template as a *variable*, passed through ``inline`` (plain text) or ``block`` (the safe Markdown
subset), so it is shown literally and never evaluated as a template or raw HTML.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import jinja2

from . import model
from .addresses import Target, relative_link
from .text import block, inline, safe_target

if TYPE_CHECKING:
    from .pages import Figures, PageSet
    from .relations import Relations

# Size limits that keep every page small however large the strategy is (issue 7: no page over 500 kB at
# 1,000 activities). They measure generated text, so the same data always gives the same pages.
# A diagram whose inline SVG is longer than this is shown as an image of its published SVG file instead
# (the file's nodes are links too); the text equivalent stays on the page.
INLINE_SVG_MAX = 200_000
# A long overview page (print edition, responsibility matrix, timeline) whose Markdown would be longer
# than this is split into parts of at most about this size, listed on the page itself. 60,000 characters
# make a part of ~110 kB of HTML (quick on a phone) and keep an edit cheap under `mkdocs serve`: an
# edit re-converts every part that shows the element, ~0.06 s each at this size.
PART_MAX = 60_000


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("macros", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # output is Markdown; escaping is explicit through `inline`/`block`
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        comment_start_string="{##",  # Markdown's heading anchors `{#id}` must not open a Jinja comment
        comment_end_string="##}",
    )
    env.filters["t"] = inline
    env.filters["md"] = block
    env.globals["heading"] = heading
    env.globals["facts"] = facts
    env.globals["inline_svg_max"] = INLINE_SVG_MAX
    env.filters["front_title"] = front_title
    env.filters["link_target"] = link_target
    env.filters["period"] = period
    return env


def template(name: str, **values: Any) -> str:
    return _environment().get_template(name).render(**values)


def macro(template_name: str, name: str, *args: Any) -> str:
    """One macro of a template that holds a page in pieces (the print edition, a page split in parts)."""
    return str(getattr(_environment().get_template(template_name).module, name)(*args))




@dataclass(frozen=True)
class Context:
    """What a template needs to link from the page at ``src``: the strategy, its relations, addresses."""

    strategy: model.Strategy
    relations: Relations
    page_set: PageSet
    src: str
    figures: Figures | None = None

    def at(self, src: str) -> Context:
        return replace(self, src=src)

    def el(self, element_id: str) -> model.Element:
        return self.strategy.elements[element_id]

    def els(self, element_ids: tuple[str, ...]) -> list[model.Element]:
        return [self.strategy.elements[i] for i in element_ids]

    def url(self, element: model.Element) -> str:
        """Markdown link target (a relative .md path, checked by MkDocs) for an element."""
        return relative_link(self.src, self.page_set.target(self.strategy.id, element.id))

    def link(self, element: model.Element) -> str:
        """``[Indsats 2: Titel](…)`` — the name people use, then the title."""
        return f"[{inline(heading(element))}]({self.url(element)})"

    def links(self, element_ids: tuple[str, ...]) -> str:
        """Comma-separated links to the given elements."""
        return ", ".join(self.link(e) for e in self.els(element_ids))

    def indicator(self, indicator: model.Indicator) -> str:
        from .realisation import indicator_block_in

        return indicator_block_in(self, indicator)

    def last_changed(self) -> str:
        """"Senest ændret …", linked to the strategy's change log; "" when the data records no change."""
        from .realisation import last_changed

        text = last_changed(self.strategy)
        if text is None:
            return ""
        return f"[{text}]({relative_link(self.src, Target(f'{self.strategy.id}/aendringer.md'))})"

    def figure(self, name: str) -> str:
        if self.figures is None or name not in self.figures.names(self.strategy.id):
            return ""
        return self.figures.figure(self.strategy.id, name, self.src)


def front_title(text: str) -> str:
    """A page title for the front matter: escaped like MkDocs escapes an H1, quoted so YAML keeps it text."""
    return json.dumps(html.escape(text, quote=False), ensure_ascii=False)


def link_target(url: str) -> str:
    """An editor's web address as a Markdown link target: percent-encoded so no character can end or
    reshape the link; "" for anything but http(s)/mailto (validation refuses those already)."""
    if not safe_target(url) or not url.lower().startswith(("https://", "http://", "mailto:")):
        return ""
    return quote(url.strip(), safe=":/?#@!$&'*+,;=%~-._")


def period(value: model.Period) -> str:
    """A period in Danish words, as precise as the data: "juli 2016 – juni 2019", "fra 2018"."""
    from .progress import date_text

    return f"{date_text(value.fra)} – {date_text(value.til)}" if value.til else f"fra {date_text(value.fra)}"


def facts(pairs: list[tuple[str, str | None]]) -> str:
    """A definition list of the facts that have a value (values are already Markdown)."""
    lines = [f"{label}\n:   {value}\n" for label, value in pairs if value]
    if not lines:
        return ""
    # The facts name other elements (their titles are found on their own pages), so search skips them.
    return '<div class="fakta" data-search-exclude markdown>\n\n' + "\n".join(lines) + "\n</div>\n"


def heading(element: model.Element) -> str:
    """The element's name as a heading: "Indsats 2: Opsporing og forebyggelse" when numbered."""
    return f"{element.label}: {element.titel}" if element.nr is not None else element.titel


def strategy_page(context: Context, connections_src: str = "") -> str:
    """The strategy's front page; with ``connections_src``, its forbindelser are counted and linked to that
    page instead of listed (``pages`` decides, when the list would make the front page too long)."""
    connections = relative_link(context.src, Target(connections_src)) if connections_src else ""
    return template("strategy.md.j2", c=context, s=context.strategy, r=context.relations, connections=connections)


def section_page(context: Context, cls: type[model.Element], title: str, elements: list[model.Element]) -> str:
    return template("section.md.j2", c=context, s=context.strategy, title=title, elements=elements, cls=cls)


ELEMENT_TEMPLATES = {
    model.Area: "area.md.j2",
    model.Objective: "objective.md.j2",
    model.Intervention: "intervention.md.j2",
    model.Activity: "activity.md.j2",
    model.Goal: "goal.md.j2",
    model.Hypothesis: "hypothesis.md.j2",
    model.Actor: "actor.md.j2",
}


def element_page(context: Context, element: model.Element) -> str:
    parent = context.strategy.parents.get(element.id)
    return template(ELEMENT_TEMPLATES[type(element)], c=context, s=context.strategy, r=context.relations,
                    e=element, parent=parent)


def strategy_list(site: model.Site, page_set: PageSet, from_src: str) -> str:
    links = {s.id: relative_link(from_src, page_set.target(s.id, s.id)) for s in site.strategies}
    return template("strategy_list.md.j2", strategies=site.strategies, links=links)
