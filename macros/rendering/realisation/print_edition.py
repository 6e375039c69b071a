"""Hele strategien til udskrift: the whole strategy in reading order on one page (or in parts), for paper.

Pipeline position: rendering, the last of the realisation pages (``realisation.plan``). It reuses the
pieces of the other pages (indicator blocks, the årshjul, the timeline's events); Markdown from
``templates/realisation/print.md.j2``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ... import model
from ...derived.timeline import newest_first
from ...derived.words import LEVEL_NAMES, heading, months_text
from ...text import inline
from ..context import Context
from ..indicators import indicator_markdown
from ..splitting import Piece, heading_line, part_name, split_page
from ..templating import macro
from .followup import wheel_parts
from .timeline import event_pieces

PRINT = "realisation/print.md.j2"


def print_page(c: Context) -> str | dict[str, str]:
    return split_page(
        c, f"{c.strategy.titel} – hele strategien", lambda n: macro(PRINT, "head", c.strategy, n), _print_pieces
    )


def _print_pieces(c: Context) -> list[Piece]:
    """The whole strategy in reading order, one element (with what it holds) per piece."""
    s = c.strategy

    def plain(ids: tuple[str, ...]) -> str:
        return ", ".join(inline(heading(e)) for e in c.els(ids))

    def each(title: str, anchor: str, name: str, elements: Sequence[model.Element], *args: object) -> list[Piece]:
        return [Piece((heading_line(2, title, anchor),), macro(PRINT, name, e, *args), part_name(e)) for e in elements]

    pieces = [Piece((), macro(PRINT, "intro", s), "Indledning")]
    pieces += each("Målsætninger", "maalsaetninger--alle", "objective", s.maalsaetninger, LEVEL_NAMES)
    pieces += each("Indsatser", "indsatser--alle", "indsats", s.indsatser, plain)
    pieces += _goal_pieces(c)
    pieces += each("Områder", "omraader--alle", "described", s.omraader)
    pieces += each("Tværgående temaer", "temaer--alle", "described", s.temaer)
    pieces += [
        Piece((heading_line(2, "Sammenhænge og antagelser", "forbindelser--alle"),), macro(PRINT, "connection", c, k))
        for k in s.forbindelser
    ]
    pieces += [
        Piece(
            (heading_line(2, "Aktører og roller", "aktoerer--alle"),),
            macro(PRINT, "actor", c, a, LEVEL_NAMES),
            part_name(a),
        )
        for a in s.aktoerer
    ]
    return pieces + _closing_pieces(c)


def _goal_pieces(c: Context) -> list[Piece]:
    """Goals by level, each with its indicators' tables and charts."""
    titles = {"kortsigtet": "Kortsigtede mål", "effekt": "Effektmål", "langsigtet": "Langsigtede mål"}
    pieces = []
    for level, title in titles.items():
        for goal in (g for g in c.strategy.maal if g.niveau == level):
            blocks = {i.id: indicator_markdown(c, i) for i in goal.indikatorer}
            pieces.append(
                Piece((heading_line(2, title, f"maal--{level}"),), macro(PRINT, "goal", goal, blocks), part_name(goal))
            )
    return pieces


def _closing_pieces(c: Context) -> list[Piece]:
    """Follow-up (the årshjul links its processes, so they stay together), timeline, changes, sources."""
    s, pieces = c.strategy, []
    if s.processer:
        wheel = wheel_parts(s)
        followup = macro(PRINT, "wheel", c, wheel["placed"], wheel["unplaced"], wheel["wheel"], months_text)
        followup += "".join(macro(PRINT, "process", c, p, months_text) for p in s.processer)
        pieces.append(Piece((heading_line(2, "Opfølgning", "opfoelgning--alle"),), followup, "Opfølgning"))
    pieces += event_pieces(c, "tidslinje--alle")
    pieces.append(
        Piece(
            (heading_line(2, "Ændringer", "aendringer--alle"),), macro(PRINT, "changes", newest_first(s)), "Ændringer"
        )
    )
    return pieces + [Piece((heading_line(2, "Kilder", "kilder--alle"),), macro(PRINT, "source", k)) for k in s.kilder]
