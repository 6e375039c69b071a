"""Issue 6, must show 2: the suite's own checks catch what they are meant to catch (a test of the test).

Two small pages, served from 127.0.0.1 like the site: one with an icon button that has no name, one
that loads a font from Google. The very helpers the suite uses on the real site (``axe_violations`` and
``RequestGuard``) must report both; if they did not, their silence on the site would prove nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

from support.html import read_file

from .conftest import guarded_contexts
from .kit import (
    DESKTOP,
    RequestGuard,
    SuiteReport,
    axe_violations,
    serve,
)

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def fixture_url() -> Iterator[str]:
    with serve(FIXTURES) as url:
        yield url


@pytest.fixture
def guarded(browser: Browser, fixture_url: str) -> Iterator[tuple[BrowserContext, RequestGuard]]:
    context = browser.new_context(viewport=DESKTOP)
    guard = RequestGuard(fixture_url.rstrip("/"))
    guard.install(context)
    yield context, guard
    context.close()


def test_axe_reports_a_button_without_a_name(guarded: tuple[BrowserContext, RequestGuard], fixture_url: str) -> None:
    context, _ = guarded
    page = context.new_page()
    page.goto(fixture_url + "unlabelled-button.html")
    found = axe_violations(page, "/unlabelled-button.html", "light")
    assert [(v.rule, v.targets) for v in found] == [("button-name", ("button",))]


def test_the_request_guard_blocks_and_reports_an_external_font(
    guarded: tuple[BrowserContext, RequestGuard], fixture_url: str
) -> None:
    context, guard = guarded
    page = context.new_page()
    page.goto(fixture_url + "external-font.html")
    assert [url.split("?")[0] for url in guard.blocked] == ["https://fonts.googleapis.com/css"]
    assert guard.allowed == [fixture_url + "external-font.html"]
    assert axe_violations(page, "/external-font.html", "light") == []  # a font is no axe matter: only the guard sees it


def test_a_page_asking_another_host_fails_the_test(browser: Browser, fixture_url: str) -> None:
    """The same guarded contexts every browser test uses end in a failure naming the font's address."""
    own_report = SuiteReport()  # not the session's: the real site's summary must stay about the real site
    with (
        pytest.raises(AssertionError, match=r"other hosts:\s+https://fonts\.googleapis\.com/css"),
        guarded_contexts(browser, fixture_url, own_report) as open_context,
    ):
        open_context(viewport=DESKTOP).new_page().goto(fixture_url + "external-font.html")
    assert len(own_report.external_requests) == 1


def test_the_html_scan_finds_the_font_link() -> None:
    assert read_file(FIXTURES / "external-font.html").fetched_from_other_hosts() == [
        "<link stylesheet> https://fonts.googleapis.com/css?family=Roboto:300,400&display=fallback"
    ]
