"""Element pages: the strategy's front page, the list page of each kind, and one page per element.

Pipeline position: rendering; called by the page builder (``pages``) with a ``Context`` for the page.
Each kind of element has its template in ``templates/elements/`` named after it (``indsats.md.j2`` is how
an indsats page looks); the shared head and foot are ``_head.md.j2`` and ``_foot.md.j2``.
"""

from __future__ import annotations

from .. import model
from ..derived.addresses import Target, relative_link
from .context import Context
from .indicators import indicator_markdown
from .templating import template

ELEMENT_TEMPLATES: dict[type[model.Element], str] = {
    model.Area: "elements/omraade.md.j2",
    model.Objective: "elements/maalsaetning.md.j2",
    model.Intervention: "elements/indsats.md.j2",
    model.Activity: "elements/aktivitet.md.j2",
    model.Goal: "elements/maal.md.j2",
    model.Hypothesis: "elements/hypotese.md.j2",
    model.Actor: "elements/aktoer.md.j2",
    model.Resource: "elements/ressource.md.j2",
    model.ExternalFactor: "elements/ekstern_faktor.md.j2",
}

# Goals are grouped by level in the chain's order; goals without one last, in a group of their own.
GOAL_GROUPS: tuple[model.GoalLevel | None, ...] = (*model.GOAL_LEVELS, None)


def strategy_page(context: Context, connections_src: str = "") -> str:
    """The strategy's front page; with ``connections_src``, its forbindelser are counted and linked to that
    page instead of listed (``pages`` decides, when the list would make the front page too long)."""
    connections_link = relative_link(context.src, Target(connections_src)) if connections_src else ""
    return template(
        "elements/strategi.md.j2",
        context=context,
        strategy=context.strategy,
        relations=context.relations,
        connections_link=connections_link,
        goal_levels=GOAL_GROUPS,
    )


def section_page(context: Context, cls: type[model.Element], title: str, elements: list[model.Element]) -> str:
    """The list page of one kind of element (``<strategi>/<type>/``)."""
    return template(
        "elements/liste.md.j2", context=context, strategy=context.strategy, title=title, elements=elements, cls=cls
    )


def element_page(context: Context, element: model.Element) -> str:
    """The page of one element, by its kind's template."""
    parent = context.strategy.parents.get(element.id)
    indicators = (
        {indicator.id: indicator_markdown(context, indicator) for indicator in element.indikatorer}
        if isinstance(element, model.Goal)
        else {}
    )
    return template(
        ELEMENT_TEMPLATES[type(element)],
        context=context,
        strategy=context.strategy,
        relations=context.relations,
        element=element,
        parent=parent,
        indicators=indicators,
    )
