"""Tidslinje og status: the strategy's events by year, then the status of every indsats and activity.

Pipeline position: rendering, among the realisation pages (``realisation.plan``); the print edition shows
the same events. Events and counts from ``derived.timeline``; Markdown from
``templates/realisation/timeline.md.j2`` and ``parts.md.j2``.
"""

from __future__ import annotations

from ...derived.timeline import status_counts, timeline
from ..context import Context
from ..splitting import Piece, heading_line, part_name, split_page
from ..templating import macro

TIMELINE = "realisation/timeline.md.j2"
PARTS = "realisation/parts.md.j2"


def timeline_page(c: Context) -> str | dict[str, str]:
    return split_page(c, "Tidslinje og status", lambda n: macro(TIMELINE, "head", c.strategy, n), _timeline_pieces)


def _timeline_pieces(c: Context) -> list[Piece]:
    """Events by year (one piece each), then the status table one indsats and its activities at a time."""
    pieces = event_pieces(c, "tidslinje--forloeb")
    if not pieces:
        pieces = [
            Piece(
                (heading_line(2, "Tidslinje", "tidslinje--forloeb"),),
                "Der er endnu ikke registreret datoer eller milepæle for strategien.\n\n",
            )
        ]
    table = (
        heading_line(2, "Status på indsatser og aktiviteter", "status--indsatser"),
        macro(TIMELINE, "counts", status_counts(c.strategy)) + "\n" + macro(PARTS, "status_header") + "\n",
    )
    return pieces + [Piece(table, macro(PARTS, "status_rows", c, i), part_name(i)) for i in c.strategy.indsatser]


def event_pieces(c: Context, anchor: str) -> list[Piece]:
    section = heading_line(2, "Tidslinje", anchor)
    return [
        Piece((section, heading_line(3, str(e.year), f"aar--{e.year}")), macro(PARTS, "event", c, e) + "\n", e.when)
        for e in timeline(c.strategy)
    ]
