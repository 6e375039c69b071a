"""Look at the realisation pages in headless Chromium: a role sheet printed to A4 PDF, the årshjul and an
indicator chart as screenshots (light and dark scheme), the matrix on a phone. Output in /tmp/screens/,
each file named after the strategy.

Pipeline position: after the build, for people (not CI). It builds a site, serves it on 127.0.0.1, and
drives Debian's Chromium through Playwright; every request to another host is blocked and reported.

    .venv/bin/python scripts/screenshots_realisation.py              # the example site (data/)
    .venv/bin/python scripts/screenshots_realisation.py --fixture    # tests/fixtures/realisation
    .venv/bin/python scripts/screenshots_realisation.py --site DIR   # an already built site

The fixture is built in a throw-away project the way the tests build it (``tests/support/sites.py``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # run as a script from a checkout: the tests' project helper

from browser.kit import CHROMIUM_ARGS, serve  # noqa: E402 - importable once tests/ is on the path
from support.sites import REALISATION_PROJECT, make_project  # noqa: E402 - importable once tests/ is on the path

OUT = Path("/tmp/screens")  # noqa: S108 - for a person to look at, where the browser suite puts its screenshots


def build(project: Path, out: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=project, env=env, check=True
    )
    return out


def built_site(args: argparse.Namespace, work: Path) -> tuple[Path, str]:
    """The built site and the id of the strategy to look at."""
    if args.site:
        return Path(args.site), args.strategy
    if args.fixture:
        project = make_project(work / "project", REALISATION_PROJECT / "data", REALISATION_PROJECT / "docs")
        return build(project, work / "site"), "realisering"
    return build(ROOT, work / "site"), args.strategy


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def shoot(page: Page, url: str, selector: str, name: str) -> None:
    page.goto(url)
    target = page.locator(selector).first
    if target.count() == 0:
        print(f"{name}: {selector} not found on {url}")
        return
    target.screenshot(path=str(OUT / f"{name}.png"))
    print(f"{name}: {OUT / name}.png")


def chart_page(site: Path, sid: str) -> str | None:
    """The first page of the strategy (goal pages, then the test's indicator page) with an indicator chart."""
    candidates = [*sorted((site / sid / "maal").glob("*/index.html")), site / sid / "indikatorer" / "index.html"]
    for html in candidates:
        if html.exists() and "realisering-diagram" in html.read_text(encoding="utf-8"):
            return html.parent.relative_to(site).as_posix() + "/"
    return None


def guarded(browser: Browser, base: str, blocked: list[str], **options: Any) -> BrowserContext:
    """A browser context that lets only ``base`` through and records every other request."""
    context = browser.new_context(locale="da-DK", device_scale_factor=2, **options)

    def handle(route: Route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return context


def print_pdf(page: Page, url: str, name: str) -> None:
    page.goto(url)
    page.emulate_media(media="print")
    pdf = OUT / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    page.emulate_media(media="screen")
    print(f"{name}: {pdf} ({pdf_pages(pdf)} A4-sider)")


def look(browser: Browser, base: str, site: Path, sid: str, level: str) -> list[str]:
    blocked: list[str] = []
    chart = chart_page(site, sid)
    for scheme in ("light", "dark"):
        context = guarded(browser, base, blocked, color_scheme=scheme, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        shoot(page, f"{base}{sid}/opfoelgning/", "figure:has(svg.realisering-aarshjul)", f"{sid}-aarshjul-{scheme}")
        if chart:
            shoot(page, base + chart, "figure:has(svg.realisering-diagram)", f"{sid}-indikator-{scheme}")
        if scheme == "light":
            print_pdf(page, f"{base}{sid}/roller/{level}/", f"{sid}-rolleark-{level}")
            print_pdf(page, f"{base}{sid}/udskrift/", f"{sid}-udskrift")
        context.close()
    phone = guarded(browser, base, blocked, viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(f"{base}{sid}/ansvar/")
    page.screenshot(path=str(OUT / f"{sid}-ansvar-telefon.png"), full_page=True)
    print(f"ansvar-telefon: {OUT / sid}-ansvar-telefon.png")
    phone.close()
    return blocked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixture", action="store_true", help="build tests/fixtures/realisation")
    parser.add_argument("--site", help="an already built site")
    parser.add_argument("--strategy", default="tidlig-indsats", help="strategy id (not with --fixture)")
    parser.add_argument("--level", default="ledelse", help="role sheet to print")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site, sid = built_site(args, Path(work))
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            blocked = look(browser, base, site, sid, args.level)
            browser.close()
    print("blocked requests to other hosts:", blocked or "none")


if __name__ == "__main__":
    main()
