"""Long pages in parts: a page made of ``Piece``s stays whole while it is short, else it is split.

Pipeline position: rendering. Pages that grow with the strategy (the print edition, the matrix, the
timeline, a role sheet's indsatser, the forbindelser) are made of pieces: all on one page while that stays
within ``PART_MAX``, else ``split_page`` puts them in parts ``<side>/del-<n>.md``, listed on the page itself,
each line keeping the anchors its part took over. The split depends only on the length of the Markdown,
so the same data always gives the same pages. Parts hold no element's address.

Anchors the pages invent contain a double hyphen (``hele--strategien``), which an element id never does,
so they can never collide with an element's anchor on the same page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .. import model
from ..derived.addresses import Target, relative_link
from ..derived.words import Vocabulary
from ..text import inline
from .context import Context
from .templating import template_macros

# A long overview page (print edition, responsibility matrix, timeline) whose Markdown would be longer
# than this is split into parts of at most about this size, listed on the page itself. 60,000 characters
# make a part of ~110 kB of HTML (quick on a phone) and keep an edit cheap under `mkdocs serve`: an
# edit re-converts every part that shows the element, ~0.06 s each at this size.
PART_MAX = 60_000

ANCHOR = re.compile(r"\{#([\w-]+)\}")
HEADING = re.compile(r"#+ (.*?) \{#")


@dataclass(frozen=True)
class Piece:
    """A stretch of a long page that moves to a part as a whole: the lines it sits under (section headings,
    a table's header; written again where a page starts or they change), its Markdown, its name in the
    list of parts, and what it shows (for pages that draw a part themselves)."""

    headings: tuple[str, ...]
    markdown: str
    name: str = ""
    item: object = None

    @property
    def anchors(self) -> list[str]:
        return ANCHOR.findall("".join((*self.headings, self.markdown)))


@dataclass(frozen=True)
class PartLink:
    """A line in the list of parts: where the part is, what it holds, and the anchors it took over."""

    href: str
    summary: str
    anchors: tuple[str, ...]


class SplitMacros(Protocol):
    """The macros of ``templates/realisation/split.md.j2``."""

    def part_list(self, parts: list[PartLink]) -> str:
        """The list of parts on the split page, each line holding the anchors its part took over."""

    def part_page(
        self,
        strategy: model.Strategy,
        title: str,
        part_number: int,
        parts_count: int,
        index: dict[str, str],
        previous_link: str,
        next_link: str,
        body: str,
    ) -> str:
        """A part's page: front matter, breadcrumb (``index``: links to the split page and the strategy),
        title, ``body``, and links to the previous and next part ("" for none)."""


SPLIT = template_macros("realisation/split.md.j2", SplitMacros)


def pack(sizes: Sequence[int], budget: int) -> list[range]:
    """Consecutive runs of pieces, each as long as stays within ``budget`` (a larger piece stands alone)."""
    runs, start, size = [], 0, 0
    for n, piece_size in enumerate(sizes):
        if n > start and size + piece_size > budget:
            runs.append(range(start, n))
            start, size = n, 0
        size += piece_size
    return [*runs, range(start, len(sizes))]


def join(pieces: Sequence[Piece]) -> str:
    """The pieces as one page's Markdown, each heading written where it first applies."""
    out: list[str] = []
    above: tuple[str, ...] = ()
    for piece in pieces:
        same = 0
        while same < min(len(above), len(piece.headings)) and above[same] == piece.headings[same]:
            same += 1
        out += [*piece.headings[same:], piece.markdown]
        above = piece.headings
    return "".join(out)


def split_page(
    context: Context,
    title: str,
    head: Callable[[int], str],
    pieces: Callable[[Context], list[Piece]],
    body: Callable[[Context, list[Piece]], str] = lambda _part_context, run: join(run),
    tail: str = "",
) -> dict[str, str]:
    """The page at ``context.src`` as ``head(1)``, its pieces and ``tail``; or, when that is longer than
    ``PART_MAX``, ``head(n)``, a list of n parts (``<side>/del-<k>.md``), each holding a run of the
    pieces, and ``tail``. ``pieces`` and ``body`` get the context of the page they render for: a part's, or
    the whole page's when it stays whole.

    The split depends only on the length of the Markdown, so the same data always gives the same parts.
    """
    stem = context.src.removesuffix(".md")
    # Rendered for the parts (which all sit at the same depth, so their links read alike) and measured
    # there: a large page is rendered once, a small one a second time for its own address.
    found = pieces(context.at(f"{stem}/del-1.md"))
    runs = pack([len(p.markdown) for p in found], PART_MAX)
    if len(runs) == 1 or len(head(1)) + sum(len(p.markdown) for p in found) + len(tail) <= PART_MAX:
        # One part would be the page without its head.
        return {context.src: head(1) + body(context, pieces(context)) + tail}
    srcs = [f"{stem}/del-{n}.md" for n in range(1, len(runs) + 1)]
    first = head(len(runs))
    pages = {
        context.src: first
        + _part_list(context, srcs, [[found[k] for k in run] for run in runs], set(ANCHOR.findall(first + tail)))
        + tail
    }
    for n, (src, run) in enumerate(zip(srcs, runs, strict=True)):
        link = functools.partial(_link, src)
        pages[src] = SPLIT.part_page(
            context.strategy,
            title,
            n + 1,
            len(runs),
            {"href": link(context.src), "strategy": link(f"{context.strategy.id}/index.md")},
            link(srcs[n - 1]) if n else "",
            link(srcs[n + 1]) if n + 1 < len(srcs) else "",
            body(context.at(src), [found[k] for k in run]),
        )
    return pages


def _summary(run: list[Piece]) -> str:
    """What a part holds, section by section: "Indsatser: Indsats 37 – Indsats 74; Kortsigtede mål: …"."""
    sections: dict[str, list[str]] = {}
    for piece in run:
        heading = HEADING.search(piece.headings[0]) if piece.headings else None
        sections.setdefault(heading.group(1) if heading else "", []).append(piece.name)
    lines = []
    for title, found in sections.items():
        names = [n for n in found if n]
        span = f"{names[0]} – {names[-1]}" if len(names) > 1 else "".join(names)
        lines.append(f"{title}: {span}" if title and span else title or span)
    return "; ".join(lines)


def _link(from_src: str, to_src: str) -> str:
    return relative_link(from_src, Target(to_src))


def _part_list(context: Context, srcs: list[str], runs: list[list[Piece]], seen: set[str]) -> str:
    """The list of parts on the split page; each line keeps the anchors its part took over (all but those
    in ``seen``, which the page has itself)."""
    links = []
    for src, run in zip(srcs, runs, strict=True):
        anchors = [a for p in run for a in p.anchors]
        links.append(
            PartLink(_link(context.src, src), _summary(run), tuple(dict.fromkeys(a for a in anchors if a not in seen)))
        )
        seen.update(anchors)
    return SPLIT.part_list(links)


def heading_line(level: int, title: str, anchor: str) -> str:
    """A heading line for a piece's ``headings`` (with the blank lines around it)."""
    return f"\n{'#' * level} {title} {{#{anchor}}}\n\n"


def part_name(words: Vocabulary, element: model.Element) -> str:
    """An element's short name in a list of parts: "Indsats 2" when numbered (in the strategy's ``words``),
    else its title (escaped)."""
    return inline(words.short_name(element))
