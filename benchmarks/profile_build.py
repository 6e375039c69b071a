"""Where our build spends its time: one cold ``mkdocs build`` under cProfile, summarised by phase.

Pipeline position: outside the product. ``python benchmarks/profile_build.py [--activities 1000]`` builds
a project copy with the synthetic strategy under ``cProfile`` (in a subprocess, with the ``dot`` shim on
PATH) and prints (1) the time of each build phase, taken as the cumulative time of the function that
carries it, and (2) the top functions by cumulative and by own time. cProfile slows Python code down
(roughly 1.5–2×) and not C code or ``dot``, so read the shares, not the absolute seconds.
"""

from __future__ import annotations

import argparse
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

import harness

# (label, file path fragment, function name); phases may nest, as the indentation of the label shows.
PHASES = (
    ("our plugin: on_config (load + page set + nav)", "/macros/build/plugin.py", "on_config"),
    ("  load_site (YAML, convert, validate)", "/macros/loading/validate.py", "load_site"),
    ("    read_nodes (libyaml parse + compose, graph checks)", "/macros/loading/yamlio.py", "read_nodes"),
    ("    convert to model", "/macros/loading/convert.py", "convert"),
    ("    cross-element checks", "/macros/loading/validate.py", "run"),
    ("  build_page_set (our Markdown renderers)", "/macros/rendering/pages.py", "build_page_set"),
    ("    templating.template (Jinja .md.j2)", "/macros/rendering/templating.py", "template"),
    ("our plugin: on_files (generated files)", "/macros/build/plugin.py", "on_files"),
    ("diagrams: build_diagrams (draw DOT, render, clean SVG)", "/macros/diagrams/figures.py", "build_diagrams"),
    ("  graphviz.render (cache look-up + batched dot)", "/macros/diagrams/graphviz.py", "render"),
    ("    waiting for dot processes", "/macros/diagrams/graphviz.py", "_run_batches"),
    ("mkdocs-macros: on_page_markdown", "mkdocs_macros/plugin.py", "on_page_markdown"),
    ("MkDocs: navigation", "mkdocs/structure/nav.py", "get_navigation"),
    ("MkDocs: _populate_page (read + Markdown)", "mkdocs/commands/build.py", "_populate_page"),
    ("  Python-Markdown convert", "markdown/core.py", "convert"),
    ("  direct conversion of generated pages (build/direct.py)", "/macros/build/direct.py", "render_directly"),
    ("MkDocs: _build_page (theme template + write)", "mkdocs/commands/build.py", "_build_page"),
    ("  theme templates (main.html, ours or Material's, and partials)", "main.html", "root"),
    ("    footer partial (overrides/partials/copyright.html)", "partials/copyright.html", "root"),
    ("    navigation partial (nav.html)", "material/templates/partials/nav.html", "root"),
    ("  search: on_page_context (parse HTML for the index)", "material/plugins/search/plugin.py", "on_page_context"),
    ("  write HTML files", "mkdocs/utils/__init__.py", "write_file"),
    ("search: on_post_build (write the index)", "material/plugins/search/plugin.py", "on_post_build"),
    ("sitemap / 404 / static templates", "mkdocs/commands/build.py", "_build_theme_template"),
    ("copy static files", "mkdocs/structure/files.py", "copy_static_files"),
    ("our plugin: on_post_build (publish swap)", "/macros/build/plugin.py", "on_post_build"),
)


def cumulative(stats: pstats.Stats, fragment: str, name: str) -> tuple[float, int]:
    """Cumulative seconds and call count of every function matching (file fragment, name), outermost only."""
    total, calls = 0.0, 0
    for (filename, _, function), (_, ncalls, _, cum, _) in stats.stats.items():  # type: ignore[attr-defined]
        if function == name and fragment in filename.replace("\\", "/"):
            total, calls = total + cum, calls + ncalls
    return total, calls


def phase_table(stats: pstats.Stats) -> list[str]:
    whole = stats.total_tt  # type: ignore[attr-defined]
    lines = [f"{'phase':<52}{'cum s':>8}{'share':>8}{'calls':>8}"]
    for label, fragment, name in PHASES:
        seconds, calls = cumulative(stats, fragment, name)
        lines.append(f"{label:<52}{seconds:8.2f}{seconds / whole:8.0%}{calls:8d}")
    lines.append(f"{'whole build (profiled)':<52}{whole:8.2f}{1:8.0%}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", type=Path, default=None, help="keep the .prof file here (else it is deleted)")
    parser.add_argument("--retry-crashed-dot", action="store_true", help="as in run.py")
    parser.add_argument("--summarise", type=Path, default=None, help="only summarise this saved .prof file")
    args = parser.parse_args(argv)
    if args.summarise:
        summarise(pstats.Stats(str(args.summarise)), args.top)
        return 0
    work = Path(tempfile.mkdtemp(prefix="strategi-profile-"))
    try:
        return profile(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def profile(args: argparse.Namespace, work: Path) -> int:
    """Build a project copy in ``work`` under cProfile and print the summary."""
    project = harness.make_project(work / "project", args.activities)
    prof = args.out.resolve() if args.out else work / "build.prof"
    shim = harness.make_dot_shim(work / "bin")
    command = [
        harness.python(),
        "-m",
        "cProfile",
        "-o",
        str(prof),
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "-d",
        "site",
    ]
    dot_log = work / "dot.log"
    run = harness.measure(command, project, harness.environment(shim, dot_log, args.retry_crashed_dot), dot_log)
    if run.returncode != 0:
        print(run.output[-4000:], file=sys.stderr)
        return 1
    print(
        f"cold build of N={args.activities} under cProfile: {run.seconds:.2f} s wall, peak {run.peak_mb:.0f} MB, "
        f"dot {run.dot.calls} calls, {run.dot.busy:.2f} s busy, {run.dot.crashed} crashed"
    )
    summarise(pstats.Stats(str(prof)), args.top)
    return 0


def summarise(stats: pstats.Stats, top: int) -> None:
    print(*phase_table(stats), sep="\n")
    for order in ("cumulative", "tottime"):
        print(f"\nTop {top} by {order}:")
        stats.sort_stats(order).print_stats(top)


if __name__ == "__main__":
    sys.exit(main())
