"""Tidslinje og status: the strategy's events by year, then the status of every indsats and activity.

Pipeline position: rendering, among the realisation pages (``realisation.plan``); the print edition shows
the same events. Events and counts from ``derived.timeline``; Markdown from
``templates/realisation/timeline.md.j2`` and ``parts.md.j2``.
"""

from __future__ import annotations

import functools
from typing import Protocol

from ... import model
from ...derived.timeline import Event, status_counts, timeline
from ...derived.words import Vocabulary
from ...text import inline
from ..context import Context
from ..splitting import Piece, heading_line, part_name, split_page
from ..templating import template_macros


class TimelineMacros(Protocol):
    """The macros of ``templates/realisation/timeline.md.j2``."""

    def head(self, strategy: model.Strategy, parts_count: int) -> str:
        """Front matter, title, the strategy's period and status, the note on parts."""

    def counts(self, counts: list[tuple[str, int]]) -> str:
        """How many indsatser and activities have each status, on one line."""


class PartsMacros(Protocol):
    """The macros of ``templates/realisation/parts.md.j2`` that Python calls (the other realisation
    templates import the rest)."""

    def status_header(self, words: Vocabulary) -> str:
        """The header of the status table, in the strategy's ``words``."""

    def status_rows(self, context: Context, indsats: model.Intervention) -> str:
        """The status table's rows of an indsats and its activities."""

    def event(self, context: Context, event: Event) -> str:
        """A dated event as a list item, its text indented under it."""


TIMELINE = template_macros("realisation/timeline.md.j2", TimelineMacros)
PARTS = template_macros("realisation/parts.md.j2", PartsMacros)


def timeline_page(context: Context) -> str | dict[str, str]:
    return split_page(
        context,
        "Tidslinje og status",
        lambda parts_count: TIMELINE.head(context.strategy, parts_count),
        _timeline_pieces,
    )


def _timeline_pieces(context: Context) -> list[Piece]:
    """Events by year (one piece each), then the status table one indsats and its activities at a time."""
    pieces = event_pieces(context, "tidslinje--forloeb")
    words = context.words
    title = f"Status på {words.plural('indsats')} og {words.plural('aktivitet')}"
    table = (
        heading_line(2, inline(title), "status--indsatser"),
        TIMELINE.counts(status_counts(context.strategy)) + "\n" + PARTS.status_header(words) + "\n",
    )
    return pieces + [
        Piece(
            table,
            context.piece("status", functools.partial(PARTS.status_rows, context, indsats), indsats),
            part_name(words, indsats),
        )
        for indsats in context.strategy.indsatser
    ]


def event_pieces(context: Context, anchor: str) -> list[Piece]:
    """The strategy's events, one piece each, under the heading ``Tidslinje`` (at ``anchor``) and their year."""
    section = heading_line(2, "Tidslinje", anchor)
    return [
        Piece(
            (section, heading_line(3, str(event.year), f"aar--{event.year}")),
            context.piece("begivenhed", functools.partial(PARTS.event, context, event), event) + "\n",
            event.when,
        )
        for event in timeline(context.strategy)
    ]
