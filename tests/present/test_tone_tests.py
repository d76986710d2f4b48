"""The article's tone findings test and bound means as scipy.stats does (computed from scipy.special, which the
briefing's kernel imports in a tenth of scipy.stats' time)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from newsbrief.present.tone_findings import _differ, _interval


def _samples(seed: int) -> tuple[pd.Series, pd.Series]:
    rng = np.random.default_rng(seed)
    na, nb = rng.integers(2, 30, 2)
    a = rng.normal(0, rng.uniform(0.01, 1), na)
    b = rng.normal(rng.normal(0, 0.5), rng.uniform(0.01, 1), nb)
    return pd.Series(np.round(a, 1) if seed % 7 == 0 else a), pd.Series(b)


@pytest.mark.parametrize("seed", range(300))
def test_halves_differ_exactly_when_scipy_stats_welch_test_says_so(seed: int) -> None:
    a, b = _samples(seed)
    assert _differ(a, b) == bool(stats.ttest_ind(a, b, equal_var=False).pvalue < 0.05)


@pytest.mark.parametrize("seed", range(100))
def test_the_stretch_interval_is_scipy_stats_student_t_interval(seed: int) -> None:
    a, _ = _samples(seed)
    v = a.to_numpy(dtype=float)
    half = stats.t.ppf(0.975, len(v) - 1) * v.std(ddof=1) / np.sqrt(len(v))
    assert _interval(a) == pytest.approx((v.mean() - half, v.mean() + half), rel=1e-12, abs=1e-15)


def test_constant_halves_differ_only_when_their_values_do() -> None:
    assert _differ(pd.Series([0.2, 0.2]), pd.Series([0.1, 0.1, 0.1]))
    assert not _differ(pd.Series([0.2, 0.2]), pd.Series([0.2, 0.2, 0.2]))
    assert all(np.isnan(_interval(pd.Series([0.3]))))
