"""What the editors' macros on hand-written pages render: an element card, a link, lists and tables.

Pipeline position: rendering. ``macros(site, book, current)`` returns the macros by name as pure functions
of the model; ``build.macros_module`` (the only module that knows mkdocs-macros) registers them.
Editors' documentation of every macro: ``docs/vejledning.md`` (a test checks they agree).
"""

from __future__ import annotations

from collections.abc import Callable

from .. import model
from ..derived.addresses import AddressBook, relative_link
from ..derived.downloads import NO_DOWNLOADS, Downloads
from ..derived.relations import Relations
from ..loading.catalogue import Code
from ..loading.problems import suggest, with_code
from . import field_reference, problem_codes
from .context import Context
from .downloads import site_downloads
from .templating import template


class UnknownElement(Exception):
    """A macro was called with an id it cannot use; the message is for the editor, with its catalogue code."""

    def __init__(self, code: Code, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(with_code(message, code))


def find(site: model.Site, ref: str) -> tuple[model.Strategy, model.Element]:
    """Resolve ``"id"`` or ``"strategi/id"`` to its element, or explain in Danish what went wrong."""
    strategy_id, _, element_id = ref.rpartition("/")
    candidates = [s for s in site.strategies if not strategy_id or s.id == strategy_id]
    hits = [(s, s.elements[element_id]) for s in candidates if element_id in s.elements]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        choices = ", ".join(f"'{s.id}/{element_id}'" for s, _ in hits)
        raise UnknownElement(Code.MAKRO_TVETYDIGT_ID, f"id '{ref}' findes i flere strategier; skriv {choices}")
    known = [f"{s.id}/{e}" if strategy_id else e for s in candidates for e in s.elements]
    hint = suggest(ref, known) or f" (fx {', '.join(sorted(known)[:5])})"
    raise UnknownElement(Code.MAKRO_UKENDT_ID, f"elementet '{ref}' findes ikke{hint}")


def strategy_list(site: model.Site, book: AddressBook, from_src: str) -> str:
    """Every strategy with title, organisation, period and vision, linked to its front page."""
    links = {s.id: relative_link(from_src, book.target(s.id, s.id)) for s in site.strategies}
    return template("macros/strategy_list.md.j2", strategies=site.strategies, links=links)


def macros(
    site: model.Site, book: AddressBook, current: Callable[[], str], downloads: Downloads = NO_DOWNLOADS
) -> dict[str, Callable[..., str]]:
    """The macros by name; ``current()`` gives the source path of the page being rendered, ``downloads`` the
    files the exports published (for ``dataoversigt``)."""

    relations: dict[str, Relations] = {}  # one per strategy for this build, however many macro calls

    def context(ref: str) -> tuple[Context, model.Element]:
        strategy, element = find(site, ref)
        if strategy.id not in relations:
            relations[strategy.id] = Relations(strategy)
        return Context(strategy, relations[strategy.id], book, current()), element

    def element(ref: str) -> str:
        """Et kort med elementets navn, type og beskrivelse, der linker til dets side."""
        ctx, found = context(ref)
        return template("macros/element_card.md.j2", context=ctx, element=found)

    def link(ref: str) -> str:
        """Et link til elementet med det navn, folk bruger ("Indsats 2: …")."""
        ctx, found = context(ref)
        return ctx.link(found)

    def aktiviteter(ref: str) -> str:
        """Listen over en indsats' aktiviteter."""
        ctx, found = context(ref)
        if not isinstance(found, model.Intervention):
            raise UnknownElement(Code.MAKRO_FORKERT_ELEMENTTYPE, f"'{ref}' er {found.kind}, ikke en indsats")
        return template("elements/_list.md.j2", context=ctx, items=found.aktiviteter)

    def maaltabel(ref: str) -> str:
        """En tabel over en strategis mål med niveau og antal indikatorer."""
        ctx, found = context(ref)
        if not isinstance(found, model.Strategy):
            raise UnknownElement(Code.MAKRO_FORKERT_ELEMENTTYPE, f"'{ref}' er {found.kind}, ikke en strategi")
        return template("macros/goal_table.md.j2", context=ctx, strategy=found)

    def strategioversigt() -> str:
        """Alle strategier med titel, organisation, periode og vision (bruges på forsiden)."""
        return strategy_list(site, book, current())

    def dataoversigt() -> str:
        """Alle filer til download med format og størrelse, strategi for strategi (bruges på forsiden)."""
        return site_downloads(site, downloads, current())

    def feltreference() -> str:
        """Alle felter i dataformatet, genereret fra modellen (bruges i denne vejledning)."""
        return field_reference.field_reference()

    def fejlkoder() -> str:
        """Alle fejlkoder med, hvad de betyder, og hvordan fejlen rettes (bruges i denne vejledning)."""
        return problem_codes.problem_code_table()

    return {
        "element": element,
        "link": link,
        "aktiviteter": aktiviteter,
        "maaltabel": maaltabel,
        "strategioversigt": strategioversigt,
        "dataoversigt": dataoversigt,
        "feltreference": feltreference,
        "fejlkoder": fejlkoder,
    }
