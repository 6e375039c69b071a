"""The MkDocs plugin ``strategi``: the build, as the list of MkDocs events it handles.

Pipeline position: glue; it drives the build. ``on_config`` loads and validates ``data/`` once (a
``DataError`` stops the build before any page renders, with the full Danish list and no traceback), makes the
frozen address book, draws every diagram and renders every generated page, and adds each strategy to the
navigation; ``on_files`` adds the generated pages and published files (diagrams, schema, the open data of
``exports``: link map, JSON, CSV, XLSX, feeds, catalogue, robots.txt) as in-memory files, so the build never
writes into ``docs/``; ``on_page_context`` gives each page its head (``open_data``); later events make pages
smaller, trim the search index, precompress when asked, and publish the site atomically. Reuse between
``mkdocs serve`` rebuilds sits behind one seam, ``serve.Reuse``; a plain build's does nothing. This package
(``build``) is the only one that knows MkDocs; ``macros_module`` the only module that knows mkdocs-macros.
"""

from __future__ import annotations

import atexit
import json
import logging
import signal
import threading
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from mkdocs.utils.templates import TemplateContext

from .. import model
from ..derived.addresses import AddressBook, address_book
from ..diagrams import graphviz
from ..diagrams.figures import DiagramSet, build_diagrams
from ..diagrams.style import STYLE_FILE, StyleError, load_style
from ..exports.heads import PageHeads
from ..exports.published import Published, published
from ..loading import schema
from ..loading.problems import DataError
from ..loading.validate import data_files, load_site, strategy_files
from ..rendering.pages import PageSet, build_page_set
from . import compact, open_data, paper, publish, searchindex, svgstash, tables
from .direct import DirectPages
from .gate import Gate
from .quick import Clock, QuickRebuild, Served, data_texts, inputs_digest
from .serve import (
    ENGINE_LOGGERS,
    Reuse,
    ServeReuse,
    digest,
    files_digest,
    no_cycle_collection,
    search_entries,
    search_plugin,
)

Made = tuple[model.Site, AddressBook, DiagramSet, PageSet, Published, PageHeads]
log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class StrategyPluginConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' Config is untyped
    """The plugin's options in ``mkdocs.yml``; paths are relative to the folder of ``mkdocs.yml``."""

    data_dir = config_options.Type(str, default="data")
    # Catalogue mode (python -m macros katalog): this build publishes only the strategy of this id.
    only = config_options.Optional(config_options.Type(str))
    # The diagrams' style; left out: the project's diagrams/diagrammer.yaml, else the product's own.
    style_file = config_options.Optional(config_options.Type(str))
    cache_dir = config_options.Type(str, default=".cache/diagrams")  # finished diagrams, by content hash
    # Open data (issue 14), each part on its own switch; the editor's guide says what each publishes.
    downloads = config_options.Type(bool, default=True)  # JSON, CSV, XLSX, "Data og download", DCAT catalogue
    feeds = config_options.Type(bool, default=True)  # Atom feeds of the change log, linked from every head
    previews = config_options.Type(bool, default=True)  # meta description, Open Graph, JSON-LD breadcrumbs
    robots_txt = config_options.Type(bool, default=True)
    precompress = config_options.Type(bool, default=False)  # .gz beside every text file, for gzip_static
    license = config_options.Optional(config_options.Type(str))  # the data's licence (an address) for DCAT
    # Seconds one batch of diagrams may take in Graphviz before the build stops with a message naming the diagram.
    dot_timeout = config_options.Type((int, float), default=graphviz.DEFAULT_TIMEOUT)
    # Seconds a build waits for another build of the same site to finish before it gives up.
    build_wait = config_options.Type((int, float), default=publish.DEFAULT_WAIT)
    # Generated pages converted to HTML by our own converter of the Markdown our templates write (``direct``);
    # false: by Python-Markdown, like hand-written pages (slower; the same HTML, which is what tests compare).
    direct_html = config_options.Type(bool, default=True)


class StrategyPlugin(BasePlugin[StrategyPluginConfig]):  # type: ignore[no-untyped-call]
    """Loads the strategies once per build and publishes them as pages."""

    site: model.Site | None = None
    book: AddressBook | None = None
    page_set: PageSet | None = None
    diagram_set: DiagramSet | None = None
    exports: Published | None = None
    heads: PageHeads | None = None

    def __init__(self) -> None:
        self.macro_problems: list[str] = []  # filled by macros_module during this build
        self.publication: publish.Publication | None = None
        self.command = "build"
        self.reuse: Reuse = Reuse()
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.print_heads: dict[str, str] = {}  # strategy id → what paper shows at the top of its pages
        self.direct: DirectPages | None = None
        self.svgs_aside: list[str] = []  # the inline SVG of the page being indexed (``on_page_context``)
        self.quick: QuickRebuild | None = None  # under ``mkdocs serve``: rebuilds after a data edit
        self.env: jinja2.Environment | None = None
        self.data_dir = Path()
        self.model_key: Callable[[], str] = str
        self.load_model: Callable[[], tuple[model.Site, AddressBook]] | None = None
        self.complete_model: Callable[..., Made] | None = None
        self.draw: Callable[..., DiagramSet] | None = None
        self.heads_of: Callable[[model.Site, AddressBook], PageHeads] | None = None
        self.inputs = ""  # under ``mkdocs serve``: ``quick.inputs_digest`` as this build began

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this event keeps the plugin alive across `mkdocs serve` rebuilds: that is what lets it reuse.

        ``mkdocs build`` stops on SIGTERM as on Ctrl-C (a cron job's or CI's stop): the running Graphviz
        processes are ended and the staging folder removed, instead of the process vanishing mid-build.
        """
        self.command = command
        self.reuse = ServeReuse() if command == "serve" else Reuse()
        if command == "build" and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, signal.default_int_handler)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[..., None]) -> Any:
        """After a data edit, republish only what it changed when that can be done exactly (``quick``)."""
        self.quick = QuickRebuild(self, server.builder, Gate(server.get_app(), getattr(server, "mount_path", "/")))
        server.set_app(self.quick.gate)
        server.builder = self.quick
        self._served(config)  # the first build has run already
        # MkDocs looks for saved files every 0.5 s; the folders watched from here on (``watch``: the data
        # folder among them) every DATA_POLL_SECONDS, so a save is noticed within that. MkDocs then waits
        # until no file has changed for ``build_delay`` (0.1 s): as long as one look, so a save seen half
        # done is still waited for.
        observer = getattr(server, "observer", None)
        if isinstance(getattr(observer, "_timeout", None), (int, float)):
            observer._timeout = min(observer._timeout, DATA_POLL_SECONDS)  # type: ignore[union-attr]
            if isinstance(getattr(server, "build_delay", None), (int, float)):
                server.build_delay = min(server.build_delay, DATA_POLL_SECONDS)
        return server

    def on_shutdown(self) -> None:
        if self.command == "build" and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        wait = float(self.config.build_wait) if self.command != "serve" else None
        try:
            self.publication = publish.prepare(Path(config.site_dir), wait, log.info)
        except publish.PublishError as error:
            raise PluginError(str(error)) from None
        atexit.register(self._interrupted)
        config.site_dir = str(self.publication.staging)
        root = Path(config.config_file_path).parent
        data_dir, style_file = root / self.config.data_dir, _style_file(root, self.config.style_file)
        use_directory_urls = config.use_directory_urls
        options = open_data.export_options(config, self.config)

        def key() -> str:  # what the model is made from: the data files, the diagram style and the settings
            read = data_files(data_dir)[0] if data_dir.is_dir() else []
            return digest(
                files_digest([*read, style_file]),
                self.config.data_dir,
                str(use_directory_urls),
                repr(options),
                self.config.only or "",
            )

        def load() -> tuple[model.Site, AddressBook]:
            with no_cycle_collection():
                site = _load(data_dir, self.config.data_dir, self.config.only)
                return site, address_book(site, use_directory_urls)

        def heads_of(site: model.Site, book: AddressBook) -> PageHeads:
            return PageHeads(
                site, book, options.site_url, config.site_name, previews=self.config.previews, feeds=options.feeds
            )

        def draw(site: model.Site, book: AddressBook, only: Collection[tuple[str, str]] | None = None) -> DiagramSet:
            cache_dir, timeout = root / self.config.cache_dir, float(self.config.dot_timeout)
            return _draw(site, book, style_file, cache_dir, timeout, self.reuse, options.site_url, only)

        def complete(site: model.Site, book: AddressBook, clock: Clock) -> Made:
            """Everything made from the model: diagrams, open-data files, pages and page heads."""
            with no_cycle_collection():
                diagrams = draw(site, book)
                clock.lap("diagrams")
                exports = published(site, book, options)
                clock.lap("open data")
                pages = build_page_set(site, book, diagrams, exports.downloads, self.reuse.memo)
                clock.lap("pages")
                heads = heads_of(site, book)
                clock.lap("heads")
                log.debug("model made: %s", clock)
                return site, book, diagrams, pages, exports, heads

        def make() -> Made:
            clock = Clock()
            site, book = load()
            clock.lap("data")
            return complete(site, book, clock)

        # for a quick rebuild (``quick``)
        self.data_dir, self.model_key, self.load_model, self.complete_model = data_dir, key, load, complete
        self.heads_of, self.draw = heads_of, draw
        # What the files outside the data folder were when this build began: a save during the build is then
        # seen as a change by the next rebuild (taken after the build, it would look like no change at all).
        self.inputs = inputs_digest(config, data_dir) if self.command == "serve" else ""
        self.site, self.book, self.diagram_set, self.page_set, self.exports, self.heads = self.reuse.model(key, make)
        config.nav = _with_strategies(config.nav, self.page_set.nav)
        if data_dir.is_dir() and str(data_dir) not in config.watch:  # not in mkdocs.yml: MkDocs would refuse
            config.watch.append(str(data_dir))  # a missing folder in English before the plugin says it in Danish
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.page_set is not None and self.site is not None and self.book is not None
        assert self.diagram_set is not None and self.exports is not None
        generated = [
            File.generated(
                config,
                src_uri,
                content=markdown,
                inclusion=InclusionLevel.NOT_IN_NAV
                if src_uri not in self.page_set.in_nav
                else InclusionLevel.UNDEFINED,
            )
            for src_uri, markdown in self.page_set.pages.items()
        ]
        for made in (self.page_set.static, self.exports.files, self.diagram_set.files):
            generated += [File.generated(config, path, content=content) for path, content in made.items()]
        generated.append(File.generated(config, schema.PUBLISHED_PATH, content=schema.schema_text()))
        _refuse_clashes(files, generated)
        for file in generated:
            files.append(file)
        # Source maps and search languages no visitor's browser asks for (2 MB per site); see compact.
        search = search_plugin(config)
        languages = list(getattr(search.config, "lang", None) or []) if search is not None else []
        theme_files = [file.src_uri for file in files if file.generated_by is None]
        unused = set(compact.unused_theme_files(theme_files, languages or [config.theme["language"]]))
        for file in [file for file in files if file.src_uri in unused]:
            files.remove(file)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        self.direct = DirectPages(config) if self.config.direct_html else None
        _mark_strategy_sections(nav, {f"{s.id}/index.md" for s in self.site.strategies} if self.site else set())
        self.reuse.start(config, files)
        return nav

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """Date pages by their data, not by the clock, so the same data gives the same sitemap."""
        assert self.page_set is not None
        page.update_date = self.page_set.dates.get(page.file.src_uri, self.page_set.site_date)
        return page

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Every page's Markdown is rendered by now: stop here if any macro was called wrongly."""
        if self.macro_problems:
            head = f"Sider med fejl i makroer: {len(self.macro_problems)}. Ret dem, og byg igen."
            raise PluginError("\n".join([head, *sorted(self.macro_problems)]))
        # The footer links the tilgængelighedserklæring and the staff pages on every page: find their pages
        # once, not per page.
        statement = config.extra.get("tilgaengelighedserklaering") or ""
        found = files.get_file_from_path(statement) if statement and "://" not in statement else None
        statement_url = found.url if found is not None else ""
        env.globals["tilgaengelighed_url"] = statement_url
        env.globals["personale_links"] = _staff_links(config.extra.get("personale"), files)
        self.env = env
        assert self.nav is not None and self.site is not None
        self.print_heads = paper.print_heads(self.site)
        shown = json.dumps([statement_url, env.globals["personale_links"], self.print_heads], ensure_ascii=False)
        self.reuse.plan(env, files, self.nav, shown)
        return env

    @event_priority(-100)  # after mkdocs-macros has rendered the page's macros
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Keep the SVG of generated pages out of the Markdown conversion (``svgstash``)."""
        assert self.page_set is not None
        converted = markdown
        if page.file.src_uri in self.page_set.pages:  # generated pages only, see svgstash and direct
            converted, svgs = svgstash.stash(markdown)
            if self.direct is not None:
                self.direct.install(page)
            if svgs:
                svgstash.put_back_after_render(page, svgs)
        self.reuse.around_render(page, markdown)
        return converted

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Links to other pages carry their published address, for paper (``paper``); table cells name
        their column, for cards on a phone (``tables``)."""
        return tables.with_cell_labels(paper.with_addresses(html, page.canonical_url, config.site_url))

    @event_priority(100)  # before the search plugin indexes the page
    def _before_search(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """The page's head; and the inline SVG of a generated page set aside while the search plugin reads
        the page (its diagrams and charts stand in blocks search skips, but its parser would still read
        every element of them: a fifth of a build)."""
        assert self.heads is not None and self.page_set is not None
        self.reuse.before_search(page, search_entries(config))
        if page.content and page.file.src_uri in self.page_set.pages:
            page.content, self.svgs_aside = svgstash.stash(page.content)
        if config.site_url and page.canonical_url:  # the folder print addresses start from (``paper``)
            context["strategi_mappe"] = paper.folder(page.canonical_url, config.site_url)  # type: ignore[typeddict-unknown-key]
        return open_data.page_head(context, page, self.heads)

    @event_priority(-100)  # after the search plugin has indexed the page
    def _after_search(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.svgs_aside and page.content is not None:
            page.content = svgstash.unstash(page.content, self.svgs_aside)
        self.svgs_aside = []
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def _sheet_margins(self, page: Page, config: MkDocsConfig) -> dict[str, str]:
        """What every printed sheet of the page shows in its margins (``paper.with_sheet_margins``): the
        strategy and its kommune (the site and the configured kommune on pages of no strategy), the date of
        the data's latest recorded change (as "Senest opdateret" says it on screen), and the page's published
        address."""
        assert self.page_set is not None and self.heads is not None
        src = page.file.src_uri
        sid = src.split("/", 1)[0] if src in self.page_set.pages else ""
        kommune = (config.extra.get("kommune") or {}).get("navn")
        head = self.print_heads.get(sid) or (f"{config.site_name} · {kommune}" if kommune else config.site_name)
        updated = self.heads.updates.get(model.ElementId(sid)) if sid else self.heads.site_update
        date = f"Data senest ændret {updated.text}" if updated is not None else ""
        return {"hoved": head, "dato": date, "adresse": page.canonical_url or ""}

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html, sitemap.xml) made smaller like every other page."""
        return compact.html_page(output_content) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # after every other plugin has changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        written = compact.html_page(paper.with_sheet_margins(output, self._sheet_margins(page, config)))
        return self.reuse.output(page, written, search_entries(config))

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config: MkDocsConfig) -> None:
        publication = self.publication
        assert publication is not None and self.files is not None
        if config.strict and _strict_warnings():
            return  # MkDocs aborts right after this event (on_build_error); keep the published site as it was
        assert self.site is not None
        if self.direct is not None:
            log.debug(
                "generated pages converted directly: %d; by Python-Markdown: %s",
                self.direct.direct,
                self.direct.fallback,
            )
        searchindex.trim(publication.staging, {s.id: s for s in self.site.strategies})
        if self.config.precompress:
            open_data.precompress(publication.staging)
        try:
            note = self.reuse.publish(publication, self.files, _expected_files(self.files, config))
        except publish.PublishError as error:
            raise PluginError(str(error)) from None
        if note:
            log.info(note)
        self._finished()
        config.site_dir = str(publication.site_dir)
        self._served(config)

    def _served(self, config: MkDocsConfig) -> None:
        """Tell the quick rebuild (``mkdocs serve``) what the build that just succeeded published."""
        if self.quick is not None and self.nav is not None and self.env is not None and self.files is not None:
            made = (self.site, self.book, self.diagram_set, self.page_set, self.exports, self.heads)
            texts = data_texts(self.data_dir)  # what the next edit is compared with (``quick.edited_ids``)
            served = Served(
                config, self.files, self.nav, self.env, Path(config.site_dir), self.inputs, made, texts=texts
            )
            self.quick.served = served

    @event_priority(-100)  # last: it may end the build with a Danish message instead of a traceback
    def on_build_error(self, error: Exception) -> None:
        self.reuse.failed()
        self._finished(abandon=True)
        if isinstance(error, OSError) and self.command == "build":
            log.error(publish.os_fault(error))
            raise Abort("Aborted with a BuildError!")

    def _finished(self, abandon: bool = False) -> None:
        """This build no longer needs its staging folder (``abandon``) or its lock."""
        atexit.unregister(self._interrupted)
        if self.publication is not None:
            if abandon:
                self.publication.abandon()
            else:
                self.publication.release()

    def _interrupted(self) -> None:
        """At exit after Ctrl-C or SIGTERM mid-build (MkDocs runs no event then): remove the staging folder."""
        if self.publication is not None and self.publication.staging.exists():
            self.publication.abandon()
            log.error("Bygningen blev afbrudt; det udgivne websted er ikke ændret.")


def _refuse_clashes(written: Files, generated: list[File]) -> None:
    """Stop the build when a generated page or file would take the address of a hand-written page in
    ``docs/`` or of a theme file (it would silently replace it): the message names both."""
    taken = {file.dest_uri: file for file in written}
    taken.update({file.src_uri: file for file in written})
    clashes = []
    for file in generated:
        other = taken.get(file.dest_uri) or taken.get(file.src_uri)
        if other is not None:
            where = f"siden docs/{other.src_uri}" if other.src_uri.endswith(".md") else f"filen {other.src_uri}"
            clashes.append(f"{file.dest_uri}: {where} har allerede denne adresse [reserveret-id]")
    if clashes:
        head = (
            "Strategidata kan ikke bygges: et id giver en adresse, som en anden side allerede har. Giv elementet "
            "(eller strategien) et andet id, eller omdøb siden i docs/."
        )
        raise PluginError("\n".join([head, *sorted(clashes)]))


def _load(data_dir: Path, shown: str, only: str | None = None) -> model.Site:
    """The validated model, or a build error listing every problem in Danish (no traceback); files left
    out on purpose (hidden, backups) are named in an info line. With ``only``, that strategy alone."""
    if only is not None and data_dir.is_dir() and only not in (known := strategy_files(data_dir)):
        raise PluginError(
            f"strategi: only: ingen fil i {shown}/ har strategien '{only}' (kendte: "
            f"{', '.join(sorted(known)) or 'ingen'}). Ret id'et i mkdocs.yml eller på kommandolinjen."
        )
    notes: list[str] = []
    try:
        return load_site(data_dir, shown, notes, only)
    except DataError as error:
        raise PluginError(error.report()) from None
    finally:
        for note in notes:
            log.info(note)


def _draw(
    site: model.Site,
    book: AddressBook,
    style_file: Path,
    cache_dir: Path,
    timeout: float,
    reuse: Reuse,
    site_url: str,
    only: Collection[tuple[str, str]] | None = None,
) -> DiagramSet:
    """Every diagram (or those in ``only``, see ``build_diagrams``), rendered in one cached batch; a missing,
    failing or hanging Graphviz stops the build."""
    try:
        style = load_style(style_file, _shown(style_file))
    except StyleError as error:
        raise PluginError(error.report()) from None
    notes: list[str] = []
    try:
        drawn = build_diagrams(
            site,
            book,
            style,
            style_file.read_bytes(),
            cache_dir,
            kept=reuse.figures,
            timeout=timeout,
            notes=notes,
            site_url=site_url,
            only=only,
        )
    except (graphviz.GraphvizMissing, graphviz.GraphvizError) as error:
        raise PluginError(str(error)) from None
    for note in notes:
        log.info(note)
    return drawn


def _expected_files(files: Files, config: MkDocsConfig) -> list[str]:
    """The site paths a complete build has written: every file it publishes and the theme's own pages."""
    written = [file.dest_uri for file in files if file.inclusion.value > InclusionLevel.DRAFT.value]  # not drafts
    return written + [name for name in config.theme.static_templates if name.endswith((".html", ".xml"))]


def _style_file(root: Path, option: str | None) -> Path:
    """The style file the option names (relative to mkdocs.yml); without one, the project's own
    ``diagrams/diagrammer.yaml`` or, when the project has none, the product's."""
    if option:
        return root / option
    own = root / "diagrams" / "diagrammer.yaml"
    return own if own.is_file() else STYLE_FILE


def _shown(path: Path) -> str:
    """A file as the editor knows it: relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _strict_warnings() -> bool:
    """Whether MkDocs' (or ProperDocs') strict-mode counter has seen a warning in this build."""
    handlers = [h for engine in ENGINE_LOGGERS for h in logging.getLogger(engine).handlers]
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _staff_links(configured: Any, files: Files) -> list[tuple[str, str]]:
    """(title, site-relative URL) of each page for staff that ``extra: personale`` names and the site has:
    kept out of the citizens' menu (``not_in_nav``), linked from the footer."""
    links = []
    for entry in configured if isinstance(configured, list) else []:
        title, path = (entry.get("titel"), entry.get("side")) if isinstance(entry, dict) else (None, None)
        found = files.get_file_from_path(path) if isinstance(path, str) else None
        if isinstance(title, str) and found is not None:
            links.append((title, found.url))
    return links


DATA_POLL_SECONDS = 0.05  # under ``mkdocs serve``: how often the data folder is looked at for saved files

# Strategies the menu lists on every page; beyond it, a page lists only its own (overrides/partials/nav.html).
MENU_MAX = 12


def _mark_strategy_sections(nav: Navigation, overviews: set[str]) -> None:
    """Mark each strategy's menu section (``strategi``, and its folder ``strategimappe``) and the menu
    (``strategier``: how many; ``kort_strategimenu``: more than ``MENU_MAX``) for the nav partial, so a
    page's menu does not grow with the number of strategies."""
    count = 0
    for item in nav.items:
        first = item.children[0] if isinstance(item, Section) and item.children else None
        is_strategy = isinstance(first, Page) and first.file.src_uri in overviews
        item.strategi = is_strategy  # read by the template only
        item.strategimappe = first.file.src_uri.removesuffix("index.md") if is_strategy else ""  # type: ignore[union-attr]
        count += is_strategy
    nav.strategier = count  # type: ignore[attr-defined]
    nav.kort_strategimenu = count > MENU_MAX  # type: ignore[attr-defined]


def _with_strategies(nav: list[Any] | None, strategy_nav: list[dict[str, Any]]) -> list[Any]:
    """The configured nav with one section per strategy inserted after its first entry (the front page)."""
    configured = list(nav or [{"Forside": "index.md"}])
    return configured[:1] + strategy_nav + configured[1:]
