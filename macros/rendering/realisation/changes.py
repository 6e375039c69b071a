"""Ændringer: the strategy's change log, newest first, each change linked to the elements it names.

Pipeline position: rendering, among the realisation pages (``realisation.plan``); every page's "Senest
opdateret", the element histories and the Atom feeds link here, to each change's anchor
(``derived.history``). Markdown from ``templates/realisation/changes.md.j2``.
"""

from __future__ import annotations

from ...derived.history import changes
from ..context import Context
from ..templating import template


def changes_page(context: Context) -> str:
    return template(
        "realisation/changes.md.j2",
        context=context,
        strategy=context.strategy,
        changes=changes(context.strategy),
    )
