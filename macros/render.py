"""Renderers: model → Markdown for generated pages and macros. Pure functions, no I/O beyond templates.

Pipeline position: called by ``pages`` (whole generated pages) and ``site_macros`` (fragments on
hand-written pages). Long output comes from Jinja templates in ``templates/``; data from YAML only ever
enters a template as a *variable*, passed through ``inline`` (plain text) or ``block`` (the safe Markdown
subset), so it is shown literally and never evaluated as a template or raw HTML.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

import jinja2

from . import model
from .text import block, inline

if TYPE_CHECKING:
    from .pages import PageSet

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
    return env


def template(name: str, **values: Any) -> str:
    return _environment().get_template(name).render(**values)


def strategy_page(strategy: model.Strategy, page_set: PageSet) -> str:
    return template("strategy.md.j2", s=strategy)


def strategy_list(site: model.Site, page_set: PageSet, from_src: str) -> str:
    from .pages import relative_link

    links = {s.id: relative_link(from_src, page_set.target(s.id, s.id)) for s in site.strategies}
    return template("strategy_list.md.j2", strategies=site.strategies, links=links)
