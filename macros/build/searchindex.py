"""Trimming Material's search index after the build: every visitor downloads it, so nothing twice.

Pipeline position: glue; last step before publish (``plugin.on_post_build``). Two things go:
- sections without text. Relation lists on element pages carry ``data-search-exclude`` (they repeat
  titles that are found on their own pages), but Material still emits one empty entry per heading in them;
- the page entry's twin. Material gives each page an entry (its title, and the text before the first
  heading: none on our element pages) and then one per heading, the page's own ``h1`` first, with the
  same title. Where that ``h1`` section is the page's only section, the page entry takes its text and the
  section goes: a reader searching finds the same page by the same words, listed once instead of twice,
  and the result opens the top of the page, where the ``h1`` stands.

And one thing is added: where two strategies have an element (or page, or section) of the same title, each
such entry's title names its strategy ("Trivsel – Varige spor"), so a result says which strategy it is from.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TypedDict

from ..model import Strategy

INDEX = Path("search") / "search_index.json"


class Entry(TypedDict):
    """One entry of ``search_index.json`` as Material writes it (``tags`` and ``boost`` when set)."""

    location: str
    title: str
    text: str


def trimmed(index_text: str, strategies: Mapping[str, Strategy] | None = None) -> str:
    """The index without empty sections and with each lone ``h1`` section folded into its page entry;
    titles shared by two strategies name their strategy (``strategies``: by id, which is their folder)."""
    index = json.loads(index_text)
    index["docs"] = _named(list(_folded(_without_empty_sections(index["docs"]))), strategies or {})
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def _named(docs: list[Entry], strategies: Mapping[str, Strategy]) -> list[Entry]:
    """Each result of a strategy (a page, or an element's own heading) whose title occurs in more than one
    strategy, with its strategy's title after it. Headings every page has ("Kilde") stay as they are:
    Material lists them under their page."""

    def strategy_of(doc: Entry) -> str:
        folder = doc["location"].split("/", 1)[0]
        strategy = strategies.get(folder)
        anchor = doc["location"].partition("#")[2]
        return folder if strategy is not None and (not anchor or anchor in strategy.elements) else ""

    owners: dict[str, set[str]] = {}
    for doc in docs:
        if folder := strategy_of(doc):
            owners.setdefault(doc["title"], set()).add(folder)
    named = []
    for doc in docs:
        folder = strategy_of(doc)
        shared = bool(folder) and len(owners[doc["title"]]) > 1
        suffix = f" – {html.escape(strategies[folder].titel, quote=False)}" if shared else ""
        named.append({**doc, "title": doc["title"] + suffix} if suffix else doc)
    return named


def _without_empty_sections(docs: list[Entry]) -> list[Entry]:
    """Every ``#section`` entry that has no text removed; page entries always stay."""
    return [doc for doc in docs if doc["text"].strip() or "#" not in doc["location"]]


def _folded(docs: list[Entry]) -> Iterator[Entry]:
    for position, doc in enumerate(docs):
        before = docs[position - 1] if position else None
        if before is not None and _is_lone_twin(before, doc, docs[position + 1 : position + 2]):
            continue
        after = docs[position + 1 : position + 2]
        if after and _is_lone_twin(doc, after[0], docs[position + 2 : position + 3]):
            yield {**doc, "text": after[0]["text"]}
        else:
            yield doc


def _is_lone_twin(page: Entry, section: Entry, following: list[Entry]) -> bool:
    """``section`` is the page entry's own heading, with its title, and the page has no other section."""
    path, _, anchor = section["location"].partition("#")
    return (
        "#" not in page["location"]
        and path == page["location"]
        and bool(anchor)
        and section["title"] == page["title"]
        and not page["text"].strip()
        and set(section) == set(page)
        and not (following and following[0]["location"].partition("#")[0] == path)
    )


def trim(site_dir: Path, strategies: Mapping[str, Strategy] | None = None) -> None:
    path = site_dir / INDEX
    if path.exists():
        path.write_text(trimmed(path.read_text(encoding="utf-8"), strategies), encoding="utf-8")
