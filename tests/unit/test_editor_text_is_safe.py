"""Editor text in Markdown (``macros.text``): plain text shows as typed; the Markdown subset cannot run code.

Rendered with Python-Markdown configured exactly as the site (``mkdocs.yml``) and checked on the HTML.
The property tests use hypothesis with the settings written at each test (examples and deadline).
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.text import block, inline, markdown_problems, safe_target
from support.hostile import HOSTILE, assert_inert
from support.html import Page, normalise, read
from support.markdown import site_markdown

MD = site_markdown()
ALLOWED_TAGS = {
    "p",
    "em",
    "strong",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "br",
    "hr",
    "dl",
    "dt",
    "dd",
    "div",
    "pre",
    "code",
}


def render(markdown_text: str) -> Page:
    """The HTML the site makes of ``markdown_text``, parsed."""
    return read(MD.reset().convert(markdown_text))


def tags_and_attributes(page: Page) -> tuple[set[str], set[str], list[str]]:
    """Element names, attribute names and link targets on ``page``."""
    elements = list(page.root.iter())
    return {e.tag for e in elements}, {name for e in elements for name, _ in e.attrs}, page.hrefs


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Indsats 2: Opsporing & forebyggelse",
        "**fed** _kursiv_ `kode`",
        "[link](javascript:alert(1))",
        "# ikke en overskrift {#id}",
        "a | b | c",
        "1. ikke en liste",
        "- heller ikke",
        "{{ config }} {% include 'x' %}",
        "&lt;b&gt; &amp; &#106;",
        "linje 1\nlinje 2\n\n# tre",
        "    indrykket",
        "\\* \\_ \\\\",
        "![billede](https://x.dk/a.png)",
        "{: onclick=x }",
        "> citat",
    ],
)
def test_inline_text_shows_exactly_as_typed(text: str) -> None:
    page = render("Navn: " + inline(text))
    assert page.text == normalise("Navn: " + text)
    tags, attributes, _ = tags_and_attributes(page)
    assert tags == {"p"} and attributes == set()


@pytest.mark.parametrize(
    ("text", "shown", "links"),
    [
        ("Se [planen](https://aeroe.dk/plan) og *dette*.", "Se planen og dette.", ["https://aeroe.dk/plan"]),
        ("[skriv](mailto:a@aeroe.dk)", "skriv", ["mailto:a@aeroe.dk"]),
        ("[klik](javascript:alert(1))", "[klik](javascript:alert(1))", []),
        ("[klik]( JaVaScRiPt:alert(1))", "[klik]( JaVaScRiPt:alert(1))", []),
        ("[data](data:text/html;base64,PHNjcmlwdD4=)", "[data](data:text/html;base64,PHNjcmlwdD4=)", []),
        ("[a](<javascript:x>)", "[a](<javascript:x>)", []),
        ("[ref][r]\n\n[r]: javascript:x", "[ref][r] [r]: javascript:x", []),
        ("[relativ](../mkdocs.yml)", "[relativ](../mkdocs.yml)", []),
        ("![logo](https://tredjepart.dk/logo.png)", "!logo", ["https://tredjepart.dk/logo.png"]),
        ("<script>alert(1)</script>", "<script>alert(1)</script>", []),
        ('Afsnit\n{: onclick="x()" }', 'Afsnit {: onclick="x()" }', []),
        ("# Overskrift {#falsk}", "# Overskrift {#falsk}", []),
        ("Titel\n===\n\nUnder\n---", "Titel === Under ---", []),
        ("> # citeret overskrift", "# citeret overskrift", []),
        ("`<b>kode</b> & {{ x }}`", "`<b>kode</b> & {{ x }}`", []),
    ],
)
def test_block_text_keeps_the_safe_subset_and_shows_the_rest_literally(text: str, shown: str, links: list[str]) -> None:
    page = render(block(text))
    assert_inert(page, text)
    assert page.text == normalise(shown)
    tags, attributes, hrefs = tags_and_attributes(page)
    assert tags <= ALLOWED_TAGS and not {"h1", "h2", "img", "script"} & tags
    assert "id" not in attributes and "onclick" not in attributes
    assert hrefs == links


@pytest.mark.parametrize(
    "name",
    [
        "javascript-link.yaml",
        "javascript-link-skjult.yaml",
        "data-link.yaml",
        "reference-link.yaml",
        "relativt-link.yaml",
        "billede.yaml",
    ],
)
def test_refused_link_payloads_are_also_inert_when_rendered(name: str) -> None:
    """Defence in depth: what validation refuses would still be harmless if it ever reached a page."""
    raw = yaml.load((HOSTILE / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 - makes only text
    text = raw.get("beskrivelse") or raw["formål"]
    assert markdown_problems(text) != []
    page = render(block(text))
    assert_inert(page, name)
    tags, _, hrefs = tags_and_attributes(page)
    assert "img" not in tags
    assert all(safe_target(href) for href in hrefs)


@pytest.mark.parametrize(
    ("target", "allowed"),
    [
        ("https://aeroe.dk", True),
        ("http://aeroe.dk/a?b=c", True),
        ("mailto:post@aeroe.dk", True),
        ("HTTPS://AEROE.DK", True),
        ("https://", False),
        ("javascript:x", False),
        ("data:x", False),
        ("//evil.example/", False),
        ("../x", False),
        ("#anker", False),
        ("vbscript:x", False),
        ("", False),
    ],
)
def test_only_complete_web_and_mail_addresses_are_link_targets(target: str, allowed: bool) -> None:
    assert safe_target(target) is allowed


# --- properties ---------------------------------------------------------------------------------

# Every character YAML lets an editor write (no control characters except tab and newline, no surrogates).
EDITOR_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from("\t\n"),
    max_size=80,
)
# Pieces that mean something to Markdown, HTML, attribute lists or Jinja, to be shuffled together.
TRICKY = st.lists(
    st.sampled_from(
        [
            "<script>",
            "</script>",
            "<img src=x onerror=a()>",
            "<a href='javascript:x'>",
            "[a](",
            "](",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "javascript:",
            "JaVaScRiPt:",
            "data:",
            "vbscript:",
            "https://x.dk",
            "mailto:a@b.dk",
            "{:",
            " onclick=x",
            "{#id}",
            "}",
            "{{ config }}",
            "{%",
            "#",
            "##",
            "\n",
            "\n\n",
            "    ",
            "\t",
            "-",
            "=",
            "===",
            "---",
            "*",
            "_",
            "`",
            "```",
            "!",
            "![",
            "&",
            "&#106;",
            "&lt;",
            ":",
            "|",
            "[r]: ",
            "<http://x.dk>",
            "> ",
            "1. ",
            "!!! note",
            "<div markdown>",
            "\\",
            "a",
            "tekst ",
            "æøå",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(EDITOR_TEXT)
def test_property_inline_text_always_shows_exactly_as_typed(text: str) -> None:
    page = render("Navn: " + inline(text))
    assert page.text == normalise("Navn: " + text)
    tags, attributes, _ = tags_and_attributes(page)
    assert tags == {"p"} and attributes == set()


@settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(TRICKY, EDITOR_TEXT))
def test_property_block_text_never_yields_active_html(text: str) -> None:
    page = render(block(text))
    assert_inert(page, text)
    tags, attributes, hrefs = tags_and_attributes(page)
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert attributes <= {"href", "title", "class", "style"}, attributes
    assert all(safe_target(href) for href in hrefs), hrefs
