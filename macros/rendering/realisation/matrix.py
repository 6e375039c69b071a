"""Ansvar og roller: the responsibility matrix, one row per målsætning and indsats, in parts when long.

Pipeline position: rendering, one of the realisation pages (``realisation.plan``). Rows from
``derived.responsibility``; Markdown from ``templates/realisation/matrix.md.j2``.
"""

from __future__ import annotations

from ...derived.responsibility import matrix_columns, responsibility_rows
from ...derived.words import LEVEL_NAMES
from ..context import Context
from ..splitting import Piece, part_name, split_page
from ..templating import macro
from .roles import role_links

MATRIX = "realisation/matrix.md.j2"


def matrix_page(c: Context) -> str | dict[str, str]:
    rows = responsibility_rows(c.strategy)
    columns = matrix_columns(rows)

    def pieces(at: Context) -> list[Piece]:  # measured by their chapter and table line
        return [
            Piece(
                (),
                macro(MATRIX, "chapter", at, row, columns, LEVEL_NAMES) + macro(MATRIX, "table_row", at, row, columns),
                part_name(row.element) if row.element else "Hele strategien",
                row,
            )
            for row in rows
        ]

    def body(at: Context, run: list[Piece]) -> str:
        return macro(MATRIX, "body", at, [p.item for p in run], columns, LEVEL_NAMES)

    return split_page(
        c, "Ansvar og roller", lambda n: macro(MATRIX, "head", c.strategy, role_links(c), n), pieces, body
    )
