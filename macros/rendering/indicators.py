"""An indicator's block: its facts, a chart and the table of baseline, targets, measurements and progress.

Pipeline position: rendering; shown on its goal's page (``elements``) and in the print edition. The rows
and progress come from ``derived.progress``, the SVG from ``charts``, the Markdown from
``templates/elements/indikator.md.j2``.
"""

from __future__ import annotations

import functools

from .. import model
from ..derived.progress import NO_TARGET, indicator_rows
from ..derived.words import quantity
from . import charts
from .context import Context
from .templating import template


def indicator_markdown(context: Context, indicator: model.Indicator) -> str:
    """The indicator's block (Markdown, with its chart as inline SVG)."""
    rows = indicator_rows(indicator)
    chart = _indicator_chart(context.strategy.id, indicator)
    return template(
        "elements/indikator.md.j2",
        context=context,
        indicator=indicator,
        rows=rows,
        chart=chart,
        unit=indicator.maaleenhed,
        quantity=quantity,
        any_target=any(m.maal is not None or m.maal_aendring is not None for m in indicator.perioder),
        reached_at_baseline=any(row.progress is not None and row.progress.reached_at_baseline for row in rows),
    )


@functools.lru_cache(maxsize=4096)
def _indicator_chart(strategy_id: str, indicator: model.Indicator) -> str | None:
    """The indicator's chart: a pure function of these two values (the model is frozen), so it is drawn once
    although the goal's page and the print edition both show it, and ``mkdocs serve`` keeps it for the
    indicators an edit did not touch. The key is the whole indicator, so a kept chart is never stale."""
    return charts.indicator_chart(
        f"fig--{strategy_id}--{indicator.id}",
        f"Diagram: {indicator.titel}, målt og mål pr. periode",
        indicator_rows(indicator),
        indicator.maaleenhed,
        _chart_description(indicator),
    )


def _chart_description(indicator: model.Indicator) -> str:
    """The chart's ``<desc>``: every value it plots, in words."""
    unit = indicator.maaleenhed
    parts = []
    for row in indicator_rows(indicator):
        if row.is_baseline:
            parts.append(
                f"Udgangspunkt {row.periode}: {quantity(row.faktisk, unit)}." if row.faktisk is not None else ""
            )
            continue
        target = f"mål {row.target}" if row.target is not None else NO_TARGET
        actual = f"målt {quantity(row.faktisk, unit)}" if row.faktisk is not None else "ikke målt"
        parts.append(f"{row.periode}: {target}, {actual}.")
    better = "Lavere er bedre." if indicator.retning == "lavere" else "Højere er bedre."
    return " ".join([better, *filter(None, parts)])
