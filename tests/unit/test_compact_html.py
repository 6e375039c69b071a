"""``compact.html_page`` makes pages smaller without changing what a browser or a screen reader gets.

The check: both versions of a page, read by the tests' HTML reader, give the same tags with the same
attribute values, the same comments, the same text inside elements whose white-space is kept (pre,
textarea, code, kbd, script, style, …) and, everywhere else, the same text once HTML's white-space rule
has collapsed each run of spaces, tabs and line breaks to one space and dropped the white-space next to
a block's start or end tag (where a line begins or ends, or between blocks). The built sites are checked in
``site/test_pages_stay_small.py``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import material
import pytest

from macros.build import compact
from support.hostile import HOSTILE
from support.html import read

HOSTILE_FILES = sorted(HOSTILE.glob("*.yaml"))
KEPT = {"pre", "textarea", "listing", "xmp", "code", "kbd", "script", "style"}


def events(page: str) -> list[tuple[str, ...]]:
    """What a browser builds from the page: its parse events, collapsible white-space collapsed."""
    found: list[tuple[str, ...]] = []
    open_kept: list[str] = []
    for event in read(page).events:
        kind, value = event[0], event[1]
        if kind == "start" and value in KEPT:
            open_kept.append(value)
        elif kind == "end" and value in open_kept:
            del open_kept[open_kept.index(value) :]
        if kind != "data":
            found.append(event)
            continue
        text = value if open_kept else re.sub(r"[ \t\n\r\f]+", " ", value)
        if found and found[-1][0] == "data":
            text = found.pop()[1] + text
        found.append(("data", text))
    return _without_white_space_at_blocks(found, KEPT)


def _is_block_tag(event: tuple[str, ...]) -> bool:
    return event[0] in ("start", "end") and event[1] in compact.BLOCKS


def _without_white_space_at_blocks(found: list[tuple[str, ...]], kept: set[str]) -> list[tuple[str, ...]]:
    """White-space next to a block's tag shows as nothing (outside elements whose white-space is kept)."""
    result: list[tuple[str, ...]] = []
    open_kept = 0
    for index, event in enumerate(found):
        if event[0] in ("start", "end") and event[1] in kept:
            open_kept += 1 if event[0] == "start" else -1
        if event[0] != "data" or open_kept > 0:
            result.append(event)
            continue
        text = event[1]
        if index > 0 and _is_block_tag(found[index - 1]):
            text = text.lstrip(" ")
        if index + 1 < len(found) and _is_block_tag(found[index + 1]):
            text = text.rstrip(" ")
        if text:
            result.append(("data", text))
    return result


def assert_same_for_readers(page: str) -> str:
    small = compact.html_page(page)
    assert events(small) == events(page)
    return small


TRICKY = {
    "pre keeps its indentation": (
        "<div>\n    <pre class='x'>def f():\n    return 1\n\n\n  end</pre>\n  </div>",
        "def f():\n    return 1\n\n\n  end",
    ),
    "upper-case PRE": ("<PRE>\n  a\n    b</PRE>", "\n  a\n    b"),
    "textarea": ('<form>\n  <textarea name="t">\n   first\n\n   second</textarea>\n</form>', "\n   first\n\n   second"),
    "inline code is pre-wrap in Material": ("<p>Skriv\n    <code>a\n    b</code>\n    her</p>", "a\n    b"),
    "kbd": ("<p>\n  <kbd>Ctrl\n   +   C</kbd>\n</p>", "Ctrl\n   +   C"),
    "script": ("<script>\n  var s = `a\n     b`;\n</script>\n  <p>x</p>", "var s = `a\n     b`;"),
    "style": ("<style>\n  .a::before { content: 'x\\\n   y' }\n</style>", "content: 'x\\\n   y'"),
    "comment": ("<!--\n   keep\n\n   me -->\n   <p>x</p>", "\n   keep\n\n   me "),
    "attribute value with a line break": ('<a title="første\n     anden" href="#">\n   x</a>', "første\n     anden"),
    "single-quoted value with > and a break": ("<p title='a > b\n   c'>\n  tekst</p>", "a > b\n   c"),
    "unclosed pre keeps the rest": ("<p>\n  x</p>\n<pre>\n  a\n    b\n", "<pre>\n  a\n    b\n"),
    "pre inside a comment-looking text": ("<p>&lt;pre&gt;\n    x</p><pre>\n  y</pre>", "\n  y"),
    "no-break spaces are text": ("<p>\n\u00a0\u00a0 x</p>", "\u00a0\u00a0 x"),
}


@pytest.mark.parametrize("case", sorted(TRICKY))
def test_tricky_markup_reads_the_same_and_keeps_what_matters(case: str) -> None:
    page, kept = TRICKY[case]
    small = assert_same_for_readers(page)
    assert kept in small, small


def test_indentation_and_blank_lines_go_elsewhere() -> None:
    page = "<ul>\n    <li>\n        <a href='#'>\n            Et\n        </a>\n    </li>\n\n\n    <li>To</li>\n</ul>\n"
    small = assert_same_for_readers(page)
    assert small == "<ul><li>\n<a href='#'>\nEt\n</a></li><li>To</li></ul>\n"


def test_a_line_break_between_inline_elements_stays() -> None:
    """Between two links, spans or images a line break shows as a space: only a block's tag drops it."""
    page = "<p>\n  <a href='#'>Et</a>\n  <a href='#'>To</a>\n  <span>x</span>\n  <img alt='y' src='z'>\n</p>\n"
    small = assert_same_for_readers(page)
    assert small == "<p>\n<a href='#'>Et</a>\n<a href='#'>To</a>\n<span>x</span>\n<img alt='y' src='z'></p>\n"


def test_materials_empty_announcement_bar_and_dialog_go() -> None:
    page = (
        '<body>\n  <div data-md-component="announce">\n  </div>\n  <main>x</main>\n'
        '  <div class="md-dialog" data-md-component="dialog">\n    <div class="md-dialog__inner md-typeset"></div>\n'
        '  </div>\n  <div data-md-component="announce"><aside>Nyhed</aside></div>\n</body>'
    )
    assert (
        compact.html_page(page)
        == '<body><main>x</main><div data-md-component="announce"><aside>Nyhed</aside></div></body>'
    )


def test_no_stylesheet_makes_a_block_inline() -> None:
    """Dropping white-space at a block's tag is right only while no stylesheet shows that element inline."""
    stylesheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    ours = Path(__file__).parents[2] / "overrides" / "assets" / "stylesheets"
    css = "".join(p.read_text("utf-8") for p in [*stylesheets.glob("main.*.min.css"), *ours.glob("*.css")])
    rules = re.findall(r"([^{}]+)\{[^{}]*display:\s*inline", css)
    selectors = {s.strip() for rule in rules for s in rule.split(",")}
    assert selectors, "Material's stylesheet changed: look for display: inline again"
    for selector in selectors:
        last = re.split(r"[ >+~]", selector)[-1]
        if ":after" in last or ":before" in last:  # a box the rule makes, not the element
            continue
        tag = re.match(r"[a-z0-9]*", last)
        assert tag is not None and tag.group() not in compact.BLOCKS, selector


def test_a_tag_that_only_starts_like_pre_is_compacted() -> None:
    small = assert_same_for_readers("<preview>\n    a\n    b</preview>")
    assert small == "<preview>\na\nb</preview>"


def test_same_page_same_bytes_and_nothing_left_to_remove() -> None:
    page = "\n".join(case[0] for case in TRICKY.values())
    once = compact.html_page(page)
    assert compact.html_page(page) == once and compact.html_page(once) == once


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=[p.stem for p in HOSTILE_FILES])
def test_editor_text_with_odd_white_space_reads_the_same(path: Path) -> None:
    """Each hostile data file's text, escaped as a renderer escapes it, in a paragraph, in pre and code,
    and in an attribute value."""
    text = html.escape(path.read_bytes().decode("utf-8", errors="replace"))
    page = (
        f"<div>\n    <p>\n        {text}\n    </p>\n    <pre><code>{text}</code></pre>\n"
        f'    <p title="{text}">\n  <code>{text}</code>\n    </p>\n</div>\n'
    )
    assert_same_for_readers(page)


def test_material_sets_pre_white_space_only_where_compact_keeps_it() -> None:
    """If Material gave another element white-space: pre…, compact would have to keep it too."""
    stylesheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    css = next(stylesheets.glob("main.*.min.css"))
    rules = re.findall(r"([^{}]+)\{[^}]*white-space:(?:pre|pre-wrap|break-spaces)[;}]", css.read_text("utf-8"))
    selectors = {s.strip() for rule in rules for s in rule.split(",")}
    assert selectors, "Material's stylesheet changed: look for white-space again"
    for selector in selectors:
        last = re.split(r"[ >+~]", selector)[-1]
        assert last.split(".")[0].split(":")[0] in {*KEPT, ""} or "search" in selector, selector


def test_theme_files_left_out_are_maps_and_languages_the_search_does_not_load() -> None:
    lunr = "assets/javascripts/lunr/"
    theme = [
        "assets/javascripts/bundle.1.min.js",
        "assets/javascripts/bundle.1.min.js.map",
        "assets/stylesheets/main.2.min.css.map",
        f"{lunr}tinyseg.js",
        f"{lunr}wordcut.js",
        *(f"{lunr}min/lunr.{x}.min.js" for x in ("da", "de", "ja", "multi", "stemmer.support", "th")),
        "syntetisk/diagrammer/oversigt.svg",
        "data.js.map.txt",
    ]
    assert compact.unused_theme_files(theme, ["da"]) == sorted(
        [
            "assets/javascripts/bundle.1.min.js.map",
            "assets/stylesheets/main.2.min.css.map",
            f"{lunr}tinyseg.js",
            f"{lunr}wordcut.js",
            f"{lunr}min/lunr.de.min.js",
            f"{lunr}min/lunr.ja.min.js",
            f"{lunr}min/lunr.th.min.js",
        ]
    )
    kept = set(theme) - set(compact.unused_theme_files(theme, ["da", "ja"]))
    assert {f"{lunr}tinyseg.js", f"{lunr}min/lunr.ja.min.js", f"{lunr}min/lunr.multi.min.js"} <= kept
