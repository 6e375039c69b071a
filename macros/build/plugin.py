"""The MkDocs plugin: the only module that knows MkDocs' config, file and navigation objects.

Pipeline position: it drives the build. ``on_config`` loads and validates ``data/`` once (a
``DataError`` stops the build before any page renders, with the full Danish list and no traceback) and
adds each strategy to the navigation; ``on_files`` adds the generated pages and published files
(schema, link map) as in-memory files, so the build never writes into ``docs/``. The model lives on the
plugin instance. ``site_macros`` reads the model from here. Under ``mkdocs serve`` MkDocs keeps this
one instance for every rebuild (it has ``on_startup``); its ``incremental.ServeCache`` then reuses the
model when no data file changed and every page whose inputs did not change. ``mkdocs build`` never
reuses anything.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import re
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import CountHandler

from . import compact, diagrams, dot, incremental, model, pages, publish, schema, searchindex, svgstash
from .problems import DataError
from .validate import load_site


class StrategyPluginConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' Config is untyped
    data_dir = config_options.Type(str, default="data")


class StrategyPlugin(BasePlugin[StrategyPluginConfig]):  # type: ignore[no-untyped-call]
    """Loads the strategies once per build and publishes them as pages."""

    site: model.Site | None = None
    page_set: pages.PageSet | None = None
    diagram_set: diagrams.DiagramSet | None = None

    def __init__(self) -> None:
        self.macro_problems: list[str] = []  # filled by site_macros during this build
        self.site_dir: Path | None = None
        self.staging: Path | None = None
        self.serve_cache: incremental.ServeCache | None = None  # only under `mkdocs serve`
        self.nav: Any = None
        self.files: Files | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this event keeps the plugin alive across `mkdocs serve` rebuilds: that is what lets it reuse."""
        self.serve_cache = incremental.ServeCache() if command == "serve" else None
        if self.serve_cache is not None:
            logging.getLogger("mkdocs.commands.build").addFilter(self._quiet_kept_pages)

    def _quiet_kept_pages(self, record: logging.LogRecord) -> bool:
        """Hide MkDocs' 'Page skipped' note for pages the served site already has (see ``incremental``)."""
        message = record.getMessage()
        if not message.startswith("Page skipped: '") or self.serve_cache is None:
            return True
        return not self.serve_cache.is_kept(message.split("'")[1])

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site_dir = Path(config.site_dir)
        self.staging = publish.staging_dir(self.site_dir)
        config.site_dir = str(self.staging)
        root = Path(config.config_file_path).parent
        data_dir = root / self.config.data_dir
        cache = self.serve_cache
        model_key = _model_key(data_dir, self.config.data_dir, config.use_directory_urls) if cache is not None else ""
        if cache is not None and cache.model_key == model_key:
            self.site, self.diagram_set, self.page_set = cache.model
        else:
            with _no_cycle_collection():
                self.site = _load(data_dir, self.config.data_dir)
                book = pages.address_book(self.site, use_directory_urls=config.use_directory_urls)
                self.diagram_set = _draw(self.site, book, root / ".cache" / "diagrams",
                                         cache.figures if cache is not None else None)
                self.page_set = pages.build_page_set(self.site, figures=self.diagram_set, page_set=book)
            if cache is not None:
                cache.model_key, cache.model = model_key, (self.site, self.diagram_set, self.page_set)
        config.nav = _with_strategies(config.nav, self.page_set.nav)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.page_set is not None and self.site is not None
        for src_uri, markdown in self.page_set.pages.items():
            inclusion = InclusionLevel.NOT_IN_NAV if src_uri not in self.page_set.in_nav else InclusionLevel.UNDEFINED
            files.append(File.generated(config, src_uri, content=markdown, inclusion=inclusion))
        for path, content in self.page_set.static.items():
            files.append(File.generated(config, path, content=content))
        assert self.diagram_set is not None
        for path, data in self.diagram_set.files.items():
            files.append(File.generated(config, path, content=data))
        files.append(File.generated(config, schema.PUBLISHED_PATH, content=schema.schema_text()))
        # Source maps and search languages no visitor's browser asks for (2 MB per site); see compact.
        search = _search_plugin(config)
        languages = list(getattr(search.config, "lang", None) or []) if search is not None else []
        theme_files = [file.src_uri for file in files if file.generated_by is None]
        unused = set(compact.unused_theme_files(theme_files, languages or [config.theme["language"]]))
        for file in [file for file in files if file.src_uri in unused]:
            files.remove(file)
        return files

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> Any:
        self.nav, self.files = nav, files
        if self.serve_cache is not None:
            theme = config.theme.custom_dir
            templates = [path for path in Path(theme).rglob("*") if path.is_file()] if theme else []
            config_text = "\n".join(_config_texts(Path(config.config_file_path)))
            rows = [f"{file.src_uri}\t{file.dest_uri}\t{file.inclusion}" for file in files]
            self.serve_cache.start(config_text + incremental.files_digest(templates), rows)
        return nav

    def on_pre_page(self, page: Any, config: MkDocsConfig, files: Files) -> Any:
        """Date pages by their data, not by the clock, so the same data gives the same sitemap."""
        assert self.page_set is not None
        page.update_date = self.page_set.dates.get(page.file.src_uri, self.page_set.site_date)
        return page

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """Every page's Markdown is rendered by now: stop here if any macro was called wrongly."""
        if self.macro_problems:
            head = f"Sider med fejl i makroer: {len(self.macro_problems)}. Ret dem, og byg igen."
            raise PluginError("\n".join([head, *sorted(self.macro_problems)]))
        # The footer links the tilgængelighedserklæring on every page: find its page once, not per page.
        statement = config.extra.get("tilgaengelighedserklaering") or ""
        found = files.get_file_from_path(statement) if statement and "://" not in statement else None
        env.globals["tilgaengelighed_url"] = found.url if found is not None else ""
        if self.serve_cache is not None:
            env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({incremental.REUSED_TEMPLATE: ""}), env.loader])
            built = [file.page for file in files if file.page is not None]
            shown = incremental.digest(*incremental.nav_rows(self.nav.items), env.globals["tilgaengelighed_url"])
            self.serve_cache.plan_output(built, shown)
        return env

    @event_priority(-100)  # after mkdocs-macros has rendered the page's macros
    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        """Wrap the page's conversion: SVG kept out of Markdown (``svgstash``), and under serve, reuse."""
        assert self.page_set is not None
        converted = markdown
        if page.file.src_uri in self.page_set.pages:  # generated pages only, see svgstash
            converted, svgs = svgstash.stash(markdown)
            if svgs:
                page.render = svgstash.render_with(page.render, page, svgs)
        if self.serve_cache is not None:
            page.render = self.serve_cache.wrap_render(page, markdown)
        return converted

    @event_priority(100)  # before the search plugin indexes the page
    def on_page_context(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        if self.serve_cache is not None:
            self.serve_cache.before_search(page, _search_entries(config))
        return context

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html, sitemap.xml) made smaller like every other page."""
        return compact.html_page(output_content) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # after every other plugin has changed the page
    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        output = compact.html_page(output)
        if self.serve_cache is not None:
            output = self.serve_cache.output(page, output, _search_entries(config))
        return output

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config: MkDocsConfig) -> None:
        assert self.staging is not None and self.site_dir is not None
        if config.strict and _strict_warnings():
            return  # MkDocs aborts right after this event; keep the published site as it was
        searchindex.trim(self.staging)
        if self.serve_cache is None:
            publish.swap_in(self.staging, self.site_dir)
        else:
            publish.merge_in(self.staging, self.site_dir, self.serve_cache.kept_files(self.files or []))
            self.serve_cache.finish()
        config.site_dir = str(self.site_dir)

    def on_build_error(self, error: Exception) -> None:
        if self.serve_cache is not None:
            self.serve_cache.pending.clear()  # never published: the served site does not have these pages
        if self.staging is not None:
            publish.discard(self.staging)


def _model_key(data_dir: Path, shown: str, use_directory_urls: bool) -> str:
    """What the model, page set and diagrams are made from: the data files and the diagram style, as saved."""
    read = [path for path in data_dir.iterdir() if path.is_file()] if data_dir.is_dir() else []
    return incremental.digest(incremental.files_digest([*read, diagrams.STYLE_FILE]), shown, str(use_directory_urls))


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
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


def _load(data_dir: Path, shown: str) -> model.Site:
    """The validated model, or a build error listing every problem in Danish (no traceback)."""
    try:
        return load_site(data_dir, shown)
    except DataError as error:
        raise PluginError(error.report()) from None


def _draw(site: model.Site, book: pages.PageSet, cache_dir: Path,
          kept: dict[Hashable, diagrams.Drawn] | None) -> diagrams.DiagramSet:
    """Every diagram, rendered in one cached batch; a missing or failing Graphviz stops the build."""
    try:
        return diagrams.build_diagrams(site, book, cache_dir, kept=kept)
    except (dot.GraphvizMissing, dot.GraphvizError) as error:
        raise PluginError(str(error)) from None


def _config_texts(path: Path, depth: int = 0) -> list[str]:
    """The text of ``mkdocs.yml`` and of each file it INHERITs from (a change there changes every page)."""
    text = path.read_text(encoding="utf-8")
    parent = re.search(r"^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$", text, re.MULTILINE)
    if parent is None or depth > 10:
        return [text]
    return [text, *_config_texts(path.parent / parent.group(1).strip(), depth + 1)]


def _search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin (MkDocs names it "material/search" when the config says "search"), or None."""
    return config.plugins.get("material/search")


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries Material's search plugin has collected in this build, or None when search is off."""
    entries = getattr(getattr(_search_plugin(config), "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


def _strict_warnings() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning in this build."""
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _with_strategies(nav: list[Any] | None, strategy_nav: list[dict[str, Any]]) -> list[Any]:
    """The configured nav with one section per strategy inserted after its first entry (the front page)."""
    configured = list(nav or [{"Forside": "index.md"}])
    return configured[:1] + strategy_nav + configured[1:]
