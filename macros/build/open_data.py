"""The plugin's part in open data: its options, each page's head, and the staged site's precompression.

Pipeline position: glue, called by the plugin (``plugin.py``) at its events. ``export_options`` reads what
the exports need from ``mkdocs.yml``; ``page_head`` hands a page its ``PageHead`` (``exports.heads``) for
the theme's head and "Senest opdateret" partials; ``precompress`` writes ``.gz`` files beside the text
files of the staged site, before it is published.
"""

from __future__ import annotations

import gzip
import html
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..exports.heads import PageHeads
from ..exports.published import ExportOptions

# What a static host may serve compressed: text formats only (images and PDF are compressed already).
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".jsonld", ".xml", ".svg", ".txt", ".csv", ".map")
GZIP_LEVEL = 9


def export_options(config: MkDocsConfig, options: Any) -> ExportOptions:
    """The exports' settings: the site's address, name and description, the licence, which parts are on."""
    site_url = config.site_url or ""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    return ExportOptions(
        site_url=site_url,
        site_name=config.site_name,
        site_description=config.site_description or "",
        licence=options.license,
        downloads=options.downloads,
        feeds=options.feeds,
        robots=options.robots_txt,
    )


def page_head(context: TemplateContext, page: Page, heads: PageHeads) -> TemplateContext:
    """Give the page's templates its head (``sidehoved``); its description goes where Material writes it,
    unless the page's own front matter has one."""
    head = heads.head(page.file.src_uri, html.unescape(page.title or ""))
    if head.description and not page.meta.get("description"):
        page.meta["description"] = html.escape(head.description)  # Material writes it without escaping
    context["sidehoved"] = head  # type: ignore[typeddict-unknown-key]  # our own template variable
    return context


def precompress(folder: Path) -> int:
    """Write ``name.gz`` beside every text file of ``folder`` that gzip makes smaller; the count written.

    The bytes are the same for the same file (no name, no time in the gzip header), so two builds of the
    same data stay identical.
    """
    written = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
        if len(packed) < len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written += 1
    return written
