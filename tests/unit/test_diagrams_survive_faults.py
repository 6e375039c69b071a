"""Diagrams survive what the machine does to them: titles Graphviz would expand, a cache that cannot be
written whole, and a strategy too dense to lay out in minutes (needs Graphviz' dot).
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

import pytest
import yaml

from macros import model
from macros.derived.addresses import address_book, diagram_page_src
from macros.derived.words import number
from macros.diagrams import graphviz
from macros.diagrams.figures import drawn_form
from macros.loading.validate import load_site
from macros.rendering.figures import figure_markdown
from support.diagrams import draw_diagrams
from support.hostile import HOSTILE
from support.html import read
from support.markdown import site_markdown

pytestmark = pytest.mark.dot

SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def drawn_text(svg: str) -> str:
    """The words a reader sees in a diagram: its text elements, in order."""
    return " ".join("".join(t.itertext()) for t in ElementTree.fromstring(svg).iter(SVG_TEXT))  # noqa: S314 (our own SVG)


def test_graphviz_escapes_in_titles_are_drawn_as_written(tmp_path: Path) -> None:
    """Graphviz turns \\N into the node's name and \\G into the graph's; a title must be drawn as typed."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "s.yaml").write_bytes((HOSTILE / "graphviz-escape-i-titel.yaml").read_bytes())
    site = load_site(data)
    figures = draw_diagrams(site, address_book(site), tmp_path / "cache")
    shown = " ".join(drawn_text(figure.svg) for figure in figures.figures.values())
    assert r"\N indsats" in shown and r"\N aktivitet" in shown
    assert "indsats indsats" not in shown and "aktivitet aktivitet" not in shown  # \N not replaced by the id
    pdfs = [data for path, data in figures.files.items() if path.endswith(".pdf")]
    assert pdfs


class FullDisk:
    """A file that takes half of what is written to it, then fails as a full disk does."""

    def __init__(self, real: IO[bytes]) -> None:
        self.real = real

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()


def test_a_full_disk_leaves_no_half_cache_entry_and_the_next_build_draws_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = [graphviz.Job('digraph { a -> b [tooltip="x"] }', "svg"), graphviz.Job("digraph { c -> d }", "pdf")]
    clean = graphviz.render(jobs, tmp_path / "ren")
    real_fdopen = os.fdopen

    def full(fd: int, *args: Any, **kwargs: Any) -> FullDisk:
        return FullDisk(real_fdopen(fd, *args, **kwargs))

    monkeypatch.setattr(os, "fdopen", full)
    notes: list[str] = []
    cache = tmp_path / "fuld"
    assert graphviz.render(jobs, cache, notes=notes) == clean  # drawn all the same
    assert len(notes) == 1 and "kan ikke bruges (No space left on device)" in notes[0]
    assert [p.name for p in cache.iterdir()] == []  # no half entry, no temporary file
    monkeypatch.undo()
    assert graphviz.render(jobs, cache) == clean
    assert len(list(cache.glob("*.svg"))) == 1 and len(list(cache.glob("*.pdf"))) == 1


def dense_strategy(activities: int, dependencies: int, per_indsats: int = 100) -> dict[str, Any]:
    """One strategy of ``activities`` activities in indsatser of ``per_indsats``, each depending on up to
    ``dependencies`` earlier ones (no cycle), all serving one short-term goal."""
    indsatser = []
    for first in range(0, activities, per_indsats):
        acts = [
            {
                "id": f"a{i}",
                "titel": f"Aktivitet {i}",
                "mål": ["k"],
                **({"afhænger_af": [f"a{i - d}" for d in range(1, min(dependencies, i) + 1)]} if i else {}),
            }
            for i in range(first, min(first + per_indsats, activities))
        ]
        number = first // per_indsats
        indsatser.append({"id": f"i{number}", "titel": f"Indsats {number}", "aktiviteter": acts})
    return {
        "id": "taet",
        "titel": "Tæt strategi",
        "organisation": {"kommune": "Ærø Kommune"},
        "indsatser": indsatser,
        "mål": [{"id": "k", "titel": "Kortsigtet", "niveau": "kortsigtet"}],
    }


@pytest.mark.parametrize("per_indsats", [500, 3000], ids=["6-indsatser", "1-indsats"])
def test_a_dense_strategy_of_3000_activities_is_drawn_within_bounded_time(per_indsats: int, tmp_path: Path) -> None:
    """3,000 activities × 10 dependencies: a plain layout takes minutes per format. The size guard draws
    what is too heavy without its dependency arrows, cheaper or as text, so the whole batch stays well
    within the timeout it is given."""
    data = tmp_path / "data"
    data.mkdir()
    text = yaml.safe_dump(dense_strategy(3000, 10, per_indsats), allow_unicode=True, sort_keys=False)
    (data / "taet.yaml").write_text(text, encoding="utf-8")
    site = load_site(data)
    strategy, book = site.strategies[0], address_book(site)
    assert sum(len(a.afhaenger_af) for a in strategy.activities) > 29_000
    start = time.monotonic()
    figures = draw_diagrams(site, book, tmp_path / "cache", timeout=120)
    took = time.monotonic() - start
    assert took < 120
    lightened = {
        name: (f.form, f.left_out) for (_, name), f in figures.figures.items() if f.form != "fuld" or f.left_out
    }
    assert lightened, "no diagram was lightened"
    for (_, name), figure in figures.figures.items():
        assert (figure.form == "tekst") == (figure.svg == ""), name
        assert drawn_form(figure.diagram)[1] != "tekst" or figure.form == "tekst", name
        markdown = figure_markdown(figures, book, strategy.id, name, diagram_page_src(strategy.id))
        page = read(site_markdown().reset().convert(markdown)).text
        if figure.form == "tekst":  # the page says why, and lists the chain as text instead
            assert "Diagrammet er for stort til at blive tegnet" in page and "<svg" not in markdown, name
            assert "Aktivitet 2999" in page, name
        if figure.left_out:
            assert f"({number(figure.left_out)} stiplede pile) er udeladt her" in page, name


def test_a_small_diagram_is_drawn_in_full(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "s.yaml").write_text(yaml.safe_dump(dense_strategy(30, 3), allow_unicode=True), encoding="utf-8")
    site = load_site(data)
    figures = draw_diagrams(site, address_book(site), tmp_path / "cache")
    assert {figure.form for figure in figures.figures.values()} == {"fuld"}
    assert all(figure.left_out == 0 and figure.svg for figure in figures.figures.values())
    assert isinstance(site.strategies[0], model.Strategy)


def test_a_dot_that_ends_without_output_is_a_danish_message_naming_the_diagram(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    silent = tools / "dot"
    silent.write_text('#!/bin/sh\n[ "$1" = "-V" ] && echo "dot - graphviz version 0.0 (tavs)" >&2\nexit 0\n')
    silent.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    job = graphviz.Job("digraph { a -> b }", "svg", "'Oversigt' i strategien 'lille'")
    with pytest.raises(graphviz.GraphvizError) as caught:
        graphviz.render([job], tmp_path / "cache")
    assert str(caught.value) == (
        "Graphviz tegnede ikke diagrammet 'Oversigt' i strategien 'lille' (SVG): programmet sluttede uden fejl, "
        "men skrev ingenting. Prøv at installere Graphviz igen."
    )
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["dot-version.json"]  # nothing half-made kept


def test_a_diagram_of_1500_boxes_without_dependencies_is_drawn_with_the_cheaper_layout(tmp_path: Path) -> None:
    """Nothing to leave out (no dependency arrows), too heavy for the usual layout: drawn, faster."""
    data = tmp_path / "data"
    data.mkdir()
    text = yaml.safe_dump(dense_strategy(1500, 0, 1500), allow_unicode=True, sort_keys=False)
    (data / "bred.yaml").write_text(text, encoding="utf-8")
    site = load_site(data)
    figures = draw_diagrams(site, address_book(site), tmp_path / "cache", timeout=120)
    wide = figures.figures[("taet", "indsats-i0")]
    assert (wide.form, wide.left_out) == ("billig", 0)
    assert wide.svg and wide.svg_file in figures.files and wide.pdf_file in figures.files
    shown = drawn_text(wide.svg)
    assert all(f"Aktivitet {i} " in shown for i in range(1500))  # every box drawn
