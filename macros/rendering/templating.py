"""Templating: the one Jinja environment for generated Markdown, and the filters that keep data as text.

Pipeline position: the base of the rendering layer; every renderer renders through ``template`` (a whole
template) or ``macro`` (one macro of a template that holds a page in pieces). Templates live in
``templates/``, grouped by what they render (``elements/``, ``realisation/``, ``figures/``, ``charts/``,
``macros/``). Data from YAML only ever enters a template as a *variable*, passed through ``t`` (``inline``:
plain text) or ``md`` (``block``: the safe Markdown subset), so it is shown literally and never evaluated
as a template or raw HTML.
"""

from __future__ import annotations

import html
import json
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2

from ..derived.words import heading, period_text
from ..text import block, inline, safe_target


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("macros.rendering", "templates"),
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
    env.filters["front_title"] = front_title
    env.filters["link_target"] = link_target
    env.filters["period"] = period_text
    return env


def template(name: str, **values: Any) -> str:
    """The template ``name`` (a path under ``templates/``) rendered with ``values``."""
    return _environment().get_template(name).render(**values)


def macro(template_name: str, name: str, *args: Any) -> str:
    """One macro of a template that holds a page in pieces (the print edition, a page split in parts)."""
    return str(getattr(_environment().get_template(template_name).module, name)(*args))


def front_title(text: str) -> str:
    """A page title for the front matter: escaped like MkDocs escapes an H1, quoted so YAML keeps it text."""
    return json.dumps(html.escape(text, quote=False), ensure_ascii=False)


def link_target(url: str) -> str:
    """An editor's web address as a Markdown link target: percent-encoded so no character can end or
    reshape the link; "" for anything but http(s)/mailto (validation refuses those already)."""
    if not safe_target(url) or not url.lower().startswith(("https://", "http://", "mailto:")):
        return ""
    return quote(url.strip(), safe=":/?#@!$&'*+,;=%~-._")


def facts(pairs: list[tuple[str, str | None]]) -> str:
    """A definition list of the facts that have a value (values are already Markdown)."""
    lines = [f"{label}\n:   {value}\n" for label, value in pairs if value]
    if not lines:
        return ""
    # The facts name other elements (their titles are found on their own pages), so search skips them.
    return '<div class="fakta" data-search-exclude markdown>\n\n' + "\n".join(lines) + "\n</div>\n"
