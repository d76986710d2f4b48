"""The shared answers to 'which period?' and 'which source?' for every table that has dates or sources."""

from __future__ import annotations

import pandas as pd

#: How an article without a source is shown and grouped.
UNKNOWN_SOURCE = "unknown source"


def period_start(published: pd.Series, freq: str) -> pd.Series:
    """The start (naive UTC) of the ``freq`` period (``D``, ``W``, ``M``) holding each publication time."""
    stamps = pd.to_datetime(published, utc=True)
    return stamps.dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period(freq).dt.start_time


def source_labels(sources: pd.Series) -> pd.Series:
    """Sources as strings, missing ones as :data:`UNKNOWN_SOURCE` (never NA: safe to group and show)."""
    labels = sources.astype("object")
    return labels.where(labels.notna() & (labels.astype(str).str.strip() != ""), UNKNOWN_SOURCE).astype(str)
