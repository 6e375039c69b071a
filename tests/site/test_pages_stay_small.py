"""Built pages stay small: no page over 500 kB even at 300 activities, and no white-space left to remove.

Read from the session's built sites: the 300-activity synthetic strategy (its long pages split into parts,
the print edition among them) and the example site (every page compacted by ``compact.html_page``, its
code blocks kept as written). The splitting itself is checked in ``unit/test_long_pages_split.py``, the
compaction in ``unit/test_compact_html.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.build import compact
from support.html import read_file
from support.sites import ROOT, html_files, is_redirect

pytestmark = pytest.mark.build

MAX_PAGE_BYTES = 500_000


def test_large_strategy_has_no_page_over_the_limit(large_site: Path) -> None:
    sizes = {p.relative_to(large_site).as_posix(): p.stat().st_size for p in html_files(large_site)}
    assert {p: s for p, s in sizes.items() if s > MAX_PAGE_BYTES} == {}
    assert "syntetisk/udskrift/del-2/index.html" in sizes  # the print edition did split


def test_built_pages_have_nothing_left_to_compact(example_site: Path) -> None:
    """404.html is a theme template, not a page: MkDocs does not pass it through on_post_page; nor the
    redirect stubs of earlier ids, which the plugin writes as they are (a few lines each)."""
    pages = [p for p in html_files(example_site) if p.name != "404.html" and not is_redirect(p)]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert compact.html_page(text) == text, page


def test_built_pages_keep_their_code_blocks(example_site: Path) -> None:
    """Every fenced code block of the editor's guide stands in the built page with its indentation."""
    source = (ROOT / "docs" / "vejledning.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"^```[a-z]*\n(.*?)^```", source, re.DOTALL | re.MULTILINE) if "\n " in b]
    shown = [pre.raw_text for pre in read_file(example_site / "vejledning" / "index.html").all("pre")]
    assert blocks and all(any(block.strip("\n") in text for text in shown) for block in blocks)
