"""Renderers: model → Markdown for generated pages and macros. Pure functions, no I/O beyond templates.

Pipeline position: called by ``pages`` (whole generated pages) and ``site_macros`` (fragments on
hand-written pages). Long output comes from Jinja templates in ``templates/``; data from YAML only ever
enters a template as a *variable*, passed through ``inline`` (plain text) or ``block`` (the safe Markdown
subset), so it is shown literally and never evaluated as a template or raw HTML.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

import jinja2

from . import model

if TYPE_CHECKING:
    from .pages import PageSet

# Characters Python-Markdown (with the tables extension) honours a backslash escape for.
_MD_ESCAPED = set("\\`*_{}[]()>#+-.!|")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEFINITION = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_SETEXT = re.compile(r"^(\s*)([=-]+\s*)$", re.MULTILINE)


def inline(text: object) -> str:
    """Plain text for a Markdown line: every character shows as typed, nothing is markup."""
    out = []
    for ch in str(text):
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch in _MD_ESCAPED:
            out.append("\\" + ch)
        elif ch in "\r\n":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _safe_target(target: str) -> bool:
    lowered = target.strip().lower()
    if any(lowered.startswith(s) for s in _SAFE_SCHEMES):
        return True
    return ":" not in lowered.split("/", 1)[0]  # relative links and anchors, but no other scheme


def block(text: object) -> str:
    """Editor text in the safe Markdown subset: paragraphs, emphasis, lists, links, tables.

    Raw HTML, headings, attribute lists and links with other schemes than http(s)/mailto are shown as
    literal text instead.
    """
    value = str(text).replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")
    value = re.sub(r"^(\s*)#", r"\1\\#", value, flags=re.MULTILINE)
    value = _SETEXT.sub(lambda m: m.group(1) + "\\" + m.group(2), value)
    value = _LINK_TARGET.sub(lambda m: m.group(0) if _safe_target(m.group(1)) else
                             m.group(0).replace("](", "]\\(", 1), value)
    value = _REF_DEFINITION.sub(lambda m: m.group(0) if _safe_target(m.group(2)) else
                                "\\" + m.group(0).lstrip(), value)
    return value.strip()


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
