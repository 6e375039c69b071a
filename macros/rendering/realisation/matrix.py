"""Ansvar og roller: the responsibility matrix, one row per målsætning and indsats, in parts when long.

Pipeline position: rendering, one of the realisation pages (``realisation.plan``). Rows from
``derived.responsibility``; Markdown from ``templates/realisation/matrix.md.j2``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from ... import model
from ...derived.responsibility import MatrixRow, actors_without_duties, matrix_columns, responsibility_rows
from ...derived.words import LEVEL_NAMES
from ..context import Context
from ..splitting import Piece, part_name, split_page
from ..templating import template_macros
from .roles import role_links


class MatrixMacros(Protocol):
    """The macros of ``templates/realisation/matrix.md.j2``; ``columns`` are the levels that get a column."""

    def head(
        self, context: Context, strategy: model.Strategy, role_links: list[tuple[str, str]], parts_count: int
    ) -> str:
        """Front matter, title and introduction, links to the role sheets, the note on parts."""

    def body(
        self,
        context: Context,
        rows: list[MatrixRow],
        columns: list[model.Level | None],
        level_names: Mapping[model.Level | None, str],
    ) -> str:
        """The table of a run of rows, then each row's chapter."""

    def table_row(self, context: Context, row: MatrixRow, columns: list[model.Level | None]) -> str:
        """A row of the table: its name, linked to its chapter, and its actors in each level's column."""

    def chapter(
        self,
        context: Context,
        row: MatrixRow,
        columns: list[model.Level | None],
        level_names: Mapping[model.Level | None, str],
    ) -> str:
        """A row's chapter: its heading, a link to its element, and its duties in words, level by level."""

    def others(self, context: Context, actors: list[model.Actor]) -> str:
        """The actors in no row (no role, responsible for nothing), linked, with the follow-up they are in."""


MATRIX = template_macros("realisation/matrix.md.j2", MatrixMacros)


def matrix_page(context: Context) -> str | dict[str, str]:
    rows = responsibility_rows(context.strategy)
    columns = matrix_columns(rows)

    def pieces(part_context: Context) -> list[Piece]:  # measured by their chapter and table line
        return [
            Piece(
                (),
                part_context.piece(
                    "rad",
                    lambda row=row: (
                        MATRIX.chapter(part_context, row, columns, LEVEL_NAMES)  # type: ignore[misc]
                        + MATRIX.table_row(part_context, row, columns)
                    ),
                    row,
                    columns,
                ),
                part_name(part_context.words, row.element) if row.element else "Hele strategien",
                row,
            )
            for row in rows
        ]

    def body(part_context: Context, run: list[Piece]) -> str:
        run_rows = [piece.item for piece in run if isinstance(piece.item, MatrixRow)]  # every piece holds its row
        return part_context.piece(
            "krop", lambda: MATRIX.body(part_context, run_rows, columns, LEVEL_NAMES), run_rows, columns
        )

    return split_page(
        context,
        "Ansvar og roller",
        lambda parts_count: MATRIX.head(context, context.strategy, role_links(context), parts_count),
        pieces,
        body,
        tail=MATRIX.others(context, actors_without_duties(context.strategy)),
    )
