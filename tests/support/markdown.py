"""Markdown as the site reads it, and the generated Markdown read back as a reader would read it.

Pipeline position: between the renderers and the built site. ``site_markdown()`` is Python-Markdown with
exactly the extensions and options of the product's ``mkdocs.yml`` (loaded by MkDocs itself), so a renderer
test converts a page as the build would. The readers below (``table``, ``section``, ``inline_svgs``) take
generated Markdown apart for the renderer tests that need no HTML.
"""

from __future__ import annotations

import functools
import re
from typing import Any
from xml.etree import ElementTree

import markdown
from mkdocs.config import load_config

from support.sites import ROOT

CELL_SPLIT = re.compile(r"(?<!\\)\|")


@functools.cache
def _site_extensions() -> tuple[list[Any], dict[str, Any]]:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return config["markdown_extensions"], config["mdx_configs"]


def site_markdown() -> markdown.Markdown:
    """A new Python-Markdown converter configured as the site's ``mkdocs.yml`` configures MkDocs'."""
    extensions, options = _site_extensions()
    return markdown.Markdown(extensions=extensions, extension_configs=options)


def site_markdown_options() -> dict[str, Any]:
    """The options of each Markdown extension in the site's ``mkdocs.yml`` (``toc``: its slugify, …)."""
    return dict(_site_extensions()[1])


def unescape(text: str) -> str:
    """Markdown text as a reader sees it: links reduced to their text, empty HTML elements (anchors such as
    ``<span id="…"></span>``) left out, backslash escapes removed."""
    without_links = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    without_anchors = re.sub(r"<(\w+)(?:\s[^<>]*)?></\1>", "", without_links)
    return re.sub(r"\\(.)", r"\1", without_anchors)


def cell_text(cell: str) -> str:
    """A table cell as read: a list of names in it (``<ul><li>…``) as the names joined by ", "."""
    items = re.findall(r"<li>(.*?)</li>", cell)
    return ", ".join(unescape(item).strip() for item in items) if items else unescape(cell).strip()


def table(text: str) -> list[dict[str, str]]:
    """The first Markdown table in ``text`` as rows of {column heading: cell text as read}."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    cells = [[cell_text(c) for c in CELL_SPLIT.split(line.strip())[1:-1]] for line in lines]
    end = next(
        (i for i in range(2, len(lines)) if not lines[i - 1].startswith("|") or cells[i][0].startswith("---")),
        len(cells),
    )
    header = cells[0]
    return [dict(zip(header, row, strict=False)) for row in cells[2:end]]


def section(text: str, heading: str) -> str:
    """The Markdown under the heading that starts with ``heading``, up to the next heading of any level."""
    match = re.search(rf"^#+ {re.escape(heading)}.*?$(.*?)(?=^#|\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"no heading '{heading}'"
    return match.group(1)


def chapter(text: str, heading: str) -> str:
    """The Markdown under the level-2 heading ``heading``, up to the next level-2 heading."""
    match = re.search(rf"^## {re.escape(heading)} .*?$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"no heading '{heading}'"
    return match.group(1)


def anchors(text: str) -> list[str]:
    """The ``{#anchor}`` attribute lists of the generated Markdown, in order."""
    return re.findall(r"\{#([\w-]+)\}", text)


def inline_svgs(text: str) -> list[ElementTree.Element]:
    """Every ``<svg>`` written into the Markdown, parsed as XML (so its text was escaped for XML)."""
    return [ElementTree.fromstring(m) for m in re.findall(r"<svg.*?</svg>", text, re.DOTALL)]  # noqa: S314 - our own output
