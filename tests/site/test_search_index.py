"""The built search index finds every element page, holds no empty section, and leaves diagrams out.

Read from the session's built sites (``search/search_index.json``, as Material's search loads it).
The trimming of the index is checked in ``unit/test_search_index_trimming.py``; real queries are typed
in Chromium in ``browser/test_search.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.sites import link_map, search_index

pytestmark = pytest.mark.build

GOAL_PAGE = "realisering/maal/mindre-fravaer"


def test_built_site_index_has_a_page_entry_for_every_element_page(example_site: Path) -> None:
    docs = search_index(example_site)
    locations = {doc["location"] for doc in docs}
    pages = {element["url"] for element in link_map(example_site) if "#" not in element["url"]}
    assert pages and pages <= locations
    assert not [doc for doc in docs if "#" in doc["location"] and not doc["text"].strip()]


def test_charts_stay_out_of_search_but_the_tables_numbers_are_found(realisation_site: Path) -> None:
    texts = " ".join(d["text"] for d in search_index(realisation_site) if d["location"].startswith(f"{GOAL_PAGE}/"))
    assert "ikke målt" in texts and "5,8 %" in texts
    assert "Diagram: Elevfravær" not in texts and "udgangspunkt Målt Mål" not in texts
