"""The rendering context: what a template needs to link from the page it is on.

Pipeline position: made by the page builder (``pages``) and the editors' macros (``page_macros``) for each
page, handed to every template of that page. It only looks things up (elements, addresses, figures);
it never renders a page or calls back into the modules that do.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from .. import model
from ..derived.addresses import AddressBook, Target, relative_link
from ..derived.history import Change, element_history
from ..derived.relations import Relations
from ..derived.words import Vocabulary, vocabulary
from ..diagrams.figures import DiagramSet
from ..text import inline
from .figures import figure_markdown

T = TypeVar("T")


def render_now(key: Hashable, render: Callable[[], T], *inputs: Any) -> T:
    """A unit of rendering rendered, nothing kept (``Context.unit`` outside ``mkdocs serve``)."""
    return render()


@dataclass(frozen=True)
class Context:
    """The strategy, its relations and every address, seen from the page at ``src``, and the strategy's own
    words for its kinds of element (``words``). Templates and macros receive it as ``context``."""

    strategy: model.Strategy
    relations: Relations
    book: AddressBook
    src: str
    figures: DiagramSet | None = None
    # How a piece of a page is rendered: at once, or kept from the last build when nothing it read changed
    # (``memo.PageMemo.unit``); keys must say what the piece is, its page included (``piece``).
    unit: Callable[..., Any] = field(default=render_now, repr=False, compare=False)
    words: Vocabulary = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", vocabulary(self.strategy))

    def at(self, src: str) -> Context:
        return replace(self, src=src)

    def piece(self, name: Hashable, render: Callable[[], T], *inputs: Any) -> T:
        """``render()``, a piece of the page at ``src`` (``name`` tells it from the page's other pieces),
        perhaps kept from the last build (``unit``); ``inputs`` as for ``memo.PageMemo.unit``."""
        return self.unit(("piece", self.src, name), render, *inputs)  # type: ignore[no-any-return]

    def el(self, element_id: str) -> model.Element:
        return self.strategy.elements[element_id]

    def els(self, element_ids: tuple[str, ...]) -> list[model.Element]:
        return [self.strategy.elements[i] for i in element_ids]

    def url(self, element: model.Element) -> str:
        """Markdown link target (a relative .md path, checked by MkDocs) for an element."""
        return relative_link(self.src, self.book.target(self.strategy.id, element.id))

    def link(self, element: model.Element) -> str:
        """``[Indsats 2: Titel](…)`` — the name people use, then the title."""
        return f"[{inline(self.words.heading(element))}]({self.url(element)})"

    def links(self, element_ids: tuple[str, ...]) -> str:
        """Comma-separated links to the given elements."""
        return ", ".join(self.link(e) for e in self.els(element_ids))

    def history(self) -> list[Change]:
        """The changes that name an element published on this page (its own or one anchored on it), newest
        first; ``versioner[].elementer`` says which."""
        found: dict[str, Change] = {}
        for element_id, element_changes in element_history(self.strategy).items():
            if self.book.target(self.strategy.id, element_id).src == self.src:
                found.update((change.anchor, change) for change in element_changes)
        return sorted(found.values(), key=lambda change: change.date_key, reverse=True)

    def change_link(self, change: Change) -> str:
        """Markdown link target of a change on the strategy's Ændringer page."""
        return relative_link(self.src, Target(f"{self.strategy.id}/aendringer.md", change.anchor))

    def figure(self, name: str) -> str:
        """The diagram ``name`` of this strategy as a figure for this page; "" when it has no such diagram."""
        if self.figures is None or name not in self.figures.names(self.strategy.id):
            return ""
        return figure_markdown(self.figures, self.book, self.strategy.id, name, self.src)
