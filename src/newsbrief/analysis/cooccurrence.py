"""Who appears with whom: entities named in the same sentence, weighed by association, not by frequency.

For two entities a and b over N sentences (every sentence of the corpus), with n_a, n_b sentences naming each and
n_ab naming both: PMI = log2(n_ab N / (n_a n_b)) and its normalised form NPMI = PMI / -log2(n_ab / N) in -1..1
(Bouma 2009). Whether the pair is more than chance is Dunning's (1993) log-likelihood G^2 on the 2x2 table,
p from chi-square with one degree of freedom, Bonferroni-corrected over the pairs tested. Two big names that
both appear everywhere get a low NPMI even when they share many sentences.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

PAIR_COLUMNS = ["a", "b", "a_id", "b_id", "together", "n_a", "n_b", "units", "expected", "pmi", "npmi", "g2", "p",
                "significant"]


def _g2(k11: np.ndarray, k12: np.ndarray, k21: np.ndarray, k22: np.ndarray) -> np.ndarray:
    """Dunning's log-likelihood ratio of a 2x2 contingency table (vectorised)."""
    def xlogx(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        return np.where(x > 0, x * np.log(np.where(x > 0, x, 1)), 0.0)

    n = k11 + k12 + k21 + k22
    rows = xlogx(k11 + k12) + xlogx(k21 + k22)
    cols = xlogx(k11 + k21) + xlogx(k12 + k22)
    cells = xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22)
    return 2 * (cells - rows - cols + xlogx(n))


def pairs_from_counts(
    together: pd.DataFrame, n_of: pd.Series, n_units: int, entities: pd.DataFrame, *, entity_ids: Sequence[str],
    min_together: int = 3, alpha: float = 0.05,
) -> pd.DataFrame:
    """:func:`cooccurrence` from sentences shared per pair (entity_id_x < entity_id_y, together), sentences per
    entity ``n_of`` and the number of sentences; shared by the pandas and SQL paths."""
    ids = list(dict.fromkeys(entity_ids))
    tested = max(1, len(list(itertools.combinations([i for i in ids if i in n_of.index], 2))))
    together = together[together["together"] >= min_together]
    if together.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    together = together.sort_values(["entity_id_x", "entity_id_y"])
    names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"]
    k11 = together["together"].to_numpy(dtype=float)
    n_a = together["entity_id_x"].map(n_of).to_numpy(dtype=float)
    n_b = together["entity_id_y"].map(n_of).to_numpy(dtype=float)
    big_n = float(n_units)
    expected = n_a * n_b / big_n
    pmi = np.log2(k11 * big_n / (n_a * n_b))
    npmi = pmi / -np.log2(k11 / big_n)
    g2 = _g2(k11, n_a - k11, n_b - k11, big_n - n_a - n_b + k11)
    p = np.array([math.erfc(math.sqrt(max(g, 0.0) / 2)) for g in g2])
    out = pd.DataFrame({
        "a": together["entity_id_x"].map(names).to_numpy(), "b": together["entity_id_y"].map(names).to_numpy(),
        "a_id": together["entity_id_x"].to_numpy(), "b_id": together["entity_id_y"].to_numpy(),
        "together": k11.astype(int), "n_a": n_a.astype(int), "n_b": n_b.astype(int), "units": n_units,
        "expected": expected, "pmi": pmi, "npmi": npmi, "g2": g2, "p": p,
        "significant": (k11 > expected) & (p * tested < alpha),
    })
    return out.sort_values(["significant", "npmi", "together"], ascending=False, kind="stable").reset_index(drop=True)

