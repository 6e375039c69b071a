"""Catalogue mode: each strategy built on its own into ``<ud>/<strategi-id>/``, then stitched under one hub.

Pipeline position: around the MkDocs build, driven by ``python -m macros katalog``. A strategy's job
(``build_strategy``) runs ``mkdocs build --strict`` on a small overlay of the project's ``mkdocs.yml``
(written beside it, removed after): the same project, ``site_url`` set to the sub-folder, and the
strategi plugin's ``only`` option, so the build reads only that strategy's data file. The jobs share
nothing but the diagram cache (content-addressed), so they run as local processes (``build_all``) or as
the jobs of a CI matrix. ``stitch`` then makes what belongs to the whole catalogue: the hub front page (a
tiny MkDocs build of the same theme, ``hub_hook`` its hook), the merged ``links.json``, and one Pagefind
index over every strategy's pages, which the site's own search box uses in catalogue mode
(``katalog-soeg.js`` beside this module, copied to the catalogue's root). Messages are Danish; they name the command
that fixes a problem.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from .. import model
from ..derived.addresses import address_book
from ..exports.link_map import merged_link_maps
from ..loading.problems import DataError
from ..loading.validate import load_site, strategy_files
from ..rendering.catalogue import hub_page

HOOK = Path(__file__).with_name("hub_hook.py")
WORKER = Path(__file__).with_name("katalog-soeg.js")  # the search box's worker, at the catalogue's root
NAMES = "katalog-soeg.json"  # each sub-site's strategy as a search result names it
PAGEFIND_FOLDER = "pagefind"
# Files and folders the hub writes at the catalogue's root, besides the sub-sites: no strategy may be named so.
HUB_NAMES = {PAGEFIND_FOLDER, "links.json", "sitemap.xml", "404.html", WORKER.name, NAMES}
TIMEOUT = 3600.0  # seconds one strategy's build may take


class CatalogueError(Exception):
    """A problem that stops the catalogue command; the message is Danish and says what to do."""


@dataclass(frozen=True)
class Project:
    """What catalogue mode reads from the project's ``mkdocs.yml`` (``INHERIT`` followed)."""

    config_file: Path
    data_dir: Path
    shown_data_dir: str  # as the config writes it ("data"), for messages
    site_url: str  # the catalogue's public address, ending in "/" ("" when unknown)
    plugins: list[Any]  # the plugins entry as written, to be repeated in overlays (YAML replaces lists)
    extra_css: list[str]  # likewise
    docs_dir: Path
    statement: str  # extra.tilgaengelighedserklaering
    site_name: str
    use_directory_urls: bool


def read_project(config_file: Path, site_url: str | None = None) -> Project:
    """The project's catalogue settings, or ``CatalogueError`` when the file or the strategi plugin is missing."""
    if not config_file.is_file():
        raise CatalogueError(f"konfigurationsfilen '{config_file}' findes ikke")
    with config_file.open("rb") as handle:
        raw = yaml_load(handle) or {}
    plugins = raw.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    options = next((_options(entry) for entry in plugins if _name(entry) == "strategi"), None)
    if options is None:
        raise CatalogueError(f"{config_file}: pluginnet 'strategi' står ikke under plugins; katalogtilstand kræver det")
    root = config_file.parent
    address = site_url if site_url is not None else str(raw.get("site_url") or "")
    extra = raw.get("extra") or {}
    return Project(
        config_file=config_file,
        data_dir=root / str(options.get("data_dir") or "data"),
        shown_data_dir=str(options.get("data_dir") or "data"),
        site_url=address if not address or address.endswith("/") else address + "/",
        plugins=plugins,
        extra_css=[str(path) for path in raw.get("extra_css") or []],
        docs_dir=root / str(raw.get("docs_dir") or "docs"),
        statement=str(extra.get("tilgaengelighedserklaering") or "") if isinstance(extra, dict) else "",
        site_name=str(raw.get("site_name") or "Strategier"),
        use_directory_urls=bool(raw.get("use_directory_urls", True)),
    )


def _name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "") if isinstance(entry, dict) else ""


def _options(entry: Any) -> dict[str, Any]:
    options = entry.get(_name(entry)) if isinstance(entry, dict) else None
    return options if isinstance(options, dict) else {}


def strategy_ids(project: Project) -> list[str]:
    """The ids of the strategies in the data folder, sorted, read without loading the files."""
    if not project.data_dir.is_dir():
        raise CatalogueError(f"datamappen '{project.shown_data_dir}' findes ikke ved {project.config_file}")
    return sorted(strategy_files(project.data_dir))


def load_catalogue(project: Project) -> model.Site:
    """Every strategy, loaded and checked as one site (ids unique across files, every problem at once)."""
    notes: list[str] = []
    try:
        return load_site(project.data_dir, project.shown_data_dir, notes)
    except DataError as error:
        raise CatalogueError(error.report()) from None


@dataclass(frozen=True)
class Job:
    """One strategy's build: its id, whether it succeeded, and what MkDocs said when it did not."""

    strategy_id: str
    ok: bool
    output: str


def build_strategy(project: Project, strategy_id: str, out: Path) -> Job:
    """Build one strategy's sub-site into ``out/<strategy_id>/`` with ``mkdocs build --strict``, once the data
    folder is known to declare that id."""
    known = strategy_ids(project)
    if strategy_id not in known:
        shown = ", ".join(known) or "ingen"
        raise CatalogueError(f"strategien '{strategy_id}' findes ikke i {project.shown_data_dir}/ (kendte: {shown})")
    return _build_known_strategy(project, strategy_id, out)


def _build_known_strategy(project: Project, strategy_id: str, out: Path) -> Job:
    """``build_strategy`` for an id the data folder declares."""
    if strategy_id in HUB_NAMES:
        raise CatalogueError(
            f"strategien '{strategy_id}' har samme navn som en af katalogets egne filer; giv den et andet id"
        )
    result = _mkdocs_build(project, f".katalog-{strategy_id}.yml", _overlay(project, strategy_id), out / strategy_id)
    return Job(strategy_id, result.returncode == 0, (result.stdout + result.stderr).strip())


def _mkdocs_build(project: Project, overlay_name: str, overlay: str, out: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of the project with ``overlay`` (a config that INHERITs the project's),
    written beside ``mkdocs.yml`` as ``overlay_name`` for the build and removed after it."""
    config = project.config_file.with_name(overlay_name)
    config.write_text(overlay, encoding="utf-8")
    try:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(out)],
            cwd=project.config_file.parent,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    finally:
        config.unlink(missing_ok=True)


def _overlay(project: Project, strategy_id: str) -> str:
    """The job's config: the project's, with its sub-folder's address, the plugin's ``only`` and the
    catalogue's search (``extra.katalog.rod``: the way from the sub-site up to the catalogue's root)."""
    plugins = [
        {"strategi": {**_options(entry), "only": strategy_id}} if _name(entry) == "strategi" else entry
        for entry in project.plugins
    ]
    lines = [
        f"# Written by python -m macros katalog for the build of '{strategy_id}'; removed when it ends.",
        f"INHERIT: {project.config_file.name}",
        f"plugins: {json.dumps(plugins, ensure_ascii=False)}",
        # The logo and the site's name lead to the catalogue's front page, not to this sub-site's own.
        'extra: {"katalog": {"rod": "../"}, "homepage": "../"}',
    ]
    if project.site_url:
        lines.insert(2, f"site_url: {json.dumps(project.site_url + strategy_id + '/')}")
    return "\n".join(lines) + "\n"


def build_all(
    project: Project, ids: list[str], out: Path, jobs: int, report: Callable[[Job], None] | None = None
) -> list[Job]:
    """Every strategy's build, ``jobs`` processes at a time; the jobs in the order of ``ids``, which are the
    loaded catalogue's (so the data folder is not read again for each job)."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(_build_known_strategy, project, strategy_id, out) for strategy_id in ids]
        done = []
        for future in futures:
            job = future.result()
            if report is not None:
                report(job)
            done.append(job)
    return done


def stitch(project: Project, out: Path) -> list[str]:
    """Make the catalogue whole: the hub front page, the merged ``links.json``, the sub-sites' own search
    indexes emptied (the catalogue's search is Pagefind's) and the Pagefind index. Lines saying what was done."""
    site = load_catalogue(project)
    ids = [str(s.id) for s in site.strategies]
    missing = [i for i in ids if not (out / i / "links.json").is_file()]
    if missing:
        raise CatalogueError(
            f"{len(missing)} strategier er ikke bygget i {out}/: {', '.join(missing)}. "
            "Byg dem med: python -m macros katalog strategi ID --ud " + str(out)
        )
    build_hub(project, site, out)
    parts = [(i, (out / i / "links.json").read_text(encoding="utf-8")) for i in sorted(ids)]
    try:
        (out / "links.json").write_text(merged_link_maps(parts), encoding="utf-8")
    except ValueError as error:
        raise CatalogueError(str(error)) from None
    for folder in ["", *ids]:
        _empty_search_index(out / folder / "search" / "search_index.json")
    pages = index_search(out, sorted(ids))
    shutil.copyfile(WORKER, out / WORKER.name)
    (out / NAMES).write_text(_strategy_names(site), encoding="utf-8")
    return [
        f"Forside med {len(ids)} strategier: {out / 'index.html'}",
        f"Samlet linkkort: {out / 'links.json'}",
        f"Søgning på tværs (Pagefind): {pages} sider i {out / PAGEFIND_FOLDER}/",
    ]


def build_hub(project: Project, site: model.Site, out: Path) -> None:
    """The hub: the front page and the tilgængelighedserklæring, built by MkDocs with the project's theme
    into a temporary folder and copied to ``out`` (MkDocs would empty ``out`` first)."""
    with tempfile.TemporaryDirectory(prefix="katalog-forside-") as work:
        docs, built = Path(work) / "docs", Path(work) / "site"
        docs.mkdir()
        book = address_book(site, project.use_directory_urls)
        (docs / "index.md").write_text(hub_page(site, book, project.site_name), encoding="utf-8")
        nav: list[dict[str, str]] = [{"Forside": "index.md"}]
        statement = project.docs_dir / project.statement if project.statement else None
        if statement is not None and "://" not in project.statement and statement.is_file():
            shutil.copy2(statement, docs / project.statement)
            nav.append({"Tilgængelighed": project.statement})
        result = _mkdocs_build(project, ".katalog-forside.yml", _hub_overlay(project, docs, nav), built)
        if result.returncode != 0:
            raise CatalogueError(f"forsiden kunne ikke bygges:\n{(result.stdout + result.stderr).strip()}")
        clashes = sorted(p.name for p in built.iterdir() if p.name in {s.id for s in site.strategies})
        if clashes:
            raise CatalogueError(
                f"strategien '{clashes[0]}' har samme navn som en af forsidens filer; giv den et andet id"
            )
        shutil.copytree(built, out, dirs_exist_ok=True)


def _hub_overlay(project: Project, docs: Path, nav: list[dict[str, str]]) -> str:
    """The hub's config: the project's look and texts, only Material's search (its box; the index used is
    Pagefind's) and mkdocs-macros for the statement's ``{{ config.extra… }}``, no strategies."""
    plugins = [{"search": {"lang": "da"}}, {"macros": {"on_error_fail": True, "on_undefined": "strict"}}]
    lines = [
        "# Written by python -m macros katalog for the catalogue's front page; removed when it ends.",
        f"INHERIT: {project.config_file.name}",
        f"docs_dir: {json.dumps(str(docs))}",
        f"plugins: {json.dumps(plugins)}",
        f"hooks: {json.dumps([str(HOOK)])}",
        f"nav: {json.dumps(nav, ensure_ascii=False)}",
        'not_in_nav: ""',
        "watch: []",
        # The cards link into the sub-sites, which this build does not know: the tests walk those links.
        "validation: {unrecognized_links: ignore}",
        'extra: {"katalog": {"rod": ""}, "personale": []}',
    ]
    if project.site_url:
        lines.insert(2, f"site_url: {json.dumps(project.site_url)}")
    return "\n".join(lines) + "\n"


def _strategy_names(site: model.Site) -> str:
    """``katalog-soeg.json``: sub-site folder → "title · kommune", for the search results (katalog-soeg.js)."""
    names = {str(s.id): f"{s.titel} · {s.organisation.kommune}" for s in site.strategies}
    return json.dumps({"strategier": dict(sorted(names.items()))}, ensure_ascii=False, separators=(",", ":")) + "\n"


def _empty_search_index(path: Path) -> None:
    """Keep the file Material's page script fetches, without the documents: the catalogue searches with
    Pagefind, and a reader should not download an index nobody uses."""
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        index["docs"] = []
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_search(out: Path, ids: list[str]) -> int:
    """Pagefind over every strategy's own pages (``<id>/<id>/``; not the sub-sites' copies of the front page,
    the guide and the statement), Danish, the theme's chrome and the diagrams' labels left out. Pages indexed."""
    shutil.rmtree(out / PAGEFIND_FOLDER, ignore_errors=True)
    folders = ",".join(f"{i}/{i}" for i in ids)
    pattern = f"{{{folders}}}/**/*.html" if len(ids) > 1 else f"{folders}/**/*.html"
    command = [
        *(sys.executable, "-m", "pagefind"),
        *("--site", str(out), "--output-subdir", PAGEFIND_FOLDER, "--glob", pattern),
        *("--force-language", "da", "--root-selector", "article.md-content__inner"),
        *("--exclude-selectors", "[data-search-exclude]", "--exclude-selectors", ".headerlink"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if result.returncode != 0:
        said = (result.stdout + result.stderr).strip()[-2000:]
        raise CatalogueError(
            "Pagefind kunne ikke lave søgeindekset. Er det installeret? pip install 'pagefind[bin]==1.5.2'\n" + said
        )
    entry = json.loads((out / PAGEFIND_FOLDER / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(language.get("page_count", 0)) for language in entry.get("languages", {}).values())
