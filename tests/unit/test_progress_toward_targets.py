"""Issue 5, must show 2: progress toward a target the IATI way.

The expected values are worked out by hand from the definition — (actual − baseline) / (target −
baseline), clamped to 0–100 %, with "lower is better" counting a fall as progress — not copied from code.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros import model
from macros.derived.progress import (
    NO_BASELINE,
    NO_TARGET,
    NOT_MEASURED,
    indicator_rows,
    progress,
)
from macros.derived.words import number


def indicator(
    retning: model.Direction = "højere", baseline: float | None = 80.0, *perioder: model.Measurement
) -> model.Indicator:
    base = None if baseline is None else model.Baseline("2019", baseline)
    return model.Indicator(
        id=model.ElementId("i"), titel="Indikator", retning=retning, baseline=base, perioder=perioder
    )


def percent(retning: model.Direction, baseline: float, target: float | None, actual: float | None) -> float | None:
    return progress(indicator(retning, baseline), model.Measurement("2021", target, actual)).percent


@pytest.mark.parametrize(
    ("retning", "baseline", "target", "actual", "expected"),
    [
        pytest.param("højere", 80, 90, 85, 50, id="higher-is-better-halfway"),
        pytest.param("højere", 80, 90, 82, 20, id="higher-is-better-a-fifth"),
        pytest.param("lavere", 10, 6, 8, 50, id="lower-is-better-halfway"),
        pytest.param("lavere", 6.1, 5.5, 5.8, 50, id="lower-is-better-absence"),
        pytest.param("højere", 80, 90, 80, 0, id="at-baseline-is-0"),
        pytest.param("lavere", 10, 6, 6, 100, id="at-target-is-100"),
        pytest.param("højere", 80, 90, 120, 100, id="beyond-target-clamps-to-100"),
        pytest.param("lavere", 10, 6, 2, 100, id="lower-beyond-target-clamps-to-100"),
        pytest.param("højere", 80, 90, 70, 0, id="wrong-direction-clamps-to-0"),
        pytest.param("lavere", 10, 6, 12, 0, id="lower-rising-clamps-to-0"),
    ],
)
def test_progress_is_the_share_of_the_way_from_baseline_to_target(
    retning: model.Direction, baseline: float, target: float, actual: float, expected: float
) -> None:
    assert percent(retning, baseline, target, actual) == pytest.approx(expected)


def test_the_direction_decides_whether_a_fall_is_progress() -> None:
    # From 10 toward 6, a measured 8: halfway when lower is better; a target below the baseline when higher
    # is better is a floor to stay above (8 ≥ 6: held), not a distance to cover.
    assert percent("lavere", 10, 6, 8) == pytest.approx(50)
    assert progress(indicator("højere", 10), model.Measurement("2021", 6, 8)).threshold
    assert percent("højere", 10, 6, 8) == 100
    assert percent("højere", 10, 6, 5) == 0


@pytest.mark.parametrize(
    ("retning", "actual", "expected", "text"),
    [
        pytest.param("højere", 80, 100, "100 % (niveau holdt)", id="held-exactly"),
        pytest.param("højere", 85, 100, "100 % (niveau holdt)", id="better-than-target"),
        pytest.param("højere", 79, 0, "0 % (niveau ikke holdt)", id="fell-below"),
        pytest.param("lavere", 81, 0, "0 % (niveau ikke holdt)", id="lower-is-better-rose"),
    ],
)
def test_a_target_equal_to_the_baseline_is_a_level_to_hold(
    retning: model.Direction, actual: float, expected: float, text: str
) -> None:
    result = progress(indicator(retning, 80), model.Measurement("2021", 80, actual))
    assert (result.percent, result.text()) == (expected, text)


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "reason"),
    [
        pytest.param(80, None, 85, NO_TARGET, id="no-target"),
        pytest.param(80, 90, None, NOT_MEASURED, id="not-measured"),
        pytest.param(80, None, None, NO_TARGET, id="neither"),
        pytest.param(None, 90, 85, NO_BASELINE, id="no-baseline"),
    ],
)
def test_missing_values_give_no_progress_never_zero(
    baseline: float | None, target: float | None, actual: float | None, reason: str
) -> None:
    result = progress(indicator("højere", baseline), model.Measurement("2021", target, actual))
    assert result.percent is None
    assert result.text() == reason
    assert "0" not in result.text()


def test_progress_reads_as_a_whole_percentage() -> None:
    assert progress(indicator("højere", 0), model.Measurement("2021", 3, 1)).text() == "33 %"


values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(
    retning=st.sampled_from(["højere", "lavere"]),
    baseline=values,
    target=values,
    actual=values,
    better=st.floats(min_value=0, max_value=1e6),
)
def test_progress_stays_in_range_and_never_falls_as_the_result_improves(
    retning: model.Direction, baseline: float, target: float, actual: float, better: float
) -> None:
    improved = actual + better if retning == "højere" else actual - better
    before = percent(retning, baseline, target, actual)
    after = percent(retning, baseline, target, improved)
    assert before is not None and after is not None
    assert 0 <= before <= 100 and 0 <= after <= 100
    assert after >= before - 1e-9


def test_the_table_rows_start_with_the_baseline_and_keep_the_editors_order() -> None:
    rows = indicator_rows(
        indicator("højere", 80, model.Measurement("2022", 95, None), model.Measurement("2021", None, 84))
    )
    assert [(r.periode, r.is_baseline, r.maal, r.faktisk) for r in rows] == [
        ("2019", True, None, 80),
        ("2022", False, 95, None),
        ("2021", False, None, 84),
    ]
    assert rows[0].progress is None


@pytest.mark.parametrize(
    ("value", "text"), [(6.1, "6,1"), (12500, "12.500"), (4.0, "4"), (0.125, "0,125"), (-0.0, "0"), (1234.5, "1.234,5")]
)
def test_numbers_are_written_the_danish_way(value: float, text: str) -> None:
    assert number(value) == text
