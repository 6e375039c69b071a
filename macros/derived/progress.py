"""How far a strategy has come: progress toward goals the IATI way, the timeline, statuses.

Pipeline position: between the validated model and the realisation renderers (``realisation`` builds the
indicator table from ``indicator_rows`` and the timeline page from ``timeline`` and ``status_counts``;
``charts`` plots the same rows). Pure functions of the model, no I/O.

Progress follows IATI's indicator results: the actual value is measured from the baseline toward the
target, as a share of the distance (target − baseline), clamped to 0–100 %. Direction matters: when
lower is better (``retning: lavere``), going down is progress. Without a baseline, a target or an
actual value there is no progress value at all (``None``) — never 0, which would claim a measurement.

A target that is not better than the baseline (equal, or on the wrong side for the direction, e.g. "keep
absence at or below 7 %" from 6.1 %) leaves no distance to divide by. Such a target is a threshold to
hold: progress is 100 % when the actual value is at least as good as the target, else 0 %.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import model

NOT_MEASURED = "ikke målt"
NO_TARGET = "intet mål sat"
NO_BASELINE = "intet udgangspunkt"


@dataclass(frozen=True)
class Progress:
    """How far one measurement has come toward its target: 0–100, or None with the reason why not."""

    percent: float | None
    reason: str | None = None  # Danish, set exactly when percent is None
    threshold: bool = False  # the target was a level to hold (not better than the baseline)

    def text(self) -> str:
        """"40 %", "100 % (niveau holdt)" for a threshold target, or the reason there is no value."""
        if self.percent is None:
            return str(self.reason)
        held = (" (niveau holdt)" if self.percent else " (niveau ikke holdt)") if self.threshold else ""
        return f"{number(round(self.percent))} %{held}"


def progress(indicator: model.Indicator, measurement: model.Measurement) -> Progress:
    """Progress of ``measurement`` toward its target, from the indicator's baseline (see module doc)."""
    if measurement.maal is None:
        return Progress(None, NO_TARGET)
    if measurement.faktisk is None:
        return Progress(None, NOT_MEASURED)
    if indicator.baseline is None:
        return Progress(None, NO_BASELINE)
    sign = 1.0 if indicator.retning == "højere" else -1.0
    distance = sign * (measurement.maal - indicator.baseline.vaerdi)
    gained = sign * (measurement.faktisk - indicator.baseline.vaerdi)
    if distance <= 0:
        reached = sign * (measurement.faktisk - measurement.maal) >= 0
        return Progress(100.0 if reached else 0.0, threshold=True)
    return Progress(min(100.0, max(0.0, 100.0 * gained / distance)))


@dataclass(frozen=True)
class Row:
    """One row of an indicator's table: the baseline row or one period."""

    periode: str
    maal: float | None
    faktisk: float | None
    progress: Progress | None  # None on the baseline row
    note: str | None
    is_baseline: bool = False


def indicator_rows(indicator: model.Indicator) -> list[Row]:
    """The baseline (when given) followed by every period in the editor's order."""
    rows = []
    if indicator.baseline is not None:
        base = indicator.baseline
        rows.append(Row(base.aar, None, base.vaerdi, None, base.note, is_baseline=True))
    for m in indicator.perioder:
        rows.append(Row(m.periode, m.maal, m.faktisk, progress(indicator, m), m.note))
    return rows


def number(value: float) -> str:
    """A number the Danish way: 6,1 and 12.500; no trailing zeros, at most three decimals."""
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.translate(str.maketrans(",.", ".,"))


def quantity(value: float, unit: str | None) -> str:
    """A value with its unit: "6,1 %", "15 sager pr. rådgiver" (plain text, not yet escaped)."""
    return f"{number(value)} {unit}" if unit else number(value)


# --- Danish wording shared by the realisation pages and charts -----------------------------------

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def date_text(date: model.PartialDate) -> str:
    """A date as precise as it was given: "2014", "april 2015", "1. august 2015"."""
    if date.month is None:
        return str(date.year)
    month = f"{MONTHS[date.month - 1]} {date.year}"
    return f"{date.day}. {month}" if date.day else month


def months_text(months: tuple[int, ...]) -> str:
    """"marts og september" / "januar, april og oktober" for a process's months, in calendar order."""
    names = [MONTHS[m - 1] for m in sorted(set(months))]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


# --- timeline and status: how far the strategy has come in time ------------------------------------


@dataclass(frozen=True)
class Event:
    """A dated line on the timeline. ``element`` events read "<link> <title>" ("Indsats 1 begynder")."""

    date: model.PartialDate
    kind: str
    title: str
    text: str | None = None
    element: model.Element | None = None
    end: bool = False

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
    return [start, Event(period.til, "Slut", "slutter" if element else f"{title} slutter", element=element,
                         end=True)]


def timeline(strategy: model.Strategy) -> list[Event]:
    """Period, milestones, dated sources, decisions (versioner) and element periods, oldest first."""
    events = _period_events(strategy.periode, None, "Strategiperioden")
    events += [Event(m.dato, "Milepæl", m.titel, m.beskrivelse) for m in strategy.milepaele]
    events += [Event(k.dato, "Kilde", k.titel) for k in strategy.kilder if k.dato]
    events += [Event(v.dato, "Ændring", v.aendring, v.besluttet_af and f"Besluttet af {v.besluttet_af}.")
               for v in strategy.versioner]
    for indsats in strategy.indsatser:
        elements: list[model.Intervention | model.Activity] = [indsats, *indsats.aktiviteter]
        for element in elements:
            events += _period_events(element.periode, element, "")
    return sorted(events, key=lambda e: e.date.sort_key(e.end))


def status_counts(strategy: model.Strategy) -> list[tuple[str, int]]:
    """How many indsatser and aktiviteter have each status, in the order of the workflow."""
    statuses: list[str | None] = [i.status for i in strategy.indsatser]
    statuses += [a.status for a in strategy.activities]
    order: list[str | None] = ["planlagt", "i gang", "afsluttet", "opgivet", None]
    return [((s or "ikke angivet"), statuses.count(s)) for s in order if statuses.count(s)]
