"""Fixtures of the browser suite: the example site served on 127.0.0.1 and one Debian Chromium.

Pipeline position: after the build. The example site (root conftest's ``example_site``: ``mkdocs build
--strict`` of the repository) is served by a threaded ``http.server``; Playwright drives
``/usr/bin/chromium``, one browser per session. Every context opened through ``open_context`` carries a
request guard that lets only the site's own origin through; a test whose pages asked any other host
fails. What the suite saw is printed at the end of the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from .kit import AXE_SCRIPT, CHROMIUM, CHROMIUM_ARGS, RequestGuard, SuiteReport, serve

REPORT = pytest.StashKey[SuiteReport]()


@pytest.fixture(scope="session")
def report(pytestconfig: pytest.Config) -> SuiteReport:
    return pytestconfig.stash.setdefault(REPORT, SuiteReport())


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    """Base URL (``http://127.0.0.1:<port>/``) of the built example site."""
    with serve(example_site) as url:
        yield url


@pytest.fixture(scope="package")
def browser(report: SuiteReport) -> Iterator[Browser]:
    """One Chromium for the whole browser suite (printing to PDF included), stopped when the suite ends.

    Package scope, not session: a running sync Playwright owns the thread's event loop, so it must not
    outlive the browser tests.
    """
    assert AXE_SCRIPT.exists(), "axe-core is missing: run `npm ci` (./dev.sh test does it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        report.browser = f"Chromium {chromium.version}"
        yield chromium
        chromium.close()


class OpenContext:
    """Opens browser contexts whose every request passes a ``RequestGuard`` for the site's origin."""

    def __init__(self, browser: Browser, site_url: str) -> None:
        self.browser = browser
        self.origin = site_url.rstrip("/")
        self.opened: list[tuple[BrowserContext, RequestGuard]] = []

    def __call__(self, **options: Any) -> BrowserContext:
        context = self.browser.new_context(locale="da-DK", **options)
        guard = RequestGuard(self.origin)
        guard.install(context)
        self.opened.append((context, guard))
        return context

    def guard_of(self, context: BrowserContext) -> RequestGuard:
        return next(guard for opened, guard in self.opened if opened is context)


@contextmanager
def guarded_contexts(browser: Browser, site_url: str, report: SuiteReport) -> Iterator[OpenContext]:
    """Yield an ``OpenContext``; on exit close its contexts and fail if any page asked another host."""
    opener = OpenContext(browser, site_url)
    yield opener
    blocked: list[str] = []
    for context, guard in opener.opened:
        context.close()
        report.site_requests += len(guard.allowed)
        blocked += guard.blocked
    report.external_requests += blocked
    assert not blocked, "the site made requests to other hosts:\n" + "\n".join(blocked)


@pytest.fixture
def open_context(browser: Browser, site_url: str, report: SuiteReport) -> Iterator[OpenContext]:
    """Open guarded browser contexts (Playwright ``new_context`` options), closed and checked after the test."""
    with guarded_contexts(browser, site_url, report) as open_one:
        yield open_one


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Print what the browser suite saw (only when browser tests ran)."""
    seen = config.stash.get(REPORT, None)
    if seen is None:
        return
    terminalreporter.section("browser suite")
    for line in seen.lines():
        terminalreporter.write_line(line)
