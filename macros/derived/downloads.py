"""Where the files for download are published, and what the site says about each: the download list.

Pipeline position: derived, beside the address book. The exports (``exports.published``) make the files
and fill in each one's size; the "Data og download" pages (rendering), the DCAT catalogue and every page's
head (feed links) read the list. Paths are site-relative; the scheme lives here and nowhere else:
``<strategi>/data/`` holds a strategy's files and its "Data og download" page, the site's own files sit at
the root. Pure data, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DATA_FOLDER = "data"
SITE_FEED = "aendringer.xml"
CATALOGUE = "katalog.jsonld"
LINK_MAP = "links.json"
ROBOTS = "robots.txt"


def data_page_src(strategy_id: str) -> str:
    """The Markdown source of a strategy's "Data og download" page."""
    return f"{strategy_id}/{DATA_FOLDER}/index.md"


def strategy_file(strategy_id: str, suffix: str) -> str:
    """A strategy's file: ``<strategi>/data/<strategi><suffix>`` (a file saved from it still says whose)."""
    return f"{strategy_id}/{DATA_FOLDER}/{strategy_id}{suffix}"


def feed_path(strategy_id: str) -> str:
    return strategy_file(strategy_id, "-aendringer.xml")


@dataclass(frozen=True)
class Download:
    """One published file as the download lists show it."""

    path: str  # site-relative
    title: str  # Danish, what it holds ("Aktiviteter")
    format: str  # what people call the format ("CSV", "XLSX", "JSON", "Atom")
    media_type: str  # IANA media type, for the DCAT catalogue
    description: str  # Danish, one sentence
    size: int  # bytes
    rows: int | None = None  # a table's rows (header not counted)
    conforms_to: str = ""  # site-relative path of the schema the file follows, if any


@dataclass(frozen=True)
class Downloads:
    """Every download of the site: each strategy's (by strategy id, in file order) and the site's own."""

    by_strategy: Mapping[str, tuple[Download, ...]]
    site: tuple[Download, ...]

    def of(self, strategy_id: str) -> tuple[Download, ...]:
        return self.by_strategy.get(strategy_id, ())


NO_DOWNLOADS = Downloads({}, ())
