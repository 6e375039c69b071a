"""The "Data og download" pages: every file of a strategy (and of the site) with its format and size.

Pipeline position: rendering. The exports make the files and the download list (``derived.downloads``)
before any page renders; the page builder (``pages``) gives each strategy its page at
``<strategi>/data/``, and the editors' macro ``dataoversigt`` (``page_macros``) lists the whole site's on a
hand-written page. Links are relative Markdown links to the files, so MkDocs checks every one of them.
Markdown from ``templates/downloads/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model
from ..derived.addresses import Target, relative_link
from ..derived.downloads import Download, Downloads, data_page_src
from ..derived.words import number
from .templating import template


def size_text(size: int) -> str:
    """A file size the Danish way, in decimal units: "812 byte", "12,3 kB", "4,1 MB"."""
    if size < 1000:
        return f"{size} byte"
    if size < 1_000_000:
        value, unit = size / 1000, "kB"
    else:
        value, unit = size / 1_000_000, "MB"
    return f"{number(round(value, 1) if value < 100 else round(value))} {unit}"


@dataclass(frozen=True)
class Row:
    """A download as a row of the list, seen from one page: link target, size in words."""

    download: Download
    link: str
    size: str


def rows(from_src: str, downloads: tuple[Download, ...]) -> list[Row]:
    return [Row(d, relative_link(from_src, Target(d.path)), size_text(d.size)) for d in downloads]


def data_page(strategy: model.Strategy, downloads: Downloads, src: str) -> str:
    """The strategy's "Data og download" page."""
    site_rows = {d.path: row for d, row in zip(downloads.site, rows(src, downloads.site), strict=True)}
    return template(
        "downloads/data_page.md.j2",
        strategy=strategy,
        rows=rows(src, downloads.of(strategy.id)),
        site_rows=site_rows,
    )


def site_downloads(site: model.Site, downloads: Downloads, from_src: str) -> str:
    """Every download of the site, strategy by strategy, then the site's own files (the editors' macro)."""
    sections = [
        (
            strategy,
            relative_link(from_src, Target(data_page_src(strategy.id))),
            rows(from_src, downloads.of(strategy.id)),
        )
        for strategy in site.strategies
        if downloads.of(strategy.id)
    ]
    return template("downloads/site.md.j2", sections=sections, site_rows=rows(from_src, downloads.site))
