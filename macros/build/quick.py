"""Under ``mkdocs serve``: an edit of ``data/`` alone republishes only what it changed, without MkDocs' loop.

Pipeline position: glue, beside the plugin, for ``mkdocs serve`` only. MkDocs' own rebuild reads, converts
and renders every page again (seconds at 1,000 activities, even when ``serve.ServeReuse`` keeps most of
the work). When the only files changed since the last rebuild are in the data folder, ``QuickRebuild``
instead:

1. makes the model, diagrams, exports and page set again (the page set re-renders only the pages whose
   inputs changed, ``rendering.memo``);
2. gives up, and lets MkDocs rebuild as usual, when the edit changed anything beyond pages' contents and
   files' bytes: which pages and files exist, the menu, a page's date, the data has a problem to report,
   or a page warns (a broken link): the full rebuild then says it in Danish as always;
3. otherwise runs only the changed pages (their Markdown, or their head, differs) and the hand-written
   pages (their macros may show data) through MkDocs' own page steps and the same plugins, writes them,
   the files whose bytes changed and the search index (every other page's entries kept from before) into a
   staging folder, and moves them into the served site.

The server answers no request while a rebuild runs (MkDocs' livereload waits for it), so no reader sees a
half-made site; ``tests/site/test_serve_shows_edits.py`` compares what it serves with a fresh build.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel

from . import publish, searchindex
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
    """The ``mkdocs serve`` builder: the quick rebuild when it can be exact, else MkDocs' own (``full``)."""

    def __init__(self, plugin: Any, full: Callable[..., None]) -> None:
        self.plugin = plugin
        self.full = full
        self.served: Served | None = None  # set by the plugin after each complete rebuild

    def __call__(self, config: MkDocsConfig | None = None) -> None:
        if config is None:
            started = time.perf_counter()
            try:
                done = self._quick()
            except Exception:
                log.debug("quick rebuild failed; rebuilding in full", exc_info=True)
                done = False
            if done:
                seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
                log.info("Opdateret på %s s uden fuld genopbygning.", seconds)
                return
            self.served = None
        self.full(config)

    def _quick(self) -> bool:
        served, plugin = self.served, self.plugin
        reuse = plugin.reuse
        if served is None or not isinstance(reuse, ServeReuse) or plugin.config.precompress:
            return False
        if inputs_digest(served.config, plugin.data_dir) != served.inputs:
            return False
        clock = Clock()
        try:
            made = reuse.model(plugin.model_key, plugin.make_model)
        except PluginError:
            return False  # a problem in the data: the full rebuild reports it
        clock.lap("model")
        _, _, old_diagrams, old_pages, old_exports, old_heads = served.made
        site, _, diagrams, pages, exports, heads = made
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
        plugin.site, plugin.book, plugin.diagram_set, plugin.page_set, plugin.exports, plugin.heads = made
        stage = Path(tempfile.mkdtemp(prefix=".strategi-hurtig-", dir=served.site_dir.parent))
        try:
            entries = self._pages(changed, pages.pages, stage)
            if entries is None:
                return False
            clock.lap("pages")
            _write_files(old_pages.static, pages.static, stage)
            _write_files(old_exports.files, exports.files, stage)
            _write_files(old_diagrams.files, diagrams.files, stage)
            clock.lap("files")
            self._search_index(entries, stage, site)
            clock.lap("search")
            publish.move_in(stage, served.site_dir)
            clock.lap("move")
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        for page in changed:  # their titles may have changed with their Markdown
            new_heads[page.file.src_uri] = heads.head(page.file.src_uri, page.title or "")
        served.made, served.heads = made, new_heads
        kept = reuse.memo.reused if reuse.memo else 0
        log.debug("quick rebuild: %d pages anew, %d parts of pages kept; %s", len(changed), kept, clock)
        return True

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
