"""The benchmark: our build against the plain MkDocs + Material floor, in one run.

Pipeline position: outside the product. ``python benchmarks/run.py`` (``--quick``: N=100, one
repetition) generates synthetic strategies of N = 100 and 1,000 activities, copies the project for each,
and measures, every build in a fresh ``mkdocs build --strict`` subprocess:

- ours, cold: ``.cache/`` and ``site/`` of the copy deleted first;
- ours, warm: the same build again with nothing changed;
- the floor: plain MkDocs + Material (same ``mkdocs.yml`` theme and Markdown settings; none of our
  plugins, hooks or template overrides) building the very Markdown our build produced, with the same
  nav shape. The pages are captured once by an unmeasured build with ``capture_hook.py``. The floor
  has no cache, so each of its builds is both its cold and its warm figure.

Repetitions are interleaved (ours cold, floor, ours warm; then the next size) so that load on this
shared machine falls on all variants alike; medians are reported. Ratios are given by wall time (the
targets) and by CPU time (user + system of the build and the programs it waited for), which other
people's jobs on the machine disturb less. Time in Graphviz is taken by a ``dot`` shim first on PATH
that logs each call. Up to ``--repetitions`` (3) are run, but no repetition is started that would end
the run after ``--budget`` seconds (360); the output says how many were run. The last line is
``RESULT {json}``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import harness
from harness import Run, SiteFigures

VARIANTS = ("ours cold", "floor", "ours warm")  # measured in this order, interleaved
# Issue 17's targets (issue 7 had cold ≤ 1.5 and warm ≤ 1.25): faster than the hand-written site.
TARGETS = {
    "cold_ratio_1000": 1.0,
    "warm_ratio_1000": 0.8,
    "scaling_cold": 11.0,
    "peak_mb_1000": 500.0,
    "site_mb_1000": 30.0,
    "largest_page_kb_1000": 500.0,
    "search_index_kb_1000": 800.0,
}


@dataclass
class Size:
    """Everything about one N: its two projects and the runs measured on them."""

    activities: int
    ours: Path
    floor: Path
    runs: dict[str, list[Run]] = field(default_factory=lambda: {v: [] for v in VARIANTS})

    def median(self, *variants: str) -> float:
        return statistics.median(r.seconds for v in variants for r in self.runs[v])

    def median_cpu(self, *variants: str) -> float:
        return statistics.median(r.cpu_seconds for v in variants for r in self.runs[v])

    @property
    def floor_seconds(self) -> float:
        """The floor's median (it has no cache: every build of it is cold and warm at once)."""
        return self.median("floor")


def prepare(activities: int, work: Path, shim: Path | None, retry_dot: bool) -> Size:
    """Project copy, one unmeasured build with the capture hook, and the floor project from its pages."""
    ours = harness.make_project(work / f"ours-{activities}", activities)
    capture = work / f"capture-{activities}"
    env = harness.environment(shim, retry_dot=retry_dot) | {"BENCH_CAPTURE_DIR": str(capture)}
    run = harness.measure(harness.build_command(harness.capture_config(ours), "../scratch-site"), ours, env)
    fail_on(run, f"prepare build N={activities}")
    shutil.rmtree(work / "scratch-site", ignore_errors=True)
    floor = harness.make_floor(ours, capture, work / f"floor-{activities}")
    return Size(activities, ours, floor)


def fail_on(run: Run, what: str) -> None:
    if run.returncode != 0:
        print(f"{what} failed (exit {run.returncode}):\n{run.output[-4000:]}", file=sys.stderr)
        if "Graphviz" in run.output:
            print(
                "If dot crashed (Graphviz 2.43 and several graphs in one process), --retry-crashed-dot "
                "measures the rest with crashed dot calls re-run one file at a time.",
                file=sys.stderr,
            )
        print("RESULT " + json.dumps({"error": f"{what} failed", "exit": run.returncode}))
        sys.exit(1)


def measure_once(size: Size, shim: Path | None, work: Path, retry_dot: bool) -> None:
    """One repetition for one N: ours cold, the floor, ours warm (alternating, against drift)."""
    dot_log = work / "dot.log"
    env = harness.environment(shim, dot_log, retry_dot)
    for variant in VARIANTS:
        project = size.ours if variant.startswith("ours") else size.floor
        if variant != "ours warm":
            shutil.rmtree(project / ".cache", ignore_errors=True)
            shutil.rmtree(project / "site", ignore_errors=True)
        run = harness.measure(harness.build_command(), project, env, dot_log)
        fail_on(run, f"{variant} N={size.activities}")
        size.runs[variant].append(run)
        print(
            f"  N={size.activities:>5} {variant:<10} {run.seconds:6.2f} s  {run.peak_mb:6.0f} MB"
            f"  dot {run.dot.calls} calls {run.dot.busy:5.2f} s, {run.dot.crashed} crashed",
            file=sys.stderr,
            flush=True,
        )


def figures(size: Size) -> tuple[SiteFigures, SiteFigures]:
    return harness.site_figures(size.ours / "site"), harness.site_figures(size.floor / "site")


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} kB"


def mb(n: int) -> str:
    return f"{n / 1024 / 1024:,.1f} MB"


def table(sizes: list[Size]) -> list[str]:
    """The timing table: one row per N and variant, then one row of ratios per N."""
    lines = [
        f"{'N':>6}  {'variant':<11}{'median s':>9}{'min s':>8}{'max s':>8}{'cpu s':>8}{'peak MB':>9}"
        f"{'dot calls':>10}{'dot s':>7}"
    ]
    for size in sizes:
        for variant in VARIANTS:
            runs = size.runs[variant]
            secs = [r.seconds for r in runs]
            lines.append(
                f"{size.activities:>6}  {variant:<11}{statistics.median(secs):9.2f}{min(secs):8.2f}"
                f"{max(secs):8.2f}{statistics.median(r.cpu_seconds for r in runs):8.2f}"
                f"{max(r.peak_mb for r in runs):9.0f}{max(r.dot.calls for r in runs):10d}"
                f"{statistics.median(r.dot.busy for r in runs):7.2f}"
            )
        lines.append(
            f"{size.activities:>6}  ratio ours/floor: cold {size.median('ours cold') / size.floor_seconds:.2f}"
            f"  warm {size.median('ours warm') / size.floor_seconds:.2f}"
            f"; by cpu s: cold {size.median_cpu('ours cold') / size.median_cpu('floor'):.2f}"
            f"  warm {size.median_cpu('ours warm') / size.median_cpu('floor'):.2f}"
        )
    return lines


def site_table(sizes: list[Size]) -> list[str]:
    lines = [f"{'N':>6}  {'site':<6}{'pages':>7}{'files':>7}{'size':>10}{'search index':>14}  largest page"]
    for size in sizes:
        for name, fig in zip(("ours", "floor"), figures(size), strict=True):
            lines.append(
                f"{size.activities:>6}  {name:<6}{fig.pages:>7}{fig.files:>7}{mb(fig.bytes):>10}"
                f"{kb(fig.search_index_bytes):>14}  {kb(fig.largest_page_bytes)} {fig.largest_page}"
            )
    return lines


def result(sizes: list[Size]) -> dict[str, Any]:
    """The machine-readable figures; keys end in the N they belong to."""
    out: dict[str, Any] = {}
    for size in sizes:
        n, ours = size.activities, figures(size)[0]
        cold_runs = size.runs["ours cold"]
        out |= {
            f"cold_ratio_{n}": round(size.median("ours cold") / size.floor_seconds, 3),
            f"warm_ratio_{n}": round(size.median("ours warm") / size.floor_seconds, 3),
            f"cpu_cold_ratio_{n}": round(size.median_cpu("ours cold") / size.median_cpu("floor"), 3),
            f"cpu_warm_ratio_{n}": round(size.median_cpu("ours warm") / size.median_cpu("floor"), 3),
            f"ours_cold_s_{n}": round(size.median("ours cold"), 2),
            f"ours_warm_s_{n}": round(size.median("ours warm"), 2),
            f"floor_s_{n}": round(size.floor_seconds, 2),
            f"peak_mb_{n}": round(max(r.peak_mb for v in ("ours cold", "ours warm") for r in size.runs[v]), 1),
            f"site_mb_{n}": round(ours.bytes / 1024 / 1024, 2),
            f"search_index_kb_{n}": round(ours.search_index_bytes / 1024, 1),
            f"largest_page_kb_{n}": round(ours.largest_page_bytes / 1024, 1),
            f"pages_{n}": ours.pages,
            f"dot_calls_cold_{n}": max(r.dot.calls for r in cold_runs),
            f"dot_s_cold_{n}": round(statistics.median(r.dot.busy for r in cold_runs), 2),
            f"dot_s_warm_{n}": round(statistics.median(r.dot.busy for r in size.runs["ours warm"]), 2),
            f"dot_crashed_cold_{n}": max(r.dot.crashed for r in cold_runs),
        }
    by_n = {s.activities: s for s in sizes}
    if 100 in by_n and 1000 in by_n:
        small, large = by_n[100], by_n[1000]
        out["scaling_cold"] = round(large.median("ours cold") / small.median("ours cold"), 2)
        out["scaling_warm"] = round(large.median("ours warm") / small.median("ours warm"), 2)
        out["scaling_floor"] = round(large.floor_seconds / small.floor_seconds, 2)
    out["repetitions"] = min(len(s.runs["floor"]) for s in sizes)
    out["targets_met"] = {key: out[key] <= limit for key, limit in TARGETS.items() if key in out}
    return out


def report(sizes: list[Size], reps: int, elapsed: float, retry_dot: bool) -> None:
    print(
        f"Benchmark: our build vs. plain MkDocs + Material (floor); {reps} repetition(s), medians; "
        f"whole run {elapsed:.0f} s"
    )
    print(f"code measured: {harness.provenance()}")
    if retry_dot:
        crashed = {s.activities: max(r.dot.crashed for v in VARIANTS for r in s.runs[v]) for s in sizes}
        print(f"--retry-crashed-dot: the shim re-ran crashed dot calls file by file; crashes per build: {crashed}")
    print(*table(sizes), sep="\n")
    print()
    print(*site_table(sizes), sep="\n")
    figures_now = result(sizes)
    print()
    print("Targets (issue 17, N = 1,000):")
    for key, limit in TARGETS.items():
        if key in figures_now:
            mark = "ok " if figures_now["targets_met"][key] else "NOT"
            print(f"  {mark} {key:<22} {figures_now[key]:>9} (≤ {limit})")
    print("RESULT " + json.dumps(figures_now, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N=100 only, one repetition")
    parser.add_argument("--repetitions", type=int, default=3, help="measured repetitions per variant (default 3)")
    parser.add_argument("--sizes", default="100,1000", help="comma-separated N (default 100,1000)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (printed) for inspection")
    parser.add_argument(
        "--budget",
        type=float,
        default=360.0,
        help="start no further repetition that would end after this many seconds (default 360)",
    )
    parser.add_argument(
        "--retry-crashed-dot",
        action="store_true",
        help="re-run a dot call that crashed one file at a time (counted in the output)",
    )
    args = parser.parse_args(argv)
    sizes_n = [100] if args.quick else [int(n) for n in args.sizes.split(",")]
    reps = 1 if args.quick else args.repetitions
    work = Path(tempfile.mkdtemp(prefix="strategi-bench-"))
    start = time.perf_counter()
    try:
        shim = harness.make_dot_shim(work / "bin")
        print(f"preparing N={sizes_n} in {work}", file=sys.stderr, flush=True)
        sizes = [prepare(n, work, shim, args.retry_crashed_dot) for n in sizes_n]
        done = 0
        while done < reps:
            print(f"repetition {done + 1}/{reps}", file=sys.stderr, flush=True)
            rep_start = time.perf_counter()
            for size in sizes:
                measure_once(size, shim, work, args.retry_crashed_dot)
            done += 1
            now = time.perf_counter()
            if done < reps and now - start + (now - rep_start) > args.budget:
                print(
                    f"stopping after {done} of {reps} repetitions: another would pass --budget {args.budget:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
                break
        report(sizes, done, time.perf_counter() - start, args.retry_crashed_dot)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
