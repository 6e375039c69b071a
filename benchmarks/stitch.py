"""Catalogue mode measured: one MkDocs build of many strategies vs one job per strategy, and one query's bytes.

Pipeline position: outside the product. ``python benchmarks/stitch.py --strategies 100 --activities 100``
writes that many synthetic strategies (``generate.py``) into one throw-away project copy and builds it
twice, each cold (no diagram cache), each in a fresh subprocess whose wall time and peak memory come from
the operating system (``harness.measure``: ``wait4``'s ``ru_maxrss``, the largest single process of the
tree, not the sum of processes running at once):

1. one ``mkdocs build --strict`` of all strategies (Material's lunr search over one ``search_index.json``);
2. ``python -m macros katalog byg --jobs N`` (each strategy its own ``mkdocs build`` under
   ``<ud>/<strategi-id>/``, N at a time, then the hub, the merged ``links.json`` and Pagefind), and the
   stitch step alone once more (``katalog saml``) to tell its share.

Then, in Debian's Chromium on 127.0.0.1, a reader opens a strategy page, types ``--query`` into the site's
own search box, and the script adds up the bytes of every response the search caused (index, workers,
Pagefind's code, metadata, chunks and fragments), as served (uncompressed) and gzip-compressed at level 6,
for both sites. It prints one line per figure and a RESULT line.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Response, sync_playwright

import generate
import harness

sys.path.insert(0, str(harness.ROOT / "tests"))
from browser.kit import CHROMIUM, CHROMIUM_ARGS, SiteSearch, serve


def project_with(work: Path, strategies: int, activities: int) -> tuple[Path, list[str]]:
    """A project copy whose ``data/`` holds ``strategies`` synthetic strategies of ``activities`` each."""
    ids = [f"strategi-{n:03d}" for n in range(1, strategies + 1)]
    project = harness.make_project(work / "project", activities, strategy_id=ids[0], seed=activities + 1)
    for n, strategy_id in enumerate(ids[1:], start=2):
        generate.write(activities, project / "data", activities + n, strategy_id)
    return project, ids


@dataclass(frozen=True)
class QueryBytes:
    """What one query in the site's search box made the browser download."""

    files: int
    raw: int
    gzipped: int
    hits: int
    names: tuple[str, ...]


SEARCH_PARTS = ("search_index.json", "/workers/", "/lunr/", "pagefind", "katalog-soeg.js")


def query_bytes(site: Path, start: str, query: str) -> QueryBytes:
    """Open ``start`` in Chromium, search for ``query`` in the site's own box; the search's downloads."""
    bodies: dict[str, bytes] = {}

    def keep(response: Response) -> None:
        if any(part in response.url for part in SEARCH_PARTS) and response.ok:
            bodies[response.url] = response.body()

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(locale="da-DK").new_page()
        page.on("response", keep)
        page.goto(url + start)
        search = SiteSearch(page, url)
        search.open()
        hits = search.type(query)
        page.wait_for_timeout(500)
        browser.close()
    raw = sum(len(body) for body in bodies.values())
    packed = sum(len(gzip.compress(body, compresslevel=6)) for body in bodies.values())
    names = tuple(sorted(u.split("/", 3)[-1].split("?")[0] for u in bodies))
    return QueryBytes(len(bodies), raw, packed, len(hits), names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategies", type=int, default=100)
    parser.add_argument("--activities", type=int, default=100, help="activities per strategy")
    parser.add_argument("--jobs", type=int, default=2, help="builds at a time in catalogue mode")
    parser.add_argument("--query", default="samarbejde", help="what the reader types into the search box")
    parser.add_argument("--retry-crashed-dot", action="store_true", help="as in run.py")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="strategi-stitch-"))
    try:
        project, ids = project_with(work, args.strategies, args.activities)
        shim = harness.make_dot_shim(work / "bin") if args.retry_crashed_dot else None
        env = harness.environment(shim, None, args.retry_crashed_dot)
        print(f"{args.strategies} strategies × {args.activities} activities; {harness.provenance()}", flush=True)

        one = harness.measure(harness.build_command(None, str(work / "one")), project, env, timeout=7200)
        if one.returncode != 0:
            raise SystemExit(f"the one build failed:\n{one.output[-3000:]}")
        figures = harness.site_figures(work / "one")
        print(
            f"one build: {one.seconds:.1f} s wall, {one.cpu_seconds:.0f} s CPU, peak {one.peak_mb:.0f} MB; "
            f"{figures.pages} pages, {figures.bytes / 1e6:.1f} MB, "
            f"search index {figures.search_index_bytes / 1024:,.0f} kB",
            flush=True,
        )
        shutil.rmtree(project / ".cache", ignore_errors=True)  # the catalogue starts as cold as the one build

        out = work / "katalog"
        command = [harness.python(), "-m", "macros", "katalog", "byg", "--jobs", str(args.jobs), "--ud", str(out)]
        env_catalogue = {**env, "PYTHONPATH": str(harness.ROOT)}
        jobs = harness.measure(command, project, env_catalogue, timeout=7200)
        if jobs.returncode != 0:
            raise SystemExit(f"katalog byg failed:\n{jobs.output[-3000:]}")
        saml = harness.measure([*command[:4], "saml", "--ud", str(out)], project, env_catalogue, timeout=7200)
        if saml.returncode != 0:
            raise SystemExit(f"katalog saml failed:\n{saml.output[-3000:]}")
        catalogue = harness.site_figures(out)
        pagefind = [p for p in (out / "pagefind").rglob("*") if p.is_file()]
        print(
            f"catalogue mode, {args.jobs} jobs: {jobs.seconds:.1f} s wall (all jobs + stitch), "
            f"{jobs.cpu_seconds:.0f} s CPU, "
            f"peak {jobs.peak_mb:.0f} MB (largest single process); the stitch step alone (hub, links.json, "
            f"Pagefind) {saml.seconds:.1f} s wall, peak {saml.peak_mb:.0f} MB; {catalogue.pages} pages, "
            f"{catalogue.bytes / 1e6:.1f} MB; Pagefind bundle {sum(p.stat().st_size for p in pagefind) / 1024:,.0f} kB "
            f"in {len(pagefind)} files",
            flush=True,
        )
        page = f"{ids[len(ids) // 2]}/"
        lunr = query_bytes(work / "one", page, args.query)
        found = query_bytes(out, f"{ids[len(ids) // 2]}/{page}", args.query)
        for name, seen in (("one build (lunr)", lunr), ("catalogue (Pagefind)", found)):
            print(
                f"query {args.query!r}, {name}: {seen.files} files, {seen.raw / 1024:,.0f} kB as served, "
                f"{seen.gzipped / 1024:,.0f} kB gzipped; {seen.hits} result links shown",
                flush=True,
            )
            print("  " + ", ".join(seen.names))
        print(
            f"RESULT strategies={args.strategies} activities={args.activities} jobs={args.jobs} "
            f"one_s={one.seconds:.1f} one_peak_mb={one.peak_mb:.0f} "
            f"catalogue_s={jobs.seconds:.1f} catalogue_peak_mb={jobs.peak_mb:.0f} stitch_s={saml.seconds:.1f} "
            f"query_lunr_kb={lunr.raw / 1024:.0f} query_lunr_gz_kb={lunr.gzipped / 1024:.0f} "
            f"query_pagefind_kb={found.raw / 1024:.0f} query_pagefind_gz_kb={found.gzipped / 1024:.0f}"
        )
        if args.keep:
            print(f"kept in {work}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
