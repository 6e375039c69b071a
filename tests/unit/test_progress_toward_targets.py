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
    target_text,
)
from macros.derived.words import amount, number


def indicator(
    retning: model.Direction = "højere",
    baseline: float | None = 80.0,
    *perioder: model.Measurement,
    unit: str | None = None,
    bound: model.YesNo = "nej",
) -> model.Indicator:
    base = None if baseline is None else model.Baseline("2019", baseline)
    return model.Indicator(
        id=model.ElementId("i"),
        titel="Indikator",
        maaleenhed=unit,
        retning=retning,
        maal_er_graense=bound,
        baseline=base,
        perioder=perioder,
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
    # is better was reached at the baseline (8 ≥ 6: still reached), not a distance to cover.
    assert percent("lavere", 10, 6, 8) == pytest.approx(50)
    assert progress(indicator("højere", 10), model.Measurement("2021", 6, 8)).reached_at_baseline
    assert percent("højere", 10, 6, 8) == 100
    assert percent("højere", 10, 6, 5) == 0


@pytest.mark.parametrize(
    ("retning", "actual", "expected", "text"),
    [
        pytest.param("højere", 80, 100, "nået", id="held-exactly"),
        pytest.param("højere", 85, 100, "nået", id="better-than-target"),
        pytest.param("højere", 79, 0, "ikke nået", id="fell-below"),
        pytest.param("lavere", 81, 0, "ikke nået", id="lower-is-better-rose"),
    ],
)
def test_a_target_equal_to_the_baseline_is_reached_or_not(
    retning: model.Direction, actual: float, expected: float, text: str
) -> None:
    result = progress(indicator(retning, 80), model.Measurement("2021", 80, actual))
    assert (result.percent, result.text()) == (expected, text)


def test_a_target_below_a_baseline_where_higher_is_better_is_reached_not_held() -> None:
    # The real case of the issue: inklusionsgrad 93,4 % → 93,5 %, target 92,4 %, higher is better.
    inclusion = indicator("højere", 93.4, model.Measurement("2021", 92.4, 93.5), unit="%")
    row = indicator_rows(inclusion)[1]
    assert row.progress is not None
    assert row.progress.text() == "nået"
    assert "niveau" not in row.progress.text() and "%" not in row.progress.text()
    assert row.target == "92,4 %"


@pytest.mark.parametrize(
    ("baseline", "change", "actual", "target", "text", "shown"),
    [
        pytest.param(20.0, -40, 16.0, 12.0, "50 %", "−40 % (til 12 sager)", id="a-fall-of-40-percent"),
        pytest.param(50.0, 10, 55.0, 55.0, "100 %", "+10 % (til 55 sager)", id="a-rise-of-10-percent"),
        pytest.param(None, -40, 16.0, None, NO_BASELINE, "−40 %", id="no-baseline-shows-the-change-alone"),
    ],
)
def test_a_relative_target_shows_the_change_and_the_value_it_means(
    baseline: float | None, change: float, actual: float, target: float | None, text: str, shown: str
) -> None:
    retning: model.Direction = "lavere" if change < 0 else "højere"
    period = model.Measurement("2027", faktisk=actual, maal_aendring=change)
    case = indicator(retning, baseline, period, unit="sager")
    row = indicator_rows(case)[-1]
    assert row.maal == (pytest.approx(target) if target is not None else None)
    assert row.target == shown
    assert row.progress is not None and row.progress.text() == text


@pytest.mark.parametrize(
    ("retning", "target", "shown"),
    [
        pytest.param("lavere", 0.5, "højst 0,5 %", id="at-most-when-lower-is-better"),
        pytest.param("højere", 92.4, "mindst 92,4 %", id="at-least-when-higher-is-better"),
    ],
)
def test_a_bound_is_phrased_as_people_say_it(retning: model.Direction, target: float, shown: str) -> None:
    period = model.Measurement("2027", target)
    assert target_text(indicator(retning, 1.0, period, unit="%", bound="ja"), period) == shown
    assert target_text(indicator(retning, 1.0, period, unit="%"), period) == shown.split(" ", 1)[1]


def test_a_relative_bound_names_the_bound_on_the_value() -> None:
    period = model.Measurement("2027", maal_aendring=-40)
    assert target_text(indicator("lavere", 0.8, period, unit="%", bound="ja"), period) == "−40 % (højst 0,48 %)"


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


@pytest.mark.parametrize(
    ("kroner", "text"),
    [
        (16_000_000, "16 mio. kr."),
        (2_500_000, "2,5 mio. kr."),
        (1_250_000_000, "1,25 mia. kr."),
        (750_000, "750.000 kr."),
        (1_234_567, "1.234.567 kr."),  # never rounded to a figure the data did not give
    ],
)
def test_amounts_are_written_the_danish_way(kroner: float, text: str) -> None:
    assert amount(kroner) == text
