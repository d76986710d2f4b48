"""Articles with too little text to be read as articles (a caption, a teaser, a page of menus).

Computed from the ``text`` column of the articles table (the annotation contract is unchanged), with
:func:`newsbrief.textutil.thin_reason`, the same judgement that ingest warns with.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..textutil import thin_reason


def thin_articles(articles: pd.DataFrame) -> dict[str, str]:
    """``{article_id: reason}`` for every article whose text is too little to brief on."""
    if "text" not in articles or articles.empty:
        return {}
    return {str(i): reason for i, text in zip(articles["article_id"], articles["text"])
            if (reason := thin_reason(str(text) if isinstance(text, str) else ""))}


def without_articles(tables: Mapping[str, pd.DataFrame], article_ids: set[str]) -> dict[str, pd.DataFrame]:
    """The tables without the rows of ``article_ids`` (entities stay: they are looked up by id)."""
    out = dict(tables)
    for name, frame in tables.items():
        if "article_id" in frame.columns:
            out[name] = frame[~frame["article_id"].astype(str).isin(article_ids)].reset_index(drop=True)
    return out
