"""A small proof of scaling past one build: each strategy built as its own MkDocs job, stitched under one site.

Pipeline position: outside the product. ``python benchmarks/stitch.py --strategies 2 --activities 300``
generates that many synthetic strategies, makes one project copy per strategy (the product's
``mkdocs.yml`` with ``site_url`` set to the strategy's sub-folder) and builds them as independent
``mkdocs build`` processes, ``--jobs`` at a time, each into ``<out>/<strategy-id>/``. A plain front page
links the sub-sites. It then checks that every relative link in the stitched site resolves, and reports
the wall time of the jobs run one by one and in parallel. Each sub-site keeps its own search index, so a
reader downloads only the index of the strategy they are in. ``--pagefind PYTHON`` (an interpreter with
the ``pagefind[bin]`` package, kept outside the project) also indexes the whole stitched site with
Pagefind, whose index is split into chunks fetched per search term.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlsplit

import harness

SITE_URL = "https://strategier.example.dk/"
HREF = re.compile(r'(?:href|src)="([^"]+)"')


def project_for(work: Path, number: int, activities: int) -> tuple[str, Path]:
    """One project copy holding one strategy, configured to live under ``/<id>/`` of the shared site."""
    strategy_id = f"strategi-{number}"
    project = harness.make_project(work / strategy_id, activities, strategy_id=strategy_id, seed=activities + number)
    overlay = project / "stitch.yml"
    overlay.write_text(f"INHERIT: mkdocs.yml\nsite_url: {SITE_URL}{strategy_id}/\n", encoding="utf-8")
    return strategy_id, project


def build_all(projects: list[tuple[str, Path]], out: Path, jobs: int, env: dict[str, str]) -> float:
    """Build every project into ``out/<id>`` with ``jobs`` builds at a time; wall seconds."""

    def build(item: tuple[str, Path]) -> harness.Run:
        strategy_id, project = item
        command = harness.build_command(project / "stitch.yml", str(out / strategy_id))
        return harness.measure(command, project, env)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        runs = list(pool.map(build, projects))
    for run in runs:
        if run.returncode != 0:
            raise SystemExit(f"a strategy build failed:\n{run.output[-3000:]}")
    return time.perf_counter() - start


def front_page(out: Path, strategy_ids: list[str]) -> None:
    items = "\n".join(f'<li><a href="{i}/">{html.escape(i)}</a></li>' for i in strategy_ids)
    out.joinpath("index.html").write_text(
        f'<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Strategier</title></head>'
        f"<body><h1>Strategier</h1><ul>\n{items}\n</ul></body></html>\n",
        encoding="utf-8",
    )


def broken_links(site: Path) -> list[str]:
    """Relative links and sources in the stitched site whose target file does not exist."""
    broken = []
    for page in site.rglob("*.html"):
        for target in HREF.findall(page.read_text(encoding="utf-8", errors="replace")):
            parts = urlsplit(html.unescape(target))
            if parts.scheme or parts.netloc or target.startswith(("#", "mailto:", "tel:", "data:")):
                continue
            if not parts.path:
                path = page
            elif parts.path.startswith("/"):  # site-absolute (404 pages): the stitched folder is the site root
                path = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                path = (page.parent / unquote(parts.path)).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.exists() or (site.resolve() not in path.parents and path != site.resolve()):
                broken.append(f"{page.relative_to(site)} → {target}")
    return broken


def pagefind(python: str, site: Path) -> str:
    start = time.perf_counter()
    result = subprocess.run(
        [
            python,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--force-language",
            "da",
            "--root-selector",
            "article.md-content__inner",
        ],  # the page text, not the chrome
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        return f"pagefind failed: {result.stderr[-2000:]}"
    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    chunks = [p for p in files if p.suffix == ".pf_index"]
    fragments = [p for p in files if p.suffix == ".pf_fragment"]
    meta = sum(p.stat().st_size for p in files if p.suffix == ".pf_meta")
    code = sum(p.stat().st_size for p in files if p.name in ("pagefind.js", "pagefind-worker.js", "wasm.da.pagefind"))
    total = sum(p.stat().st_size for p in files)
    largest = max(p.stat().st_size for p in chunks)
    return (
        f"Pagefind over the stitched site: {seconds:.1f} s; bundle {total / 1024:,.0f} kB in {len(files)} files; "
        f"{len(chunks)} index chunks (largest {largest / 1024:.0f} kB), "
        f"{len(fragments)} page fragments; a search loads Pagefind's code ({code / 1024:.0f} kB, once) and "
        f"{meta / 1024:.0f} kB of metadata, then only the chunks for its words and the fragments of the hits"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategies", type=int, default=2)
    parser.add_argument("--activities", type=int, default=300, help="activities per strategy")
    parser.add_argument("--jobs", type=int, default=2, help="builds at a time in the parallel run")
    parser.add_argument("--pagefind", default=None, help="a Python with pagefind[bin] installed (optional)")
    parser.add_argument("--retry-crashed-dot", action="store_true", help="as in run.py")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="strategi-stitch-"))
    try:
        projects = [project_for(work, n, args.activities) for n in range(1, args.strategies + 1)]
        out = work / "site"
        shim = harness.make_dot_shim(work / "bin") if args.retry_crashed_dot else None
        env = harness.environment(shim, None, args.retry_crashed_dot)
        serial = build_all(projects, work / "serial", 1, env)
        for _, project in projects:  # the parallel run starts as cold as the serial one
            shutil.rmtree(project / ".cache", ignore_errors=True)
        parallel = build_all(projects, out, args.jobs, env)
        front_page(out, [i for i, _ in projects])
        broken = broken_links(out)
        print(
            f"{args.strategies} strategies × {args.activities} activities as separate MkDocs builds: "
            f"{serial:.1f} s one by one, {parallel:.1f} s with {args.jobs} jobs"
        )
        for strategy_id, _ in projects:
            index = out / strategy_id / "search" / "search_index.json"
            print(
                f"  {strategy_id}/: {len(list((out / strategy_id).rglob('*.html')))} pages, own search index "
                f"{index.stat().st_size / 1024:,.0f} kB"
            )
        print(f"  stitched site: {len(list(out.rglob('*.html')))} pages; broken relative links: {len(broken)}")
        for line in broken[:10]:
            print(f"    {line}")
        if args.pagefind:
            print("  " + pagefind(args.pagefind, out))
        if args.keep:
            print(f"  kept in {work}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
