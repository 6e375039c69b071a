"""Tools of the browser suite: a static server, a request guard, axe-core and the site's page list.

Pipeline position: after the build. The suite serves a built site (``mkdocs build --strict`` output)
from 127.0.0.1 and looks at it through Debian's Chromium. Nothing here knows the strategy model; the
tests derive what to expect from the built site (``links.json``) and the data.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Route

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


# axe-core is served beside the site (never written into it), so Chromium caches the script between pages.
AXE_PATH = "/__tests__/axe.min.js"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extras: dict[str, Path] = {}

    def translate_path(self, path: str) -> str:
        extra = self.extras.get(path.split("?", 1)[0])
        return str(extra) if extra else super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's signature
        """Keep the test output clean; the request guard records what matters."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` (and axe-core at ``AXE_PATH``) on 127.0.0.1 at a free port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"extras": {AXE_PATH: AXE_SCRIPT}})
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
    allowed: int = 0

    def install(self, context: BrowserContext) -> None:
        context.route("**/*", self._handle)

    def _handle(self, route: Route) -> None:
        url = route.request.url
        if _origin(url) == self.origin:
            self.allowed += 1
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
    """Every HTML page of a built site as a URL path relative to the site root (``x/`` for x/index.html)."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
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

    def lines(self) -> list[str]:
        axe = ", ".join(f"{n} pages ({scheme})" for scheme, n in self.axe_pages.items()) or "not run"
        out = [f"browser: {self.browser}, axe-core with {', '.join(AXE_TAGS)}",
               f"pages checked by axe: {axe}",
               f"axe violations: {len(self.violations)}"]
        out += [f"  {violation}" for violation in self.violations]
        out.append(f"requests: {self.site_requests} to the site itself, "
                   f"{len(self.external_requests)} to other hosts (blocked)")
        out += [f"  {url}" for url in self.external_requests]
        out.append(f"cookies after loading pages: {'not checked' if self.cookies is None else self.cookies}")
        out += [f"search {query!r} -> {first}" for query, first in self.searches]
        return out
