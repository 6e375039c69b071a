"""Look at the site as a citizen and a manager do: each strategy's front page on a phone (390 px) and a
desktop (1280 px), light and dark, a role sheet printed to A4 PDF, the print edition, and the A3 overview
PDF rendered to PNG. Output in one folder (default /tmp/screens/now/), for before/after comparisons.

Pipeline position: after the build, for people (not CI). It serves a built site on 127.0.0.1 and drives
Debian's Chromium through Playwright; every request to another host is blocked and reported.

    .venv/bin/python scripts/screenshots_citizens.py --site DIR [--out DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # run as a script from a checkout: the browser suite's flags

from browser.kit import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402 - importable once tests/ is on the path

OUT = Path("/tmp/screens/now")  # noqa: S108 - for a person to look at
STRATEGIES = ("varige-spor", "tidlig-indsats")
ROLE_SHEET = "tidlig-indsats/roller/ledelse/"
A3_OVERVIEW = "varige-spor/diagrammer/oversigt.pdf"


def shoot(site: Path, out: Path) -> list[str]:
    """Screenshots and PDFs of ``site`` into ``out``; returns the requests to other hosts (blocked)."""
    blocked: list[str] = []
    with serve(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def guard(route: Route) -> None:
            if route.request.url.startswith(origin):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort("blockedbyclient")

        for scheme in ("light", "dark"):
            for width, height in ((390, 844), (1280, 900)):
                context = browser.new_context(
                    locale="da-DK", viewport={"width": width, "height": height}, color_scheme=scheme
                )
                context.route("**/*", guard)
                page = context.new_page()
                for strategy in STRATEGIES:
                    page.goto(origin + strategy + "/")
                    name = f"{strategy}-{width}-{scheme}"
                    page.screenshot(path=out / f"{name}-top.png")
                    page.screenshot(path=out / f"{name}-full.png", full_page=True)
                context.close()
        context = browser.new_context(locale="da-DK")
        context.route("**/*", guard)
        page = context.new_page()
        for name, url in (("rolleark", ROLE_SHEET), ("udskrift", "varige-spor/udskrift/")):
            page.goto(origin + url)
            page.emulate_media(media="print")
            page.pdf(path=str(out / f"{name}.pdf"), prefer_css_page_size=True, print_background=True)
        browser.close()
    return blocked


def to_png(pdf: Path, first_pages: int = 2) -> None:
    """Poppler's pdftoppm: one PNG per page (the first pages), beside the PDF."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-l", str(first_pages), str(pdf), str(pdf.with_suffix(""))], check=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", required=True, help="a built site (mkdocs build -d DIR)")
    parser.add_argument("--out", default=str(OUT), help="where the pictures go")
    args = parser.parse_args()
    site, out = Path(args.site), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    blocked = shoot(site, out)
    (out / "A3-oversigt.pdf").write_bytes((site / A3_OVERVIEW).read_bytes())
    for pdf in ("rolleark.pdf", "udskrift.pdf", "A3-oversigt.pdf"):
        to_png(out / pdf)
    print(f"{out}: {len(list(out.iterdir()))} files; requests to other hosts: {len(blocked)}")
    for url in blocked:
        print(f"  {url}")
    return 1 if blocked else 0


if __name__ == "__main__":
    sys.exit(main())
