"""Under ``mkdocs serve``: an edit of ``data/`` alone republishes only what it changed, without MkDocs' loop.

Pipeline position: glue, beside the plugin, for ``mkdocs serve`` only. MkDocs' own rebuild reads, converts
and renders every page again (seconds at 1,000 activities, even when ``serve.ServeReuse`` keeps most of
the work). When the only files changed since the last rebuild are in the data folder, ``QuickRebuild``
instead:

1. makes the model, diagrams and page set again (the page set re-renders only the pages whose inputs
   changed, ``rendering.memo``), with the open-data files of the last rebuild standing in for now;
2. gives up, and lets MkDocs rebuild as usual, when the edit changed anything beyond pages' contents and
   files' bytes: which pages and files exist, the menu, a page's date, the data has a problem to report,
   or a page warns (a broken link): the full rebuild then says it in Danish as always;
3. publishes first the changed pages of the elements the edit changed and the changed pages a browser
   shows (``gate.Gate.open_pages``), through MkDocs' own page steps and the same plugins, via a staging
   folder; holds every other file it will write (``gate``) and returns, so the server has browsers reload;
4. then, on a thread of its own, makes the open-data files and the "Data og download" pages that list
   them, runs the other changed pages and the hand-written pages (their macros may show data) the same
   way, writes them, the files whose bytes changed and the search index (every other page's entries kept
   from before), and releases what it held. Should that fail, MkDocs' full rebuild runs there and then,
   with every request held until it has published.

The server answers no request while the builder runs, and no request for a held file until it is
written, so no reader sees a half-made site or an old file; ``tests/site/test_serve_shows_edits.py``
compares what it serves with a fresh build.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel

from .. import model
from ..derived.addresses import element_src
from ..derived.downloads import data_page_src
from ..rendering.downloads import data_page
from . import publish, searchindex
from .gate import Gate
from .serve import ServeReuse, Written, _WarningCount, files_digest, search_entries, search_plugin

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
SEARCH_INDEX = "search/search_index.json"


@dataclass
class Served:
    """What the last complete rebuild left: MkDocs' own objects for it, and where the site is served from."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    site_dir: Path
    inputs: str  # every watched file outside the data folder as that rebuild began (``inputs_digest``)
    made: Any  # the plugin's ``Made`` for the data of that rebuild
    heads: dict[str, Any] = field(default_factory=dict)  # each page's head, as ``made`` gives it (filled lazily)


def inputs_digest(config: MkDocsConfig, data_dir: Path) -> str:
    """Name, size and modification time of every file MkDocs watches except those in the data folder."""
    roots = [Path(config.docs_dir), Path(config.config_file_path)]
    roots += [Path(path) for path in config.watch if Path(path).resolve() != data_dir.resolve()]
    if config.theme.custom_dir:
        roots.append(Path(config.theme.custom_dir))
    found: list[Path] = []
    for root in roots:
        if root.is_file():
            found.append(root)
        elif root.is_dir():
            found += [path for path in root.rglob("*") if path.is_file()]
    return files_digest(found)


class QuickRebuild:
    """The ``mkdocs serve`` builder: the quick rebuild when it can be exact, else MkDocs' own (``full``).

    A quick rebuild has two parts. The first, in the builder, publishes the changed pages of the elements
    the edit changed and the changed pages a browser shows, and holds every other file it will write
    (``gate``); the server then tells browsers to reload. The second (``_rest``, on a thread of its own)
    makes the open-data files, writes the other changed pages, those files and the search index, and
    releases them. The next rebuild waits for it first.
    """

    def __init__(self, plugin: Any, full: Callable[..., None], gate: Gate) -> None:
        self.plugin = plugin
        self.full = full
        self.gate = gate
        self.served: Served | None = None  # set by the plugin after each complete rebuild
        self.rest: threading.Thread | None = None  # the second part of the last quick rebuild, while it runs
        self.rest_failed = False
        self.provisional = False  # the model kept for reuse holds open-data files of an earlier rebuild

    def __call__(self, config: MkDocsConfig | None = None) -> None:
        self.finish()
        if config is None and not self.rest_failed:
            started = time.perf_counter()
            try:
                done = self._quick(started)
            except Exception:
                log.debug("quick rebuild failed; rebuilding in full", exc_info=True)
                done = False
            if done:
                seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
                log.info("Opdateret på %s s uden fuld genopbygning.", seconds)
                return
            if self.provisional:  # made with the last rebuild's open-data files: MkDocs' rebuild must not get it
                self.plugin.reuse.kept_model = None
        self.served, self.rest_failed, self.provisional = None, False, False
        self.gate.hold(None)  # MkDocs holds every request while it rebuilds; the rest may have held fewer
        try:
            self.full(config)
        finally:
            self.gate.release()

    def finish(self) -> None:
        """Wait until the second part of the last quick rebuild has written what it held."""
        if self.rest is not None:
            self.rest.join()
            self.rest = None

    def _quick(self, started: float) -> bool:
        served, plugin = self.served, self.plugin
        reuse = plugin.reuse
        if served is None or not isinstance(reuse, ServeReuse) or plugin.config.precompress:
            return False
        if inputs_digest(served.config, plugin.data_dir) != served.inputs:
            return False
        clock = Clock()
        _, _, old_diagrams, old_pages, old_exports, old_heads = served.made
        try:  # the open-data files of the last rebuild for now: the second part makes them (``_rest``)
            made = reuse.model(plugin.model_key, lambda: plugin.make_model(old_exports))
        except PluginError:
            return False  # a problem in the data: the full rebuild reports it
        self.provisional = made[4] is old_exports
        clock.lap("model")
        site, _, diagrams, pages, _, heads = made
        if not _same_shape(served.made, made):
            return False
        changed, new_heads = [], {}
        for file in served.files.documentation_pages():
            page, src = file.page, file.src_uri
            if page is None:
                continue
            title = page.title or ""
            new_heads[src] = heads.head(src, title)
            old_head = served.heads[src] if src in served.heads else old_heads.head(src, title)
            if (
                src not in pages.pages  # hand-written: its macros may show data
                or pages.pages[src] != old_pages.pages[src]
                or new_heads[src] != old_head
            ):
                changed.append(page)
        clock.lap("compare")
        first_srcs = self._first(site, reuse.memo.changed if reuse.memo else set(), pages.pages)
        first = [page for page in changed if page.file.src_uri in first_srcs]
        rest = [page for page in changed if page.file.src_uri not in first_srcs]
        plugin.site, plugin.book, plugin.diagram_set, plugin.page_set, plugin.exports, plugin.heads = made
        stage = Path(tempfile.mkdtemp(prefix=".strategi-hurtig-", dir=served.site_dir.parent))
        try:
            if self._pages(first, pages.pages, stage) is None:
                return False
            clock.lap("pages")
            _write_files(old_pages.static, pages.static, stage)
            _write_files(old_diagrams.files, diagrams.files, stage)
            held = [page.file.dest_uri for page in rest] + [SEARCH_INDEX, *old_exports.files]
            held += [_page(served.files, src).file.dest_uri for src in _data_pages(site, old_exports)]
            self.gate.hold(held)
            publish.move_in(stage, served.site_dir)
            clock.lap("move")
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        for page in first:  # their titles may have changed with their Markdown
            new_heads[page.file.src_uri] = heads.head(page.file.src_uri, page.title or "")
        served.heads = new_heads
        kept = reuse.memo.reused if reuse.memo else 0
        log.debug(
            "quick rebuild: %d of %d pages first, %d parts of pages kept; %s", len(first), len(changed), kept, clock
        )
        self.rest = threading.Thread(target=self._rest, args=(made, rest, started), name="strategi-resten", daemon=True)
        self.rest.start()
        return True

    def _first(self, site: Any, changed: set[tuple[str, ...]], pages: dict[str, str]) -> set[str]:
        """The pages to publish before the rest: those of the elements the edit changed, and the pages
        browsers show (their sources)."""
        served = self.served
        assert served is not None
        wanted = set()
        for strategy in site.strategies:
            for element in model.iter_elements(strategy):
                if (strategy.id, type(element).__name__, element.id) in changed:
                    wanted.add(element_src(strategy, element))
        shown = self.gate.open_pages()
        wanted |= {file.src_uri for file in served.files.documentation_pages() if file.dest_uri in shown}
        return {src for src in wanted if src in pages}  # a hand-written page's macros may show open data

    def _rest(self, made: Any, rest: list[Page], started: float) -> None:
        """The second part: the open-data files and the pages that list them, the other changed pages and
        the search index; then release the requests held for them. On any problem, a full rebuild."""
        served, plugin = self.served, self.plugin
        assert served is not None
        reuse: ServeReuse = plugin.reuse
        clock = Clock()
        try:
            site, book, diagrams, pages, _, heads = made
            old_exports = served.made[4]
            exports = plugin.make_exports(site, book)
            if exports.files.keys() != old_exports.files.keys():
                raise _Changed("the open-data files are not the same files")
            for src, markdown in _data_pages(site, exports).items():
                if pages.pages.get(src) != markdown:
                    pages.pages[src] = markdown
                    page = _page(served.files, src)
                    if page not in rest:
                        rest.append(page)
            made = (site, book, diagrams, pages, exports, heads)
            plugin.exports, reuse.kept_model, self.provisional = exports, made, False
            clock.lap("open data")
            stage = Path(tempfile.mkdtemp(prefix=".strategi-hurtig-", dir=served.site_dir.parent))
            try:
                entries = self._pages(rest, pages.pages, stage)
                if entries is None:
                    raise _Changed("a page warned")
                clock.lap("pages")
                _write_files(old_exports.files, exports.files, stage)
                self._search_index(entries, stage, site)
                clock.lap("search")
                publish.move_in(stage, served.site_dir)
            finally:
                shutil.rmtree(stage, ignore_errors=True)
            for page in rest:
                served.heads[page.file.src_uri] = heads.head(page.file.src_uri, page.title or "")
            served.made = made
            log.debug(
                "quick rebuild, the rest: %d pages, all written %.2f s after the save began; %s",
                len(rest),
                time.perf_counter() - started,
                clock,
            )
        except Exception:  # MkDocs' rebuild, here and now, says in Danish what the problem is
            log.debug("the rest of the quick rebuild failed; rebuilding in full", exc_info=True)
            self.served, reuse.kept_model, self.provisional = None, None, False
            self.gate.hold(None)  # nothing is served until the full rebuild has published
            try:
                self.full(None)
            except Exception:
                log.exception("Genopbygningen mislykkedes; ret fejlen og gem igen.")
                self.rest_failed = True  # everything stays held until a rebuild succeeds
                return
        self.gate.release()

    def _pages(self, changed: list[Page], markdown: dict[str, str], stage: Path) -> dict[str, tuple[Any, ...]] | None:
        """Run ``changed`` through MkDocs' page steps into ``stage``; each page's search entries, or None
        when a page warned (the full rebuild then reports it)."""
        served = self.served
        assert served is not None
        config, files, nav, env = served.config, served.files, served.nav, served.env
        reuse: ServeReuse = self.plugin.reuse
        reuse.reuse_output.clear()
        reuse.output_keys.clear()
        index = getattr(search_plugin(config), "search_index", None)
        if index is not None:
            index.entries = []  # only the changed pages' entries: the rest are kept (``_search_index``)
        search = search_entries(config)
        found: dict[str, tuple[Any, ...]] = {}
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        with _WarningCount() as warnings:
            for page in changed:
                page.__dict__.pop("render", None)  # the last build's wrappers (``serve``, ``direct``, ``svgstash``)
                if page.file.src_uri in markdown:
                    page.file.content_string = markdown[page.file.src_uri]
                page.file.dest_dir = str(stage)
                page.file.abs_dest_path = str(stage / page.file.dest_uri)  # MkDocs keeps the path it computed
                _populate_page(page, config, files)
            for page in changed:
                mark = len(search) if search is not None else 0
                _build_page(page, config, doc_files, nav, env)
                found[page.file.src_uri] = tuple(search[mark:]) if search is not None else ()
            for page in changed:
                page.validate_anchor_links(files=files, log_level=logging.WARNING)
        if warnings.count:
            return None
        for src, page_entries in found.items():
            reuse.written[src] = Written("", "", page_entries)  # key "": a full rebuild renders it again
        return found

    def _search_index(self, entries: dict[str, tuple[Any, ...]], stage: Path, site: Any) -> None:
        """The search index as a full rebuild writes it: every page's entries in page order."""
        served = self.served
        assert served is not None
        plugin = search_plugin(served.config)
        if plugin is None:
            return
        reuse: ServeReuse = self.plugin.reuse
        docs: list[Any] = []
        for file in served.files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
            kept = entries.get(file.src_uri)
            docs += kept if kept is not None else reuse.written[file.src_uri].search_entries
        plugin.search_index.entries = docs
        path = stage / SEARCH_INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(plugin.search_index.generate_search_index(None).encode("utf-8"))
        searchindex.trim(stage, {s.id: s for s in site.strategies})


class _Changed(Exception):
    """The second part found a change the quick rebuild cannot publish exactly."""


def _data_pages(site: Any, exports: Any) -> dict[str, str]:
    """The "Data og download" page of each strategy that has one, as ``exports`` lists the files."""
    downloads = exports.downloads
    return {
        data_page_src(strategy.id): data_page(strategy, downloads, data_page_src(strategy.id))
        for strategy in site.strategies
        if downloads.of(strategy.id)
    }


def _page(files: Files, src: str) -> Page:
    file = files.get_file_from_path(src)
    if file is None or file.page is None:
        raise _Changed(f"no page {src}")
    return file.page


class Clock:
    """Seconds per step of a rebuild, for the debug log (``mkdocs serve -v``)."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.laps: list[str] = []

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append(f"{name} {now - self.last:.2f} s")
        self.last = now

    def __str__(self) -> str:
        return ", ".join(self.laps)


def _same_shape(old: Any, new: Any) -> bool:
    """Whether ``new`` has exactly the pages, files, menu and dates of ``old`` (only contents may differ)."""
    _, old_book, old_diagrams, old_pages, old_exports, old_heads = old
    _, book, diagrams, pages, exports, heads = new
    return bool(
        book == old_book
        and pages.pages.keys() == old_pages.pages.keys()
        and pages.static.keys() == old_pages.static.keys()
        and pages.nav == old_pages.nav
        and pages.in_nav == old_pages.in_nav
        and pages.dates == old_pages.dates
        and pages.site_date == old_pages.site_date
        and exports.files.keys() == old_exports.files.keys()
        and diagrams.files.keys() == old_diagrams.files.keys()
        and heads.updates == old_heads.updates
        and heads.site_update == old_heads.site_update
    )


def _write_files(old: dict[str, str | bytes], new: dict[str, str | bytes], stage: Path) -> None:
    for path, content in new.items():
        if old.get(path) != content:
            target = stage / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
