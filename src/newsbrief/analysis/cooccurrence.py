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

from .sentiment import sentence_of

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


def cooccurrence(
    mentions: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame, *, entity_ids: Sequence[str],
    min_together: int = 3, alpha: float = 0.05,
) -> pd.DataFrame:
    """Pairs of the given entities named in the same sentence; strongest association (NPMI) first.

    Only pairs seen together at least ``min_together`` times are kept. ``significant``: more often together
    than chance (observed above expected) with a Bonferroni-corrected G^2 p-value below ``alpha``.
    """
    ids = list(dict.fromkeys(entity_ids))
    m = mentions[mentions["entity_id"].isin(ids)][["article_id", "start", "entity_id"]]
    n_units = len(sentences)
    if m.empty or n_units == 0 or len(ids) < 2:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    hits = sentence_of(m, sentences)[["article_id", "sent_id", "entity_id"]].drop_duplicates()
    hits["unit"] = hits["article_id"].astype(str) + "\x1f" + hits["sent_id"].astype(str)
    n_of = hits.groupby("entity_id")["unit"].nunique()
    pairs = hits.merge(hits, on="unit")
    pairs = pairs[pairs["entity_id_x"] < pairs["entity_id_y"]]
    together = pairs.groupby(["entity_id_x", "entity_id_y"]).size().rename("together").reset_index()
    return pairs_from_counts(together, n_of, n_units, entities, entity_ids=ids, min_together=min_together, alpha=alpha)


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


def _ranked(values: pd.Series) -> pd.Series:
    """Counts of each value, most frequent first, ties by value (deterministic, as the SQL path orders them)."""
    counts = values.value_counts()
    order = sorted(counts.index, key=lambda v: (-int(counts[v]), str(v)))
    return counts.reindex(order)


def share_of_voice(
    mentions: pd.DataFrame, articles: pd.DataFrame, entities: pd.DataFrame, *, top: int = 8, sources: int = 8,
    min_articles: int = 3,
) -> pd.DataFrame:
    """Source x entity: each top entity's share of the source's entity mentions (rows: the largest sources).

    Sources with fewer than ``min_articles`` articles are left out; an empty frame when fewer than two remain.
    """
    from .periods import source_labels

    a = articles.assign(source=source_labels(articles["source"]))
    sizes = _ranked(a["source"])
    kept = sizes[sizes >= min_articles].head(sources).index
    if len(kept) < 2 or mentions.empty:
        return pd.DataFrame()
    m = mentions.dropna(subset=["entity_id"]).merge(a[["article_id", "source"]], on="article_id")
    leaders = _ranked(m["entity_id"]).head(top).index
    m = m[m["source"].isin(kept)]
    table = m.groupby(["source", "entity_id"]).size().unstack(fill_value=0)
    shares = table.div(table.sum(axis=1).replace(0, np.nan), axis=0).reindex(columns=leaders, fill_value=0.0)
    names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"]
    shares = shares.reindex(kept).fillna(0.0)
    shares.columns = [names.get(c, c) for c in shares.columns]
    shares.index.name = "source"
    return shares


def speaker_share_of_voice(
    quotes: pd.DataFrame, articles: pd.DataFrame, *, top: int = 8, sources: int = 8, min_articles: int = 3,
) -> pd.DataFrame:
    """Source x speaker: each top speaker's share of the source's attributed quotes (rows: the largest sources)."""
    from .periods import source_labels

    a = articles.assign(source=source_labels(articles["source"]))
    sizes = _ranked(a["source"])
    kept = sizes[sizes >= min_articles].head(sources).index
    q = quotes.dropna(subset=["speaker"])
    if len(kept) < 2 or q.empty:
        return pd.DataFrame()
    q = q.merge(a[["article_id", "source"]], on="article_id")
    leaders = _ranked(q["speaker"]).head(top).index
    table = q[q["source"].isin(kept)].groupby(["source", "speaker"]).size().unstack(fill_value=0)
    shares = table.div(table.sum(axis=1).replace(0, np.nan), axis=0).reindex(columns=leaders, fill_value=0.0)
    shares = shares.reindex(kept).fillna(0.0)
    shares.index.name = "source"
    shares.columns.name = None
    return shares
