"""The A3 PDF of a diagram: cairo's one-page PDF grown to an A3 landscape page, without the clock.

Pipeline position: after Graphviz, on each diagram's PDF before it is cached (``without_clock``) and
published (``on_page``). Byte-level edits only; the drawing is untouched.
"""

from __future__ import annotations

import re

A3_LANDSCAPE_PT = (1190.55, 841.89)
_MEDIABOX = re.compile(rb"/MediaBox \[\s*([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)\s*\]")
_XREF_ENTRY = re.compile(rb"^(\d{10}) (\d{5}) n", re.MULTILINE)
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \()D:\d{4}[^()\\]{0,40}\)")
FIXED_DATE = b"D:20000101000000Z"


def without_clock(pdf: bytes) -> bytes:
    """cairo stamps the PDF with the time of rendering, in the local time zone (``D:20240101130000+01'00``
    or ``…Z``; Debian's cairo ignores SOURCE_DATE_EPOCH): every such date becomes the same fixed one, and
    the byte offsets after it are moved along, so the same diagram always gives the same bytes."""
    edits = [(m.start(), m.end(), m.group(1) + FIXED_DATE + b")") for m in _PDF_DATE.finditer(pdf)]
    return _edited(pdf, edits)


def on_page(pdf: bytes, size: tuple[float, float] = A3_LANDSCAPE_PT) -> bytes:
    """cairo's one-page PDF (as large as the drawing) with its page grown to ``size``, drawing centred.

    dot scales a drawing down to fit the page (``size`` in the DOT) but cannot pad it out to a paper
    size, so the MediaBox is widened here and the cross-reference offsets after it are moved along.
    """
    pdf = without_clock(pdf)
    boxes = list(_MEDIABOX.finditer(pdf))
    if len(boxes) != 1:
        return pdf
    box = boxes[0]
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    dx, dy = max(0.0, size[0] - (x1 - x0)) / 2, max(0.0, size[1] - (y1 - y0)) / 2
    new = b"/MediaBox [ %.2f %.2f %.2f %.2f ]" % (x0 - dx, y0 - dy, x1 + dx, y1 + dy)
    return _edited(pdf, [(box.start(), box.end(), new)])


def _edited(pdf: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """``pdf`` with each (start, end, new bytes) replacement made before its cross-reference table, and
    every offset in that table (and ``startxref``) moved by what the replacements before it added. Without
    such a table only replacements of the same length are made (no offset to move)."""
    xref = pdf.rfind(b"\nxref\n") + 1
    if xref:
        edits = [(start, end, new) for start, end, new in edits if end <= xref]
    else:
        edits, xref = [(start, end, new) for start, end, new in edits if len(new) == end - start], len(pdf)
    parts, shifts, at, total = [], [], 0, 0
    for start, end, new in sorted(edits):
        parts += [pdf[at:start], new]
        total += len(new) - (end - start)
        shifts.append((start, total))
        at = end
    if not shifts:
        return pdf

    def moved(offset: int) -> int:
        return offset + next((shift for start, shift in reversed(shifts) if start < offset), 0)

    tail = _XREF_ENTRY.sub(lambda m: b"%010d %s n" % (moved(int(m.group(1))), m.group(2)), pdf[xref:])
    tail = _STARTXREF.sub(lambda m: b"startxref\n%d" % moved(int(m.group(1))), tail)
    return b"".join(parts) + pdf[at:xref] + tail
