"""Inline SVG kept out of the Markdown conversion, and put back into the HTML it would have become.

Pipeline position: glue, between the page set and MkDocs' Markdown conversion. The generated pages carry
their diagrams and charts as inline ``<svg>`` in raw HTML blocks, which Python-Markdown passes through
unchanged, but only after scanning every character of them: at 1,000 activities most of the generated
Markdown is SVG. ``plugin.on_page_markdown`` swaps each ``<svg>…</svg>`` of a generated page for an
empty ``<svg data-strategi-svg="N"></svg>`` (the same kind of raw HTML, so Markdown treats it alike)
and the page's ``render`` puts the originals back into the HTML. The result is byte for byte what
converting the SVG would have given (``tests/unit/test_svg_stash.py`` converts every generated page both
ways). Hand-written pages in ``docs/`` are left alone: an ``<svg>`` in a code block there must stay text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_PLACEHOLDER = re.compile(r'<svg data-strategi-svg="(\d+)"></svg>')
_ID = re.compile(r"<[A-Za-z][^>]*?\sid=\"([^\"]*)\"")


def stash(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with every ``<svg>`` element replaced by a numbered placeholder, and the elements."""
    svgs: list[str] = []

    def keep(match: re.Match[str]) -> str:
        svgs.append(match.group(0))
        return f'<svg data-strategi-svg="{len(svgs) - 1}"></svg>'

    stashed = _SVG.sub(keep, markdown)
    if any(svg.count("<svg") > 1 for svg in svgs):  # nested <svg>: the pattern cannot pair them; leave it
        return markdown, []
    return stashed, svgs


def unstash(content: str, svgs: list[str]) -> str:
    """The converted HTML with each placeholder replaced by its ``<svg>`` element."""
    return _PLACEHOLDER.sub(lambda match: svgs[int(match.group(1))], content)


def anchor_ids(svgs: list[str]) -> set[str]:
    """The ``id`` attributes in the elements: MkDocs counts ids in raw HTML as link targets on the page."""
    return {html.unescape(found) for svg in svgs for found in _ID.findall(svg)}


def put_back_after_render(page: Page, svgs: list[str]) -> None:
    """Make the page's ``render`` convert the stashed Markdown and then put the SVG back."""
    render: Callable[[MkDocsConfig, Files], None] = page.render

    def render_and_unstash(config: MkDocsConfig, files: Files) -> None:
        render(config, files)
        assert page.content is not None
        page.content = unstash(page.content, svgs)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(svgs)

    page.render = render_and_unstash  # type: ignore[method-assign]  # MkDocs calls page.render
