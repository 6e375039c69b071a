"""Hvad betyder strategien for mig?: the index of role sheets, and one sheet per level.

Pipeline position: rendering, among the realisation pages (``realisation.plan``). Duties from
``derived.responsibility``; Markdown from ``templates/realisation/roles.md.j2`` and ``role.md.j2``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Protocol

from ... import model
from ...derived.addresses import Target, relative_link
from ...derived.responsibility import MatrixRow, level_processes, responsibility_rows, role_levels
from ...derived.words import LEVEL_NAMES, months_text
from ...text import inline
from ..context import Context
from ..splitting import Piece, heading_line, part_name, split_page
from ..templating import template, template_macros

# Per level: the nav entry and the "for me" question of its role sheet.
ROLE_PAGES = {
    "politisk": ("For politikere", "som politiker"),
    "forvaltning": ("For forvaltningen", "i forvaltningen"),
    "ledelse": ("For ledere", "som leder"),
    "medarbejder": ("For medarbejdere", "som medarbejder"),
}


class RoleMacros(Protocol):
    """The macros of ``templates/realisation/role.md.j2``: one role sheet, for the level ``level``."""

    def head(
        self,
        context: Context,
        strategy: model.Strategy,
        level: model.Level,
        level_names: Mapping[model.Level | None, str],
        question: str,
        rows: Mapping[str, MatrixRow],
        period: model.Period | None,
        parts_count: int,
    ) -> str:
        """Front matter and title (the "for me" ``question``), the prerequisites and duties per målsætning
        (``rows`` by anchor), the duties for the whole strategy, the note on parts."""

    def indsats(self, context: Context, row: MatrixRow, level: model.Level) -> str:
        """An indsats the level has a role in, linked, with the level's duties under it."""

    def tail(
        self,
        context: Context,
        strategy: model.Strategy,
        level: model.Level,
        processes: list[model.Process],
        months_text: Callable[[tuple[int, ...]], str],
    ) -> str:
        """The follow-up the level takes part in, and a link to the strategy."""


ROLE = template_macros("realisation/role.md.j2", RoleMacros)


def role_links(context: Context) -> list[tuple[str, str]]:
    """(title, relative .md link) of the strategy's role sheets, from the page at ``context.src``."""
    return [
        (ROLE_PAGES[level][0], relative_link(context.src, Target(f"{context.strategy.id}/roller/{level}.md")))
        for level in role_levels(context.strategy)
    ]


def roles_index_page(context: Context) -> str:
    links = zip(role_levels(context.strategy), role_links(context), strict=True)
    sheets = [(level, ROLE_PAGES[level][1], href) for level, (_, href) in links]
    prerequisites = {
        level: sum(
            prerequisite.niveau == level
            for objective in context.strategy.maalsaetninger
            for prerequisite in objective.forudsaetninger
        )
        for level, _, _ in sheets
    }
    return template(
        "realisation/roles.md.j2",
        context=context,
        strategy=context.strategy,
        sheets=sheets,
        level_names=LEVEL_NAMES,
        prerequisites=prerequisites,
        has_matrix=bool(context.strategy.aktoerer),
    )


def role_page(context: Context, level: model.Level) -> str | dict[str, str]:
    strategy, rows = context.strategy, {row.anchor: row for row in responsibility_rows(context.strategy)}
    indsatser = [row for row in rows.values() if isinstance(row.element, model.Intervention) and row.at(level)]
    section = (heading_line(2, inline(context.words.Plural("indsats")), "indsatser--roller"),)

    def pieces(part_context: Context) -> list[Piece]:
        return [
            Piece(
                section,
                part_context.piece("indsats", functools.partial(ROLE.indsats, part_context, row, level), row),
                part_name(part_context.words, row.element),
                row,
            )
            for row in indsatser
            if row.element
        ]

    def head(parts_count: int) -> str:
        question = ROLE_PAGES[level][1]
        return ROLE.head(context, strategy, level, LEVEL_NAMES, question, rows, strategy.periode, parts_count)

    tail = ROLE.tail(context, strategy, level, level_processes(strategy, level), months_text)
    return split_page(context, f"Roller {ROLE_PAGES[level][1]}", head, pieces, tail=tail)
