"""The realisation pages as a whole: titled and reachable, a print edition with every element, editor text inert.

The realisation renderers on the realisation fixture (``tests/fixtures/realisation``). The matrix and role
sheets are in ``unit/test_who_does_what.py``, the årshjul and timeline in ``unit/test_follow_up_and_timeline.py``.
"""

from __future__ import annotations

import dataclasses
import re

import yaml

from macros import model
from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.rendering.realisation import realisation_nav, realisation_pages
from support.markdown import anchors as markdown_anchors
from support.markdown import inline_svgs


def test_every_page_has_front_matter_one_h1_and_a_way_in(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy, pages = realisation_model.strategies[0], realisation_markdown
    for src, markdown in pages.items():
        front = yaml.safe_load(markdown.split("---\n")[1])
        assert markdown.startswith("---\n") and front["render_macros"] is False, src
        assert strategy.titel in front["title"], f"{src}: the title must name the strategy (WCAG 2.4.2)"
        assert len(re.findall(r"^# ", markdown, re.MULTILINE)) == 1, src
    nav = [src for entry in realisation_nav(strategy) for src in entry.values()]
    assert nav == [src for src in pages if src in nav]
    # Out of the nav are exactly the role sheets, and the nav's "for me" page links each of them.
    sheets = [src for src in pages if src not in nav]
    assert sheets and all(re.fullmatch(r"realisering/roller/[a-z]+\.md", src) for src in sheets)
    for src in sheets:
        assert f"]({src.rsplit('/', 1)[1]})" in pages["realisering/roller/index.md"]


def test_print_edition_holds_every_element_once(
    realisation_model: model.Site, realisation_markdown: dict[str, str]
) -> None:
    strategy = realisation_model.strategies[0]
    markdown = realisation_markdown["realisering/udskrift.md"]
    anchors = markdown_anchors(markdown)
    assert len(anchors) == len(set(anchors))
    element_ids = {e.id for e in strategy.elements.values() if not isinstance(e, model.Strategy)}
    assert element_ids <= set(anchors)
    svg_ids = [e.get("id") for svg in inline_svgs(markdown) for e in svg.iter() if e.get("id")]
    assert len(svg_ids) == len(set(svg_ids)) and not set(svg_ids) & set(anchors)


def test_editor_text_is_shown_literally(realisation_model: model.Site) -> None:
    strategy = realisation_model.strategies[0]
    hostile = "<script>alert(1)</script> {{ config }} & *fed*"
    actors = tuple(dataclasses.replace(a, titel=hostile) if a.id == "styregruppe" else a for a in strategy.aktoerer)
    processes = tuple(dataclasses.replace(p, titel=hostile) for p in strategy.processer)
    goals = tuple(
        dataclasses.replace(g, indikatorer=tuple(dataclasses.replace(i, titel=hostile) for i in g.indikatorer))
        for g in strategy.maal
    )
    changed = dataclasses.replace(strategy, aktoerer=actors, processer=processes, maal=goals)
    for src, markdown in realisation_pages(changed, address_book(realisation_model), Relations(changed)).items():
        assert "<script>" not in markdown, src
        assert "{{ config }}" not in markdown, src
        for svg in inline_svgs(markdown):  # parses as XML: the text was escaped for XML
            assert hostile in "".join(svg.itertext())
