"""The mkdocs-macros module: the only module that knows mkdocs-macros.

Pipeline position: glue. mkdocs-macros imports it (``mkdocs.yml``: ``macros: modules:``) and calls
``define_env`` once per build; the macros themselves are ``rendering.page_macros``, given the model and
address book the ``strategi`` plugin made for this build (never YAML). A wrong id in a macro call becomes a
line in the build's problem list (the plugin stops the build with all of them), not a traceback.
Generated pages do not pass through Jinja at all (``render_macros: false``), so data is never a template.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..derived.downloads import NO_DOWNLOADS
from ..rendering.page_macros import UnknownElement, macros
from .plugin import StrategyPlugin


def define_env(env: Any) -> None:
    """Register the macros editors may use."""
    plugin = env.conf.plugins["strategi"]
    if not isinstance(plugin, StrategyPlugin) or plugin.site is None or plugin.book is None:
        raise RuntimeError("mkdocs.yml: 'strategi' skal stå før 'macros' under plugins")
    docs = Path(env.conf.docs_dir).name
    made: dict[tuple[int, ...], dict[str, Callable[..., str]]] = {}

    def current() -> dict[str, Callable[..., str]]:
        """The macros for the plugin's model now (``mkdocs serve`` may remake it without calling us again)."""
        key = (id(plugin.site), id(plugin.book), id(plugin.exports))
        if key not in made:
            made.clear()
            downloads = plugin.exports.downloads if plugin.exports is not None else NO_DOWNLOADS
            assert plugin.site is not None and plugin.book is not None
            made[key] = macros(plugin.site, plugin.book, lambda: env.page.file.src_uri, downloads)
        return made[key]

    for name, macro in current().items():
        env.macro(
            _reporting(_now(current, name, macro), plugin.macro_problems, lambda: f"{docs}/{env.page.file.src_uri}"),
            name,
        )


def _now(
    current: Callable[[], dict[str, Callable[..., str]]], name: str, macro: Callable[..., str]
) -> Callable[..., str]:
    """The macro ``name`` of the model the plugin holds when it is called (``macro`` is its first edition)."""

    @functools.wraps(macro)
    def call(*args: Any, **kwargs: Any) -> str:
        return current()[name](*args, **kwargs)

    return call


def _reporting(macro: Callable[..., str], problems: list[str], page: Callable[[], str]) -> Callable[..., str]:
    """Wrap a macro so a wrong id becomes a line in the build's problem list instead of a traceback."""

    @functools.wraps(macro)
    def call(*args: Any, **kwargs: Any) -> str:
        try:
            return macro(*args, **kwargs)
        except UnknownElement as error:
            problems.append(f"{page()}: {error}")
            return ""

    return call
