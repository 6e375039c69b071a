"""The mkdocs-macros module: the only module that knows mkdocs-macros.

Pipeline position: hand-written pages in ``docs/`` call these macros; each takes the model that the
``strategi`` plugin loaded for this build (never YAML) and returns Markdown from ``render``. Generated
pages do not pass through Jinja at all (``render_macros: false``), so data is never a template.
Editors' documentation of every macro: ``docs/vejledning.md`` (a test checks they agree).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import docs_reference, model, render
from .pages import PageSet
from .plugin import StrategyPlugin
from .problems import suggest
from .relations import Relations


class UnknownElement(Exception):
    """A macro was called with an id that no strategy has; the message is for the editor."""


def find(site: model.Site, ref: str) -> tuple[model.Strategy, model.Element]:
    """Resolve ``"id"`` or ``"strategi/id"`` to its element, or explain in Danish what went wrong."""
    strategy_id, _, element_id = ref.rpartition("/")
    candidates = [s for s in site.strategies if not strategy_id or s.id == strategy_id]
    hits = [(s, s.elements[element_id]) for s in candidates if element_id in s.elements]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        choices = ", ".join(f"'{s.id}/{element_id}'" for s, _ in hits)
        raise UnknownElement(f"id '{ref}' findes i flere strategier; skriv {choices}")
    known = [f"{s.id}/{e}" if strategy_id else e for s in candidates for e in s.elements]
    hint = suggest(ref, known) or f" (fx {', '.join(sorted(known)[:5])})"
    raise UnknownElement(f"elementet '{ref}' findes ikke{hint}")


def define_env(env: Any) -> None:
    """Register the macros editors may use."""
    plugin = env.conf.plugins["strategi"]
    if not isinstance(plugin, StrategyPlugin) or plugin.site is None or plugin.page_set is None:
        raise RuntimeError("mkdocs.yml: 'strategi' skal stå før 'macros' under plugins")
    site, page_set = plugin.site, plugin.page_set
    docs = Path(env.conf.docs_dir).name
    for name, macro in macros(site, page_set, lambda: env.page.file.src_uri).items():
        env.macro(_reporting(macro, plugin.macro_problems, lambda: f"{docs}/{env.page.file.src_uri}"), name)


def _reporting(macro: Callable[..., str], problems: list[str], page: Callable[[], str]) -> Callable[..., str]:
    """Wrap a macro so a wrong id becomes a line in the build's problem list instead of a traceback."""

    @functools.wraps(macro)
    def call(*args: Any, **kwargs: Any) -> str:
        try:
            return macro(*args, **kwargs)
        except UnknownElement as error:
            problems.append(f"{page()}: {error}")
            return ""

    return call


def macros(site: model.Site, page_set: PageSet, current: Callable[[], str]) -> dict[str, Callable[..., str]]:
    """The macros by name; ``current()`` gives the source path of the page being rendered."""

    relations: dict[str, Relations] = {}  # one per strategy for this build, however many macro calls

    def context(ref: str) -> tuple[render.Context, model.Element]:
        strategy, element = find(site, ref)
        if strategy.id not in relations:
            relations[strategy.id] = Relations(strategy)
        return render.Context(strategy, relations[strategy.id], page_set, current()), element

    def element(ref: str) -> str:
        """Et kort med elementets navn, type og beskrivelse, der linker til dets side."""
        ctx, found = context(ref)
        return render.template("macro_card.md.j2", c=ctx, e=found)

    def link(ref: str) -> str:
        """Et link til elementet med det navn, folk bruger ("Indsats 2: …")."""
        ctx, found = context(ref)
        return ctx.link(found)

    def aktiviteter(ref: str) -> str:
        """Listen over en indsats' aktiviteter."""
        ctx, found = context(ref)
        if not isinstance(found, model.Intervention):
            raise UnknownElement(f"'{ref}' er {found.kind}, ikke en indsats")
        return render.template("_list.md.j2", c=ctx, items=found.aktiviteter)

    def maaltabel(ref: str) -> str:
        """En tabel over en strategis mål med niveau og antal indikatorer."""
        ctx, found = context(ref)
        if not isinstance(found, model.Strategy):
            raise UnknownElement(f"'{ref}' er {found.kind}, ikke en strategi")
        return render.template("macro_goals.md.j2", c=ctx, s=found)

    def strategioversigt() -> str:
        """Alle strategier med titel, organisation, periode og vision (bruges på forsiden)."""
        return render.strategy_list(site, page_set, current())

    def feltreference() -> str:
        """Alle felter i dataformatet, genereret fra modellen (bruges i denne vejledning)."""
        return docs_reference.field_reference()

    return {"element": element, "link": link, "aktiviteter": aktiviteter, "maaltabel": maaltabel,
            "strategioversigt": strategioversigt, "feltreference": feltreference}
