"""Findings a reader can trust: a corpus lead carried by more than one article, unnamed sources as the table marks
them, an interval that clears zero as printed."""

from __future__ import annotations

import pandas as pd

from newsbrief.present.findings import speaker_findings_from
from newsbrief.present.tone_findings import entity_tone_findings


def _share(rows: list[tuple[str, bool, int, int]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["speaker", "named", "quotes", "articles"])
    df["words"] = df["quotes"] * 10
    df["quote_share"] = df["quotes"] / df["quotes"].sum()
    df["word_share"] = df["words"] / df["words"].sum()
    return df


def test_a_corpus_lead_quoted_in_one_article_gives_way_to_one_quoted_in_many() -> None:
    share = _share([("Ann Lee", True, 30, 1), ("Bo Chan", True, 12, 8), ("police", False, 9, 6)])
    lead = speaker_findings_from(share, n_articles=63)[0]
    assert lead.startswith("Bo Chan is quoted most: 12 of 51 quotes (24%) in 8 of 63 articles")
    assert "Ann Lee has more quotes (30), all in one article" in lead


def test_a_corpus_where_every_named_speaker_is_in_one_article_says_so() -> None:
    lead = speaker_findings_from(_share([("Ann Lee", True, 30, 1), ("police", False, 9, 6)]), n_articles=63)[0]
    assert lead.startswith("No named speaker is quoted in more than one article") and "all in 1 of 63" in lead


def test_unnamed_sources_are_those_the_table_marks_unnamed() -> None:
    out = speaker_findings_from(_share([("Ann Lee", True, 3, 1), ("spokesman", False, 2, 1)]))
    assert any(s.startswith("Unnamed sources: 2 quotes from 1 unnamed") and "spokesman (2)" in s for s in out)
    assert not any("Ann Lee" in s for s in out if s.startswith("Unnamed"))


def test_an_interval_that_prints_as_touching_zero_is_not_clear_of_it() -> None:
    df = pd.DataFrame({"entity": ["Dolby Atmos"], "mean": [0.43], "ci_low": [0.003], "ci_high": [0.85],
                       "n_mentions": [5], "n_articles": 1, "basis": "target"})
    (line,) = entity_tone_findings(df, n_sentences={"Dolby Atmos": 4})
    assert "too little to tell" in line
