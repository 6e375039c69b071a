"""How far a strategy has come toward its targets: progress the IATI way, row by row of an indicator.

Pipeline position: derived from the model, before anything renders (the indicator block and the print
edition build their table from ``indicator_rows``; the indicator chart plots the same rows). Pure
functions of the model, no I/O.

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

from .. import model
from .words import number

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
        """ "40 %", "100 % (niveau holdt)" for a threshold target, or the reason there is no value."""
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
