"""Realisation pages: who does what (matrix, role sheets), follow-up and årshjul, timeline, changes, print.

Pipeline position: rendering; the page builder (``pages``) asks ``realisation_pages`` and ``realisation_nav``
for each strategy. ``plan`` says which of these pages a strategy gets, in nav order; each page has a
module of its own here (``matrix``, ``roles``, ``followup``, ``timeline``, ``changes``, ``print_edition``)
and its templates in ``templates/realisation/``. Pages that grow with the strategy are split in parts
(``splitting``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ... import model
from ...derived.addresses import AddressBook
from ...derived.relations import Relations
from ...derived.responsibility import role_levels
from ...diagrams.figures import DiagramSet
from ..context import Context, render_now
from .changes import changes_page
from .followup import followup_page, followup_title
from .matrix import matrix_page
from .print_edition import print_page
from .roles import ROLE_PAGES, role_page, roles_index_page
from .timeline import timeline_page


@dataclass(frozen=True)
class PagePlan:
    """One realisation page of a strategy: its nav title, source path, how to render it, whether in the nav."""

    title: str
    src: str
    render: Callable[[Context], str | dict[str, str]]  # one page, or a page split into parts
    in_nav: bool = True


def plan(strategy: model.Strategy) -> list[PagePlan]:
    """The pages a strategy gets, in nav order: only those with content or an honest empty text."""
    sid, pages = strategy.id, []
    if strategy.aktoerer:
        pages.append(PagePlan("Ansvar og roller", f"{sid}/ansvar.md", matrix_page))
    if role_levels(strategy):
        pages.append(PagePlan("Hvad betyder strategien for mig?", f"{sid}/roller/index.md", roles_index_page))
    for level in role_levels(strategy):  # linked from the page above, kept out of the nav
        pages.append(
            PagePlan(
                ROLE_PAGES[level][0],
                f"{sid}/roller/{level}.md",
                functools.partial(role_page, level=level),
                in_nav=False,
            )
        )
    if strategy.processer:
        pages.append(PagePlan(followup_title(strategy), f"{sid}/opfoelgning.md", followup_page))
    if strategy.periode or strategy.milepaele or strategy.beslutninger or strategy.versioner or strategy.indsatser:
        pages.append(PagePlan("Tidslinje og status", f"{sid}/tidslinje.md", timeline_page))
    pages.append(PagePlan("Ændringer", f"{sid}/aendringer.md", changes_page))
    pages.append(PagePlan("Hele strategien til udskrift", f"{sid}/udskrift.md", print_page))
    return pages


def realisation_pages(
    strategy: model.Strategy,
    book: AddressBook,
    relations: Relations,
    figures: DiagramSet | None = None,
    unit: Callable[..., Any] = render_now,
) -> dict[str, str]:
    """Source path → Markdown of every realisation page of ``strategy`` (see ``plan``); the print edition
    shows the overview diagram from ``figures``.

    The role sheets (``<strategi>/roller/<niveau>.md``) are not in ``realisation_nav``: they are linked
    from ``<strategi>/roller/index.md`` and belong outside the navigation like element pages. Nor are the
    parts of a page too long for one (``<side>/del-<n>.md``, see ``splitting.split_page``), linked from
    that page. ``unit`` is how each page is rendered (``build_page_set``'s, which may keep it from the last
    build).
    """
    found: dict[str, str] = {}
    for page in plan(strategy):
        context = Context(strategy, relations, book, page.src, figures, unit)
        rendered = context.unit(page.src, functools.partial(page.render, context))
        found.update(rendered if isinstance(rendered, dict) else {page.src: rendered})
    return found


def realisation_nav(strategy: model.Strategy) -> list[dict[str, str]]:
    """Nav entries ({title: source path}) for the pages ``realisation_pages`` makes, in the same order,
    except the role sheets (linked from their index page)."""
    return [{p.title: p.src} for p in plan(strategy) if p.in_nav]
