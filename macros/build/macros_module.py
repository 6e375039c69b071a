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
    downloads = plugin.exports.downloads if plugin.exports is not None else NO_DOWNLOADS
    for name, macro in macros(plugin.site, plugin.book, lambda: env.page.file.src_uri, downloads).items():
        env.macro(_reporting(macro, plugin.macro_problems, lambda: f"{docs}/{env.page.file.src_uri}"), name)


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
