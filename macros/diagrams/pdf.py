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
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}")


def without_clock(pdf: bytes) -> bytes:
    """cairo stamps the PDF with the time of rendering (Debian's cairo ignores SOURCE_DATE_EPOCH); the
    same digits count keeps every offset valid, so the same diagram always gives the same bytes."""
    return _PDF_DATE.sub(rb"\g<1>20000101000000", pdf)


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
    delta = len(new) - len(box.group(0))
    out = pdf[: box.start()] + new + pdf[box.end() :]

    def moved(match: re.Match[bytes]) -> bytes:
        offset = int(match.group(1))
        return b"%010d %s n" % (offset + delta if offset > box.start() else offset, match.group(2))

    xref = out.rindex(b"\nxref\n") + 1
    tail = _XREF_ENTRY.sub(moved, out[xref:])
    tail = _STARTXREF.sub(lambda m: b"startxref\n%d" % (int(m.group(1)) + delta), tail)
    return out[:xref] + tail
