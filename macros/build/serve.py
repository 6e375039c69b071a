"""Reuse under ``mkdocs serve``: rebuild only what an edit changed, and write the same bytes a full build would.

Pipeline position: used by ``plugin.StrategyPlugin`` only when MkDocs runs ``serve``. That plugin has
``on_startup``, so MkDocs keeps the one instance, and the ``ServeCache`` it holds, across the rebuilds
that follow each save. Every MkDocs rebuild is full: it reads, converts and renders every page again.
This module lets a rebuild skip the two costly steps for a page whose inputs are unchanged:

- *Conversion* (Markdown to HTML). The key is everything the conversion sees: the page's Markdown after
  every plugin changed it, its front matter, its address, the set of files on the site (links are
  resolved and checked against it) and the configuration. On a hit the page gets the HTML, table of
  contents, title and anchors that the same conversion gave before.
- *Rendering* (Material's page template). The key adds everything the template sees beyond the page:
  the navigation with every title, the page's date, the values the plugin adds to the template
  environment. On a hit the page is rendered with an empty template and written as the bytes kept from
  before, and its entries in the search index are the ones kept from before, in the same place.

Both keys hash the inputs themselves, never timestamps, so a cached page is exactly what a full build
would write; ``tests/test_serve_reuse.py`` compares a rebuilt site with a fresh build byte for byte.
The data model is reused too when no file it is read from changed (an edit to ``docs/`` only), and
after a data edit the diagrams it did not change are reused finished (``diagrams.build_diagrams``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
REUSED_TEMPLATE = "strategi/genbrugt-side.html"  # an empty template: the page is written from the cache


def digest(*parts: str) -> str:
    """A short, stable hash of the given texts (each separated, so ("ab", "c") differs from ("a", "bc"))."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8", errors="surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    """Name, size and modification time of each file: enough to notice that one was saved."""
    rows = []
    for path in sorted(paths):
        stat = path.stat()
        rows.append(f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return digest(*rows)


@dataclass(frozen=True)
class Converted:
    """What converting a page's Markdown gave: restored on a hit instead of converting again."""

    key: str
    content: str
    toc: Any  # mkdocs.structure.toc.TableOfContents; kept as MkDocs made it
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked page's src_uri


@dataclass(frozen=True)
class Written:
    """A page as written, and its entries in the search index."""

    key: str
    output: str
    search_entries: tuple[dict[str, Any], ...]


@dataclass
class ServeCache:
    """Pages and model from the previous rebuild of this ``mkdocs serve``; see the module docstring."""

    converted: dict[str, Converted] = field(default_factory=dict)
    written: dict[str, Written] = field(default_factory=dict)
    model_key: str = ""
    model: Any = None  # the plugin's (site, diagram set, page set) for ``model_key``
    figures: dict[Hashable, Any] = field(default_factory=dict)  # finished diagrams, see diagrams.build_diagrams
    # per rebuild
    site_key: str = ""  # configuration + every file's address
    page_keys: dict[str, str] = field(default_factory=dict)  # src_uri -> conversion key
    reuse_output: dict[str, str] = field(default_factory=dict)  # src_uri -> output key, for pages kept as written
    pending: dict[str, Written] = field(default_factory=dict)  # pages written by this rebuild, until it succeeds
    output_keys: dict[str, str] = field(default_factory=dict)  # src_uri -> output key, for pages rendered anew
    search_marks: dict[str, int] = field(default_factory=dict)  # src_uri -> index of its first search entry
    hits: dict[str, int] = field(default_factory=dict)

    def start(self, config_text: str, file_rows: Iterable[str]) -> None:
        """A new rebuild: forget the per-rebuild state, and key it by configuration and the file set."""
        self.site_key = digest(config_text, *file_rows)
        self.page_keys.clear()
        self.reuse_output.clear()
        self.pending.clear()
        self.output_keys.clear()
        self.search_marks.clear()
        self.hits = {"converted": 0, "written": 0}

    # --- conversion -------------------------------------------------------------------------------

    def wrap_render(self, page: Any, markdown: str) -> Callable[..., None]:
        """The page's ``render``: it restores a kept conversion on a hit, and keeps a new one otherwise.

        A conversion that logged a warning (a broken link, say) is not kept, so the next rebuild warns again.
        """
        src = page.file.src_uri
        key = digest(self.site_key, src, json.dumps(page.meta, sort_keys=True, default=str), markdown)
        self.page_keys[src] = key
        render = page.render

        def render_or_restore(config: Any, files: Any) -> None:
            kept = self.converted.get(src)
            if kept is not None and kept.key == key:
                _restore(page, kept, files)
                self.hits["converted"] += 1
                return
            with _WarningCount() as warnings:
                render(config, files)
            if warnings.count:
                self.converted.pop(src, None)
            else:
                self.converted[src] = _keep(page, key)

        return render_or_restore

    # --- rendering --------------------------------------------------------------------------------

    def plan_output(self, pages: Iterable[Any], site_fingerprint: str) -> None:
        """Before any page is rendered: which pages can be written from the cache (their template is swapped)."""
        for page in pages:
            src = page.file.src_uri
            key = digest(site_fingerprint, self.page_keys.get(src, ""), str(page.update_date))
            kept = self.written.get(src)
            if kept is not None and kept.key == key and src in self.page_keys:
                self.reuse_output[src] = key
                page.meta = {**page.meta, "template": REUSED_TEMPLATE}  # rendering it would be wasted
            else:
                self.output_keys[src] = key

    def before_search(self, page: Any, entries: list[dict[str, Any]] | None) -> None:
        """Runs just before the search plugin indexes the page: a reused page gets its kept entries there."""
        src = page.file.src_uri
        if src in self.reuse_output:
            page.content = ""  # nothing for the search plugin to parse; the page is written from the cache
            if entries is not None:
                entries.extend(self.written[src].search_entries)
        elif entries is not None:
            self.search_marks[src] = len(entries)

    def output(self, page: Any, output: str, entries: list[dict[str, Any]] | None) -> str:
        """What MkDocs should write for the page: nothing when the served site has it already (MkDocs then
        skips the page); otherwise the new page, kept for the next rebuild once this one succeeds."""
        src = page.file.src_uri
        if src in self.reuse_output:
            self.hits["written"] += 1
            return ""
        if src in self.output_keys:
            mark = self.search_marks.get(src)
            found = tuple(entries[mark:]) if entries is not None and mark is not None else ()
            self.pending[src] = Written(self.output_keys[src], output, found)
        return output

    def kept_files(self, files: Iterable[Any]) -> set[str]:
        """The served files this rebuild keeps as they are (paths relative to the site)."""
        return {file.dest_uri for file in files if file.src_uri in self.reuse_output}

    def is_kept(self, src_uri: str) -> bool:
        return src_uri in self.reuse_output

    def finish(self) -> None:
        """The rebuild is published: keep what it wrote, say what it reused, forget pages no longer on the site."""
        self.written.update(self.pending)
        self.pending.clear()
        present = set(self.page_keys)
        for kept in (self.converted, self.written):
            for src in set(kept) - present:
                del kept[src]
        log.info("Genbrugt fra sidste byg: %d af %d sider uden ny omsætning af Markdown, %d uden ny skabelon.",
                 self.hits["converted"], len(present), self.hits["written"])


class _WarningCount(logging.Handler):
    """Counts the warnings MkDocs logs while it is attached (``with``)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _WarningCount:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


def nav_rows(items: Iterable[Any], depth: int = 0) -> list[str]:
    """Every navigation entry with its depth, kind, title and address: what each page's menu shows."""
    rows = []
    for item in items:
        rows.append(f"{depth}\t{type(item).__name__}\t{item.title}\t{getattr(item, 'url', '')}")
        rows.extend(nav_rows(getattr(item, "children", None) or (), depth + 1))
    return rows


def _keep(page: Any, key: str) -> Converted:
    links = page.links_to_anchors
    # _title_from_render: the only place MkDocs keeps the title a conversion found (the first heading)
    return Converted(
        key=key, content=page.content, toc=page.toc, title=page._title_from_render,
        anchors=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=None if links is None else {file.src_uri: dict(by) for file, by in links.items()},
    )


def _restore(page: Any, kept: Converted, files: Any) -> None:
    page.content = kept.content
    page.toc = kept.toc
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.anchors)
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(by) for src, by in kept.links_to_anchors.items()}
