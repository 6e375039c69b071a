"""Every page of a strategy links the print stylesheet, so it prints on paper without navigation or search.

Read from the session's built example site. What paper shows is checked by printing pages to PDF in
Chromium (``browser/test_print_edition.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.html import read_file
from support.sites import is_redirect

pytestmark = pytest.mark.build


def test_every_page_links_the_print_stylesheet(example_site: Path) -> None:
    pages = [html for html in sorted((example_site / "tidlig-indsats").rglob("index.html")) if not is_redirect(html)]
    assert len(pages) > 10
    for html in pages:
        stylesheets = [link.get("href") for link in read_file(html).all("link", rel="stylesheet")]
        assert any(href.endswith("assets/stylesheets/print.css") for href in stylesheets), html
