"""Every generated page of the fixture strategy is exactly the Markdown kept in ``tests/golden/pages/``.

The renderers' output for ``tests/fixtures/site`` – the page set without diagrams, so nothing here depends
on the Graphviz version, with the download list the exports make – is compared page by page with a golden
file at the page's source path
(``tests/golden/pages/proeve/indsatser/forebyggelse.md``); the redirect pages of earlier ids likewise
(``…/gammel-myndighed/index.html``). A missing golden fails, and so does a golden for a page that is no
longer generated. After an intended change, rewrite them with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_page_markdown.py`` and read the diff.
"""

from __future__ import annotations

import pytest

from macros.derived.addresses import address_book
from macros.exports.published import ExportOptions, published
from macros.loading.validate import load_site
from macros.rendering.pages import build_page_set
from support.golden import check_golden, check_no_stale_goldens
from support.sites import FIXTURE_PROJECT, ROOT

GOLDEN = ROOT / "tests" / "golden" / "pages"


def generated_files() -> dict[str, str]:
    """Site path → text of every file the page set makes for the fixture: pages and redirect pages."""
    site = load_site(FIXTURE_PROJECT / "data")
    book = address_book(site)
    downloads = published(site, book, ExportOptions(site_url="https://strategier.example.dk/")).downloads
    page_set = build_page_set(site, book, downloads=downloads)
    return {**page_set.pages, **page_set.static}


GENERATED = generated_files()


@pytest.mark.parametrize("path", sorted(GENERATED))
def test_generated_page_is_its_golden_file(path: str) -> None:
    check_golden(GOLDEN / path, GENERATED[path])


def test_no_golden_file_for_a_page_no_longer_generated() -> None:
    check_no_stale_goldens(GOLDEN, [GOLDEN / path for path in GENERATED])


def test_the_fixture_makes_pages_of_every_kind_and_a_redirect() -> None:
    """The goldens mean something only if the fixture reaches every renderer."""
    assert {"proeve/index.md", "proeve/indsatser/index.md", "proeve/ansvar.md", "proeve/udskrift.md"} <= set(GENERATED)
    assert any(path.endswith(".html") for path in GENERATED)
    assert len(GENERATED) > 25
