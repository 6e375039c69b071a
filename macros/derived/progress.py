"""How far a strategy has come toward its targets: progress the IATI way, row by row of an indicator.

Pipeline position: derived from the model, before anything renders (the indicator block and the print
edition build their table from ``indicator_rows``; the indicator chart plots the same rows). Pure
functions of the model, no I/O.

Progress follows IATI's indicator results: the actual value is measured from the baseline toward the
target, as a share of the distance (target − baseline), clamped to 0–100 %. Direction matters: when
lower is better (``retning: lavere``), going down is progress. Without a baseline, a target or an
actual value there is no progress value at all (``None``) — never 0, which would claim a measurement.

A target may be written as a value (``mål``) or as a change from the baseline in per cent
(``mål_ændring: -40``); the value it stands for is worked out from the baseline where there is one.

A target that is not better than the baseline (equal, or on the wrong side for the direction: an
inclusion rate of 93,4 % with a target of 92,4 %) was reached at the baseline: there is no distance to
divide by, so the measurement is "nået" when it is at least as good as the target and "ikke nået" when
not.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model
from .words import number, quantity, signed_percent

NOT_MEASURED = "ikke målt"
NO_TARGET = "intet mål sat"
NO_BASELINE = "intet udgangspunkt"
REACHED = "nået"
NOT_REACHED = "ikke nået"


@dataclass(frozen=True)
class Progress:
    """How far one measurement has come toward its target: 0–100, or None with the reason why not."""

    percent: float | None
    reason: str | None = None  # Danish, set exactly when percent is None
    reached_at_baseline: bool = False  # the target was no better than the baseline

    def text(self) -> str:
        """ "40 %"; "nået" or "ikke nået" for a target reached at the baseline; or why there is no value."""
        if self.percent is None:
            return str(self.reason)
        if self.reached_at_baseline:
            return REACHED if self.percent else NOT_REACHED
        return f"{number(round(self.percent))} %"


def target_value(indicator: model.Indicator, measurement: model.Measurement) -> float | None:
    """The value a period aims at: its ``mål``, or the baseline changed by ``mål_ændring`` per cent."""
    if measurement.maal is not None:
        return measurement.maal
    if measurement.maal_aendring is not None and indicator.baseline is not None:
        return indicator.baseline.vaerdi * (1 + measurement.maal_aendring / 100)
    return None


def bound_word(indicator: model.Indicator) -> str:
    """ "højst " or "mindst " before a target that is a bound (``mål_er_grænse: ja``), else ""."""
    if indicator.maal_er_graense != "ja":
        return ""
    return "højst " if indicator.retning == "lavere" else "mindst "


def target_text(indicator: model.Indicator, measurement: model.Measurement) -> str | None:
    """A period's target as people say it (plain text, not escaped): "5,5 %", "højst 0,5 %", "−40 % (til
    3,66 %)", "−40 % (højst 3,66 %)"; a change from an unknown baseline is the change alone. None: no target."""
    unit, bound = indicator.maaleenhed, bound_word(indicator)
    if measurement.maal is not None:
        return bound + quantity(measurement.maal, unit)
    if measurement.maal_aendring is None:
        return None
    change = signed_percent(measurement.maal_aendring)
    value = target_value(indicator, measurement)
    if value is None:
        return change
    return f"{change} ({bound or 'til '}{quantity(round(value, 3), unit)})"


def progress(indicator: model.Indicator, measurement: model.Measurement) -> Progress:
    """Progress of ``measurement`` toward its target, from the indicator's baseline (see module doc)."""
    target = target_value(indicator, measurement)
    if target is None:
        relative = measurement.maal_aendring is not None  # a change from a baseline the data does not give
        return Progress(None, NO_BASELINE if relative else NO_TARGET)
    if measurement.faktisk is None:
        return Progress(None, NOT_MEASURED)
    if indicator.baseline is None:
        return Progress(None, NO_BASELINE)
    sign = 1.0 if indicator.retning == "højere" else -1.0
    distance = sign * (target - indicator.baseline.vaerdi)
    gained = sign * (measurement.faktisk - indicator.baseline.vaerdi)
    if distance <= 0:
        reached = sign * (measurement.faktisk - target) >= 0
        return Progress(100.0 if reached else 0.0, reached_at_baseline=True)
    return Progress(min(100.0, max(0.0, 100.0 * gained / distance)))


@dataclass(frozen=True)
class Row:
    """One row of an indicator's table: the baseline row or one period. ``maal`` is the value aimed at (what
    the chart plots), ``target`` the target as the table says it."""

    periode: str
    maal: float | None
    faktisk: float | None
    progress: Progress | None  # None on the baseline row
    note: str | None
    is_baseline: bool = False
    target: str | None = None


def indicator_rows(indicator: model.Indicator) -> list[Row]:
    """The baseline (when given) followed by every period in the editor's order."""
    rows = []
    if indicator.baseline is not None:
        base = indicator.baseline
        rows.append(Row(base.aar, None, base.vaerdi, None, base.note, is_baseline=True))
    for m in indicator.perioder:
        rows.append(
            Row(
                m.periode,
                target_value(indicator, m),
                m.faktisk,
                progress(indicator, m),
                m.note,
                target=target_text(indicator, m),
            )
        )
    return rows
