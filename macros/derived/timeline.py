"""The strategy in time: dated events for the timeline, the latest recorded change, statuses.

Pipeline position: derived from the model, before anything renders (the timeline page and the print
edition read it; the page set dates each page by ``changed_on``).
Pure functions, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model
from .words import date_text

# When the data records no dated change at all, pages carry this date rather than the build date, so two
# builds of the same data stay byte-identical (the sitemap's lastmod comes from it).
FALLBACK_DATE = "2000-01-01"


@dataclass(frozen=True)
class Event:
    """A dated line on the timeline. ``element`` events read "<link> <title>" ("Indsats 1 begynder")."""

    date: model.PartialDate
    kind: str
    title: str
    text: str | None = None
    element: model.Element | None = None
    end: bool = False
    decided_by: model.Element | None = None  # the actor that made a decision (``beslutninger``)

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def when(self) -> str:
        return date_text(self.date)


def _period_events(period: model.Period | None, element: model.Element | None, title: str) -> list[Event]:
    if period is None:
        return []
    start = Event(period.fra, "Start", "begynder" if element else f"{title} begynder", element=element)
    if period.til is None:
        return [start]
    return [start, Event(period.til, "Slut", "slutter" if element else f"{title} slutter", element=element, end=True)]


def timeline(strategy: model.Strategy) -> list[Event]:
    """Period, milestones, dated sources, decisions (beslutninger), changes (versioner) and element periods,
    oldest first."""
    events = _period_events(strategy.periode, None, "Strategiperioden")
    events += [Event(m.dato, "Milepæl", m.titel, m.beskrivelse) for m in strategy.milepaele]
    events += [Event(k.dato, "Kilde", k.titel) for k in strategy.kilder if k.dato]
    events += [
        Event(d.dato, "Beslutning", d.titel, d.beskrivelse, decided_by=strategy.elements[d.organ] if d.organ else None)
        for d in strategy.beslutninger
    ]
    events += [
        Event(v.dato, "Ændring", v.aendring, v.besluttet_af and f"Besluttet af {v.besluttet_af}.")
        for v in strategy.versioner
    ]
    for indsats in strategy.indsatser:
        elements: list[model.Intervention | model.Activity] = [indsats, *indsats.aktiviteter]
        for element in elements:
            events += _period_events(element.periode, element, "")
    return sorted(events, key=lambda e: e.date.sort_key(e.end))


def status_counts(strategy: model.Strategy) -> list[tuple[str, int]]:
    """How many indsatser and aktiviteter have each status, in the order of the workflow (those the data
    gives no status are not counted: the table shows them without one)."""
    statuses: list[str | None] = [i.status for i in strategy.indsatser]
    statuses += [a.status for a in strategy.activities]
    order = ["planlagt", "i gang", "afsluttet", "opgivet"]
    return [(s, statuses.count(s)) for s in order if statuses.count(s)]


def changed_on(strategy: model.Strategy) -> str | None:
    """The date of the strategy's latest recorded change (``versioner``), as YYYY-MM-DD."""
    if not strategy.versioner:
        return None
    year, month, day = max(v.dato.sort_key() for v in strategy.versioner)
    return f"{year:04d}-{month:02d}-{day:02d}"


def newest_first(strategy: model.Strategy) -> list[model.Version]:
    return sorted(strategy.versioner, key=lambda v: v.dato.sort_key(), reverse=True)
