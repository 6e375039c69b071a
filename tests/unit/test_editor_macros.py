"""The macros an editor writes in a page: the guide documents exactly those that exist, and they link
relative to the page they are on.

``site/test_editor_macros_render.py`` builds a page calling every documented macro; a wrong id failing
the build is checked in ``site/test_failed_builds_keep_the_published_site.py``.
"""

from __future__ import annotations

from macros.derived.addresses import address_book
from macros.loading.validate import load_site
from macros.rendering.page_macros import macros
from support.guide import documented_macros
from support.sites import FIXTURE_PROJECT


def test_the_guide_documents_exactly_the_macros_that_exist() -> None:
    site = load_site(FIXTURE_PROJECT / "data")
    registered = macros(site, address_book(site), lambda: "index.md")
    assert set(documented_macros()) == set(registered)


def test_macros_link_relative_to_the_page_they_are_on() -> None:
    site = load_site(FIXTURE_PROJECT / "data")
    registered = macros(site, address_book(site), lambda: "om/index.md")
    assert (
        registered["link"]("forebyggelse")
        == "[Indsats 2: Opsporing og forebyggelse](../proeve/indsatser/forebyggelse.md)"
    )
    assert "[Færre sager pr\\. rådgiver](../proeve/aktiviteter/faerre-sager.md)" in registered["aktiviteter"](
        "proeve/styrket-myndighed"
    )
