"""Sammenhænge og antagelser on a page of their own, for a strategy whose front page would be too long.

Pipeline position: rendering; the page builder (``pages``) moves a strategy's forbindelser here when they
would make its front page longer than ``splitting.PART_MAX``. The front page and this page share the
macros of ``templates/elements/sammenhaenge.md.j2``.
"""

from __future__ import annotations

from .. import model
from .context import Context
from .splitting import Piece, split_page
from .templating import macro

CONNECTIONS = "elements/sammenhaenge.md.j2"


def connections_src(strategy: model.Strategy) -> str:
    return f"{strategy.id}/sammenhaenge.md"


def connections_pages(c: Context) -> dict[str, str]:
    """ "Sammenhænge og antagelser" at ``c.src`` (split in parts when long), for a strategy whose front page
    would be too long with every forbindelse on it."""

    def pieces(at: Context) -> list[Piece]:
        return [
            Piece((), macro(CONNECTIONS, "connection", at, k) + "\n\n", f"sammenhæng {n}")
            for n, k in enumerate(at.strategy.forbindelser, start=1)
        ]

    return split_page(c, "Sammenhænge og antagelser", lambda n: macro(CONNECTIONS, "head", c, c.strategy, n), pieces)
