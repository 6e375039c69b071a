"""Trimming Material's search index after the build: sections without text are dropped.

Pipeline position: last step before publish (``plugin.on_post_build``). Relation lists on element pages
carry ``data-search-exclude`` (they repeat titles that are found on their own pages), but Material still
emits one empty entry per heading inside them; every visitor downloads the index, so those go.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def without_empty_sections(index_text: str) -> str:
    """The index with every ``#section`` entry that has no text removed; page entries always stay."""
    index = json.loads(index_text)
    index["docs"] = [doc for doc in index["docs"] if doc["text"].strip() or "#" not in doc["location"]]
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def trim(site_dir: Path) -> None:
    path = site_dir / INDEX
    if path.exists():
        path.write_text(without_empty_sections(path.read_text(encoding="utf-8")), encoding="utf-8")
