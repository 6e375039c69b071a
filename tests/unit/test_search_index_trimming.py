"""The trimmed search index finds the same pages by the same words, with fewer entries.

Material's index has an entry per page and one per heading; ``searchindex.trimmed`` drops sections
without text and folds a page's lone ``h1`` section (same title, the page entry itself empty) into the
page entry. ``site/test_search_index.py`` reads the built index; the browser suite
(``browser/test_search.py``) types real queries against it.
"""

from __future__ import annotations

import json
import re

from macros.build import searchindex

CONFIG = {"lang": ["da"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}


def entry(location: str, title: str, text: str = "") -> dict[str, str]:
    return {"location": location, "title": title, "text": text}


def trimmed(*docs: dict[str, str]) -> list[dict[str, str]]:
    return json.loads(searchindex.trimmed(json.dumps({"config": CONFIG, "docs": list(docs)})))["docs"]  # type: ignore[no-any-return]


def words_per_page(docs: list[dict[str, str]]) -> dict[str, set[str]]:
    """Every word a search can match, per page (title and text of the page entry and its sections)."""
    found: dict[str, set[str]] = {}
    for doc in docs:
        page = doc["location"].partition("#")[0]
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
        found.setdefault(page, set()).update(re.findall(r"\w+", text.lower()))
    return found


ACTIVITY = [
    entry("s/aktiviteter/a-1/", "Styrke læring"),
    entry("s/aktiviteter/a-1/#a-1", "Styrke læring", "<p>Skoler skal samle psykologer.</p>"),
]
GOAL = [
    entry("s/maal/m-1/", "Færre fravær"),
    entry("s/maal/m-1/#m-1", "Færre fravær", "<p>Mål.</p>"),
    entry("s/maal/m-1/#indikator-1", "Fravær i procent", "<p>Baseline 6,1 %.</p>"),
]


def test_a_lone_h1_section_folds_into_its_page_entry() -> None:
    assert trimmed(*ACTIVITY) == [entry("s/aktiviteter/a-1/", "Styrke læring", "<p>Skoler skal samle psykologer.</p>")]


def test_a_page_with_more_sections_keeps_them_all() -> None:
    """Material shows sections under their page; the h1 section stays with its siblings."""
    assert trimmed(*GOAL) == GOAL


def test_a_page_entry_with_text_or_another_title_is_not_folded() -> None:
    with_text = [entry("s/x/", "X", "<p>Indledning.</p>"), entry("s/x/#x", "X", "<p>Mere.</p>")]
    other_title = [entry("s/y/", "Sidens titel"), entry("s/y/#y", "Overskriften", "<p>Tekst.</p>")]
    assert trimmed(*with_text) == with_text
    assert trimmed(*other_title) == other_title


def test_empty_sections_go_and_page_entries_stay() -> None:
    docs = [entry("s/z/", "Z"), entry("s/z/#hoerer-under", "Hører under"), entry("s/z/#z", "Z", "<p>Z.</p>")]
    assert trimmed(*docs) == [entry("s/z/", "Z", "<p>Z.</p>")]


def test_every_page_keeps_every_word_and_trimming_twice_changes_nothing() -> None:
    docs = [*ACTIVITY, *GOAL, entry("s/x/", "X", "<p>Indledning.</p>"), entry("s/x/#x", "X", "<p>Mere.</p>")]
    once = trimmed(*docs)
    assert words_per_page(once) == words_per_page(docs)
    assert len(once) < len(docs)
    assert trimmed(*once) == once
