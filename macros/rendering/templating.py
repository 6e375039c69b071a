"""Templating: the one Jinja environment for generated Markdown, and the filters that keep data as text.

Pipeline position: the base of the rendering layer; every renderer renders through ``template`` (a whole
template) or through the macros of a template that holds a page in pieces, which ``template_macros`` makes
callable as typed Python methods. Templates live in ``templates/``, grouped by what they render
(``elements/``, ``realisation/``, ``figures/``, ``charts/``, ``macros/``). Data from YAML only ever enters a
template as a *variable*, passed through ``t`` (``inline``: plain text) or ``md`` (``block``: the safe
Markdown subset), so it is shown literally and never evaluated as a template or raw HTML.
"""

from __future__ import annotations

import html
import inspect
import json
import re
from collections.abc import Callable
from functools import cache, partial
from typing import Any, TypeVar, cast
from urllib.parse import quote

import jinja2
from jinja2.runtime import Macro

from ..derived.words import amount, capital, date_text, period_text
from ..text import block, inline, safe_target

MacrosT = TypeVar("MacrosT")


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
    env.globals["facts"] = facts
    env.filters["front_title"] = front_title
    env.filters["link_target"] = link_target
    env.filters["period"] = period_text
    env.filters["amount"] = amount
    env.filters["date_text"] = date_text
    env.filters["capitalize_first"] = capital  # Jinja's own capitalize lowers the rest ("IT" → "It")
    return env


def template(name: str, **values: Any) -> str:
    """The template ``name`` (a path under ``templates/``) rendered with ``values``."""
    return _environment().get_template(name).render(**values)


class TemplateMacros:
    """The macros of one template that Python calls: one attribute per macro of the declaration, named like
    it, that renders the macro with the arguments it is given (made by ``template_macros``)."""

    def __init__(self, template_name: str, declaration: Callable[..., object]) -> None:
        self.template_name = template_name
        self.declaration = declaration
        for name in declared_macros(declaration):
            setattr(self, name, partial(_call_macro, template_name, name))

    def __repr__(self) -> str:
        return f"TemplateMacros({self.template_name!r}, {self.declaration.__name__})"


def template_macros(template_name: str, declaration: Callable[..., MacrosT]) -> MacrosT:
    """The macros of the template ``template_name`` that Python calls, typed by ``declaration``.

    ``declaration`` is a ``typing.Protocol`` with one method per macro: named like the macro, with the
    macro's parameters after ``self`` (same names, same order) and their types, and a docstring saying what
    the macro renders. mypy checks every call against it; ``tests/unit/test_template_macros.py`` holds each
    declaration to its template, so a misspelt macro or parameter fails a fast test, not a build. Macros
    receive model values as variables, as templates do, and show YAML text only through ``t`` or ``md``.

    (``declaration`` is typed as a maker of ``MacrosT``: mypy takes no ``Protocol`` for ``type[MacrosT]``.)
    """
    return cast(MacrosT, TemplateMacros(template_name, declaration))


def declared_macros(declaration: Callable[..., object]) -> dict[str, tuple[str, ...]]:
    """Macro name → parameter names, as a ``template_macros`` declaration states them."""
    return {
        name: tuple(inspect.signature(method).parameters)[1:]  # after `self`
        for name, method in vars(declaration).items()
        if inspect.isfunction(method) and not name.startswith("_")
    }


def defined_macros(template_name: str) -> dict[str, tuple[str, ...]]:
    """Macro name → parameter names, as the template defines them: the macros its module exports, which
    are what ``TemplateMacros`` calls."""
    module = _environment().get_template(template_name).module
    return {name: tuple(value.arguments) for name, value in vars(module).items() if isinstance(value, Macro)}


def _call_macro(template_name: str, name: str, *args: object, **kwargs: object) -> str:
    return str(getattr(_environment().get_template(template_name).module, name)(*args, **kwargs))


def front_title(text: str) -> str:
    """A page title for the front matter: escaped like MkDocs escapes an H1, quoted so YAML keeps it text."""
    return json.dumps(html.escape(text, quote=False), ensure_ascii=False)


def link_target(url: str) -> str:
    """An editor's web address as a Markdown link target: percent-encoded so no character can end or
    reshape the link; "" for anything but http(s)/mailto (validation refuses those already)."""
    if not safe_target(url) or not url.lower().startswith(("https://", "http://", "mailto:")):
        return ""
    return quote(url.strip(), safe=":/?#@!$&'*+,;=%~-._")


_NUMBER_DOT = re.compile(r"^(\d+)\.(?=[ \t])")
_ESCAPED_DOT = r"\1\."


def facts(pairs: list[tuple[str, str | None]]) -> str:
    """A definition list of the facts that have a value (values are already Markdown)."""
    # A value starting like "1. september 2020" would be read as a numbered list: its dot is escaped.
    lines = [f"{label}\n:   {_NUMBER_DOT.sub(_ESCAPED_DOT, value)}\n" for label, value in pairs if value]
    if not lines:
        return ""
    # The facts name other elements (their titles are found on their own pages), so search skips them.
    return '<div class="fakta" data-search-exclude markdown>\n\n' + "\n".join(lines) + "\n</div>\n"
