"""Opfølgning og årshjul: the follow-up processes and the årshjul of the months they happen in.

Pipeline position: rendering, among the realisation pages (``realisation.plan``); the print edition shows
the same wheel. Markdown from ``templates/realisation/followup.md.j2``, the wheel from ``charts``.
"""

from __future__ import annotations

from ... import model
from ...derived.words import months_text
from .. import charts
from ..context import Context
from ..templating import template


def wheel_parts(strategy: model.Strategy) -> dict[str, object]:
    """The årshjul and the processes in it (numbered in this order) and outside it (no month)."""
    placed = [p for p in strategy.processer if p.maaneder]
    wheel = (
        charts.wheel(
            f"fig--{strategy.id}--aarshjul",
            f"Årshjul for {strategy.titel}",
            [(p.id, p.titel, p.maaneder) for p in placed],
        )
        if placed
        else None
    )
    return {"placed": placed, "wheel": wheel, "unplaced": [p for p in strategy.processer if not p.maaneder]}


def followup_page(c: Context) -> str:
    return template(
        "realisation/followup.md.j2", context=c, strategy=c.strategy, months_text=months_text, **wheel_parts(c.strategy)
    )
