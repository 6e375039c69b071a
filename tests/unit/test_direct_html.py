"""The direct converter turns the Markdown our templates write into HTML, and knows where its dialect ends.

Generated pages skip Python-Markdown (``macros/build/direct.py``): the build is that much faster only if
every page our templates write stays inside the converter's dialect, so each generated page of the example
and the fixture must convert without falling back. Where the dialect ends (code blocks, quotes, an
underscore that may be emphasis, …) the converter must say so rather than guess: those pages go through
Python-Markdown. Whether the HTML is the same as Python-Markdown's is checked on whole built sites in
``tests/site/test_generated_pages_convert_alike.py``; here, the behaviours one page shows.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from macros.build import svgstash
from macros.build.direct import Converter, Unsupported
from macros.derived.addresses import address_book
from macros.loading.validate import load_site
from macros.rendering.pages import build_page_set
from macros.text import block, inline
from support.diagrams import draw_diagrams
from support.html import document_events
from support.markdown import site_markdown, site_markdown_options
from support.sites import FIXTURE_PROJECT, FORMAT_PROJECT, ROOT


def converter(links: list[str] | None = None) -> Converter:
    def link(target: str) -> str:
        if links is not None:
            links.append(target)
        return target.replace(".md", "/")

    toc = site_markdown_options()["toc"]
    return Converter(link, toc["slugify"], toc["permalink_title"])


@pytest.mark.dot
@pytest.mark.parametrize(
    "data", [ROOT / "data", FIXTURE_PROJECT / "data", FORMAT_PROJECT / "data"], ids=["example", "fixture", "format"]
)
def test_every_generated_page_converts_directly(data: Path, tmp_path: Path) -> None:
    site = load_site(data)
    book = address_book(site)
    pages = build_page_set(site, book, draw_diagrams(site, book, tmp_path / "cache")).pages
    converted = 0
    for src, text in sorted(pages.items()):
        if not src.endswith(".md"):
            continue
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text  # MkDocs reads front matter
        stashed, _ = svgstash.stash(body)
        try:
            converter().page(stashed)
        except Unsupported as why:
            pytest.fail(f"{src} falls back to Python-Markdown: {why}")
        converted += 1
    assert converted > 20


def test_headings_get_the_ids_and_permalinks_python_markdown_gives() -> None:
    text = '# Mål\n\n## Mål\n\n## Vision {#vision}\n\n<div class="x" id="mal_1" markdown>\n\n### Mål\n\n</div>\n'
    page = converter().page(text)
    expected = site_markdown().convert(text)
    assert document_events(page.html) == document_events(expected)
    assert [(h.level, h.id) for h in page.headings] == [(1, "mål"), (2, "mål_1"), (2, "vision"), (3, "mål_2")]
    assert page.title == "Mål"
    assert {"mål", "mål_1", "mål_2", "mal_1", "vision"} <= page.ids


def test_editor_text_shows_as_written_and_links_are_resolved() -> None:
    text = (
        "**Formål:** 5 \\* 3 &amp; &lt;b\\&gt; pr\\. år, se [Mål 1 \\[A\\]](../maal/m1.md#x) og "
        "[kommunen](https://example.dk/a_b)  \nny linje med `kode` og snake_case.\n"
    )
    links: list[str] = []
    page = converter(links).page(text)
    assert links == ["../maal/m1.md#x", "https://example.dk/a_b"]
    expected = site_markdown().convert(text).replace("../maal/m1.md#x", "../maal/m1/#x")
    assert document_events(page.html) == document_events(expected)


@pytest.mark.parametrize(
    "text",
    [
        "> et citat",
        "    indrykket kode",
        "```\nkode\n```",
        "_måske fremhævet_",
        "!!! note\n    tekst",
        "en <!-- kommentar -->",
        "tekst\n===",
        "- punkt\n\n1. tal",
        "[reference][1]",
        "***fed og kursiv***",
    ],
)
def test_what_the_dialect_does_not_know_is_left_to_python_markdown(text: str) -> None:
    with pytest.raises(Unsupported):
        converter().page(text)


def test_lists_are_loose_where_python_markdown_makes_them_loose() -> None:
    text = "- a\n- b\n\n- c\n\n    mere om c\n\n- d\n\n## Næste\n\n- e\n    - f\n"
    assert document_events(converter().page(text).html) == document_events(site_markdown().convert(text))


# Pieces of what an editor may type, Markdown's special characters among them (each text is made safe by
# text.block or text.inline first, as the templates do).
PIECES = [
    "ord", "Ærø", "æ", "ø", " ", " ", "1.", "1\\.", "2)", "-", "- ", "1. ", "+ ", "* ", "    - ", "*", "**",
    "*x*", "**x**", "_", "_x_", "__y__", "a_b", "`", "```", "~~~", "[", "]", "(", ")", "[t](https://a.dk)",
    "![b](x.png)", "https://x.dk/a_b", "mailto:a@b.dk", "<b>", "</b>", "<span>", "<div>", "<p>", "&", "&amp;",
    "&#106;", "&lt;", "<", ">", "> ", "#", "# ", "### ", "{#id}", "{: #x}", "|", "|---|", ":", "!", "{", "}",
    "\\", "  \n", "\n", "\n\n", "\r\n", "\t", "---", "===",
]  # fmt: skip


def contexts(text: str) -> list[str]:
    """The text where templates put editor text: a paragraph, a list item, a facts box, a table cell."""
    return [
        f"## Titel\n\n{block(text)}\n",
        f"**Formål:** {block(text)}\n",
        f'<div class="fakta" data-search-exclude markdown>\n\nPeriode\n:   {block(text)}\n\n</div>\n',
        f"- [{inline(text)}](a.md) – {inline(text)}\n\n| A | B |\n| --- | --- |\n| {inline(text)} | x |\n",
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_whatever_an_editor_types_converts_as_python_markdown_would_or_falls_back(seed: int) -> None:
    """Random editor text in each place templates put it: the converter either refuses it (the page then goes
    through Python-Markdown) or gives the document Python-Markdown gives, and it converts most of it."""
    chance = random.Random(seed)  # noqa: S311 - reproducible test data, no secret
    markdown, converted, tried = site_markdown(), 0, 0
    for _ in range(400):
        text = "".join(chance.choice(PIECES) for _ in range(chance.randint(1, 25)))
        for source in contexts(text):
            tried += 1
            try:
                page = converter().page(source)
            except Unsupported:
                continue
            converted += 1
            expected = markdown.reset().convert(source).replace('href="a.md"', 'href="a/"')
            assert document_events(page.html) == document_events(expected), repr(source)
    assert converted > tried // 3  # not a converter that refuses everything
