"""Reading PDFs as paper: page count and size, the text, where words stand, and where ink is.

Pipeline position: after the build or after Chromium printed a page. Poppler's command-line tools do the
reading (``pdfinfo``, ``pdftotext``, ``pdftoppm``; ``dev.sh`` installs poppler-utils), so a test sees what a
PDF reader shows, not what the PDF's bytes say.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def pdf_info(path: Path) -> dict[str, str]:
    """``pdfinfo``'s fields ("Pages", "Page size", "Title", …)."""
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in text.splitlines())}


def page_size(path: Path) -> tuple[float, float]:
    """The first page's width and height in points."""
    width, _, height = pdf_info(path)["Page size"].split()[:3]
    return float(width), float(height)


def pdf_text(path: Path) -> str:
    """The text of every page, laid out as on paper."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeezed(text: str) -> str:
    """Text with every run of white-space made one space: a sentence broken across lines reads whole."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Word:
    """A word on a page and its box, in points from the page's top left corner."""

    text: str
    page: int
    x0: float
    y0: float
    x1: float
    y1: float


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pdf_words(path: Path) -> list[Word]:
    """Every word of the PDF with its box (``pdftotext -bbox``)."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        for x0, y0, x1, y1, text in _WORD.findall(page):
            words.append(Word(html.unescape(text), number, float(x0), float(y0), float(x1), float(y1)))
    return words


def ink_box(
    path: Path, top: float = 0, bottom: float | None = None, dpi: int = 36
) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1 in points from the top left) around everything drawn on the first page
    between ``top`` and ``bottom`` (points from the top): anything darker than light grey counts."""
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", str(path), str(stem)], check=True)
        data = next(Path(folder).glob("page*.pgm")).read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header, "pdftoppm gave no 8-bit grey image"
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end() :]
    scale = 72 / dpi
    first_row = int(top / scale)
    last_row = height if bottom is None else min(height, int(bottom / scale))
    rows: list[int] = []
    columns: list[int] = []
    for row in range(first_row, last_row):
        line = pixels[row * width : (row + 1) * width]
        inked = [x for x, value in enumerate(line) if value < 200]
        if inked:
            rows.append(row)
            columns += (inked[0], inked[-1])
    assert rows, "nothing is drawn there"
    return min(columns) * scale, rows[0] * scale, (max(columns) + 1) * scale, (rows[-1] + 1) * scale
