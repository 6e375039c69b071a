"""Graphviz 2.43 (Debian's) can corrupt its heap when one process lays out many graphs and abort
part-way. The renderer must still deliver every diagram, byte-identical to a run without the crash.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from macros.diagrams import graphviz

pytestmark = pytest.mark.dot

SOURCES = [f'digraph g{i} {{ a{i} -> b{i} [label="{i}"] }}' for i in range(7)]

# A `dot` that behaves like 2.43 at its worst: with several files it writes two outputs, half of a third,
# then aborts; a single file it hands to the real dot.
CRASHING_DOT = """#!/bin/sh
echo "$@" >> "{log}"
files=0
for arg in "$@"; do case "$arg" in -*) ;; *) files=$((files + 1));; esac; done
if [ "$files" -le 1 ]; then exec "{real}" "$@"; fi
fmt=$1; shift; shift
"{real}" "$fmt" -O "$1" && "{real}" "$fmt" -O "$2" && head -c 20 "$2.${{fmt#-T}}" > "$3.${{fmt#-T}}"
echo "double free or corruption (!prev)" >&2
exit 134
"""


def test_a_crashing_dot_still_gives_every_diagram(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.which("dot")
    assert real is not None
    jobs = [graphviz.Job(source, "svg") for source in SOURCES]
    expected = graphviz.render(jobs, tmp_path / "clean-cache", workers=1)

    bin_dir, log = tmp_path / "bin", tmp_path / "dot.log"
    bin_dir.mkdir()
    shim = bin_dir / "dot"
    shim.write_text(CRASHING_DOT.format(log=log, real=real), encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")

    assert graphviz.render(jobs, tmp_path / "crash-cache", workers=1) == expected
    batches = [line for line in log.read_text().splitlines() if line.count(".gv") > 1]
    assert len(batches) >= 2, "after the crash the rest should go on as a batch, not file by file"


def test_a_diagram_gives_the_same_bytes_whichever_batch_it_was_drawn_in(tmp_path: Path) -> None:
    svg = [graphviz.Job(source, "svg") for source in SOURCES[:3]]
    pdf = [graphviz.Job(source, "pdf") for source in SOURCES[:3]]
    together = graphviz.render(svg + pdf, tmp_path / "together", workers=1)
    alone = graphviz.render([svg[1], pdf[1]], tmp_path / "alone", workers=1)
    assert (together[1], together[4]) == (alone[0], alone[1])
