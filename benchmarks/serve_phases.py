"""Where a ``mkdocs serve`` rebuild spends its time: CPU seconds per phase, and the pages converted anew.

Pipeline position: outside the product. ``python benchmarks/serve_phases.py`` builds a copy of the
project holding the synthetic strategy the way ``mkdocs serve`` does (one process, the plugins told
``on_startup(command="serve")``, so our plugin keeps what it may reuse), then rebuilds once with nothing
changed and once per edit of one activity's title. For each rebuild it prints the CPU seconds of the
plugin's phases and MkDocs' stages (timed by wrapping the functions, not by a profiler), and for the
edits the pages whose Markdown had to be converted again, slowest first.
"""

from __future__ import annotations

import argparse
import functools
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

import harness

PHASES: dict[str, float] = {}
CONVERTED: list[tuple[float, int, str]] = []


def timed(owner: Any, name: str, label: str) -> None:
    """Replace ``owner.name`` by a wrapper that adds its CPU time to ``PHASES[label]``."""
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            PHASES[label] = PHASES.get(label, 0.0) + time.process_time() - start

    setattr(owner, name, wrapper)


def instrument() -> None:
    # Imported here, not at the top: the project copy's own package, on sys.path only once main() has put it there.
    from macros.build import plugin, publish  # noqa: PLC0415

    timed(plugin, "_load", "load")
    timed(plugin, "_draw", "diagrams")
    timed(plugin, "build_page_set", "page set")
    timed(mkdocs_build, "_populate_page", "read+convert")
    timed(mkdocs_build, "_build_page", "render+write")
    timed(publish, "merge_in", "merge")
    convert = Page.render

    def render(self: Page, config: Any, files: Any) -> None:
        start = time.process_time()
        convert(self, config, files)
        CONVERTED.append((time.process_time() - start, len(self.markdown or ""), self.file.src_uri))

    Page.render = render  # type: ignore[method-assign]


def rebuild(project: Path, site: Path, label: str, first: bool = False) -> None:
    PHASES.clear()
    CONVERTED.clear()
    start = time.process_time()
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build.build(config)
    phases = "  ".join(f"{name} {seconds:.2f}" for name, seconds in PHASES.items())
    print(f"{label:<10} {time.process_time() - start:6.2f} s CPU   {phases}")
    if not first and CONVERTED:
        print(f"           {len(CONVERTED)} pages converted anew:")
        for seconds, size, src in sorted(CONVERTED, reverse=True)[:12]:
            print(f"             {seconds:.3f} s  {size:>7} characters  {src}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=2)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="strategi-serve-phases-"))
    try:
        project = harness.make_project(work / "project", args.activities)
        sys.path.insert(0, str(project))
        instrument()
        site = work / "site"
        rebuild(project, site, "first", first=True)
        rebuild(project, site, "unchanged")
        data = next((project / "data").glob("*.yaml"))
        for number in range(1, args.edits + 1):
            text = data.read_text(encoding="utf-8")
            title = re.search(r"\n {4}titel: ([^\n]+)", text[text.index("aktiviteter:") :])
            assert title is not None, "the synthetic strategy has activities with titles"
            data.write_text(text.replace(title.group(0), f"{title.group(0)} (rettet {number})", 1), encoding="utf-8")
            rebuild(project, site, f"edit {number}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
