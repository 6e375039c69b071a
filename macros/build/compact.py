"""A smaller site: each HTML page as it is written, and the theme files no page loads.

Pipeline position: glue; ``plugin.on_post_page`` passes every rendered page through ``html_page``; and
``unused_theme_files`` names, for ``plugin.on_files``, theme files that need not be copied. ``html_page`` only
removes what no reader and no assistive technology gets: indentation and blank lines, where HTML's
white-space rule shows a line break and the spaces after it as one space anyway; and a line break right
before the start or end tag of a block (``div``, ``li``, ``p``, ``meta``, …; ``BLOCKS``), where it shows as
nothing at all: it would end a line, and white-space there is dropped (CSS 2, 16.6.1), or stand between
blocks, where no line box holds it. Neither the theme nor our stylesheets make one of these elements
inline (``tests/unit/test_compact_html.py`` checks). A line break right after a block's tag shows as
nothing too, but finding those took a build of 1,000 activities ~0.8 s for 45 kB: they stay. It also
leaves out two empty boxes Material writes into every page for features this site does not use
(``UNUSED_BOXES``): the announcement bar (no ``announce`` block) and the dialog for "copied to the
clipboard" (no copy buttons).

It never changes a character inside
- an element whose white-space is kept: ``pre``, ``textarea``, ``listing``, ``xmp`` (HTML's own rules),
  ``code`` and ``kbd`` (Material sets ``white-space: pre-wrap`` on them), ``script`` and ``style``; an
  element left unclosed is kept to the end of the page;
- a comment;
- an attribute value (a ``title`` or ``content`` keeps its line breaks): a page where an attribute value
  may hold a line break takes the slower path that copies every start tag as it is.
Speed matters (every page of every build): a regular-expression split and substitution, no Python code
per match. Stylesheets that give other elements ``white-space: pre…`` are not seen; the theme and our
templates have none (``tests/unit/test_compact_html.py`` checks Material's stylesheet).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

_KEPT_ELEMENTS = r"(pre|textarea|listing|xmp|code|kbd|script|style)\b.*?(?:</\2\s*>|\Z)|!--.*?(?:-->|\Z)"
# re.split with these yields: text, kept markup, a tag name or None, text, …
_KEPT = re.compile(rf"(<(?:{_KEPT_ELEMENTS}))", re.DOTALL | re.IGNORECASE)
_KEPT_AND_TAGS = re.compile(
    rf"""(<(?:{_KEPT_ELEMENTS}|[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>))""", re.DOTALL | re.IGNORECASE
)
_BREAK_IN_VALUE = re.compile(r"""=\s*(?:"[^"]*\n|'[^']*\n)""")  # what may be a quoted value with a break
_INDENT = re.compile(r"\n[ \t\n]+")
# Elements laid out as blocks (or not at all) wherever this site uses them. Not script or style (a script
# between two words would join them), not table (Material shows a table inline-block), no inline element.
BLOCKS = (  # noqa: SIM905 - a list literal would take a line per tag
    "address article aside blockquote body caption dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 head header hr html li link main meta nav ol p section summary tbody td tfoot th thead "
    "title tr ul"
).split()
UNUSED_BOXES = (
    '<div data-md-component="announce"></div>',
    '<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>',
)
_UNUSED_BOX = re.compile("|".join(re.escape(box) for box in UNUSED_BOXES))
_BEFORE_BLOCK = re.compile(rf"\n(?=</?(?:{'|'.join(BLOCKS)})[\s/>])")


def html_page(output: str) -> str:
    """The page with each run of line breaks and indentation outside kept markup made one line break, and
    that line break left out right before a block's tag. (On a page where an attribute value may hold a line
    break, the tags are not seen, and only the first is done.)"""
    if _BREAK_IN_VALUE.search(output):
        parts = _KEPT_AND_TAGS.split(output)
        return "".join(part if i % 3 else _INDENT.sub("\n", part) for i, part in enumerate(parts) if i % 3 != 2)
    parts = _KEPT.split(output)
    return "".join(part if i % 3 else _lean(part) for i, part in enumerate(parts) if i % 3 != 2)


def _lean(markup: str) -> str:
    return _UNUSED_BOX.sub("", _BEFORE_BLOCK.sub("", _INDENT.sub("\n", markup)))


_SOURCE_MAP = re.compile(r"assets/.*\.(?:js|css)\.map")
_LUNR = "assets/javascripts/lunr/"
_SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}


def unused_theme_files(paths: Iterable[str], languages: Collection[str]) -> list[str]:
    """Of the theme's files (site-relative paths), those no visitor's browser ever asks for.

    - Source maps (``*.js.map``, ``*.css.map``): only a browser's developer tools read them.
    - lunr's language support for languages the search does not use. Material's search worker loads
      ``lunr.stemmer.support``, ``lunr.<lang>`` for each language but English, ``lunr.multi`` when there
      are several, and a word splitter for Japanese (tinyseg), Hindi and Thai (wordcut); nothing else.
    """
    wanted = {f"{_LUNR}min/lunr.stemmer.support.min.js", f"{_LUNR}min/lunr.multi.min.js"}
    wanted |= {f"{_LUNR}min/lunr.{lang}.min.js" for lang in languages}
    wanted |= {_LUNR + _SEGMENTERS[lang] for lang in languages if lang in _SEGMENTERS}
    return sorted(
        path for path in paths if _SOURCE_MAP.fullmatch(path) or (path.startswith(_LUNR) and path not in wanted)
    )
