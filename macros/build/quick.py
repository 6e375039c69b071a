"""Under ``mkdocs serve``: an edit of ``data/`` alone republishes only what it changed, without MkDocs' loop,
and the page of what was edited first.

Pipeline position: glue, beside the plugin, for ``mkdocs serve`` only. MkDocs' own rebuild reads, converts
and renders every page again (seconds at 1,000 activities, even when ``serve.ServeReuse`` keeps most of
the work). When the only files changed since the last rebuild are in the data folder, ``QuickRebuild``
instead works in two parts.

The first part, in the builder, while MkDocs holds every request:

1. loads and checks the data; gives up, and lets MkDocs rebuild as usual, when the data has a problem to
   report or the edit changed what frames an element's page: an address, a strategy's title or language,
   a date of the data's changes (the full rebuild then says it in Danish as always);
2. makes alone (``rendering.pages.element_page_markdown``) the page of each element whose YAML lines the
   edit changed (``edited_ids``) and of each element page a browser shows (``gate.Gate.open_pages``), and
   runs those that changed through MkDocs' own page steps and the same plugins, via a staging folder;
3. holds every other file of the site (``gate``) and returns: the server has browsers reload.

The second part, on a thread of its own (``_rest``): makes the diagrams, open-data files and page set (the
page set re-renders only the pages whose inputs changed, ``rendering.memo``); falls back to MkDocs' full
rebuild, there and then and with every request held, when the edit changed which pages and files exist,
the menu or a page's date, or a page warns; otherwise runs the other changed pages and the hand-written
pages (their macros may show data), writes them, the files whose bytes changed and the search index
(every other page's entries kept from before), and releases what it held. The next rebuild waits for it.

No reader sees a half-made site or an old file: a request for a held file waits until it is written.
``tests/site/test_serve_shows_edits.py`` compares what the server gives with a fresh build.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel

from ..derived.addresses import element_src
from ..derived.timeline import changed_on
from ..diagrams.figures import DiagramSet
from ..loading.validate import data_files
from ..rendering.pages import element_page_markdown
from . import paper, publish, searchindex
from .gate import Gate
from .serve import (
    ServeReuse,
    Written,
    _WarningCount,
    files_digest,
    no_cycle_collection,
    search_entries,
    search_plugin,
)

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
    texts: dict[str, str] = field(default_factory=dict)  # each data file's text, as read after that rebuild

    def head(self, src: str, title: str) -> Any:
        """The head the page at ``src`` was published with."""
        return self.heads[src] if src in self.heads else self.made[5].head(src, title)


def data_texts(data_dir: Path) -> dict[str, str]:
    """The text of every strategy file in the data folder, by name (unreadable ones left out)."""
    found = {}
    for path in data_files(data_dir)[0] if data_dir.is_dir() else []:
        try:
            found[path.name] = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
    return found


_ID_LINE = re.compile(r"^( *)(- +)?id: *[\'\"]?([^\'\"#\s]+)")


def edited_ids(before: str, after: str, most: int = 200) -> tuple[set[str], list[str]]:
    """Where an edit of a data file is, as far as the text shows: the ids on ``id:`` lines among the lines
    that differ, and the ids of the blocks around the first of them, innermost first (the nearest ``id:``
    line above at each lesser indentation). Nothing when more than ``most`` lines differ.

    Only the order in which the quick rebuild publishes pages depends on it (a miss, an element whose ``id``
    is not its block's first line, say, publishes its page with the rest instead of first), never what.
    """
    old, new = before.splitlines(), after.splitlines()
    start, shorter = 0, min(len(old), len(new))
    while start < shorter and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    if max(end_old, end_new) - start > most:
        return set(), []
    inside = {found.group(3) for line in new[start:end_new] if (found := _ID_LINE.match(line))}
    around: list[str] = []
    here = new[start] if start < len(new) else ""
    column = len(here) - len(here.lstrip(" -"))
    for line in reversed(new[:start]):
        found = _ID_LINE.match(line)
        if found is not None:
            key_column = len(found.group(1)) + len(found.group(2) or "")
            if key_column <= column:
                around.append(found.group(3))
                column = key_column - 1
        if column < 0 or (line[:1].isalpha() and not found):  # a top-level key: no block encloses it
            break
    return inside, around


class _FirstFigures:
    """The diagrams the first pages show, drawn when a page asks for one: only that one is drawn (a changed
    overview can take Graphviz seconds, and no element page shows it). ``draw(only)`` is the plugin's."""

    def __init__(self, draw: Callable[[set[tuple[str, str]]], DiagramSet]) -> None:
        self._draw = draw
        self._set: DiagramSet | None = None

    @property
    def style(self) -> Any:
        return self._drawn().style

    def names(self, strategy_id: str) -> list[str]:
        return self._drawn().names(strategy_id)

    def figure(self, strategy_id: str, name: str) -> Any:
        found = self._drawn().figures.get((strategy_id, name))
        if found is None:  # changed since the last rebuild
            found = self._draw({(strategy_id, name)}).figures[(strategy_id, name)]
        return found

    def _drawn(self) -> DiagramSet:
        if self._set is None:
            self._set = self._draw(set())  # every diagram listed, those the edit left unchanged kept
        return self._set


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

    A quick rebuild has two parts (see the module docstring). The first, in the builder, publishes the
    pages of the elements the edit changed and holds every other file (``gate``); the server then has
    browsers reload. The second (``_rest``, on a thread of its own) makes everything else and releases
    what it held. The next rebuild waits for it first.
    """

    def __init__(self, plugin: Any, full: Callable[..., None], gate: Gate) -> None:
        self.plugin = plugin
        self.full = full
        self.gate = gate
        self.served: Served | None = None  # set by the plugin after each complete rebuild
        self.rest: threading.Thread | None = None  # the second part of the last quick rebuild, while it runs
        self.rest_failed = False

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
                return
        self.served, self.rest_failed = None, False
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
        key, texts = plugin.model_key(), data_texts(plugin.data_dir)
        try:
            site, book = plugin.load_model()
        except PluginError:
            return False  # a problem in the data: the full rebuild reports it
        clock.lap("data")
        heads = plugin.heads_of(site, book)
        if not _same_frame(served.made, site, book, heads) or paper.print_heads(site) != plugin.print_heads:
            return False
        with no_cycle_collection():
            first = self._first(site, book, heads, texts)
        clock.lap("first pages made")
        plugin.site, plugin.book, plugin.heads = site, book, heads
        markdown = {src: md for src, (_, md) in first.items()}
        stage = Path(tempfile.mkdtemp(prefix=".strategi-hurtig-", dir=served.site_dir.parent))
        try:
            if self._pages([page for page, _ in first.values()], markdown, stage) is None:
                return False
            self.gate.hold(None, but=[page.file.dest_uri for page, _ in first.values()])
            publish.move_in(stage, served.site_dir)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        clock.lap("first pages published")
        served.texts = texts
        seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
        shown = f"{len(first)} side" if len(first) == 1 else f"{len(first)} sider"
        log.info("Opdateret på %s s uden fuld genopbygning (%s; resten skrives nu).", seconds, shown)
        log.debug("quick rebuild, first part: %s", clock)
        work = (key, site, book, markdown, started)
        self.rest = threading.Thread(target=self._rest, args=work, name="strategi-resten", daemon=True)
        self.rest.start()
        return True

    def _first(self, site: Any, book: Any, heads: Any, texts: dict[str, str]) -> dict[str, tuple[Page, str]]:
        """The pages to publish before the rest, with their Markdown: the changed pages of the elements
        whose YAML the edit changed, and of the element pages a browser shows. A diagram one of them shows
        is drawn here alone if the edit changed it (``_FirstFigures``)."""
        served, plugin = self.served, self.plugin
        assert served is not None
        wanted = set()
        for name, text in texts.items():
            before = served.texts.get(name)
            if before is None or before == text:
                continue
            inside, around = edited_ids(before, text)
            for strategy in site.strategies:
                with_pages = [e for i in around if (e := strategy.elements.get(i)) is not None and e.segment]
                found = [e for i in inside if (e := strategy.elements.get(i)) is not None and e.segment]
                wanted |= {element_src(strategy, element) for element in found + with_pages[:1]}
        shown = self.gate.open_pages()
        wanted |= {file.src_uri for file in served.files.documentation_pages() if file.dest_uri in shown}

        figures = cast(DiagramSet, _FirstFigures(lambda only: plugin.draw(site, book, only)))
        old_pages = served.made[3].pages  # the last rebuild's PageSet
        first: dict[str, tuple[Page, str]] = {}
        for src in sorted(wanted):
            markdown = element_page_markdown(site, book, figures, src)
            file = served.files.get_file_from_path(src)
            if markdown is None or file is None or file.page is None:
                continue
            title = file.page.title or ""
            if markdown != old_pages.get(src) or heads.head(src, title) != served.head(src, title):
                first[src] = (file.page, markdown)
        return first

    def _rest(self, key: str, site: Any, book: Any, first: dict[str, str], started: float) -> None:
        """The second part (``_complete``), then release the held requests. On any problem (the edit changed
        which pages exist, say), MkDocs' full rebuild, here and now: it says in Danish what the problem is."""
        reuse: ServeReuse = self.plugin.reuse
        try:
            self._complete(key, site, book, first, started)
        except Exception:
            log.debug("the rest of the quick rebuild failed; rebuilding in full", exc_info=True)
            self.served = None
            reuse.keep("", None)
            self.gate.hold(None)  # nothing is served until the full rebuild has published
            try:
                self.full(None)
            except Exception:
                log.exception("Genopbygningen mislykkedes; ret fejlen, og gem igen.")
                self.rest_failed = True  # everything stays held until a rebuild succeeds
                return
        self.gate.release()

    def _complete(self, key: str, site: Any, book: Any, first: dict[str, str], started: float) -> None:
        """Diagrams, open-data files, the page set; every changed page the first part did not publish, the
        files whose bytes changed and the search index."""
        served, plugin = self.served, self.plugin
        assert served is not None
        reuse: ServeReuse = plugin.reuse
        clock = Clock()
        made = plugin.complete_model(site, book, clock)
        _, _, diagrams, pages, exports, heads = made
        if not _same_shape(served.made, made):
            raise _Changed("the edit changed which pages or files there are, the menu or a date")
        _, _, old_diagrams, old_pages, old_exports, _ = served.made
        changed, new_heads = [], {}
        for file in served.files.documentation_pages():
            page, src = file.page, file.src_uri
            if page is None:
                continue
            title = page.title or ""
            new_heads[src] = heads.head(src, title)
            if src in first:  # published by the first part: again only if the page set makes it otherwise
                if first[src] != pages.pages[src]:
                    log.debug("quick rebuild: %s differs from its first part; writing it again", src)
                    changed.append(page)
            elif (
                src not in pages.pages
                or pages.pages[src] != old_pages.pages[src]
                or new_heads[src] != served.head(src, title)
            ):
                changed.append(page)  # hand-written pages always: their macros may show data
        clock.lap("compare")
        plugin.site, plugin.book, plugin.diagram_set, plugin.page_set, plugin.exports, plugin.heads = made
        stage = Path(tempfile.mkdtemp(prefix=".strategi-hurtig-", dir=served.site_dir.parent))
        try:
            entries = self._pages(changed, pages.pages, stage)
            if entries is None:
                raise _Changed("a page warned")
            clock.lap("pages")
            _write_files(old_pages.static, pages.static, stage)
            _write_files(old_exports.files, exports.files, stage)
            _write_files(old_diagrams.files, diagrams.files, stage)
            self._search_index(entries, stage, site)
            clock.lap("files")
            publish.move_in(stage, served.site_dir)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        published = changed + [file.page for file in map(served.files.get_file_from_path, first) if file is not None]
        for page in published:
            if page is not None:  # their titles may have changed with their Markdown
                new_heads[page.file.src_uri] = heads.head(page.file.src_uri, page.title or "")
        served.made, served.heads = made, new_heads
        reuse.keep(key, made)
        seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
        log.info("Alle sider og filer skrevet efter %s s.", seconds)
        kept = reuse.memo.reused if reuse.memo else 0
        log.debug("quick rebuild, the rest: %d pages, %d parts of pages kept; %s", len(changed), kept, clock)

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


def _same_frame(old: Any, site: Any, book: Any, heads: Any) -> bool:
    """Whether the new model keeps everything around an element's page: every address, every strategy's
    title (the top of the menu) and language, and the dates of the data's changes (page dates)."""
    old_site, old_book, _, _, _, old_heads = old
    return bool(
        book == old_book
        and [(s.id, s.titel, s.sprog, changed_on(s)) for s in site.strategies]
        == [(s.id, s.titel, s.sprog, changed_on(s)) for s in old_site.strategies]
        and heads.updates == old_heads.updates
        and heads.site_update == old_heads.site_update
    )


def _same_shape(old: Any, new: Any) -> bool:
    """Whether ``new`` has exactly the pages, files, menu and page dates of ``old`` (only contents may differ),
    beyond what ``_same_frame`` found unchanged in the first part (the address book and the heads' dates,
    which ``new`` was made with)."""
    _, _, old_diagrams, old_pages, old_exports, _ = old
    _, _, diagrams, pages, exports, _ = new
    return bool(
        pages.pages.keys() == old_pages.pages.keys()
        and pages.static.keys() == old_pages.static.keys()
        and pages.nav == old_pages.nav
        and pages.in_nav == old_pages.in_nav
        and pages.dates == old_pages.dates
        and pages.site_date == old_pages.site_date
        and exports.files.keys() == old_exports.files.keys()
        and diagrams.files.keys() == old_diagrams.files.keys()
    )


def _write_files(old: dict[str, str | bytes], new: dict[str, str | bytes], stage: Path) -> None:
    for path, content in new.items():
        if old.get(path) != content:
            target = stage / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
