"""Issue 16: a diagram's title says what it shows, and a diagram that would only be a tangle is not drawn.

Tidlig Indsats' målsætninger diagram drew every målsætning with an arrow to the same four aktører (16
arrows between 9 boxes, most of them crossing) under a title promising indsatser it did not draw. A diagram
of relations across the strategy with more arrows per box than the style allows is left out (the Ansvar og
roller page says the same as a table); the målsætninger diagram's title names the kinds it draws.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.derived.words import vocabulary
from macros.diagrams import graphs
from macros.diagrams.style import load_style
from macros.loading.validate import load_site
from support.sites import DIAGRAM_DATA, FIXTURE_PROJECT, REALISATION_PROJECT, ROOT

STYLE = load_style()


def test_the_tangled_malsaetninger_diagram_of_the_example_is_not_drawn() -> None:
    strategy = load_site(ROOT / "data").strategy("tidlig-indsats")
    tangle = graphs.objectives(strategy, STYLE, vocabulary(strategy))
    assert len(tangle.edges) > STYLE.detail.max_arrows_per_box * len(tangle.nodes)
    drawn = {d.name for d in graphs.strategy_diagrams(strategy, STYLE)}
    assert "maalsaetninger" not in drawn


@pytest.mark.parametrize(
    "data,strategy_id",
    [(FIXTURE_PROJECT / "data", "proeve"), (REALISATION_PROJECT / "data", "realisering"), (DIAGRAM_DATA, "figurer")],
)
def test_the_malsaetninger_diagram_is_drawn_when_it_is_legible_and_its_title_names_what_it_draws(
    data: Path, strategy_id: str
) -> None:
    strategy = load_site(data).strategy(strategy_id)
    words = vocabulary(strategy)
    found = {d.name: d for d in graphs.strategy_diagrams(strategy, STYLE)}
    diagram = found["maalsaetninger"]
    assert 0 < len(diagram.edges) <= STYLE.detail.max_arrows_per_box * len(diagram.nodes)
    kinds = {node.kind for node in diagram.nodes} - {"målsætning"}
    title = diagram.title
    for kind in ("indsats", "aktør", "proces", "effekt", "kortsigtet"):
        named = words.plural(kind) in title
        assert named == (kind in kinds), f"{strategy_id}: {title!r} and the kinds drawn {sorted(kinds)}"
