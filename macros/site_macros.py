"""The mkdocs-macros module: the only module that knows mkdocs-macros.

Pipeline position: hand-written pages in ``docs/`` call these macros; each takes the model that the
``strategi`` plugin loaded for this build (never YAML) and returns Markdown from ``render``. Generated
pages do not pass through Jinja at all (``render_macros: false``), so data is never a template.
"""

from __future__ import annotations

from typing import Any

from . import docs_reference, render
from .plugin import StrategyPlugin


def define_env(env: Any) -> None:
    """Register the macros editors may use (documented in docs/vejledning.md)."""
    plugin = env.conf.plugins["strategi"]
    if not isinstance(plugin, StrategyPlugin) or plugin.site is None or plugin.page_set is None:
        raise RuntimeError("mkdocs.yml: 'strategi' skal stå før 'macros' under plugins")
    site, page_set = plugin.site, plugin.page_set

    @env.macro
    def strategioversigt() -> str:
        """Forsiden: alle strategier med titel, organisation, vision og periode."""
        return render.strategy_list(site, page_set, env.page.file.src_uri)

    @env.macro
    def feltreference() -> str:
        """Redaktørvejledningen: alle felter i dataformatet, genereret fra modellen."""
        return docs_reference.field_reference()
