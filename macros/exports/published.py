"""Every file the exports publish for one build, and the download list the pages show.

Pipeline position: the top of the exports layer. ``published(site, book, options)`` is a pure function of
the model and the address book (and the few settings of ``mkdocs.yml`` it needs: the site's address, name
and description, the licence, which parts are on); the plugin adds ``files`` to the build as in-memory
files and hands ``downloads`` to the page set, which lists them on the "Data og download" pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import model
from ..derived.addresses import AddressBook
from ..derived.downloads import (
    CATALOGUE,
    LINK_MAP,
    ROBOTS,
    SITE_FEED,
    Download,
    Downloads,
    feed_path,
    strategy_file,
)
from ..loading import schema
from .catalogue import CatalogueWriter
from .feeds import MEDIA_TYPE as ATOM_MEDIA_TYPE
from .feeds import FeedWriter
from .link_map import link_map
from .robots import robots_txt
from .spreadsheets import csv_bytes, xlsx_bytes
from .strategy_json import strategy_json
from .tables import strategy_tables

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportOptions:
    """What the exports need from ``mkdocs.yml``; each part can be turned off there."""

    site_url: str = ""  # with a trailing "/", or "" when the site has no address
    site_name: str = ""
    site_description: str = ""
    licence: str | None = None
    downloads: bool = True  # JSON, CSV, XLSX, the "Data og download" pages, the DCAT catalogue
    feeds: bool = True
    robots: bool = True


@dataclass
class Published:
    """Site path → bytes of every exported file, and the downloads as the pages list them."""

    files: dict[str, bytes] = field(default_factory=dict)
    downloads: Downloads = field(default_factory=lambda: Downloads({}, ()))


def published(site: model.Site, book: AddressBook, options: ExportOptions) -> Published:
    out = Published()
    out.files[LINK_MAP] = link_map(site, book).encode("utf-8")
    by_strategy: dict[str, tuple[Download, ...]] = {}
    feeds = FeedWriter(book, options.site_url)
    for strategy in site.strategies:
        found: list[Download] = []
        if options.downloads:
            found += _data_files(out, strategy, book, options)
        if options.feeds:
            data = feeds.strategy_feed(strategy)
            out.files[feed_path(strategy.id)] = data
            found.append(_feed_download(feed_path(strategy.id), f"Ændringer i {strategy.titel}", data))
        by_strategy[strategy.id] = tuple(found)
    site_files = [
        _file(
            LINK_MAP,
            "Faste adresser",
            "JSON",
            "application/json",
            "Alle elementer med deres faste adresse, titel og type.",
            out.files[LINK_MAP],
        )
    ]
    site_files.append(
        _file(
            schema.PUBLISHED_PATH,
            "Skema for datafilerne",
            "JSON",
            "application/schema+json",
            "JSON Schema for strategiernes datafiler (og for JSON-filerne her).",
            schema.schema_text().encode(),
        )
    )
    if options.feeds:
        data = feeds.site_feed(site, options.site_name)
        out.files[SITE_FEED] = data
        site_files.append(_feed_download(SITE_FEED, "Ændringer i alle strategier", data))
    if options.downloads:
        writer = CatalogueWriter(options.site_url, book.use_directory_urls, options.licence)
        data = writer.catalogue(site, by_strategy, options.site_name, options.site_description)
        out.files[CATALOGUE] = data
        site_files.append(
            _file(
                CATALOGUE,
                "Datakatalog (DCAT-AP-DK)",
                "JSON-LD",
                "application/ld+json",
                "Beskrivelse af alle datasæt og filer til åbne dataportaler.",
                data,
            )
        )
    if options.robots:
        out.files[ROBOTS] = robots_txt(options.site_url).encode("utf-8")
    out.downloads = Downloads(by_strategy, tuple(site_files))
    return out


def _file(
    path: str, title: str, fmt: str, media: str, about: str, data: bytes, rows: int | None = None, conforms_to: str = ""
) -> Download:
    return Download(path, title, fmt, media, about, len(data), rows, conforms_to)


def _feed_download(path: str, title: str, data: bytes) -> Download:
    about = "Abonnér på ændringerne i en feedlæser (Atom)."
    return _file(path, title, "Atom", ATOM_MEDIA_TYPE, about, data)


def _data_files(out: Published, strategy: model.Strategy, book: AddressBook, options: ExportOptions) -> list[Download]:
    """The strategy as JSON, as one workbook and as one CSV file per table, added to ``out``."""
    sid = strategy.id
    json_data = strategy_json(strategy, options.site_url + schema.PUBLISHED_PATH)
    tables = strategy_tables(strategy, book, options.site_url)
    xlsx_data = xlsx_bytes(tables, strategy.titel)
    found = [
        _file(
            strategy_file(sid, ".json"),
            "Hele strategien",
            "JSON",
            "application/json",
            "Alle felter i strategien; kan bruges som datafil og følger skemaet.",
            json_data,
            conforms_to=schema.PUBLISHED_PATH,
        ),
        _file(
            strategy_file(sid, ".xlsx"),
            "Regneark med alle tabeller",
            "XLSX",
            XLSX_MEDIA_TYPE,
            "Aktiviteter, indikatorer, ansvar og opfølgning – ét ark pr. tabel.",
            xlsx_data,
        ),
    ]
    out.files[strategy_file(sid, ".json")] = json_data
    out.files[strategy_file(sid, ".xlsx")] = xlsx_data
    for table in tables:
        data = csv_bytes(table)
        path = strategy_file(sid, f"-{table.slug}.csv")
        out.files[path] = data
        found.append(_file(path, table.name, "CSV", "text/csv", table.description, data, rows=len(table.rows)))
    return found
