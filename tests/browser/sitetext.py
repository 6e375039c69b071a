"""Reading the text of a built site, to know what a search should and should not find.

Pipeline position: after the build, beside the browser. Plain ``html.parser``: the text of each page's
main content, with diagram text (``<svg>`` inside the article) kept apart from the rest.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

WORD = re.compile(r"[^\W\d_]{5,}")


class _Text(HTMLParser):
    """Collects article text outside SVG and article text inside SVG, skipping styles and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.svg_text: list[str] = []
        self.depth = {"article": 0, "svg": 0, "style": 0, "script": 0}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.depth:
            self.depth[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth.get(tag):
            self.depth[tag] -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth["article"] or self.depth["style"] or self.depth["script"]:
            return
        (self.svg_text if self.depth["svg"] else self.text).append(data)


def _read(html: Path) -> _Text:
    parser = _Text()
    parser.feed(html.read_text(encoding="utf-8"))
    parser.close()
    return parser


def page_text(site: Path, url: str) -> str:
    """The main text (outside diagrams) of the page at site-relative ``url`` (an ``#anchor`` is ignored)."""
    path = url.split("#", 1)[0]
    html = site / path / "index.html" if path.endswith("/") or not path else site / path
    return " ".join(_read(html).text)


def diagram_only_words(site: Path) -> list[str] | None:
    """Words (5+ letters) found in diagrams but nowhere in the site's text, longest first.

    ``None`` when the site has no diagram with text at all.
    """
    in_text: set[str] = set()
    in_diagrams: set[str] = set()
    for html in site.rglob("*.html"):
        parsed = _read(html)
        in_text.update(WORD.findall(" ".join(parsed.text).lower()))
        in_diagrams.update(WORD.findall(" ".join(parsed.svg_text).lower()))
    if not in_diagrams:
        return None
    return sorted(in_diagrams - in_text, key=lambda word: (-len(word), word))
