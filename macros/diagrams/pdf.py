"""The A3 PDF of a diagram: cairo's one-page PDF made an A3 landscape sheet to print and hang up.

Pipeline position: after Graphviz, on each diagram's PDF before it is cached (``without_clock``) and
published (``a3_sheet``). cairo writes the drawing on a page exactly its own size; ``a3_sheet`` rewrites the
file around it: the page becomes A3 landscape, the drawing is scaled (up or down, never above
``MAX_SCALE``) to fill the sheet above a title block, and the title block (the diagram's title, strategy and
kommune, the date of the data's latest change, the address of the online version) is written in
Helvetica, which every PDF reader has. The drawing itself, its legend included, keeps its shapes, colours
and positions; only its letters change: ``standard_fonts`` swaps the DejaVu subsets cairo embeds in every
file (~24 kB of a ~32 kB sheet) for Helvetica and Symbol, which PDF readers bring themselves.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass

A3_LANDSCAPE_PT = (1190.55, 841.89)
MARGIN = 28.35  # 10 mm
BLOCK_HEIGHT = 72.0  # the title block's strip at the foot of the sheet
GAP = 14.0  # between the drawing and the title block
MAX_SCALE = 2.5  # a small drawing grows at most this much (its text stays a sensible size)

_MEDIABOX = re.compile(rb"/MediaBox \[\s*([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)\s*\]")
_XREF_ENTRY = re.compile(rb"^(\d{10}) (\d{5}) n", re.MULTILINE)
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \()D:\d{4}[^()\\]{0,40}\)")
FIXED_DATE = b"D:20000101000000Z"
_OBJECT_HEAD = re.compile(rb"(\d+) 0 obj\b")
_PRODUCER = re.compile(rb"/Producer (\((?:[^()\\]|\\.|\([^()]*\))*\))")  # one level of nested ( )
_REFERENCE = rb"/%s (\d+) 0 R"


@dataclass(frozen=True)
class TitleBlock:
    """What the sheet says about itself: a bold title, then lines of plain text."""

    title: str
    lines: tuple[str, ...]


def without_clock(pdf: bytes) -> bytes:
    """cairo stamps the PDF with the time of rendering, in the local time zone (``D:20240101130000+01'00``
    or ``…Z``; Debian's cairo ignores SOURCE_DATE_EPOCH): every such date becomes the same fixed one, and
    the byte offsets after it are moved along, so the same diagram always gives the same bytes."""
    edits = [(m.start(), m.end(), m.group(1) + FIXED_DATE + b")") for m in _PDF_DATE.finditer(pdf)]
    return _edited(pdf, edits)


def a3_sheet(pdf: bytes, block: TitleBlock, size: tuple[float, float] = A3_LANDSCAPE_PT) -> bytes:
    """cairo's one-page PDF as one A3 landscape sheet: the drawing scaled to fill the space above the
    title block, which is drawn at the foot of the sheet. A PDF of any other shape is returned as it is."""
    pdf = without_clock(pdf)
    objects = _objects(pdf)
    pages = [number for number, body in objects.items() if re.match(rb"\s*<<\s*/Type /Page\b(?!s)", body)]
    root, info = re.search(_REFERENCE % b"Root", pdf), re.search(_REFERENCE % b"Info", pdf)
    if len(pages) != 1 or root is None:
        return pdf
    page = objects[pages[0]]
    box, contents = _MEDIABOX.search(page), re.search(rb"/Contents (\d+) 0 R", page)
    resources = re.search(_REFERENCE % b"Resources", page)
    if box is None or contents is None or resources is None:
        return pdf
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    first = max(objects) + 1
    before, after, regular, bold, new_info = range(first, first + 5)
    objects[before] = _stream(_placement((x0, y0, x1 - x0, y1 - y0), size))
    objects[after] = _stream(b"Q\n" + _title_block(block, size))
    objects[regular] = _font(b"Helvetica")
    objects[bold] = _font(b"Helvetica-Bold")
    fonts = b"/TBr %d 0 R /TBb %d 0 R" % (regular, bold)
    number = int(resources.group(1))
    objects[number] = _with_fonts(objects[number], fonts)
    page = _MEDIABOX.sub(b"/MediaBox [ 0 0 %.2f %.2f ]" % size, page, count=1)
    objects[pages[0]] = page.replace(
        contents.group(0), b"/Contents [ %d 0 R %s 0 R %d 0 R ]" % (before, contents.group(1), after), 1
    )
    producer = _PRODUCER.search(objects.get(int(info.group(1)), b"")) if info else None
    objects[new_info] = b"\n<< /Title %s /Producer %s /CreationDate (%s) >>\n" % (
        b"<FEFF%s>" % block.title.encode("utf-16-be").hex().upper().encode("ascii"),
        producer.group(1) if producer else b"(cairo)",
        FIXED_DATE,
    )
    standard_fonts(objects, number, int(contents.group(1)))
    return _write(objects, int(root.group(1)), new_info)


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Every object of the file by number: what stands between ``N 0 obj`` and ``endobj``.

    Objects are cut at the cross-reference table's offsets (each ends at its last ``endobj`` before the
    next object), so bytes inside a compressed stream that happen to read "endobj" cannot cut one short.
    """
    start = _STARTXREF.search(pdf, max(0, len(pdf) - 64))
    if start is None:
        return {}
    xref = int(start.group(1))
    offsets = sorted(int(offset) for offset, _ in _XREF_ENTRY.findall(pdf, xref))
    found: dict[int, bytes] = {}
    for offset, end in zip(offsets, [*offsets[1:], xref], strict=True):
        head = _OBJECT_HEAD.match(pdf, offset, end)
        last = pdf.rfind(b"endobj", offset, end)
        if head is not None and last > head.end():
            found[int(head.group(1))] = pdf[head.end() : last]
    return found


def _write(objects: dict[int, bytes], root: int, info: int) -> bytes:
    """A whole PDF file of ``objects`` (numbered 1 … n, every number present) with one cross-reference table."""
    out = bytearray(b"%PDF-1.5\n%\xb5\xed\xae\xfb\n")
    offsets = []
    for number in range(1, max(objects) + 1):
        offsets.append(len(out))
        out += b"%d 0 obj%sendobj\n" % (number, objects.get(number, b"\nnull\n"))
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (len(offsets) + 1, root, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _placement(drawing: tuple[float, float, float, float], size: tuple[float, float]) -> bytes:
    """The operators that scale and move the drawing (x, y, width, height) into the sheet's drawing area."""
    x, y, width, height = drawing
    area_width = size[0] - 2 * MARGIN
    area_height = size[1] - 2 * MARGIN - BLOCK_HEIGHT - GAP
    scale = min(area_width / width, area_height / height, MAX_SCALE) if width > 0 and height > 0 else 1.0
    left = MARGIN + (area_width - width * scale) / 2
    bottom = MARGIN + BLOCK_HEIGHT + GAP + (area_height - height * scale) / 2
    return b"q %.4f 0 0 %.4f %.2f %.2f cm\n" % (scale, scale, left - x * scale, bottom - y * scale)


def _title_block(block: TitleBlock, size: tuple[float, float]) -> bytes:
    """A rule across the sheet, and under it the title (bold) and the lines, in the foot's strip."""
    top = MARGIN + BLOCK_HEIGHT
    ops = [b"0.25 0.25 0.25 RG 0.8 w %.2f %.2f m %.2f %.2f l S" % (MARGIN, top, size[0] - MARGIN, top)]
    ops.append(b"0 0 0 rg BT /TBb 15 Tf %.2f %.2f Td %s Tj ET" % (MARGIN, top - 19, _text_string(block.title)))
    for index, line in enumerate(block.lines):
        ops.append(b"BT /TBr 10.5 Tf %.2f %.2f Td %s Tj ET" % (MARGIN, top - 36 - 14 * index, _text_string(line)))
    return b"\n".join(ops) + b"\n"


def _text_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252): Danish letters, – and · are in it; anything else is "?"."""
    encoded = " ".join(text.split()).encode("cp1252", errors="replace")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _stream(data: bytes, *, deflate: bool = False) -> bytes:
    """A stream object of ``data``, compressed (``FlateDecode``) when ``deflate``."""
    if deflate:
        packed = zlib.compress(data)
        return b"\n<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream\n" % (len(packed), packed)
    return b"\n<< /Length %d >>\nstream\n%s\nendstream\n" % (len(data), data)


def _font(name: bytes) -> bytes:
    return b"\n<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>\n" % name


def _with_fonts(resources: bytes, fonts: bytes) -> bytes:
    """The page's resource dictionary with the title block's fonts added to its ``/Font`` dictionary."""
    if b"/Font <<" in resources:
        return resources.replace(b"/Font <<", b"/Font << " + fonts, 1)
    end = resources.rindex(b">>")
    return resources[:end] + b"/Font << " + fonts + b" >>\n" + resources[end:]


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


# cairo's fonts (a subset of DejaVu Sans, regular or bold, embedded in every file) and the standard PDF font
# each becomes. Bold is told by name; everything else is the regular face.
_CAIRO_FONT = re.compile(rb"/BaseFont /[A-Z]{6}\+DejaVuSans(-Bold)?\b")
_SIMPLE_FONT = re.compile(rb"/Subtype /TrueType\b[^>]*?/Encoding /WinAnsiEncoding", re.DOTALL)
_CID_FONT = re.compile(rb"/Subtype /Type0\b.*?/Encoding /Identity-H.*?/ToUnicode (\d+) 0 R", re.DOTALL)
_FONT_ENTRY = re.compile(rb"/([\w.-]+) (\d+) 0 R")
_REFERENCE_ANY = re.compile(rb"(\d+) 0 R")
_BFCHAR = re.compile(rb"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>")
_BFRANGE = re.compile(rb"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>")
# Characters Helvetica's WinAnsi lacks that Symbol has (Symbol's own encoding).
_SYMBOL = {"→": 0xAE, "←": 0xAC, "↑": 0xAD, "↓": 0xAF, "≤": 0xA3, "≥": 0xB3, "≠": 0xB9}
# A font choice, and a text-showing operation of a composite font (hex strings), in a content stream.
_FONT_CHOICE = re.compile(rb"/([\w.-]+) ([\d.]+) Tf")
_TEXT_SHOWN = re.compile(rb"(\[(?:[^\]\\]|\\.)*\]|<[0-9a-fA-F]*>)\s*(?:TJ|Tj)")


def standard_fonts(objects: dict[int, bytes], resources: int, content: int) -> None:
    """The page ``objects`` with cairo's embedded DejaVu subsets swapped for Helvetica (and Symbol for an
    arrow), in place. A simple (WinAnsi) font becomes Helvetica with the same codes, and cairo's positions
    for each run of text stay: its glyph widths are dropped, so Helvetica's narrower letters start where
    DejaVu's did. A composite font (cairo's ``Identity-H`` fonts, for glyphs outside WinAnsi: the ligature
    "ff", "→") has its text rewritten from its ``ToUnicode`` map into Helvetica or Symbol. Anything this
    does not know (another font, a stream it cannot read) leaves the file as it is."""
    font_dict = re.search(rb"/Font <<(.*?)>>", objects.get(resources, b""), re.DOTALL)
    fonts = _cairo_fonts(objects, font_dict.group(1)) if font_dict else None
    stream = _inflated(objects.get(content, b""))
    if font_dict is None or fonts is None or stream is None:
        return
    simple, composite = fonts
    names = {face: b"SF%s" % face.replace(b"-", b"") for face in (b"Helvetica", b"Helvetica-Bold", b"Symbol")}
    rewritten = _TextRewriter(composite, names).rewrite(stream) if composite else stream
    numbers = {name: int(n) for name, n in _FONT_ENTRY.findall(font_dict.group(1))}
    unused = _reachable(objects, {numbers[name] for name in simple.keys() | composite.keys()})
    if rewritten != stream:
        unused |= {int(n) for n in _REFERENCE_ANY.findall(_dictionary(objects[content]))}  # the stream's /Length
    for gone in unused:
        objects.pop(gone, None)
    for name, face in simple.items():  # the same name and codes, now for Helvetica
        objects[numbers[name]] = _font(face)
    kept = _FONT_ENTRY.sub(lambda m: b"" if m.group(1) in composite else m.group(0), objects[resources])
    if composite:
        first = max(objects) + 1
        kept = _with_fonts(kept, b"".join(b"/%s %d 0 R " % (n, first + i) for i, n in enumerate(names.values())))
        for index, face in enumerate(names):
            objects[first + index] = _font(face) if face != b"Symbol" else _SYMBOL_FONT
    objects[resources] = kept
    if rewritten != stream:
        objects[content] = _stream(rewritten, deflate=True)


_SYMBOL_FONT = b"\n<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>\n"
_Composite = tuple[bytes, dict[int, str]]  # the standard face, and each CID's text


def _cairo_fonts(
    objects: dict[int, bytes], font_dict: bytes
) -> tuple[dict[bytes, bytes], dict[bytes, _Composite]] | None:
    """The page's DejaVu fonts by resource name: simple ones with the Helvetica face each becomes, composite
    ones with that face and their CIDs' text; None when there are none, or one this cannot replace."""
    simple: dict[bytes, bytes] = {}
    composite: dict[bytes, _Composite] = {}
    for name, number in _FONT_ENTRY.findall(font_dict):
        body = objects.get(int(number), b"")
        face = _CAIRO_FONT.search(body)
        if face is None:
            continue
        helvetica = b"Helvetica-Bold" if face.group(1) else b"Helvetica"
        cid = _CID_FONT.search(body)
        if _SIMPLE_FONT.search(body):
            simple[name] = helvetica
        elif cid is not None and (text := _to_unicode(objects.get(int(cid.group(1)), b""))) is not None:
            composite[name] = (helvetica, text)
        else:
            return None
    return (simple, composite) if simple or composite else None


def _dictionary(body: bytes) -> bytes:
    """An object's own dictionary: what stands before its stream, if it has one."""
    return body.split(b"stream", 1)[0]


def _inflated(body: bytes) -> bytes | None:
    """The data of a stream object compressed with ``FlateDecode`` (cairo's), or None."""
    head, _, rest = body.partition(b"stream")
    if b"/FlateDecode" not in head or b"/DecodeParms" in head or not rest:
        return None
    try:
        return zlib.decompressobj().decompress(rest.lstrip(b"\r\n"))
    except zlib.error:
        return None


def _to_unicode(body: bytes) -> dict[int, str] | None:
    """A ``ToUnicode`` map's CIDs (two-byte codes) and their text."""
    cmap = _inflated(body)
    if cmap is None:
        return None
    text: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for code, value in _BFCHAR.findall(block):
            text[int(code, 16)] = bytes.fromhex(value.decode("ascii")).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for low, high, value in _BFRANGE.findall(block):
            start = int(value, 16)
            for offset in range(int(high, 16) - int(low, 16) + 1):
                text[int(low, 16) + offset] = chr(start + offset)
    return text


def _reachable(objects: dict[int, bytes], roots: set[int]) -> set[int]:
    """``roots`` and every object their dictionaries refer to, and so on (a font and its descriptor, file,
    widths and maps)."""
    seen, todo = set(), list(roots)
    while todo:
        number = todo.pop()
        if number in seen or number not in objects:
            continue
        seen.add(number)
        todo += [int(n) for n in _REFERENCE_ANY.findall(_dictionary(objects[number]))]
    return seen


class _TextRewriter:
    """cairo's content stream with the text of its composite DejaVu fonts in standard fonts: from each choice
    of such a font (``Tf``) to the next choice of a font, every text operation becomes runs of standard
    fonts, each chosen in front of its text. The rest of the stream stays as it is."""

    def __init__(self, composite: dict[bytes, _Composite], names: dict[bytes, bytes]) -> None:
        self.composite, self.names = composite, names
        self.size, self.font = b"1", next(iter(composite.values()))  # the font and size in use

    def rewrite(self, stream: bytes) -> bytes:
        choices = list(_FONT_CHOICE.finditer(stream))
        if not any(choice.group(1) in self.composite for choice in choices):
            return stream
        out, at = [], 0
        for index, choice in enumerate(choices):
            font = self.composite.get(choice.group(1))
            if font is None:
                continue
            end = choices[index + 1].start() if index + 1 < len(choices) else len(stream)
            self.size, self.font = choice.group(2), font
            out += [stream[at : choice.start()], _TEXT_SHOWN.sub(self._shown, stream[choice.end() : end])]
            at = end
        return b"".join([*out, stream[at:]])

    def _shown(self, shown: re.Match[bytes]) -> bytes:
        font, ops = self.font, []
        for hexcodes, number in re.findall(rb"<([0-9a-fA-F]*)>|(-?[\d.]+)", shown.group(1)):
            if number:
                ops.append(b"[%s]TJ" % number)
                continue
            codes = bytes.fromhex(hexcodes.decode("ascii"))
            cids = (int.from_bytes(codes[i : i + 2], "big") for i in range(0, len(codes), 2))
            text = "".join(font[1].get(cid, "?") for cid in cids)
            ops += [self._run(face, chunk) for face, chunk in _runs(text, font[0])]
        return b" ".join(ops)

    def _run(self, face: bytes, data: bytes) -> bytes:
        escaped = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        return b"/%s %s Tf (%s)Tj" % (self.names[face], self.size, escaped)


def _runs(text: str, face: bytes) -> list[tuple[bytes, bytes]]:
    """``text`` as runs of (standard font, its codes): WinAnsi letters in Helvetica (a ligature such as "ff"
    as its letters), arrows and the like in Symbol, anything else as "?"."""
    runs: list[tuple[bytes, bytes]] = []
    for char in unicodedata.normalize("NFKC", text):
        if char in _SYMBOL:
            run = (b"Symbol", bytes([_SYMBOL[char]]))
        else:
            run = (face, char.encode("cp1252", errors="replace"))
        if runs and runs[-1][0] == run[0]:
            runs[-1] = (run[0], runs[-1][1] + run[1])
        else:
            runs.append(run)
    return runs
