"""The one HTML reader of the tests: a page is parsed once into a small tree, and tests ask it questions.

Pipeline position: after the build (built sites) or after Python-Markdown (renderer output). It knows
nothing of the product and sees only HTML, through the standard library's parser with entities resolved,
as a browser's parser would read the markup. What tests ask:

- links (``Page.links``: which element, which attribute, inside the site navigation or the article),
  ids and the anchors a ``#fragment`` can reach;
- text as a reader sees it (``Element.text``: no script or style, words apart at block edges, white-space
  collapsed) and text exactly as written (``Element.raw_text``);
- headings and what stands under each (``sections``), tables as rows of cell texts (``tables``);
- SVG figures, titles, attributes (``Element.all``);
- active content for the hostile-data checks (``active_content``: text in a description, Open Graph or feed
  title and JSON in structured data count as inert) and resources fetched from other hosts
  (``fetched_from_other_hosts``);
- the parser's event stream (``Page.events``), for comparing two versions of a page as a reader would.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Elements that never have content or an end tag.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements whose content is no text a reader sees.
RAW_TEXT = frozenset({"script", "style"})
# Elements whose edges separate words in what a reader sees (block boxes, cells, line breaks).
BREAKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label",
        "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "ul",
    }
)  # fmt: skip
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# Element → the attributes whose address the link checker follows.
LINKED = {
    "a": ("href", "xlink:href"),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
}
# (element, attribute) pairs whose address a browser fetches (``<link>`` also covers preconnect, dns-prefetch).
FETCHED = frozenset(
    {
        ("link", "href"),
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("video", "src"),
        ("audio", "src"),
        ("object", "data"),
        ("embed", "src"),
    }
)
# Attributes that hold an address on any element, for the hostile-data checks.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background"}
)
# Elements that run, load or submit something when they carry data.
ACTIVE_TAGS = frozenset(
    {
        "script", "style", "iframe", "object", "embed", "form", "input", "meta", "base", "link", "img", "svg",
        "frame", "frameset", "textarea",
    }
)  # fmt: skip
SCRIPT_URL = re.compile(r"^(?:javascript|data|vbscript):", re.IGNORECASE)


def normalise(text: str) -> str:
    """Text as compared in tests: permalink signs dropped, every run of white-space one space, no ends."""
    return " ".join(text.replace("¶", " ").split())


class Element:
    """One element of a parsed page: its tag, its attributes as written, its children (elements and text)."""

    __slots__ = ("attrs", "children", "parent", "tag", "written")

    def __init__(self, tag: str, attrs: list[tuple[str, str | None]], parent: Element | None, written: str) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []
        self.written = written  # the start tag as it stood in the markup

    def __repr__(self) -> str:
        return self.written or f"<{self.tag}>"

    def get(self, name: str) -> str:
        """The attribute's value; "" when it is absent or has no value."""
        return next((value or "" for key, value in self.attrs if key == name), "")

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)

    @property
    def classes(self) -> list[str]:
        return self.get("class").split()

    @property
    def elements(self) -> list[Element]:
        """The child elements (no text)."""
        return [child for child in self.children if isinstance(child, Element)]

    def iter(self, *tags: str) -> Iterator[Element]:
        """Every element inside this one (not itself), in document order; only ``tags`` if given."""
        pending = [child for child in reversed(self.children) if isinstance(child, Element)]
        while pending:
            element = pending.pop()
            if not tags or element.tag in tags:
                yield element
            pending.extend(child for child in reversed(element.children) if isinstance(child, Element))

    def all(self, tag: str = "", **attributes: str) -> list[Element]:
        """Elements inside this one with ``tag`` (any if "") and these attribute values.

        Attribute names are written with ``_`` for ``-`` (``aria_label``); ``class_`` matches one class of
        the element, every other attribute its whole value.
        """
        wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attributes.items()}
        return [
            element
            for element in self.iter(*((tag,) if tag else ()))
            if all(
                value in element.classes if name == "class" else element.has(name) and element.get(name) == value
                for name, value in wanted.items()
            )
        ]

    def first(self, tag: str = "", **attributes: str) -> Element:
        """The first element ``all`` would give; fails the test if there is none."""
        found = self.all(tag, **attributes)
        assert found, f"no <{tag or '*'}> with {attributes} in {self!r}"
        return found[0]

    def ancestors(self) -> Iterator[Element]:
        parent = self.parent
        while parent is not None:
            yield parent
            parent = parent.parent

    def within(self, tag: str = "", class_part: str = "") -> bool:
        """Whether this element or one around it has ``tag``, or a class attribute containing ``class_part``."""
        for element in (self, *self.ancestors()):
            if tag and element.tag == tag:
                return True
            if class_part and class_part in element.get("class"):
                return True
        return False

    def walk(self, skip: frozenset[str] = RAW_TEXT) -> Iterator[tuple[str, Element | str]]:
        """("enter", element), ("text", data) and ("exit", element) in document order, without ``skip``'s content."""
        pending: list[tuple[str, Element | str]] = [("exit", self), *reversed(self._steps(self, skip))]
        yield "enter", self
        while pending:
            kind, item = pending.pop()
            yield kind, item
            if kind == "enter" and isinstance(item, Element):
                pending.append(("exit", item))
                pending.extend(reversed(self._steps(item, skip)))

    @staticmethod
    def _steps(element: Element, skip: frozenset[str]) -> list[tuple[str, Element | str]]:
        if element.tag in skip:
            return []
        return [("text", child) if isinstance(child, str) else ("enter", child) for child in element.children]

    def strings(self, skip: frozenset[str] = RAW_TEXT, breaks: frozenset[str] = BREAKS) -> list[str]:
        """The text pieces in document order, with a space at both edges of every element in ``breaks``."""
        return [piece for kind, item in self.walk(skip) if (piece := _piece(kind, item, breaks))]

    @property
    def text(self) -> str:
        """What a reader sees of the element: no script or style, words apart at block edges, normalised."""
        return normalise("".join(self.strings()))

    def text_without(self, *tags: str) -> str:
        """``text``, leaving out these elements and what they hold (``"svg"``: the text outside diagrams)."""
        return normalise("".join(self.strings(RAW_TEXT | set(tags))))

    @property
    def raw_text(self) -> str:
        """The text exactly as written (no script or style), white-space and all, nothing added."""
        return "".join(self.strings(breaks=frozenset()))

    @property
    def cell_text(self) -> str:
        """A table cell's text: each line (a ``<br>`` or a list item starts one) normalised, the lines joined by
        newlines."""
        lines = [""]
        for kind, item in self.walk():
            if kind == "enter" and isinstance(item, Element) and item.tag in ("br", "li"):
                lines.append("")
            else:
                lines[-1] += _piece(kind, item, BREAKS)
        return "\n".join(line for line in map(normalise, lines) if line)


def _piece(kind: str, item: Element | str, breaks: frozenset[str]) -> str:
    """What one step of ``Element.walk`` adds to the text: its data, or a space at the edge of a break."""
    if isinstance(item, str):
        return item
    return " " if item.tag in breaks and kind != "text" else ""


@dataclass(frozen=True)
class Link:
    """An address on a page: the element and attribute holding it, and where on the page it stands."""

    tag: str
    attribute: str
    url: str
    in_nav: bool  # inside Material's site navigation (an element with an ``md-nav…`` class)
    in_article: bool  # inside the page's ``<article>``: the content


@dataclass
class Section:
    """A heading and what stands under it, up to the next heading of the same or a higher level."""

    heading: Element
    elements: list[Element] = field(default_factory=list)  # every element under the heading
    pieces: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text

    @property
    def text(self) -> str:
        return normalise("".join(self.pieces))

    @property
    def hrefs(self) -> list[str]:
        return [element.get("href") for element in self.elements if element.tag == "a" and element.has("href")]


@dataclass(frozen=True)
class ActiveContent:
    """What in a page could run or load something, made from text that carries ``marker``.

    Findings inside the theme's site navigation (``md-nav--primary``) are kept apart in ``nav_problems``: the
    nav is built by MkDocs from titles the plugin hands it, a different path from the page content.
    """

    handlers: list[str]  # "tag on…=value"
    script_urls: list[str]  # "tag attribute=javascript:…"
    active_with_marker: list[str]  # active elements carrying the marker in an attribute or as content
    nav_problems: list[str]


class Page:
    """A parsed page: its element tree (``root``) and the parser's events; the views tests ask for."""

    def __init__(self, root: Element, events: list[tuple[str, ...]]) -> None:
        self.root = root
        self.events = events  # ("start", tag, attrs), ("end", tag), ("data", text), ("comment", text), ("decl", text)

    @property
    def article(self) -> Element:
        """The page's content (Material's ``<article>``); for a fragment without one, the whole of it."""
        return next(self.root.iter("article"), self.root)

    @property
    def text(self) -> str:
        return self.root.text

    @property
    def title(self) -> str:
        """The ``<title>``: what the browser tab and a screen reader's page list say."""
        return next((element.text for element in self.root.iter("title")), "")

    @property
    def h1(self) -> str:
        return next((element.text for element in self.root.iter("h1")), "")

    def all(self, tag: str = "", **attributes: str) -> list[Element]:
        return self.root.all(tag, **attributes)

    def first(self, tag: str = "", **attributes: str) -> Element:
        return self.root.first(tag, **attributes)

    @property
    def ids(self) -> list[str]:
        """Every ``id`` attribute in document order (repeats included)."""
        return [element.get("id") for element in self.root.iter() if element.has("id")]

    @property
    def anchors(self) -> set[str]:
        """What a ``#fragment`` can reach: ids, and the names of ``<a name>``."""
        named = {element.get("name") for element in self.root.iter("a") if element.get("name")}
        return {i for i in self.ids if i} | named

    @property
    def links(self) -> list[Link]:
        """Every address the link checker follows (``LINKED``), in document order."""
        found = []
        for element in self.root.iter(*LINKED):
            for attribute in LINKED[element.tag]:
                if element.get(attribute):
                    in_nav, in_article = element.within(class_part="md-nav"), element.within("article")
                    found.append(Link(element.tag, attribute, element.get(attribute), in_nav, in_article))
        return found

    @property
    def hrefs(self) -> list[str]:
        """The ``href`` of every element that has one, in document order."""
        return [element.get("href") for element in self.root.iter() if element.has("href")]

    def sections(self, level: int = 2, within: Element | None = None) -> dict[str, Section]:
        """Heading text → ``Section`` for every heading of ``level`` in the article (or ``within``)."""
        found: dict[str, Section] = {}
        current: Section | None = None
        inside_heading = 0
        for kind, item in (within or self.article).walk():
            if isinstance(item, Element) and item.tag in HEADINGS and int(item.tag[1]) <= level:
                inside_heading += 1 if kind == "enter" else -1
                if kind == "enter":
                    current = Section(item) if int(item.tag[1]) == level else None
                    if current is not None:
                        found[current.title] = current
            elif current is not None and not inside_heading:
                if kind == "enter" and isinstance(item, Element):
                    current.elements.append(item)
                current.pieces.append(_piece(kind, item, BREAKS))
        return found

    def tables(self, within: Element | None = None) -> list[list[list[str]]]:
        """Every table in the article (or ``within``) as rows of cell texts (``Element.cell_text``)."""
        return [
            [[cell.cell_text for cell in row.iter("td", "th")] for row in table.iter("tr")]
            for table in (within or self.article).iter("table")
        ]

    def table_rows(self, index: int = 0) -> list[dict[str, str]]:
        """The rows of the article's table number ``index``, each as {column heading: cell text}."""
        header, *rows = self.tables()[index]
        return [dict(zip(header, row, strict=True)) for row in rows]

    def active_content(self, marker: str) -> ActiveContent:
        """Event handlers, script addresses, and active elements carrying ``marker``, anywhere on the page."""
        handlers: list[str] = []
        script_urls: list[str] = []
        active: list[str] = []
        nav: list[str] = []
        for element in self.root.iter():
            in_nav = element.within(class_part="md-nav--primary")
            for name, raw in element.attrs:
                value = raw or ""
                if name.startswith("on"):
                    (nav if in_nav else handlers).append(f"{element.tag} {name}={value}")
                if name in URL_ATTRIBUTES and SCRIPT_URL.match(re.sub(r"[\s\x00-\x1f]", "", value)):
                    (nav if in_nav else script_urls).append(f"{element.tag} {name}={value}")
            carrying = [name for name, value in element.attrs if marker in (value or "")]
            if element.tag in ACTIVE_TAGS and carrying and not _inert_head_text(element, carrying):
                (nav if in_nav else active).append(element.written or element.tag)
            content = "".join(child for child in element.children if isinstance(child, str))
            if element.tag in RAW_TEXT and marker in content and not _json_data(element, content):
                (nav if in_nav else active).append(f"<{element.tag}>{content[:80]}")
        return ActiveContent(handlers, script_urls, active, nav)

    def fetched_from_other_hosts(self) -> list[str]:
        """Every resource the page would fetch (or preconnect to) from another host: "<tag rel> address"."""
        found = []
        for element in self.root.iter():
            rel = element.get("rel")
            is_link_to_page = element.tag == "link" and bool({"canonical", "alternate"} & set(rel.split()))
            for tag, attribute in FETCHED:
                address = element.get(attribute)
                if tag == element.tag and not is_link_to_page and address.startswith(("http:", "https:", "//")):
                    found.append(f"<{element.tag} {rel}> {address}".replace(" >", ">"))
        return found


# Head elements that carry text about the page and never load or run it (issue 14): a description or Open
# Graph text in ``content``, a feed's name in ``title``.
_TEXT_METAS = ("description", "og:title", "og:description")


def _inert_head_text(element: Element, carrying: list[str]) -> bool:
    """Whether the data in ``element``'s attributes ``carrying`` is only text a browser shows or ignores."""
    if element.tag == "meta":
        return carrying == ["content"] and (element.get("name") or element.get("property")) in _TEXT_METAS
    return element.tag == "link" and carrying == ["title"]


def _json_data(element: Element, content: str) -> bool:
    """A ``<script type="application/ld+json">`` holding JSON: data a browser never runs (structured data)."""
    if element.tag != "script" or element.get("type") != "application/ld+json":
        return False
    try:
        json.loads(content)
    except ValueError:
        return False
    return True


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("", [], None, "")
        self.open = self.root
        self.events: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, repr(attrs)))
        element = Element(tag, attrs, self.open, self.get_starttag_text() or "")
        self.open.children.append(element)
        if tag not in VOID:
            self.open = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, repr(attrs)))
        self.open.children.append(Element(tag, attrs, self.open, self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))
        for element in (self.open, *self.open.ancestors()):
            if element.tag == tag and element.parent is not None:
                self.open = element.parent  # closes it and whatever was left open inside it
                return

    def handle_data(self, data: str) -> None:
        self.events.append(("data", data))
        self.open.children.append(data)

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.events.append(("decl", decl))


def read(markup: str) -> Page:
    """Parse ``markup`` (a whole page or a fragment)."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return Page(builder.root, builder.events)


def read_file(path: Path) -> Page:
    return read(path.read_text(encoding="utf-8"))


def document_events(page: str) -> list[tuple[str, ...]]:
    """The document a browser builds from the page, without what HTML's white-space rules make invisible:
    parse events with attributes in name order, each run of white-space collapsed to one space, and
    white-space next to a block boundary (``BREAKS``) dropped. ``<pre>``, ``<script>``, ``<style>`` and
    ``<textarea>`` keep their text as written. Two pages with equal events render alike."""
    kept = {"pre", "textarea", "script", "style"}
    merged: list[tuple[str, ...]] = []
    for event in read(page).events:
        if event[0] == "data" and merged and merged[-1][0] == "data":
            merged[-1] = ("data", merged[-1][1] + event[1])
        elif event[0] == "start":
            merged.append(("start", event[1], repr(sorted(ast.literal_eval(event[2])))))
        else:
            merged.append(event)
    found: list[tuple[str, ...]] = []
    inside_kept = 0
    for number, event in enumerate(merged):
        kind = event[0]
        if kind in ("start", "end") and event[1] in kept:
            inside_kept += 1 if kind == "start" else -1
        if kind != "data" or inside_kept:
            found.append(event)
            continue
        text = re.sub(r"[ \t\n\r\f]+", " ", event[1])
        before = merged[number - 1] if number else None
        after = merged[number + 1] if number + 1 < len(merged) else None
        if before is None or (before[0] in ("start", "end") and before[1] in BREAKS):
            text = text.lstrip(" ")
        if after is None or (after[0] in ("start", "end") and after[1] in BREAKS):
            text = text.rstrip(" ")
        if text:
            found.append(("data", text))
    return found
