"""A diagram's A3 PDF is a sheet a manager can hang up: the drawing fills the paper, and a title block says
what it is, whose it is and where it is online.

Read from the session's built example site (``<strategi>/diagrammer/*.pdf``) with Poppler: the ink above
the title block is measured on the rendered page, the title block's words with ``pdftotext``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.loading.validate import load_site
from support.paper import ink_box, page_size, pdf_info, pdf_text, pdf_words, squeezed
from support.sites import ROOT

pytestmark = pytest.mark.build

A3_LANDSCAPE = (1191, 842)


def site_url() -> str:
    found = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert found, "mkdocs.yml names no site_url"
    return found.group(1)


def test_every_a3_diagram_fills_the_sheet_above_its_title_block(example_site: Path) -> None:
    pdfs = sorted(example_site.glob("*/diagrammer/*.pdf"))
    assert any(pdf.name == "oversigt.pdf" for pdf in pdfs)
    small = []
    for pdf in pdfs:
        width, height = page_size(pdf)
        assert (round(width), round(height)) == A3_LANDSCAPE and pdf_info(pdf)["Pages"] == "1", pdf
        title = pdf_info(pdf)["Title"]
        assert title in squeezed(pdf_text(pdf)), pdf
        block_top = max(w.y0 for w in pdf_words(pdf) if w.text == title.split()[0])  # the lowest: the block's
        x0, y0, x1, y1 = ink_box(pdf, bottom=block_top - 12)
        if (x1 - x0) / width < 0.6 and (y1 - y0) / height < 0.6:
            small.append(f"{pdf.name}: {(x1 - x0) / width:.0%} of the width, {(y1 - y0) / height:.0%} of the height")
    assert not small, "drawings that leave the sheet empty:\n" + "\n".join(small)


def test_the_title_block_names_strategy_kommune_and_the_online_page(example_site: Path) -> None:
    for strategy in load_site(ROOT / "data").strategies:
        for pdf in sorted((example_site / strategy.id / "diagrammer").glob("*.pdf")):
            text = squeezed(pdf_text(pdf))
            assert f"{strategy.titel} · {strategy.organisation.kommune}" in text, pdf
            assert f"Online: {site_url()}{strategy.id}/" in text, pdf
