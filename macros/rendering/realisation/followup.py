"""Opfølgning og årshjul: the follow-up processes and the årshjul of the months they happen in.

Pipeline position: rendering, among the realisation pages (``realisation.plan``); the print edition shows
the same wheel. Markdown from ``templates/realisation/followup.md.j2``, the wheel from ``charts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import model
from ...derived.words import months_text
from .. import charts
from ..context import Context
from ..templating import template


@dataclass(frozen=True)
class WheelParts:
    """The processes in the årshjul (numbered in this order), its SVG (None when it would be empty), and
    the processes outside it (no month)."""

    placed: list[model.Process]
    svg: str | None
    unplaced: list[model.Process]


def wheel_parts(strategy: model.Strategy) -> WheelParts:
    """The årshjul and the processes in it and outside it."""
    placed = [process for process in strategy.processer if process.maaneder]
    wheel = (
        charts.wheel(
            f"fig--{strategy.id}--aarshjul",
            f"Årshjul for {strategy.titel}",
            [(process.id, process.titel, process.maaneder) for process in placed],
        )
        if placed
        else None
    )
    return WheelParts(placed, wheel, [process for process in strategy.processer if not process.maaneder])


def followup_title(strategy: model.Strategy) -> str:
    """ "Opfølgning og årshjul"; "Opfølgning" when no process has a month (there is no årshjul to show)."""
    return "Opfølgning og årshjul" if any(process.maaneder for process in strategy.processer) else "Opfølgning"


def followup_page(context: Context) -> str:
    wheel = wheel_parts(context.strategy)
    return template(
        "realisation/followup.md.j2",
        context=context,
        title=followup_title(context.strategy),
        strategy=context.strategy,
        months_text=months_text,
        placed=wheel.placed,
        wheel=wheel.svg,
        unplaced=wheel.unplaced,
    )
