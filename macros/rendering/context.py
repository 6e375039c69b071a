"""The rendering context: what a template needs to link from the page it is on.

Pipeline position: made by the page builder (``pages``) and the editors' macros (``page_macros``) for each
page, handed to every template of that page. It only looks things up (elements, addresses, figures);
it never renders a page or calls back into the modules that do.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import model
from ..derived.addresses import AddressBook, Target, relative_link
from ..derived.relations import Relations
from ..derived.timeline import last_changed
from ..derived.words import Vocabulary, vocabulary
from ..diagrams.figures import DiagramSet
from ..text import inline
from .figures import figure_markdown


@dataclass(frozen=True)
class Context:
    """The strategy, its relations and every address, seen from the page at ``src``, and the strategy's own
    words for its kinds of element (``words``). Templates and macros receive it as ``context``."""

    strategy: model.Strategy
    relations: Relations
    book: AddressBook
    src: str
    figures: DiagramSet | None = None
    words: Vocabulary = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", vocabulary(self.strategy))

    def at(self, src: str) -> Context:
        return replace(self, src=src)

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

    def last_changed(self) -> str:
        """ "Senest ændret …", linked to the strategy's change log; "" when the data records no change."""
        text = last_changed(self.strategy)
        if text is None:
            return ""
        return f"[{text}]({relative_link(self.src, Target(f'{self.strategy.id}/aendringer.md'))})"

    def figure(self, name: str) -> str:
        """The diagram ``name`` of this strategy as a figure for this page; "" when it has no such diagram."""
        if self.figures is None or name not in self.figures.names(self.strategy.id):
            return ""
        return figure_markdown(self.figures, self.book, self.strategy.id, name, self.src)
