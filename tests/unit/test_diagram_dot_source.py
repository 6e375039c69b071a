"""The diagrams as DOT text (no Graphviz needed): golden files, collapsing, escaping, colours.

Golden files live in tests/golden/diagrams/<set>/<diagram>.dot. After an intended change, regenerate
them with ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_diagram_dot_source.py`` and read
the diff before committing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros import model
from macros.derived import addresses
from macros.diagrams import dotsource, graphs, graphviz
from macros.diagrams.style import Colour, load_style
from macros.loading.validate import load_site
from macros.rendering.figures import text_equivalent
from support.diagrams import draw_diagrams
from support.golden import check_golden, check_no_stale_goldens
from support.sites import DIAGRAM_DATA, ROOT
from support.synthetic import synthetic_site

GOLDEN = ROOT / "tests" / "golden" / "diagrams"
STYLE = load_style()


@pytest.fixture(scope="module")
def fixture_strategy() -> model.Strategy:
    return load_site(DIAGRAM_DATA).strategy("figurer")


def golden_sets() -> list[tuple[str, Path]]:
    """The fixture strategy, and each strategy of the example data."""
    return [("fixture", DIAGRAM_DATA), ("example", ROOT / "data")]


@pytest.mark.parametrize("label,data_dir", golden_sets(), ids=[label for label, _ in golden_sets()])
def test_dot_source_matches_golden_files(label: str, data_dir: Path) -> None:
    made = []
    for strategy in load_site(data_dir).strategies:
        for diagram in graphs.strategy_diagrams(strategy, STYLE):
            made.append(GOLDEN / label / strategy.id / f"{diagram.name}.dot")
            check_golden(made[-1], dotsource.to_dot(diagram, STYLE))
    printable = GOLDEN / label / "figurer" / "oversigt.print.dot"  # test_printable_dot_has_no_links_and_…
    check_no_stale_goldens(GOLDEN / label, [*made, printable], "**/*.dot")


def test_printable_dot_has_no_links_and_the_legend_above_the_drawing(fixture_strategy: model.Strategy) -> None:
    """The drawing keeps its natural size (``pdf.a3_sheet`` scales it to the sheet and writes the title)."""
    overview = graphs.strategy_diagrams(fixture_strategy, STYLE)[0]
    source = dotsource.to_dot(overview, STYLE, printable=True)
    check_golden(GOLDEN / "fixture" / "figurer" / "oversigt.print.dot", source)
    assert not re.search(r"[\s\[]size=", source)
    assert "URL=" not in source and "tooltip=" not in source and dotsource.LINK_PLACEHOLDER not in source
    assert 'labelloc="t"' in source and STYLE.legend.title in source


def test_fixture_gets_every_kind_of_diagram(fixture_strategy: model.Strategy) -> None:
    names = [d.name for d in graphs.strategy_diagrams(fixture_strategy, STYLE)]
    # indsats 3 has no activities and no goals: nothing to draw, so no diagram
    assert names == [
        "oversigt",
        "indsats-fremskudt",
        "indsats-opsporing",
        "sammenhaenge",
        "afhaengigheder",
        "maalsaetninger",
    ]


def test_overview_draws_the_whole_chain_with_the_assumptions(fixture_strategy: model.Strategy) -> None:
    overview = graphs.strategy_diagrams(fixture_strategy, STYLE)[0]
    kinds = {n.kind for n in overview.nodes}
    assert kinds == {"indsats", "aktivitet", "kortsigtet", "effekt"}
    carried = {(e.tail, e.head): e.assumption for e in overview.edges if e.assumption}
    assert carried == {
        ("faerre-sager", "tid-til-familier"): "Rådgiverne bruger den sparede tid hos familierne",
        ("tid-til-familier", "faerre-anbringelser"): "Når rådgiveren kender familien, opdages problemer før de vokser",
    }
    assert overview.ranks[0] == ("fremskudt", "opsporing", "indsatstrappen")


def test_editor_text_cannot_break_the_dot_source(fixture_strategy: model.Strategy) -> None:
    source = "\n".join(dotsource.to_dot(d, STYLE) for d in graphs.strategy_diagrams(fixture_strategy, STYLE))
    assert "&lt;med&gt;" in source and "netværk &amp;" in source  # HTML labels: entities
    assert "<med>" not in re.sub(r'tooltip="(?:[^"\\]|\\.)*"', "", source)  # in a quoted tooltip it is text
    assert "&quot;bekymrende" in source
    # Graphviz reads a backslash escape (\n, \N …) in a quoted tooltip twice: once as DOT, once as escString
    assert r"{{ config }} \\\\n" in source  # tooltips: the backslash stays a backslash


@pytest.mark.parametrize(
    "activities,level,most_nodes", [(20, "aktiviteter", 40), (60, "indsatser", 30), (1000, "omraader", 8)]
)
def test_overview_collapses_as_the_strategy_grows(tmp_path: Path, activities: int, level: str, most_nodes: int) -> None:
    strategy = synthetic_site(tmp_path, activities).strategies[0]
    assert graphs.overview_level(strategy, STYLE) == level
    found = {d.name: d for d in graphs.strategy_diagrams(strategy, STYLE)}
    overview = found["oversigt"]
    assert len(overview.nodes) <= most_nodes
    # every indsats keeps its own diagram, so the overview can link down to it
    assert {f"indsats-{i.id}" for i in strategy.indsatser} <= set(found)
    if level == "omraader":
        assert {n.kind for n in overview.nodes} == {"område", "effekt"}
        assert len(dotsource.to_dot(overview, STYLE)) < 10_000
        assert {f"omraade-{a.id}" for a in strategy.omraader} <= set(found)
        assert "detaljer" not in found and "afhaengigheder" not in found  # too large to be legible


def test_collapsed_overview_golden(tmp_path: Path) -> None:
    for activities in (60, 1000):
        strategy = synthetic_site(tmp_path / str(activities), activities).strategies[0]
        overview = graphs.strategy_diagrams(strategy, STYLE)[0]
        check_golden(GOLDEN / "synthetic" / f"oversigt-{activities}.dot", dotsource.to_dot(overview, STYLE))


def test_text_equivalent_lists_every_node_with_its_link(fixture_strategy: model.Strategy) -> None:
    book = addresses.address_book(model.Site((fixture_strategy,)))
    src = "figurer/index.md"
    for diagram in graphs.strategy_diagrams(fixture_strategy, STYLE):
        text = text_equivalent(diagram, lambda e: addresses.relative_link(src, book.target("figurer", e)))
        for node in diagram.nodes:
            link = addresses.relative_link(src, book.target("figurer", node.name))
            assert f"]({link})" in text, (diagram.name, node.name)
        assert text.count("- [") >= len(diagram.nodes)


def test_text_equivalent_carries_assumption_and_reason(fixture_strategy: model.Strategy) -> None:
    overview = graphs.strategy_diagrams(fixture_strategy, STYLE)[0]
    text = text_equivalent(overview, lambda e: e + ".md")
    line = next(x for x in text.splitlines() if "faerre-anbringelser.md" in x)
    assert "antagelse A2: Når rådgiveren kender familien, opdages problemer før de vokser" in line
    assert r"begrundelse: Erfaringer fra pilotprojektet i \*Dronninglund\*\." in line  # shown, not emphasis


def test_every_title_is_human(fixture_strategy: model.Strategy) -> None:
    for diagram in graphs.strategy_diagrams(fixture_strategy, STYLE):
        titles = diagram.titles()
        for node in diagram.nodes:
            assert titles[node.name].startswith(node.heading + ": ")
        for edge in diagram.edges:
            assert " → " in titles[f"{edge.tail}->{edge.head}"]


# --- colours ------------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_meet_wcag_contrast(scheme: str) -> None:
    def c(colour: Colour) -> str:
        return str(getattr(colour, scheme))

    page = c(STYLE.page)
    problems = []
    for kind, look in STYLE.types.items():
        for name, text in (("tekst", STYLE.text), ("lille tekst", STYLE.muted_text)):
            if contrast(c(text), c(look.fill)) < 4.5:
                problems.append(f"{kind}: {name} på fyld {contrast(c(text), c(look.fill)):.2f}")
        if contrast(c(look.border), page) < 3:
            problems.append(f"{kind}: kant mod siden {contrast(c(look.border), page):.2f}")
    for name, line in (("pil", STYLE.edge), ("antagelsespil", STYLE.connection_edge), ("tekst", STYLE.text)):
        minimum = 4.5 if name == "tekst" else 3
        if contrast(c(line), page) < minimum:
            problems.append(f"{name} mod siden {contrast(c(line), page):.2f}")
    if contrast(c(STYLE.connection_edge), page) < 4.5:  # its "A1" labels are text on the page
        problems.append("antagelsespilens tekst mod siden")
    assert not problems


def test_each_light_colour_has_one_dark_counterpart() -> None:
    seen: dict[str, str] = {}
    for colour in STYLE.colours():
        assert seen.setdefault(colour.light, colour.dark) == colour.dark, colour.light
        assert re.fullmatch(r"#[0-9a-f]{6}", colour.light) and re.fullmatch(r"#[0-9a-f]{6}", colour.dark)


def test_missing_graphviz_stops_with_danish_install_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fixture_strategy: model.Strategy
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    site = model.Site((fixture_strategy,))
    with pytest.raises(graphviz.GraphvizMissing, match="sudo apt-get install graphviz"):
        draw_diagrams(site, addresses.address_book(site), tmp_path / "cache")
