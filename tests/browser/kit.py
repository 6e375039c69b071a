"""Tools of the browser suite: a static server, a request guard, axe-core and the site's page list.

Pipeline position: after the build. The suite serves a built site (``mkdocs build --strict`` output)
from 127.0.0.1 and looks at it through Debian's Chromium. Nothing here knows the strategy model; the
tests derive what to expect from the built site (``support.sites.link_map``: its ``links.json``) and read
its HTML with ``support.html``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

from playwright.sync_api import BrowserContext, Page, Route, ViewportSize

from support.sites import ROOT, is_redirect

# Debian's Chromium (apt-get install chromium); $CHROMIUM points elsewhere if needed.
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


# axe-core is served beside the site (never written into it), so Chromium caches the script between pages.
AXE_PATH = "/__tests__/axe.min.js"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extras: ClassVar[dict[str, Path]] = {}
    compress: ClassVar[bool] = False

    def translate_path(self, path: str) -> str:
        extra = self.extras.get(path.split("?", 1)[0])
        return str(extra) if extra else super().translate_path(path)

    def do_GET(self) -> None:
        """With ``compress``, text files go out gzipped to a browser that accepts it, as a web server sends them."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        wanted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wanted and path.is_file() and kind.startswith(COMPRESSED)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean; the request guard records what matters."""


# What a web server compresses: text, and the formats that are text underneath.
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@contextmanager
def serve(directory: Path, compress: bool = False) -> Iterator[str]:
    """Serve ``directory`` (and axe-core at ``AXE_PATH``) on 127.0.0.1 at a free port; yields the base URL.

    With ``compress`` text files are sent gzipped (``Content-Encoding: gzip``) to a browser that asks for it."""
    handler = type("Handler", (_Handler,), {"extras": {AXE_PATH: AXE_SCRIPT}, "compress": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class RequestGuard:
    """Lets requests to the site's own origin through and aborts (and records) every other one."""

    origin: str
    blocked: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)

    def install(self, context: BrowserContext) -> None:
        context.route("**/*", self._handle)

    def _handle(self, route: Route) -> None:
        url = route.request.url
        if _origin(url) == self.origin:
            self.allowed.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Violation:
    """One axe-core finding: on which page, which rule, and the CSS selectors of the offending nodes."""

    page: str
    scheme: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.targets[:5]) + (" …" if len(self.targets) > 5 else "")
        return f"{self.page} [{self.scheme}] {self.rule} ({self.impact}): {self.help} – {shown}"


_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact || "", help: v.help,
    targets: v.nodes.map(n => n.target.map(String).join(" "))}));
}"""


def axe_violations(page: Page, label: str, scheme: str) -> list[Violation]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now (served by ``serve``)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_PATH)
    found = page.evaluate(_AXE_RUN, AXE_TAGS)
    return [Violation(label, scheme, v["rule"], v["impact"], v["help"], tuple(v["targets"])) for v in found]


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site as a URL path relative to the site root (``x/`` for x/index.html),
    without the redirect stubs."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        if is_redirect(html):
            continue  # a redirect stub sends the browser on: the page it leads to is in the list itself
        relative = html.relative_to(site_dir).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


@dataclass
class SuiteReport:
    """What the suite saw, printed at the end of the run (``pytest_terminal_summary``)."""

    browser: str = ""
    axe_pages: dict[str, int] = field(default_factory=dict)  # colour scheme -> pages checked
    violations: list[Violation] = field(default_factory=list)
    site_requests: int = 0
    external_requests: list[str] = field(default_factory=list)
    cookies: int | None = None
    searches: list[tuple[str, str]] = field(default_factory=list)  # query, first result
    lighthouse: list[str] = field(default_factory=list)  # one line per page audited

    def lines(self) -> list[str]:
        axe = ", ".join(f"{n} pages ({scheme})" for scheme, n in self.axe_pages.items()) or "not run"
        out = [
            f"browser: {self.browser}, axe-core with {', '.join(AXE_TAGS)}",
            f"pages checked by axe: {axe}",
            f"axe violations: {len(self.violations)}",
        ]
        out += [f"  {violation}" for violation in self.violations]
        out.append(
            f"requests: {self.site_requests} to the site itself, {len(self.external_requests)} to other hosts (blocked)"
        )
        out += [f"  {url}" for url in self.external_requests]
        out.append(f"cookies after loading pages: {'not checked' if self.cookies is None else self.cookies}")
        out += [f"search {query!r} -> {first}" for query, first in self.searches]
        out += [f"lighthouse {line}" for line in self.lighthouse]
        return out


@dataclass(frozen=True)
class SearchHit:
    """One link in Material's search results: the site path it opens, its heading and its text."""

    path: str  # site-root-relative, without the ?h= highlight: "varige-spor/indsatser/x/" or ".../#anchor"
    title: str
    text: str
    group: int  # results are grouped by page; 0 is the top group
    index: int  # position among all result links, for ``SiteSearch.open_hit``


class SiteSearch:
    """Material's search box, driven as a reader does: open it, type, read the result list."""

    PLACEHOLDER = "search.result.placeholder"

    def __init__(self, page: Page, site_url: str) -> None:
        self.page = page
        self.site_url = site_url
        self.placeholder = page.evaluate(
            "k => JSON.parse(document.getElementById('__config').textContent).translations[k]", self.PLACEHOLDER
        )

    def open(self) -> None:
        """Open the search with Material's keyboard shortcut `/`."""
        self.page.keyboard.press("/")
        self.page.locator(".md-search__input").wait_for(state="visible")

    def type(self, query: str) -> list[SearchHit]:
        """Replace the query by ``query`` and return the results once they settle.

        All but the last character are filled in at once and the last one is typed, so Material (which
        searches on key-up) runs the query once, as it does when a reader stops typing.
        """
        box = self.page.locator(".md-search__input")
        box.fill("")
        box.press("Backspace")
        self._wait_for_meta(lambda meta: meta == self.placeholder)
        box.fill(query[:-1])
        box.press(query[-1])
        self._wait_for_meta(lambda meta: meta not in ("", self.placeholder))
        self._wait_until_settled()
        return self.hits()

    def all_hits(self) -> list[SearchHit]:
        """Every result, not only the first screenful: scroll the list until all announced groups are shown."""
        meta = self.page.inner_text(".md-search-result__meta")
        announced = int(match.group()) if (match := re.search(r"\d+", meta)) else 1
        items = self.page.locator(".md-search-result__item")
        deadline = time.monotonic() + 15
        scroller = self.page.locator(".md-search__scrollwrap")
        while items.count() < announced:
            assert time.monotonic() < deadline, f"only {items.count()} of {announced} result groups appeared"
            # Material adds four groups each time the list *reaches* its bottom: leave it, then reach it again.
            scroller.evaluate("el => el.scrollTop = 0")
            time.sleep(0.03)
            scroller.evaluate("el => el.scrollTop = el.scrollHeight")
            time.sleep(0.03)
        return self.hits()

    def hits(self) -> list[SearchHit]:
        found = self.page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')]
            .flatMap((item, group) => [...item.querySelectorAll('a.md-search-result__link')].map(a => ({
                href: a.href, group, title: (a.querySelector('h1, h2') || a).innerText.trim(),
                text: a.innerText.trim()})))""")
        return [
            SearchHit(self._path(hit["href"]), hit["title"], hit["text"], hit["group"], index)
            for index, hit in enumerate(found)
        ]

    def open_hit(self, hit: SearchHit) -> None:
        """Click a result, as a reader does, and wait for its page."""
        with self.page.expect_navigation():
            self.page.locator("a.md-search-result__link").nth(hit.index).click()

    def _path(self, href: str) -> str:
        parts = urlsplit(href)
        path = parts.path.removeprefix(urlsplit(self.site_url).path)
        return path + (f"#{unquote(parts.fragment)}" if parts.fragment else "")

    def _wait_for_meta(self, accept: Callable[[str], bool], seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while not accept(self.page.inner_text(".md-search-result__meta").strip()):
            assert time.monotonic() < deadline, "the search never answered"
            time.sleep(0.05)

    def _wait_until_settled(self) -> None:
        """Results arrive once per key typed; wait until the list has stayed the same for a moment."""
        last, same = "", 0
        while same < 3:
            now = self.page.inner_html(".md-search-result")
            same, last = (same + 1, last) if now == last else (0, now)
            time.sleep(0.08)
