"""Keeping inline SVG out of the Markdown conversion changes no byte of any page.

Every generated page of the example site and of the fixture project (diagrams, charts, the print
edition) is converted with the site's own Markdown extensions twice: as it is, and with its SVG stashed
and put back. The HTML must be the same; so must the ids MkDocs counts as link targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.pages import _HTMLHandler

from macros.build import svgstash
from macros.derived.addresses import address_book
from macros.loading.validate import load_site
from macros.rendering.pages import build_page_set
from support.diagrams import draw_diagrams
from support.markdown import site_markdown
from support.sites import FIXTURE_PROJECT, ROOT


def generated_pages(data: Path, tmp_path: Path) -> dict[str, str]:
    site = load_site(data)
    book = address_book(site)
    return build_page_set(site, book, draw_diagrams(site, book, tmp_path / "cache")).pages


@pytest.mark.dot
@pytest.mark.parametrize("data", [ROOT / "data", FIXTURE_PROJECT / "data"], ids=["example", "fixture"])
def test_stashed_svg_gives_the_same_html(data: Path, tmp_path: Path) -> None:
    md = site_markdown()
    with_svg = 0
    for src, text in sorted(generated_pages(data, tmp_path).items()):
        if not src.endswith(".md"):
            continue
        stashed, svgs = svgstash.stash(text)
        with_svg += bool(svgs)
        assert "<svg" not in stashed.replace('<svg data-strategi-svg="', ""), src
        expected = md.reset().convert(text)
        assert svgstash.unstash(md.reset().convert(stashed), svgs) == expected, src
        handler = _HTMLHandler()  # MkDocs' own reader of link targets: what it must see is what it saw
        handler.feed("".join(svgs))
        assert svgstash.anchor_ids(svgs) == handler.present_anchor_ids, src
    assert with_svg >= 3, "the pages should carry diagrams and charts"


def test_stash_round_trip_and_nested_svg_left_alone() -> None:
    text = '<div>\n<svg a="1"><g id="x&amp;y"/></svg>\n</div>\n\nTekst\n\n<svg><text>b</text></svg>\n'
    stashed, svgs = svgstash.stash(text)
    assert len(svgs) == 2 and "<text>" not in stashed
    assert svgstash.unstash(stashed, svgs) == text
    assert svgstash.anchor_ids(svgs) == {"x&y"}
    nested = "<svg><svg><g/></svg></svg>"
    assert svgstash.stash(nested) == (nested, [])
