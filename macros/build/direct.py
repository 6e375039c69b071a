"""Generated pages to HTML without Python-Markdown: the Markdown our own templates write, converted directly.

Pipeline position: glue, between the page set and MkDocs' page rendering (``plugin.on_page_markdown``
installs it on generated pages only). A profile of a cold build at 1,000 activities put half of it in
Python-Markdown converting *our* Markdown: the few constructs the templates in ``rendering/templates``
write (headings with ``{#id}``, paragraphs, lists of links, tables, definition lists, raw HTML blocks and
``markdown`` blocks of ``md_in_html``), run through a general parser built for any text. This module
converts exactly that dialect in one pass per page. Editor text fields are part of the page's Markdown
(``text.block``/``text.inline`` made them safe); the dialect covers what those write in the common case
(paragraphs, **bold**, *emphasis*, links, line breaks, escapes).

It never guesses. Anything outside the dialect (a block quote, a code block, an ``_`` that may be emphasis,
a list marker indented by one to three spaces, a link reference definition, …) raises ``Unsupported`` and
that page is converted by Python-Markdown as before, so the result is always what a reader would get from
MkDocs; ``tests/unit/test_direct_html.py`` also feeds it random editor text to hold it to that. The HTML is the
same document Python-Markdown gives (same elements, attributes and text; whitespace between blocks may
differ): ``tests/site/test_generated_pages_convert_alike.py`` converts every generated page of the example,
the fixtures and the hostile corpus both ways and compares the trees, the table of contents, the anchors
and the links. The link targets, warnings for broken links and anchors are MkDocs' own: each link goes
through MkDocs' ``_RelativePathTreeprocessor.path_to_url``.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markdown.blockprocessors import HRProcessor
from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.structure.pages")  # MkDocs' own: its level decides on anchor validation

# Python-Markdown's block-level tags (``Markdown.block_level_elements``): a line starting with one of them
# starts a raw HTML block.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
        "canvas",
        "colgroup",
        "dd",
        "body",
        "dt",
        "group",
        "html",
        "iframe",
        "li",
        "legend",
        "math",
        "map",
        "noscript",
        "output",
        "object",
        "option",
        "progress",
        "script",
        "style",
        "summary",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "video",
        "center",
    ]
)
# What a backslash escapes: Python-Markdown's ``ESCAPED_CHARS`` with ``|`` (tables); not ``:``.
ESCAPED = frozenset("\\`*_{}[]()>#+-.!|")

_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>/]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*(/?)>")
_INLINE_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s=>/]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!|])")
_IMAGE_ATTRS = re.compile(r"\{:?[ \t]*([^}\n]*?)[ \t]*\}")
_ATTR_PAIRS = re.compile(r'([^\s=]+)="([^"]*)"')
_BRACKET_OR_ESCAPE = re.compile(r"\\.|[\[\]]", re.DOTALL)
_SPECIAL = re.compile(r"[\\&<>\[*_`!\n]")  # where inline text stops being plain text
_LONE_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*([^}]*?)[ \t]*\}[ \t]*$")
_REFERENCE = re.compile(r"^ {0,3}\[[^\[\]]*\]:")  # a link reference definition: the line vanishes
_MAYBE_RULE = re.compile(r"^[ |:-]*[|:-][ |:-]*$")
_TABLE_RULE = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HR = re.compile(HRProcessor.RE)  # Python-Markdown's own: at most two spaces between the marks
_BULLET = re.compile(r"^[-*+][ \t]+")
_ORDERED = re.compile(r"^\d+\.[ \t]+")
_NESTED_MARKER = re.compile(r"^(?:[-*+]|\d+\.)[ \t]+")
_ORDERED_START = re.compile(r"^(\d+)\.")
_DEFINITION = re.compile(r"^ {0,3}:[ \t]{1,3}")
_SETEXT = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
_ATTR = re.compile(r"""([^\s=]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?""")
_MARK = "\x00"  # a heading, until its id is known: \x00<number>\x00
_HEADING_MARK = re.compile("\x00(\\d+)\x00")
_ID_ATTR = re.compile(r'\sid="([^"]*)"')
_ELEMENT_ID = re.compile(r"<[A-Za-z][^>]*?\sid=\"([^\"]*)\"")
_ATTR_OF_TAG = re.compile(r"""([^\s=>/]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?""")
_MARKDOWN_ATTR = re.compile(r"""\s+markdown(?:=(?:"1"|'1'|"block"|'block'|1|block))?(?=[\s/>]|$)""")


class Unsupported(Exception):
    """The page holds something outside the dialect: Python-Markdown converts it instead."""


@dataclass
class Heading:
    """One heading as the table of contents and MkDocs' title want it."""

    level: int
    id: str
    name: str  # its text with tags stripped and entities kept, as Python-Markdown's toc tokens carry it


@dataclass
class Converted:
    """One page: its HTML, headings (in document order) and every id an element of it carries."""

    html: str
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    title: str | None = None  # the text of a first-block h1, as MkDocs' title extraction gives it


class Converter:
    """Converts pages of the dialect; ``link`` maps a link target as written to the one to publish."""

    def __init__(self, link: Callable[[str], str], slugify: Callable[[str, str], str], permalink_title: str):
        self.link = link
        self.slugify = slugify
        self.permalink_title = html.escape(permalink_title)

    def page(self, markdown: str) -> Converted:
        """One page: blocks first (headings left as numbered marks), then the headings' ids and permalinks,
        once every id the toc extension would see (headings' own, ``markdown`` blocks') is known."""
        self._headings: list[tuple[int, str, str, str | None]] = []  # level, attributes, inner HTML, own id
        self._tree_ids: set[str] = set()
        self._depth = 0  # how many ``markdown`` blocks the current line is inside
        lines = markdown.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
        parts = self._blocks(lines)
        used, counters = set(self._tree_ids), dict[str, int]()
        headings, finished = [], []
        for level, own_attrs, inner, own in self._headings:
            name = strip_tags(inner)
            ident = own if own is not None else unique(self.slugify(html.unescape(name), "-"), used, counters)
            shown = html.escape(ident)
            attrs = own_attrs if own is not None else f' id="{shown}"' + own_attrs
            link = f'<a class="headerlink" href="#{shown}" title="{self.permalink_title}">&para;</a>'
            finished.append(f"<h{level}{attrs}>{inner}{link}</h{level}>")
            headings.append(Heading(level, ident, name))
        body = "\n".join(parts)
        if finished:
            body = _HEADING_MARK.sub(lambda m: finished[int(m.group(1))], body)
        title = html.unescape(headings[0].name) if parts and parts[0].startswith(_MARK) and headings else None
        if title is not None and self._headings[0][0] != 1:
            title = None
        return Converted(body, headings, _ids(body), title)

    # --- blocks -------------------------------------------------------------------------------------

    def _blocks(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            i = self._block(lines, i, out) if lines[i].strip() else i + 1
        return out

    def _block(self, lines: list[str], i: int, out: list[str]) -> int:
        """The block starting at line ``i``, added to ``out``; returns the line after it."""
        line = lines[i]
        if line.startswith("    "):
            raise Unsupported("indented code")
        if line.startswith(" ") and _block_start(line.lstrip()):
            raise Unsupported("an indented list, quote or rule")
        tag = _block_tag(line)
        if tag is not None:
            return self._html_block(lines, i, tag, out)
        heading = _HEADING.match(line)
        if heading:
            out.append(self._heading(heading))
            return i + 1
        if _HR.match(line):
            out.append("<hr />")
            return i + 1
        if _BULLET.match(line) or _ORDERED.match(line):
            chunks, end = _list_chunks(lines, i)
            out.append(self._list(chunks))
            return end
        if line.lstrip().startswith((">", "!!!", "???", "```", "~~~")) or _DEFINITION.match(line):
            raise Unsupported("quote, admonition, fenced code or a definition apart from its term")
        end = _chunk_end(lines, i)
        chunk = lines[i:end]
        if any(row.lstrip().startswith(">") or _HR.match(row) or _REFERENCE.match(row) for row in chunk):
            raise Unsupported("a block quote, rule or link reference")  # any line of a block may start one
        if len(chunk) > 1 and "|" in line and _MAYBE_RULE.match(chunk[1]):  # Python-Markdown's test of a table
            if not (line.startswith("|") and _TABLE_RULE.match(chunk[1])):
                raise Unsupported("a table beyond pipes at both ends and a rule of dashes")
            out.append(self._table(chunk))
        elif len(chunk) > 1 and any(_DEFINITION.match(row) for row in chunk[1:]):
            out.append(self._definitions(chunk, lines, end, out))
        else:
            out.append(self._paragraph(chunk))
        return end

    def _html_block(self, lines: list[str], i: int, tag: str, out: list[str]) -> int:
        """A raw HTML block from line ``i`` (its first tag named ``tag``) to the line closing it."""
        start = _START_TAG.match(lines[i])
        assert start is not None
        opening = start.group(0)
        markdown_attr = _MARKDOWN_ATTR.search(start.group(2) or "")
        end = _closing_line(lines, i, tag)
        if markdown_attr is None:
            block = lines[i : end + 1]
            if block[-1].rstrip()[-1:] != ">":
                raise Unsupported("text after a raw HTML block")
            raw = "\n".join(block)
            # Inside a ``markdown`` block, md_in_html rebuilds the raw HTML's start tags: so do we.
            out.append(_START_TAG.sub(_rebuilt_tag, raw) if self._depth else raw)
            return end + 1
        # md_in_html writes an attribute without a value as name="name" (``data-search-exclude``): so do we.
        attrs = "".join(
            f" {m.group(1)}={m.group(2) or chr(34) + m.group(1) + chr(34)}"
            for m in _ATTR_OF_TAG.finditer(start.group(2))
            if m.group(1) != "markdown"
        )
        own_id = re.search(r"""\sid=(?:"([^"]*)"|'([^']*)')""", start.group(2))
        if own_id:
            self._tree_ids.add(html.unescape(own_id.group(1) or own_id.group(2) or ""))
        closing = f"</{tag}>"
        if tag == "p" and end == i and lines[i].rstrip().endswith(closing) and lines[i].startswith(opening):
            inner = lines[i].rstrip()[len(opening) : -len(closing)]  # one line of text: md_in_html's span mode
            if "<p" in inner or "</p" in inner:
                raise Unsupported("a paragraph inside a paragraph")
            out.append(f"<p{attrs}>{self._inline(inner.strip())}</p>")
            return end + 1
        if tag not in (
            "div",
            "section",
            "nav",
            "aside",
            "article",
            "header",
            "footer",
            "figure",
            "figcaption",
            "details",
        ):
            raise Unsupported(f"markdown in <{tag}>")
        if lines[i].strip() != opening or lines[end].strip() != closing or end == i:
            raise Unsupported("markdown block not on lines of its own")
        self._depth += 1
        blocks = self._blocks(lines[i + 1 : end])
        self._depth -= 1
        out.append("\n".join([f"<{tag}{attrs}>", *blocks, f"</{tag}>"]))
        return end + 1

    def _heading(self, match: re.Match[str]) -> str:
        level, text = len(match.group(1)), match.group(2)
        attrs, own = "", None
        found = _ATTR_LIST.search(text)
        if found:
            text = text[: found.start()]
            attrs = _attr_list(found.group(1))
            ident = _ID_ATTR.search(attrs)
            if ident:
                own = html.unescape(ident.group(1))
                self._tree_ids.add(own)
        text = re.sub(r"[ \t]+#+$", "", text).rstrip()  # closing hashes
        if not text:
            raise Unsupported("empty heading")
        self._headings.append((level, attrs, self._inline(text), own))
        return f"{_MARK}{len(self._headings) - 1}{_MARK}"

    def _list(self, chunks: list[list[str]]) -> str:
        """A list as Python-Markdown makes it: items of the first block tight, the last item before a blank
        line and every item after one loose (in ``<p>``), indented blocks after a blank line more paragraphs
        of the item before; nested lists (indented four spaces) only in tight items."""
        ordered = bool(_ORDERED.match(chunks[0][0]))
        marker = _ORDERED if ordered else _BULLET
        items = _list_items(chunks, marker)
        start = _ORDERED_START.match(chunks[0][0])
        first = int(start.group(1)) if ordered and start else 1
        tag = "ol" if ordered else "ul"
        parts = [f'<{tag} start="{first}">' if first != 1 else f"<{tag}>"]
        for item in items:
            if item.nested and (item.loose or item.paragraphs or not _NESTED_MARKER.match(item.nested[0])):
                raise Unsupported("list item with more than a nested list")
            if item.loose:
                paragraphs = "".join(f"<p>{self._inline(p)}</p>\n" for p in [item.text, *item.paragraphs])
                parts.append(f"<li>\n{paragraphs}</li>")
            elif item.nested:
                parts.append(f"<li>{self._inline(item.text)}{self._list([item.nested])}\n</li>")
            else:
                parts.append(f"<li>{self._inline(item.text)}</li>")
        parts.append(f"</{tag}>")
        return "\n".join(parts)

    def _table(self, chunk: list[str]) -> str:
        head, rule, body = chunk[0], chunk[1], chunk[2:]
        aligns = [_align(cell) for cell in _cells(rule)]
        columns = len(aligns)
        if len(_cells(head)) != columns or not body:
            raise Unsupported("a table whose head and rule differ, or without rows")
        parts = ["<table>", "<thead>", "<tr>"]
        parts += [self._cell("th", cell, aligns[k]) for k, cell in enumerate(_row(_cells(head), columns))]
        parts += ["</tr>", "</thead>", "<tbody>"]
        for line in body:
            if not line.strip():
                break
            parts.append("<tr>")
            parts += [self._cell("td", cell, aligns[k]) for k, cell in enumerate(_row(_cells(line), columns))]
            parts.append("</tr>")
        parts += ["</tbody>", "</table>"]
        return "\n".join(parts)

    def _cell(self, tag: str, text: str, align: str) -> str:
        style = f' style="text-align: {align};"' if align else ""
        return f"<{tag}{style}>{self._inline(text.strip())}</{tag}>"

    def _definitions(self, chunk: list[str], lines: list[str], end: int, out: list[str]) -> str:
        """``Term`` lines followed by ``:   definition`` lines; consecutive lists join into one ``<dl>``."""
        terms: list[str] = []
        definitions: list[str] = []
        for row in chunk:
            marker = _DEFINITION.match(row)
            if marker:
                definitions.append(row[marker.end() :])
            elif definitions and row.startswith("    "):
                if _block_start(row[4:].lstrip()):
                    raise Unsupported("a definition continued by another block")
                definitions[-1] += "\n" + row[4:]
            elif not definitions:
                terms.append(row)
            else:
                raise Unsupported("a term after its definition in one block")
        if len(terms) != 1 or any(_block_start(d.lstrip()) for d in definitions):
            raise Unsupported("definition list beyond one term with text")
        if _following_indent(lines, end):
            raise Unsupported("a definition continued after a blank line")
        items = [f"<dt>{self._inline(terms[0])}</dt>"]
        items += [f"<dd>{self._inline(d)}</dd>" for d in definitions]
        if out and out[-1].startswith("<dl>") and out[-1].endswith("</dl>"):
            previous = out.pop()
            return previous[: -len("</dl>")] + "\n".join(items) + "\n</dl>"
        return "\n".join(["<dl>", *items, "</dl>"])

    def _paragraph(self, chunk: list[str]) -> str:
        for row in chunk[1:]:
            if _SETEXT.match(row) or row.lstrip().startswith("#") or _block_tag(row) or row.startswith("|"):
                raise Unsupported(f"a block inside a paragraph: {row[:60]!r}")
        text = "\n".join(row.lstrip() if k else row for k, row in enumerate(chunk)).rstrip()
        return f"<p>{self._inline(text)}</p>"

    # --- inline -------------------------------------------------------------------------------------

    def _inline(self, text: str) -> str:
        """Inline text: plain runs copied, each character that may start markup handled by its own reader."""
        if _SPECIAL.search(text) is None:
            return text
        out: list[str] = []
        i, n = 0, len(text)
        readers = self._readers
        while i < n:
            special = _SPECIAL.search(text, i)
            j = special.start() if special else n
            if j > i:
                out.append(text[i:j])
            if j < n:
                j = readers[text[j]](text, j, out)
            i = j
        return "".join(out)

    @functools.cached_property
    def _readers(self) -> dict[str, Callable[[str, int, list[str]], int]]:
        return {
            "\\": _escape,
            "&": _ampersand,
            "<": _angle,
            ">": _greater,
            "[": self._link,
            "*": self._emphasis,
            "_": _underscore,
            "`": _code,
            "!": self._bang,
            "\n": _newline,
        }

    def _bang(self, text: str, i: int, out: list[str]) -> int:
        if text.startswith("![", i):
            return self._image(text, i, out)
        out.append("!")
        return i + 1

    def _link(self, text: str, i: int, out: list[str]) -> int:
        close = _closing_bracket(text, i)
        if close < 0 or not text.startswith("(", close + 1):
            raise Unsupported("brackets that are not an inline link")
        end = text.find(")", close + 2)
        target = text[close + 2 : end] if end > 0 else ""
        if end < 0 or not target or any(c in target for c in " \t\n<>\"'()\\"):
            raise Unsupported("a link target beyond a plain address")
        label = self._inline(text[i + 1 : close])
        href = self.link(html.unescape(target))
        out.append(f'<a href="{href}">{label}</a>')
        return end + 1

    def _image(self, text: str, i: int, out: list[str]) -> int:
        """``![alt](src)``, with an attribute list ``{ .class key=value }`` right after it."""
        close = _closing_bracket(text, i + 1)
        if close < 0 or not text.startswith("(", close + 1):
            raise Unsupported("an image that is not inline")
        end = text.find(")", close + 2)
        target = text[close + 2 : end] if end > 0 else ""
        alt = _UNESCAPE.sub(r"\1", text[i + 2 : close])
        if not target or any(c in target for c in " \t\n<>\"'()\\") or any(c in alt for c in "[]*_`<\\"):
            raise Unsupported("an image beyond plain text and address")
        attrs = {"alt": html.escape(html.unescape(alt)), "src": self.link(html.unescape(target))}
        after = end + 1
        found = _IMAGE_ATTRS.match(text, after)
        if found:
            for key, value in _ATTR_PAIRS.findall(_attr_list(found.group(1))):
                attrs[key] = value
            after = found.end()
        shown = " ".join(f'{key}="{attrs[key]}"' for key in sorted(attrs))
        out.append(f"<img {shown} />")
        return after

    def _emphasis(self, text: str, i: int, out: list[str]) -> int:
        strong = text.startswith("**", i)
        mark = "**" if strong else "*"
        inner_start = i + len(mark)
        if text.startswith("***", i) or inner_start >= len(text) or text[inner_start].isspace():
            lone = (i == 0 or text[i - 1].isspace()) and text[inner_start : inner_start + 1] in (" ", "\t")
            if not strong and lone and not text[inner_start:].lstrip(" \t").startswith("\n"):
                out.append("*")  # a lone star between spaces is text (before a line break it may not be)
                return i + 1
            raise Unsupported("emphasis that is not plain")
        close = text.find(mark, inner_start)
        inner = text[inner_start:close] if close > 0 else ""
        if close < 0 or not inner or inner[-1].isspace() or "*" in inner or "\\" in inner[-1:] or "\n" in inner:
            raise Unsupported("emphasis that is not plain")
        if not strong and text.startswith("*", close + 1):
            raise Unsupported("emphasis that is not plain")
        tag = "strong" if strong else "em"
        out.append(f"<{tag}>{self._inline(inner)}</{tag}>")
        return close + len(mark)


def _ids(body: str) -> set[str]:
    return {html.unescape(found) for found in _ELEMENT_ID.findall(body)}


def _rebuilt_tag(match: re.Match[str]) -> str:
    """A start tag as md_in_html writes the raw HTML inside a ``markdown`` block: attributes in name order,
    each value read as HTML and written again (an entity stays an entity: ``&amp;lt;`` becomes ``&lt;``), an
    attribute without a value given its name as value."""
    attrs = []
    for found in _ATTR_OF_TAG.finditer(match.group(2)):
        name, value = found.group(1).lower(), found.group(2)
        value = name if value is None else html.unescape(value.strip("\"'") if value[:1] in "\"'" else value)
        attrs.append((name, value))
    shown = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in sorted(attrs))
    return f"<{match.group(1)}{shown}{match.group(3) and ' /'}>"


def _escape_attribute(value: str) -> str:
    """Python-Markdown's escaping of an attribute value: ``&`` only where it does not start an entity."""
    return _LONE_AMPERSAND.sub("&amp;", value).replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _escape(text: str, i: int, out: list[str]) -> int:
    following = text[i + 1 : i + 2]
    if following and following in ESCAPED:
        out.append(html.escape(following, quote=False))
        return i + 2
    out.append("\\")
    return i + 1


def _ampersand(text: str, i: int, out: list[str]) -> int:
    entity = _ENTITY.match(text, i)
    out.append(entity.group(0) if entity else "&amp;")
    return entity.end() if entity else i + 1


def _angle(text: str, i: int, out: list[str]) -> int:
    tag = _INLINE_HTML.match(text, i)
    if tag:
        out.append(tag.group(0))
        return tag.end()
    if text.startswith("<!--", i) or re.match(r"<[A-Za-z]+:", text[i : i + 40]):
        raise Unsupported("comment or autolink")
    out.append("&lt;")
    return i + 1


def _greater(text: str, i: int, out: list[str]) -> int:
    out.append("&gt;")
    return i + 1


def _underscore(text: str, i: int, out: list[str]) -> int:
    if not (text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum()):
        raise Unsupported("underscore that may be emphasis")
    out.append("_")  # inside a word: never emphasis in Python-Markdown
    return i + 1


def _code(text: str, i: int, out: list[str]) -> int:
    close = text.find("`", i + 1)
    code = text[i + 1 : close]
    if close < 0 or not code.strip() or text.startswith("``", i) or "\n" in code:
        raise Unsupported("code beyond a plain code span")
    out.append(f"<code>{html.escape(code.strip(), quote=False)}</code>")
    return close + 1


def _newline(text: str, i: int, out: list[str]) -> int:
    """A line break: ``<br />`` after two spaces, else the newline itself."""
    if out and out[-1].endswith("  "):
        out[-1] = out[-1].rstrip(" ")
        out.append("<br />\n")
    else:
        out.append("\n")
    return i + 1


def _block_level_tag(line: str) -> str | None:
    """The block-level tag (Python-Markdown's list) a line starts with, if any."""
    start = _START_TAG.match(line) if line.startswith("<") else None
    name = start.group(1).lower() if start is not None else None
    return name if name in BLOCK_TAGS else None


def _block_tag(line: str) -> str | None:
    """The tag that starts a raw HTML block on this line, if any (a comment or closing tag is refused)."""
    if line.startswith(("<!--", "</", "<?", "<!")):
        raise Unsupported("a comment or closing tag at the start of a line")
    return _block_level_tag(line)


def _closing_line(lines: list[str], i: int, tag: str) -> int:
    """The line on which the element opened on line ``i`` is closed (nested same-name elements counted)."""
    depth = 0
    opener = re.compile(rf"<{tag}(?=[\s/>])|</{tag}\s*>", re.IGNORECASE)
    for k in range(i, len(lines)):
        for found in opener.finditer(lines[k]):
            if found.group(0).startswith("</"):
                depth -= 1
            else:
                start = _START_TAG.match(lines[k], found.start())
                if start is not None and start.group(3) != "/" and tag not in ("hr",):
                    depth += 1
            if depth == 0:
                return k
        if depth == 0:
            return k
    raise Unsupported(f"<{tag}> not closed")


def _chunk_end(lines: list[str], i: int) -> int:
    """The line after the block of non-blank lines starting at ``i``. A heading line ends it (Python-Markdown
    splits any block at a ``#`` heading before it looks for lists, tables or paragraphs), and so does a line
    starting with a block-level tag (its HTML is taken out of the text before blocks are parsed)."""
    j = i + 1
    while j < len(lines) and lines[j].strip() and not _HEADING.match(lines[j]) and not _block_tag(lines[j]):
        j += 1
    return j


@dataclass
class _Item:
    text: str
    loose: bool = False
    nested: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _list_items(chunks: list[list[str]], marker: re.Pattern[str]) -> list[_Item]:
    """The items of a list's blocks (see ``Converter._list``)."""
    items: list[_Item] = []
    for number, chunk in enumerate(chunks):
        if chunk[0].startswith("    "):
            if not items or any(not row.startswith("    ") or _block_start(row[4:]) for row in chunk):
                raise Unsupported("an indented block in a list that is not a paragraph")
            items[-1].loose = True
            items[-1].paragraphs.append("\n".join(row[4:] for row in chunk))
            continue
        if number:
            items[-1].loose = True
        for row in chunk:
            found = marker.match(row)
            _refuse_list_line(row, found)
            if found:
                items.append(_Item(row[found.end() :], loose=number > 0))
            elif not items:
                raise Unsupported("a list that does not start with an item")
            elif items[-1].nested or (row.startswith("    ") and _NESTED_MARKER.match(row[4:])):
                items[-1].nested.append(row[4:] if row.startswith("    ") else row)
            else:  # a line of the item's text (Python-Markdown joins it, indented or not)
                items[-1].text += "\n" + row.lstrip()
    return items


def _refuse_list_line(row: str, found: re.Match[str] | None) -> None:
    """Refuse a line of a list that Python-Markdown would read as more than the text of an item (it parses
    each item's text as blocks)."""
    text = row[found.end() :] if found else row.lstrip()
    if found and (not text.strip() or _block_start(text)):
        raise Unsupported("a list item starting another block, or without text on its first line")
    if row.lstrip().startswith(">") or _HR.match(row) or _REFERENCE.match(text):
        raise Unsupported("a quote, rule or link reference in a list")
    indent = len(row) - len(row.lstrip())
    if not found and _NESTED_MARKER.match(text) and (indent == 0 or indent % 4):
        raise Unsupported("another kind of list marker, or one indented by other than steps of four spaces")


def _list_chunks(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The blocks of the list starting at line ``i`` (items, and indented blocks between them), and the
    line after it."""
    kind = _ORDERED if _ORDERED.match(lines[i]) else _BULLET
    chunks: list[list[str]] = []
    while i < len(lines):
        end = _chunk_end(lines, i)
        chunks.append(lines[i:end])
        j = end
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and (kind.match(lines[j]) or lines[j].startswith("    ")):
            i = j
            continue
        if j < len(lines) and (_BULLET.match(lines[j]) or _ORDERED.match(lines[j])):
            raise Unsupported("two kinds of list after each other")
        return chunks, end
    return chunks, i


def _block_start(line: str) -> bool:
    """Whether a line would start something other than paragraph text."""
    return bool(
        _BULLET.match(line)
        or _ORDERED.match(line)
        or _HEADING.match(line)
        or _HR.match(line)
        or _DEFINITION.match(line)
        or _REFERENCE.match(line)
        or line.startswith(("|", "    ", ">", "</", "<!", "<?"))
        or _block_level_tag(line)
    )


def _following_indent(lines: list[str], j: int) -> bool:
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and lines[j].startswith("    ")


def _closing_bracket(text: str, i: int) -> int:
    """Where the ``[`` at ``i`` is closed (nested brackets counted, escaped ones skipped), or -1."""
    depth = 0
    for found in _BRACKET_OR_ESCAPE.finditer(text, i):
        mark = found.group(0)
        if mark == "[":
            depth += 1
        elif mark == "]":
            depth -= 1
            if depth == 0:
                return found.start()
    return -1


def _cells(line: str) -> list[str]:
    """A table row's cells: split at ``|`` that are not escaped, outer pipes dropped."""
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells, current, k = [], [], 0
    while k < len(row):
        ch = row[k]
        if ch == "\\" and k + 1 < len(row):
            current.append(row[k : k + 2])
            k += 2
            continue
        if ch == "`":
            raise Unsupported("code in a table")
        if ch == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        k += 1
    cells.append("".join(current))
    return cells


def _row(cells: list[str], columns: int) -> list[str]:
    return (cells + [""] * columns)[:columns]


def _align(rule: str) -> str:
    rule = rule.strip()
    if rule.startswith(":") and rule.endswith(":"):
        return "center"
    if rule.endswith(":"):
        return "right"
    if rule.startswith(":"):
        return "left"
    return ""


def _attr_list(text: str) -> str:
    """``#id .class key="value"`` as HTML attributes, in the order attr_list writes them."""
    ident, classes, others = "", [], []
    for match in _ATTR.finditer(text):
        key = match.group(1)
        value = next((g for g in match.groups()[1:] if g is not None), None)
        if value is None and key.startswith("#"):
            ident = key[1:]
        elif value is None and key.startswith("."):
            classes.append(key[1:])
        elif value is not None:
            others.append((key, value))
        else:
            raise Unsupported("an attribute list beyond ids, classes and values")
    attrs = f' id="{html.escape(ident)}"' if ident else ""
    attrs += f' class="{html.escape(" ".join(classes))}"' if classes else ""
    attrs += "".join(f' {key}="{html.escape(value)}"' for key, value in others)
    return attrs


def toc_tokens(headings: list[Heading]) -> list[dict[str, Any]]:
    """The headings as Python-Markdown's nested toc tokens, for MkDocs' ``get_toc``."""
    flat = [{"level": h.level, "id": h.id, "name": h.name, "html": h.name, "data-toc-label": ""} for h in headings]
    return nest_toc_tokens(flat)  # type: ignore[no-any-return]


# --- MkDocs ---------------------------------------------------------------------------------------------

# The Markdown settings the dialect reproduces: these extensions (MkDocs always adds fenced_code; nothing we
# write is fenced) and these toc options. Any other setting (another extension, a toc depth) may change
# what Python-Markdown writes, so the site's pages then all go through Python-Markdown.
DIALECT_EXTENSIONS = frozenset({"toc", "attr_list", "tables", "admonition", "def_list", "md_in_html", "fenced_code"})
DIALECT_TOC_OPTIONS = frozenset({"permalink", "permalink_title", "slugify"})


class DirectPages:
    """Installs direct conversion on the generated pages of one build, when the configuration allows it."""

    def __init__(self, config: MkDocsConfig) -> None:
        extensions = {name for name in config.markdown_extensions if isinstance(name, str)}
        toc = dict((config.mdx_configs or {}).get("toc") or {})
        self.enabled = (
            len(extensions) == len(config.markdown_extensions)
            and extensions <= DIALECT_EXTENSIONS
            and set(toc) <= DIALECT_TOC_OPTIONS
            and toc.get("permalink") is True
        )
        self.slugify: Callable[[str, str], str] = toc.get("slugify") or slugify
        self.permalink_title = str(toc.get("permalink_title", "Permanent link"))
        self.direct = 0  # pages converted directly in this build
        self.fallback: list[str] = []  # pages Python-Markdown converted, with the reason

    def install(self, page: Page) -> None:
        """Make the page's ``render`` convert directly, or call MkDocs' own conversion when it cannot."""
        if not self.enabled or not page.meta.get("title"):
            return
        render: Callable[[MkDocsConfig, Files], None] = page.render

        def render_directly(config: MkDocsConfig, files: Files) -> None:
            targets: list[str] = []

            def later(target: str) -> str:  # resolved once the page is known to convert (warnings once)
                targets.append(target)
                return f"\x01{len(targets) - 1}\x01"

            assert page.markdown is not None
            try:
                done = Converter(later, self.slugify, self.permalink_title).page(page.markdown)
            except Unsupported as why:
                self.fallback.append(f"{page.file.src_uri}: {why}")
                render(config, files)
                return
            resolver = _RelativePathTreeprocessor(page.file, files, config)
            resolved = [html.escape(resolver.path_to_url(target)) for target in targets]
            page.content = _TARGET.sub(lambda m: resolved[int(m.group(1))], done.html)
            page.toc = get_toc(toc_tokens(done.headings))  # type: ignore[arg-type]
            page.present_anchor_ids = done.ids
            if log.getEffectiveLevel() > logging.DEBUG:
                page.links_to_anchors = resolver.links_to_anchors
            self.direct += 1

        page.render = render_directly  # type: ignore[method-assign]  # MkDocs calls page.render


_TARGET = re.compile("\x01(\\d+)\x01")
