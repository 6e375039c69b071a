"""Reuse between rebuilds: one seam the plugin delegates to, doing nothing for ``mkdocs build``.

Pipeline position: glue, beside the plugin. ``Reuse`` is what a plain build does at each point where a
rebuild could reuse something: nothing (make the model, render every page, swap the site in).
``ServeReuse`` is what ``mkdocs serve`` does: the plugin has ``on_startup``, so MkDocs keeps the one plugin
instance, and the ``ServeReuse`` it holds, across the rebuilds that follow each save. Every MkDocs rebuild
is full: it reads, converts and renders every page again. ``ServeReuse`` lets a rebuild skip what an edit
did not change:

- *The model*, address book, diagrams and page set, when no file they are made from changed (an edit to
  ``docs/`` only); after a data edit, the diagrams it did not change (``figures``, see
  ``diagrams.figures.build_diagrams``) and the pages whose inputs it did not change (``memo``, see
  ``rendering.memo``).
- *Conversion* (Markdown to HTML) of a page. The key is everything the conversion sees: the page's
  Markdown after every plugin changed it, its front matter, its address, the set of files on the site
  (links are resolved and checked against it) and the configuration. On a hit the page gets the HTML,
  table of contents, title and anchors that the same conversion gave before.
- *Rendering* (Material's page template) of a page. The key adds everything the template sees beyond the
  page: the navigation with every title, the page's date, the values the plugin adds to the template
  environment. On a hit the page is rendered with an empty template and written as the bytes kept from
  before, and its entries in the search index are the ones kept from before, in the same place.

Keys hash the inputs themselves, never timestamps (the model key aside: it notices saved files by size
and modification time), so a reused page is exactly what a full build would write;
``tests/site/test_serve_shows_edits.py`` compares a rebuilt site with a fresh build byte for byte.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import jinja2

from ..rendering.memo import PageMemo
from . import publish

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import TableOfContents

    from ..diagrams.figures import Drawn

T = TypeVar("T")
log = logging.getLogger(f"mkdocs.plugins.{__name__}")
REUSED_TEMPLATE = "strategi/genbrugt-side.html"  # an empty template: the page is written from the cache
# MkDocs logs as "mkdocs…"; ProperDocs, the maintained fork, as "properdocs…" (its loggers are not below ours).
ENGINE_LOGGERS = ("mkdocs", "properdocs")

SearchEntries = list[dict[str, Any]]


class Reuse:
    """A plain build: nothing is kept from one build to the next."""

    figures: dict[Hashable, Drawn] | None = None  # finished diagrams to reuse, see diagrams.figures
    memo: PageMemo | None = None  # pages whose inputs did not change, see rendering.memo

    def model(self, key: Callable[[], str], make: Callable[[], T]) -> T:
        """The model (and what is made with it): made anew; ``key`` would say what it is made from."""
        return make()

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """The file set and navigation are known (``on_nav``)."""

    def plan(self, env: jinja2.Environment, files: Files, nav: Navigation, shown: str) -> None:
        """Every page's Markdown is known, none is rendered yet (``on_env``); ``shown`` is what the plugin
        adds to every page's template beyond the page itself."""

    def around_render(self, page: Page, markdown: str) -> None:
        """The page's Markdown is final (``on_page_markdown``, after every other plugin)."""

    def before_search(self, page: Page, entries: SearchEntries | None) -> None:
        """Just before the search plugin indexes the page (``on_page_context``)."""

    def output(self, page: Page, output: str, entries: SearchEntries | None) -> str:
        """What to write for the page (``on_post_page``): the page as rendered."""
        return output

    def publish(self, publication: publish.Publication, files: Files, expected: Iterable[str]) -> str:
        """The build succeeded: the staged site replaces the published one once every file in ``expected``
        (site paths) is there. Returns "" or a note for the editor; raises ``PublishError`` if incomplete."""
        missing = publish.missing_files(publication.staging, expected)
        if missing:
            shown = ", ".join(missing[:5]) + (f" og {len(missing) - 5} flere" if len(missing) > 5 else "")
            raise publish.PublishError(
                f"Webstedet blev ikke udgivet, fordi {len(missing)} filer mangler i det byggede: {shown}. "
                "Det udgivne websted er ikke ændret. Byg igen."
            )
        return publish.swap_in(publication)

    def failed(self) -> None:
        """The build failed (``on_build_error``): nothing of it was published."""


def search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin (MkDocs names it "material/search" when the config says "search"), or None."""
    return config.plugins.get("material/search")


def search_entries(config: MkDocsConfig) -> SearchEntries | None:
    """The entries Material's search plugin has collected in this build, or None when search is off."""
    entries = getattr(getattr(search_plugin(config), "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


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
    toc: TableOfContents
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
class ServeReuse(Reuse):
    """Pages and model from the previous rebuild of this ``mkdocs serve``; see the module docstring."""

    converted: dict[str, Converted] = field(default_factory=dict)
    written: dict[str, Written] = field(default_factory=dict)
    model_key: str = ""
    kept_model: Any = None  # what ``make`` gave for ``model_key``
    figures: dict[Hashable, Drawn] | None = field(default_factory=dict)
    memo: PageMemo | None = field(default_factory=PageMemo)
    # per rebuild
    site_key: str = ""  # configuration + every file's address
    page_keys: dict[str, str] = field(default_factory=dict)  # src_uri -> conversion key
    reuse_output: dict[str, str] = field(default_factory=dict)  # src_uri -> output key, for pages kept as written
    pending: dict[str, Written] = field(default_factory=dict)  # pages written by this rebuild, until it succeeds
    output_keys: dict[str, str] = field(default_factory=dict)  # src_uri -> output key, for pages rendered anew
    search_marks: dict[str, int] = field(default_factory=dict)  # src_uri -> index of its first search entry
    hits: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for engine in ENGINE_LOGGERS:
            logging.getLogger(f"{engine}.commands.build").addFilter(self._quiet_kept_pages)

    def _quiet_kept_pages(self, record: logging.LogRecord) -> bool:
        """Hide MkDocs' 'Page skipped' note for pages the served site already has."""
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self.reuse_output)

    # --- the model ----------------------------------------------------------------------------------

    def model(self, key: Callable[[], str], make: Callable[[], T]) -> T:
        wanted = key()
        if self.model_key != wanted or self.kept_model is None:
            self.keep(wanted, make())
        return self.kept_model  # type: ignore[no-any-return]  # made by this ``make`` for this key

    def keep(self, key: str, made: Any) -> None:
        """Keep ``made`` as the model for ``key`` (a quick rebuild made it); None: keep nothing."""
        self.model_key, self.kept_model = key, made

    # --- a new rebuild ------------------------------------------------------------------------------

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """Forget the per-rebuild state, and key the rebuild by configuration, theme and the file set."""
        theme = config.theme.custom_dir
        templates = [path for path in Path(theme).rglob("*") if path.is_file()] if theme else []
        config_text = "\n".join(_config_texts(Path(config.config_file_path)))
        rows = [f"{file.src_uri}\t{file.dest_uri}\t{file.inclusion}" for file in files]
        self.site_key = digest(config_text + files_digest(templates), *rows)
        self.page_keys.clear()
        self.reuse_output.clear()
        self.pending.clear()
        self.output_keys.clear()
        self.search_marks.clear()
        self.hits = {"converted": 0, "written": 0}

    # --- conversion ---------------------------------------------------------------------------------

    def around_render(self, page: Page, markdown: str) -> None:
        """The page's ``render`` restores a kept conversion on a hit, and keeps a new one otherwise.

        A conversion that logged a warning (a broken link, say) is not kept, so the next rebuild warns again.
        """
        src = page.file.src_uri
        key = digest(self.site_key, src, json.dumps(page.meta, sort_keys=True, default=str), markdown)
        self.page_keys[src] = key
        render = page.render

        def render_or_restore(config: MkDocsConfig, files: Files) -> None:
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

        page.render = render_or_restore  # type: ignore[method-assign]  # MkDocs calls page.render

    # --- rendering ----------------------------------------------------------------------------------

    def plan(self, env: jinja2.Environment, files: Files, nav: Navigation, shown: str) -> None:
        """Before any page is rendered: which pages can be written from the cache (their template is swapped)."""
        assert env.loader is not None
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REUSED_TEMPLATE: ""}), env.loader])
        site_fingerprint = digest(*nav_rows(nav.items), shown)
        for page in (file.page for file in files if file.page is not None):
            src = page.file.src_uri
            key = digest(site_fingerprint, self.page_keys.get(src, ""), str(page.update_date))
            kept = self.written.get(src)
            if kept is not None and kept.key == key and src in self.page_keys:
                self.reuse_output[src] = key
                page.meta = {**page.meta, "template": REUSED_TEMPLATE}  # rendering it would be wasted
            else:
                self.output_keys[src] = key

    def before_search(self, page: Page, entries: SearchEntries | None) -> None:
        """A reused page gets its kept entries where the search plugin would have put them."""
        src = page.file.src_uri
        if src in self.reuse_output:
            page.content = ""  # nothing for the search plugin to parse; the page is written from the cache
            if entries is not None:
                entries.extend(self.written[src].search_entries)
        elif entries is not None:
            self.search_marks[src] = len(entries)

    def output(self, page: Page, output: str, entries: SearchEntries | None) -> str:
        """Nothing when the served site has the page already (MkDocs then skips it); otherwise the new page,
        kept for the next rebuild once this one succeeds."""
        src = page.file.src_uri
        if src in self.reuse_output:
            self.hits["written"] += 1
            return ""
        if src in self.output_keys:
            mark = self.search_marks.get(src)
            found = tuple(entries[mark:]) if entries is not None and mark is not None else ()
            self.pending[src] = Written(self.output_keys[src], output, found)
        return output

    # --- the end of a rebuild -----------------------------------------------------------------------

    def publish(self, publication: publish.Publication, files: Files, expected: Iterable[str]) -> str:
        """Only the files this rebuild wrote are moved into the served site; then what it wrote is kept."""
        kept = {file.dest_uri for file in files if file.src_uri in self.reuse_output}
        publish.merge_in(publication.staging, publication.target, kept)
        self.written.update(self.pending)
        self.pending.clear()
        present = set(self.page_keys)
        for cached in (self.converted, self.written):
            for src in set(cached) - present:
                del cached[src]
        log.info(
            "Genbrugt fra sidste byg: %d af %d sider uden ny omsætning af Markdown, %d uden ny skabelon.",
            self.hits["converted"],
            len(present),
            self.hits["written"],
        )
        return ""

    def failed(self) -> None:
        self.pending.clear()  # never published: the served site does not have these pages


class _WarningCount(logging.Handler):
    """Counts the warnings MkDocs (or ProperDocs) logs while it is attached (``with``)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _WarningCount:
        for engine in ENGINE_LOGGERS:
            logging.getLogger(engine).addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for engine in ENGINE_LOGGERS:
            logging.getLogger(engine).removeHandler(self)


def nav_rows(items: Iterable[Any], depth: int = 0) -> list[str]:
    """Every navigation entry with its depth, kind, title and address: what each page's menu shows."""
    rows = []
    for item in items:
        rows.append(f"{depth}\t{type(item).__name__}\t{item.title}\t{getattr(item, 'url', '')}")
        rows.extend(nav_rows(getattr(item, "children", None) or (), depth + 1))
    return rows


def _config_texts(path: Path, depth: int = 0) -> list[str]:
    """The text of ``mkdocs.yml`` and of each file it INHERITs from (a change there changes every page)."""
    text = path.read_text(encoding="utf-8")
    parent = re.search(r"^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$", text, re.MULTILINE)
    if parent is None or depth > 10:
        return [text]
    return [text, *_config_texts(path.parent / parent.group(1).strip(), depth + 1)]


def _keep(page: Page, key: str) -> Converted:
    links = page.links_to_anchors
    assert page.content is not None
    return Converted(
        key=key,
        content=page.content,
        toc=page.toc,
        title=page.title,
        anchors=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=None if links is None else {file.src_uri: dict(by) for file, by in links.items()},
    )


def _restore(page: Page, kept: Converted, files: Files) -> None:
    page.content = kept.content
    page.toc = kept.toc
    page.title = kept.title  # MkDocs' title is a weak property: set, it holds what the conversion found
    page.present_anchor_ids = set(kept.anchors)
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {
            files.get_file_from_path(src): dict(by)  # type: ignore[misc]
            for src, by in kept.links_to_anchors.items()
        }


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the model and pages are made.

    Loading builds ~100,000 YAML nodes and model objects that all stay alive until conversion ends, and
    each of those allocations counts towards the collector's next pass over every live object: under
    ``mkdocs serve``, whose heap also holds the previous rebuild's pages, that was half of the loading time.
    Nothing made here forms reference cycles that outlive it (freed by reference counting), so nothing
    piles up; the collector runs as usual in the rest of the build.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
