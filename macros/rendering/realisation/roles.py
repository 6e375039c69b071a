"""Hvad betyder strategien for mig?: the index of role sheets, and one sheet per level.

Pipeline position: rendering, among the realisation pages (``realisation.plan``). Duties from
``derived.responsibility``; Markdown from ``templates/realisation/roles.md.j2`` and ``role.md.j2``.
"""

from __future__ import annotations

from ... import model
from ...derived.addresses import Target, relative_link
from ...derived.responsibility import level_processes, responsibility_rows, role_levels
from ...derived.words import LEVEL_NAMES, months_text
from ..context import Context
from ..splitting import Piece, heading_line, part_name, split_page
from ..templating import macro, template

# Per level: the nav entry and the "for me" question of its role sheet.
ROLE_PAGES = {
    "politisk": ("For politikere", "som politiker"),
    "forvaltning": ("For forvaltningen", "i forvaltningen"),
    "ledelse": ("For ledere", "som leder"),
    "medarbejder": ("For medarbejdere", "som medarbejder"),
}


def role_links(c: Context) -> list[tuple[str, str]]:
    """(title, relative .md link) of the strategy's role sheets, from the page at ``c.src``."""
    return [
        (ROLE_PAGES[lv][0], relative_link(c.src, Target(f"{c.strategy.id}/roller/{lv}.md")))
        for lv in role_levels(c.strategy)
    ]


def roles_index_page(c: Context) -> str:
    links = zip(role_levels(c.strategy), role_links(c), strict=True)
    sheets = [(lv, ROLE_PAGES[lv][1], href) for lv, (_, href) in links]
    prerequisites = {
        lv: sum(p.niveau == lv for o in c.strategy.maalsaetninger for p in o.forudsaetninger) for lv, _, _ in sheets
    }
    return template(
        "realisation/roles.md.j2",
        context=c,
        strategy=c.strategy,
        sheets=sheets,
        level_names=LEVEL_NAMES,
        prerequisites=prerequisites,
        has_matrix=bool(c.strategy.aktoerer),
    )


ROLE = "realisation/role.md.j2"


def role_page(c: Context, level: model.Level) -> str | dict[str, str]:
    s, rows = c.strategy, {row.anchor: row for row in responsibility_rows(c.strategy)}
    indsatser = [row for row in rows.values() if isinstance(row.element, model.Intervention) and row.at(level)]
    section = (heading_line(2, "Indsatser", "indsatser--roller"),)

    def pieces(at: Context) -> list[Piece]:
        return [
            Piece(section, macro(ROLE, "indsats", at, row, level), part_name(row.element), row)
            for row in indsatser
            if row.element
        ]

    def head(parts_count: int) -> str:
        return macro(ROLE, "head", c, s, level, LEVEL_NAMES, ROLE_PAGES[level][1], rows, s.periode, parts_count)

    tail = macro(ROLE, "tail", c, s, level, level_processes(s, level), months_text)
    return split_page(c, f"Roller {ROLE_PAGES[level][1]}", head, pieces, tail=tail)
