"""Ændringer: the strategy's change log, newest first.

Pipeline position: rendering, among the realisation pages (``realisation.plan``); every page's "Senest
ændret" links here. Markdown from ``templates/realisation/changes.md.j2``.
"""

from __future__ import annotations

from ...derived.timeline import newest_first
from ..context import Context
from ..templating import template


def changes_page(context: Context) -> str:
    return template(
        "realisation/changes.md.j2",
        context=context,
        strategy=context.strategy,
        versions=newest_first(context.strategy),
    )
