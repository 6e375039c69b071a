"""The benchmark's synthetic strategy is valid data with the shape the benchmark promises.

The generator is run as the benchmark runs it (``benchmarks/generate.py --activities N --out DIR``) and
its file is read with the product's own loader, so a change to the data format that the generator does
not follow fails here rather than half-way through a benchmark run. No timing is asserted.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import harness  # benchmarks/harness.py (benchmarks/ is on pytest's pythonpath)
from macros import model
from macros.loading.validate import load_site
from support.sites import generate_strategy


@pytest.fixture(scope="module", params=[7, 100, 1000])
def strategy(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> model.Strategy:
    out = tmp_path_factory.mktemp(f"generated-{request.param}")
    generate_strategy(request.param, out)
    site = load_site(out)  # raises DataError with the Danish list if the file is not valid data
    assert len(site.strategies) == 1
    return site.strategies[0]


def test_has_the_asked_number_of_activities_about_five_per_intervention(strategy: model.Strategy) -> None:
    n = int(strategy.titel.split()[3])
    assert len(strategy.activities) == n
    sizes = Counter(len(i.aktiviteter) for i in strategy.indsatser)
    assert max(sizes) == min(n, 5) and all(1 <= size <= 5 for size in sizes)
    assert len(strategy.omraader) == 3


def test_goals_at_two_levels_with_indicators_and_measurements(strategy: model.Strategy) -> None:
    levels = {g.niveau for g in strategy.maal}
    assert levels == {"kortsigtet", "effekt"}
    indicators = [i for g in strategy.maal for i in g.indikatorer]
    assert indicators and all(i.baseline is not None and i.perioder for i in indicators)
    assert any(p.maal is not None and p.faktisk is not None for i in indicators for p in i.perioder)


def test_activities_depend_on_each_other_and_connections_carry_assumptions(strategy: model.Strategy) -> None:
    if len(strategy.activities) > 5:
        assert sum(1 for a in strategy.activities if a.afhaenger_af) > len(strategy.activities) // 3
    assert strategy.forbindelser and all(c.antagelse for c in strategy.forbindelser)


def test_actors_with_roles_and_processes(strategy: model.Strategy) -> None:
    assert strategy.aktoerer and all(a.roller for a in strategy.aktoerer[:2])
    assert any(r.indsats for a in strategy.aktoerer for r in a.roller)
    assert strategy.processer and all(p.ansvarlige for p in strategy.processer)


def test_text_lengths_look_like_real_titles_and_descriptions(strategy: model.Strategy) -> None:
    elements = [e for e in strategy.elements.values() if isinstance(e, (model.Activity, model.Intervention))]
    assert all(3 <= len(e.titel.split()) <= 8 for e in elements)
    assert all(e.beskrivelse and 1 <= e.beskrivelse.count(".") <= 3 for e in elements)


def test_same_size_gives_the_same_file_and_another_size_another(tmp_path: Path) -> None:
    first = generate_strategy(50, tmp_path / "a").read_bytes()
    assert generate_strategy(50, tmp_path / "b").read_bytes() == first
    assert generate_strategy(51, tmp_path / "c").read_bytes() != first


def test_dot_time_counts_overlapping_calls_once_and_counts_crashes(tmp_path: Path) -> None:
    log = tmp_path / "dot.log"
    log.write_text("10.0 12.0 0\n11.0 13.0 1\n20.0 20.5\n", encoding="utf-8")  # two parallel, then one
    spent = harness.read_dot_log(log)
    assert (spent.calls, spent.crashed) == (3, 1)
    assert spent.busy == pytest.approx(3.5) and spent.total == pytest.approx(4.5)
