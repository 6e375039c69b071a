"""An MkDocs hook that records what our build hands to MkDocs, so the floor can build the same pages.

Pipeline position: used only by ``benchmarks/run.py`` in one unmeasured "prepare" build of each project
copy (never in a measured build, never in the product). Into ``$BENCH_CAPTURE_DIR`` it writes every
page's Markdown as it stands after all plugins and macros ran, with its front matter (``docs/<src>``),
every generated non-page file (``docs/<path>``), and the final navigation (``nav.json``).
``benchmarks/run.py`` then builds those files with plain MkDocs + Material: same pages, same sizes,
same nav shape, no plugins of ours.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def _out() -> Path:
    return Path(os.environ["BENCH_CAPTURE_DIR"])


def _write(relative: str, content: bytes) -> None:
    path = _out() / "docs" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@event_priority(-1000)  # after every plugin has changed the nav
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _out().mkdir(parents=True, exist_ok=True)
    (_out() / "nav.json").write_text(json.dumps(config.nav, ensure_ascii=False, indent=1), encoding="utf-8")
    return config


@event_priority(-1000)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Generated files that are not pages (link map, schema, redirect pages) are copied as they are."""
    for file in files:
        if file.generated_by and not file.is_documentation_page():
            _write(file.src_uri, file.content_bytes)
    return files


@event_priority(-50)  # after mkdocs-macros rendered the page (0), before our plugin stashes its SVG (-100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    """The page as the floor will read it: its front matter (MkDocs has parsed it into ``page.meta``)
    written back above the Markdown, so titles and search settings match."""
    head = ""
    if page.meta:
        try:
            head = "---\n" + yaml.safe_dump(dict(page.meta), allow_unicode=True, sort_keys=False) + "---\n"
        except yaml.YAMLError:
            head = ""  # a value only a plugin could set; the floor does without it
    _write(page.file.src_uri, (head + markdown).encode("utf-8"))
    return markdown
