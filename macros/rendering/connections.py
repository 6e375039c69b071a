"""Sammenhænge og antagelser on a page of their own, for a strategy whose front page would be too long.

Pipeline position: rendering; the page builder (``pages``) moves a strategy's forbindelser here when they
would make its front page longer than ``splitting.PART_MAX``. The front page and this page share the
macros of ``templates/elements/sammenhaenge.md.j2``.
"""

from __future__ import annotations

from typing import Protocol

from .. import model
from .context import Context
from .splitting import Piece, split_page
from .templating import template_macros


class ConnectionsMacros(Protocol):
    """The macros of ``templates/elements/sammenhaenge.md.j2`` (the front page imports ``connection`` too)."""

    def connection(self, context: Context, connection: model.Connection) -> str:
        """One forbindelse as a list item: both elements linked, its antagelse and begrundelse."""

    def head(self, context: Context, strategy: model.Strategy, parts_count: int) -> str:
        """Front matter, breadcrumb, title and introduction; the note on parts when there is more than one."""


CONNECTIONS = template_macros("elements/sammenhaenge.md.j2", ConnectionsMacros)


def connections_src(strategy: model.Strategy) -> str:
    return f"{strategy.id}/sammenhaenge.md"


def connections_pages(context: Context) -> dict[str, str]:
    """ "Sammenhænge og antagelser" at ``context.src`` (split in parts when long), for a strategy whose front
    page would be too long with every forbindelse on it."""

    def pieces(part_context: Context) -> list[Piece]:
        return [
            Piece((), CONNECTIONS.connection(part_context, connection) + "\n\n", f"sammenhæng {number}")
            for number, connection in enumerate(part_context.strategy.forbindelser, start=1)
        ]

    return split_page(
        context,
        "Sammenhænge og antagelser",
        lambda parts_count: CONNECTIONS.head(context, context.strategy, parts_count),
        pieces,
    )
