"""Why it spiked: periods where an entity's share of the coverage jumps above its own baseline.

The rule is robust: per entity, the share of all entity mentions in each period is compared with the median
share over every period, on the scale of the median absolute deviation (times 1.4826, the normal-consistent
MAD). A thin period is noisy, so the scale is never smaller than the binomial standard error of the median
share in that period, sqrt(p(1-p)/n). A period is a spike when that robust z reaches ``k`` and the entity has at
least ``min_mentions`` mentions in it: a busy news week (more articles) is not a spike by itself, and one
article mentioning a name three times is not either.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .periods import source_labels

SPIKE_COLUMNS = ["entity_id", "entity", "period", "mentions", "share", "baseline_share", "robust_z", "articles"]
HEADLINE_COLUMNS = ["entity_id", "entity", "period", "rank", "article_id", "title", "source", "published", "url",
                    "mentions"]


def spikes_from_shares(
    long: pd.DataFrame, n_articles: pd.DataFrame, entities: pd.DataFrame, *, k: float = 3.0, min_mentions: int = 5,
    min_articles: int = 2,
) -> pd.DataFrame:
    """The spike rule on per-(period, entity_id) mentions and period totals (every calendar period), with the
    articles per (entity_id, period) in ``n_articles``; shared by the pandas and SQL paths."""
    long = long[long["total"] > 0].copy()
    long["share"] = long["mentions"] / long["total"]
    grouped = long.groupby("entity_id")["share"]
    median = grouped.transform("median")
    mad = (long["share"] - median).abs().groupby(long["entity_id"]).transform("median") * 1.4826
    noise = np.sqrt(median * (1 - median) / long["total"])
    scale = np.maximum(mad, noise).replace(0, np.nan)
    long["baseline_share"] = median
    long["robust_z"] = (long["share"] - median) / scale
    spikes = long[(long["robust_z"] >= k) & (long["mentions"] >= min_mentions)].copy()
    if spikes.empty:
        return pd.DataFrame(columns=SPIKE_COLUMNS)
    spikes = spikes.merge(n_articles, on=["entity_id", "period"], how="left")
    spikes = spikes[spikes["articles"] >= min_articles]
    names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"]
    spikes["entity"] = spikes["entity_id"].map(names)
    spikes = spikes.sort_values(["robust_z", "mentions", "entity_id"], ascending=[False, False, True], kind="stable")
    return spikes[SPIKE_COLUMNS].reset_index(drop=True)


def headlines_from_counts(spikes: pd.DataFrame, per: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """:func:`spike_headlines` from mentions per (entity_id, article_id) with the article's title, source,
    published, url and period."""
    if spikes.empty or per.empty:
        return pd.DataFrame(columns=HEADLINE_COLUMNS)
    rows = spikes[["entity_id", "entity", "period"]].merge(per, on=["entity_id", "period"])
    rows = rows.sort_values(["entity_id", "period", "mentions", "published", "article_id"],
                            ascending=[True, True, False, True, True])
    rows = rows.drop_duplicates(["entity_id", "period", "title"])  # the same story syndicated twice is one line
    rows["rank"] = rows.groupby(["entity_id", "period"]).cumcount() + 1
    rows = rows[rows["rank"] <= n]
    rows["source"] = source_labels(rows["source"])
    order = spikes.reset_index()[["entity_id", "period", "index"]]
    rows = rows.merge(order, on=["entity_id", "period"]).sort_values(["index", "rank"])
    return rows[HEADLINE_COLUMNS].reset_index(drop=True)
