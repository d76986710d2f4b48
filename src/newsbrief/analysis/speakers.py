"""Speakers: the share table finished from counts (counted in SQL, :mod:`.db_counts`), speaker share by source or
period, quotes as a reader sees them."""

from __future__ import annotations

import pandas as pd

from .periods import period_start, source_labels

UNATTRIBUTED = "(unattributed)"
SHARE_COLUMNS = [
    "speaker", "named", "quotes", "articles", "words", "quote_share", "word_share", "first", "last", "example",
]


def _with_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    q = quotes.copy()
    q["speaker"] = q["speaker"].astype("object").where(q["speaker"].notna(), UNATTRIBUTED)
    q["named"] = q["speaker_entity_id"].notna()
    q["words"] = q["content"].astype(str).str.split().str.len()
    # one statement per (article, statement_id): a quote split around its cue counts once (one per row before it)
    part = q["statement_id"] if "statement_id" in q else (q["quote_id"] if "quote_id" in q else q.index.to_series())
    q["statement"] = q["article_id"].astype(str) + "\x1f" + part.astype(str).to_numpy()
    return q


def share_from_counts(counts: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """The share table of :func:`~newsbrief.analysis.db_counts.speaker_share` from per-speaker counts (speaker,
    named, quotes, articles, words, first, last, example): shares and order."""
    if counts.empty:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    out = counts.copy()
    out["quote_share"] = out["quotes"] / out["quotes"].sum()
    out["word_share"] = out["words"] / max(int(out["words"].sum()), 1)
    out = out.sort_values(["quotes", "words", "speaker"], ascending=[False, False, True], kind="stable")
    if top is not None:
        out = out.head(top)
    return out[SHARE_COLUMNS].reset_index(drop=True)


def speaker_share_by(
    quotes: pd.DataFrame, articles: pd.DataFrame, *, by: str = "source", freq: str = "W", top: int = 5
) -> pd.DataFrame:
    """Quotes (statements) per top speaker by ``source`` or by period (``by="period"``); rows: group, columns:
    speakers."""
    if quotes.empty:
        return pd.DataFrame()
    q = _with_speaker(quotes).merge(articles[["article_id", "source", "published"]], on="article_id", how="left")
    leaders = q.groupby("speaker")["statement"].nunique().sort_values(ascending=False, kind="stable").head(top).index
    q = q[q["speaker"].isin(leaders)]
    if by == "period":
        q = q.dropna(subset=["published"])
        if q.empty:
            return pd.DataFrame()
        key = period_start(q["published"], freq)
    else:
        key = source_labels(q[by])
    return q.groupby([key, "speaker"])["statement"].nunique().unstack(fill_value=0)


def quote_table(quotes: pd.DataFrame, *, limit: int | None = None) -> pd.DataFrame:
    """Quotes as a reader sees them: speaker, kind, cue, words and the content."""
    if quotes.empty:
        return pd.DataFrame(columns=["article_id", "speaker", "as written", "kind", "cue", "words", "quote"])
    q = _with_speaker(quotes)
    out = pd.DataFrame(
        {
            "article_id": q["article_id"],
            "speaker": q["speaker"],
            "as written": q["speaker_text"].fillna(""),
            "kind": q["kind"],
            "cue": q["cue"].fillna(""),
            "words": q["words"],
            "quote": q["content"],
        }
    )
    return out.head(limit) if limit is not None else out


def speaker_share_table_by(
    quotes: pd.DataFrame, articles: pd.DataFrame, *, by: str = "source", freq: str = "W", top: int | None = 5
) -> pd.DataFrame:
    """Speaker share within each source or period, in long form.

    Columns: group (source, or period start for ``by="period"``), speaker, named, quotes, words,
    quote_share and word_share (shares within the group), example (the longest quote). ``top`` keeps the
    most quoted speakers of each group; unattributed quotes are a speaker line of their own.
    """
    columns = ["group", "speaker", "named", "quotes", "words", "quote_share", "word_share", "example"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    q = _with_speaker(quotes).merge(articles[["article_id", "source", "published"]], on="article_id", how="left")
    if by == "period":
        q = q.dropna(subset=["published"])
        if q.empty:
            return pd.DataFrame(columns=columns)
        q["group"] = period_start(q["published"], freq)
    elif by == "source":
        q["group"] = source_labels(q["source"])
    else:
        raise ValueError(f"by must be 'source' or 'period', not {by!r}")
    example = (q.sort_values("words", ascending=False, kind="stable").drop_duplicates(["group", "speaker"])
               .set_index(["group", "speaker"])["content"])
    out = q.groupby(["group", "speaker"]).agg(named=("named", "max"), quotes=("statement", "nunique"),
                                              words=("words", "sum"))
    out["quote_share"] = out["quotes"] / out.groupby(level="group")["quotes"].transform("sum")
    out["word_share"] = out["words"] / out.groupby(level="group")["words"].transform("sum").clip(lower=1)
    out["example"] = example
    out = out.reset_index().sort_values(["group", "quotes", "words"], ascending=[True, False, False], kind="stable")
    if top is not None:
        out = out.groupby("group", sort=False).head(top)
    return out[columns].reset_index(drop=True)
