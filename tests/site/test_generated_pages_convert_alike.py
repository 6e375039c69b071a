"""Generated pages converted directly give the site Python-Markdown would have given.

The plugin converts the Markdown our templates write with its own converter (``macros/build/direct.py``)
instead of Python-Markdown, which was half of a build. Each shared site is built twice, directly and with
``direct_html`` off, and compared as a reader gets it: every page renders to the same document (tags,
attributes, text; only white-space HTML does not show may differ), including the table of contents and
the permalinks in the theme's chrome; the search index holds the same entries with the same text; every
other file is byte for byte the same. The hostile corpus is among the sites: whatever an editor writes
shows the same either way, and what the converter does not know goes through Python-Markdown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from support.html import document_events
from support.sites import tree

SITES = [
    "example_site",
    "fixture_site",
    "fixture_site_flat",
    "format_site",
    "realisation_site",
    "hostile_site",
    "large_site",
]


def search_entries(raw: bytes) -> list[tuple[str, str, str]]:
    """The index's entries: address, title and text, white-space collapsed (it comes from the page's HTML)."""
    docs = json.loads(raw)["docs"]
    return [(d["location"], d["title"], re.sub(r"\s+", " ", d["text"]).strip()) for d in docs]


@pytest.mark.parametrize("name", SITES)
def test_direct_conversion_gives_the_same_site(
    name: str, request: pytest.FixtureRequest, python_markdown_twin: Callable[[str], Path]
) -> None:
    direct = tree(request.getfixturevalue(name))
    by_markdown = tree(python_markdown_twin(name))
    assert sorted(direct) == sorted(by_markdown)
    differing = [path for path in sorted(direct) if direct[path] != by_markdown[path]]
    pages = 0
    for path in differing:
        if path.endswith(".html"):
            pages += 1
            assert document_events(direct[path].decode()) == document_events(by_markdown[path].decode()), path
        elif path.endswith("search_index.json"):
            assert search_entries(direct[path]) == search_entries(by_markdown[path])
        else:
            pytest.fail(f"{path} differs, and only white-space in pages may")
    assert len([p for p in direct if p.endswith(".html")]) > 10
