"""Hele strategien til udskrift: the whole strategy in reading order on one page (or in parts), for paper.

Pipeline position: rendering, the last of the realisation pages (``realisation.plan``). It reuses the
pieces of the other pages (indicator blocks, the årshjul, the timeline's events); Markdown from
``templates/realisation/print.md.j2``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, TypeVar

from ... import model
from ...derived.timeline import newest_first
from ...derived.words import LEVEL_NAMES, months_text
from ...text import inline
from ..context import Context
from ..elements import GOAL_GROUPS
from ..indicators import indicator_markdown
from ..splitting import Piece, heading_line, part_name, split_page
from ..templating import template_macros
from .followup import wheel_parts
from .timeline import event_pieces

ElementT = TypeVar("ElementT", bound=model.Element)


class PrintMacros(Protocol):
    """The macros of ``templates/realisation/print.md.j2``: the print edition one piece at a time."""

    def head(self, strategy: model.Strategy, parts_count: int) -> str:
        """Front matter, title, and what the page is for; the note on parts."""

    def intro(self, context: Context, strategy: model.Strategy, figure: str) -> str:
        """The strategy's facts, vision, purpose, description and budget, and the overview diagram (``figure``)."""

    def budget(self, element: model.Strategy | model.Intervention) -> str:
        """A budget as a table, one row a year, the amounts in Danish form."""

    def objective(
        self, context: Context, objective: model.Objective, level_names: Mapping[model.Level | None, str]
    ) -> str:
        """A målsætning with its prerequisites per level."""

    def indsats(self, context: Context, indsats: model.Intervention, plain: Callable[[tuple[str, ...]], str]) -> str:
        """An indsats with its budget, activities and hypotheses; ``plain`` names elements without links."""

    def goal(self, context: Context, goal: model.Goal, indicators: Mapping[model.ElementId, str]) -> str:
        """A mål with its indicators' blocks (``indicators``: indicator id → its Markdown)."""

    def described(self, context: Context, element: model.Element) -> str:
        """An element with its heading and description only (områder, temaer, ressourcer)."""

    def factor(self, context: Context, factor: model.ExternalFactor, plain: Callable[[tuple[str, ...]], str]) -> str:
        """An external factor with its description and what it acts on."""

    def connection(self, context: Context, connection: model.Connection) -> str:
        """A forbindelse as a list item, with its antagelse."""

    def actor(self, context: Context, actor: model.Actor, level_names: Mapping[model.Level | None, str]) -> str:
        """An actor with its roles."""

    def wheel(
        self,
        context: Context,
        placed: list[model.Process],
        unplaced: list[model.Process],
        wheel: str | None,
        months_text: Callable[[tuple[int, ...]], str],
    ) -> str:
        """The årshjul (``wheel``: its SVG) with the numbers in it, and the processes without a month."""

    def process(self, context: Context, process: model.Process, months_text: Callable[[tuple[int, ...]], str]) -> str:
        """A follow-up process with its facts."""

    def changes(self, versions: list[model.Version]) -> str:
        """The change log, newest first."""

    def source(self, source: model.Source) -> str:
        """A source as a list item, linked when it has a web address."""

    def notes(self, notes: list[tuple[str, str]]) -> str:
        """The editors' notes on the sources (``redaktionelle_noter``): (element's name, note) pairs."""


PRINT = template_macros("realisation/print.md.j2", PrintMacros)


def print_page(context: Context) -> str | dict[str, str]:
    return split_page(
        context,
        f"{context.strategy.titel} – hele strategien",
        lambda parts_count: PRINT.head(context.strategy, parts_count),
        _print_pieces,
    )


def _print_pieces(context: Context) -> list[Piece]:
    """The whole strategy in reading order, one element (with what it holds) per piece."""
    strategy = context.strategy

    words = context.words

    def plain(ids: tuple[str, ...]) -> str:
        return ", ".join(inline(words.heading(element)) for element in context.els(ids))

    def described(element: model.Element) -> str:
        return PRINT.described(context, element)

    pieces = [Piece((), PRINT.intro(context, strategy, context.figure("oversigt")), "Indledning")]
    pieces += _each(
        context,
        words.Plural("målsætning"),
        "maalsaetninger--alle",
        strategy.maalsaetninger,
        lambda objective: PRINT.objective(context, objective, LEVEL_NAMES),
    )
    pieces += _each(context, words.Plural("ressource"), "ressourcer--alle", strategy.ressourcer, described)
    pieces += _each(
        context,
        words.Plural("indsats"),
        "indsatser--alle",
        strategy.indsatser,
        lambda indsats: PRINT.indsats(context, indsats, plain),
    )
    pieces += _goal_pieces(context)
    pieces += _each(
        context,
        words.Plural("ekstern faktor"),
        "eksterne-faktorer--alle",
        strategy.eksterne_faktorer,
        lambda factor: PRINT.factor(context, factor, plain),
    )
    pieces += _each(context, words.Plural("område"), "omraader--alle", strategy.omraader, described)
    pieces += _each(context, words.Plural("tema"), "temaer--alle", strategy.temaer, described)
    pieces += [
        Piece(
            (heading_line(2, "Sammenhænge og antagelser", "forbindelser--alle"),),
            context.piece("forbindelser", functools.partial(PRINT.connection, context, connection), connection),
        )
        for connection in strategy.forbindelser
    ]
    pieces += [
        Piece(
            (heading_line(2, inline(f"{words.Plural('aktør')} og roller"), "aktoerer--alle"),),
            context.piece("aktoerer", functools.partial(PRINT.actor, context, actor, LEVEL_NAMES), actor),
            part_name(words, actor),
        )
        for actor in strategy.aktoerer
    ]
    return pieces + _closing_pieces(context)


def _each(
    context: Context, title: str, anchor: str, elements: Sequence[ElementT], render: Callable[[ElementT], str]
) -> list[Piece]:
    """One piece per element, rendered by ``render``, under the section heading ``title`` (plain text, at
    ``anchor``)."""
    heading = heading_line(2, inline(title), anchor)
    return [
        Piece(
            (heading,),
            context.piece(anchor, functools.partial(render, element), element),
            part_name(context.words, element),
        )
        for element in elements
    ]


def _goal_pieces(context: Context) -> list[Piece]:
    """Goals by level in the chain's order (those without a level last), each with its indicators."""
    pieces = []
    for level in GOAL_GROUPS:
        goals = [goal for goal in context.strategy.maal if goal.niveau == level]
        title = context.words.level(level)
        pieces += _each(context, title, f"maal--{level or 'uden-niveau'}", goals, lambda goal: _goal(context, goal))
    return pieces


def _goal(context: Context, goal: model.Goal) -> str:
    """A goal with its indicators' blocks."""
    indicators = {indicator.id: indicator_markdown(context, indicator) for indicator in goal.indikatorer}
    return PRINT.goal(context, goal, indicators)


def _closing_pieces(context: Context) -> list[Piece]:
    """Follow-up (the årshjul links its processes, so they stay together), timeline, changes, sources."""
    strategy, pieces = context.strategy, []
    if strategy.processer:
        wheel = wheel_parts(strategy)
        followup = PRINT.wheel(context, wheel.placed, wheel.unplaced, wheel.svg, months_text)
        followup += "".join(PRINT.process(context, process, months_text) for process in strategy.processer)
        pieces.append(Piece((heading_line(2, "Opfølgning", "opfoelgning--alle"),), followup, "Opfølgning"))
    pieces += event_pieces(context, "tidslinje--alle")
    if strategy.versioner:
        pieces.append(
            Piece(
                (heading_line(2, "Ændringer", "aendringer--alle"),),
                PRINT.changes(newest_first(strategy)),
                "Ændringer",
            )
        )
    pieces += [Piece((heading_line(2, "Kilder", "kilder--alle"),), PRINT.source(source)) for source in strategy.kilder]
    noted = [element for element in strategy.elements.values() if element.redaktionelle_noter]
    notes = [(context.words.heading(element), str(element.redaktionelle_noter)) for element in noted]
    if notes:
        pieces.append(Piece((heading_line(2, "Om kilderne", "om-kilderne--alle"),), PRINT.notes(notes), "Om kilderne"))
    return pieces
