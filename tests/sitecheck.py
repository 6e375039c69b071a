"""Reading a built site the way a browser would: pages, their links, their anchors, their nav.

Used by the tests of the built example and fixture sites. Knows nothing of our code: it sees only HTML.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("a", "xlink:href"),
    ("source", "src"),
    ("iframe", "src"),
}


@dataclass
class Page:
    """What one HTML file offers and points to."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    nav_links: list[str] = field(default_factory=list)
    main_links: list[str] = field(default_factory=list)
    id_list: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, inside nav, inside article)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        in_nav = bool(self.stack and self.stack[-1][1]) or "md-nav" in values.get("class", "")
        in_main = bool(self.stack and self.stack[-1][2]) or tag == "article"
        if tag not in {
            "br",
            "img",
            "link",
            "meta",
            "input",
            "hr",
            "source",
            "path",
            "rect",
            "ellipse",
            "polygon",
            "polyline",
            "line",
            "circle",
            "use",
            "stop",
        }:
            self.stack.append((tag, in_nav, in_main))
        for name in ("id", "name"):
            if values.get(name) and (name == "id" or tag == "a"):
                self.page.ids.add(values[name])
                if name == "id":
                    self.page.id_list.append(values[name])
        for t, attribute in LINK_ATTRIBUTES:
            if t == tag and values.get(attribute):
                link = values[attribute]
                self.page.links.append(link)
                if in_nav and tag == "a":
                    self.page.nav_links.append(link)
                if in_main and tag == "a":
                    self.page.main_links.append(link)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break


def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def resolve(site: Path, page: Path, link: str) -> tuple[Path | None, str]:
    """The file an internal link points at (None for external links) and its anchor."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None, ""
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    base = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else path.lstrip("/")
    candidate = site / target
    if candidate.is_dir() or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the site that points at nothing, as 'page: link (why)'."""
    cache: dict[Path, Page] = {}

    def page_of(path: Path) -> Page:
        if path not in cache:
            cache[path] = parse(path)
        return cache[path]

    problems = []
    for html in html_files(site):
        for link in page_of(html).links:
            target, anchor = resolve(site, html, link)
            if target is None:
                continue
            where = html.relative_to(site).as_posix()
            if not target.exists():
                problems.append(f"{where}: {link} (no such file)")
            elif anchor and target.suffix == ".html" and anchor not in page_of(target).ids:
                problems.append(f"{where}: {link} (no id '{anchor}')")
    return problems
