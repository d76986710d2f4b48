"""Findings a reader can trust: whole sentences as extremes, tone intervals within one article, corpus leads carried
by more than one article."""

from __future__ import annotations

import pandas as pd
import pytest

from newsbrief.present.findings import speaker_findings_from
from newsbrief.analysis.sentiment import extreme_sentences, speaker_sentiment, whole_sentences
from newsbrief.analysis.target_tone import entity_tone


@pytest.mark.parametrize(("text", "whole"), [
    ("Kremlin spokesman Dmitry Peskov told reporters on Friday that the talks were over.", True),
    ("\u201cWe will not back down,\u201d the minister said on Monday.", True),
    ("When the devastating images of the flooded valley flashed up on", False),  # cut at a line break
    ("the talks were over, he told reporters on Friday afternoon.", False),  # starts mid-sentence
    ("Lupita Nyong'o arrives at the Oscars (Photo by Getty Images)", False),  # a caption
    ("A man walks past the closed shop. (AP Photo/John Doe)", False),  # a caption with its credit
    ("Photo: protesters gather outside the parliament on Tuesday.", False),
    ("WHAT HAPPENS NEXT FOR THE TALKS", False),  # a heading
    ("The talks resumed\nMore on this story below the fold today.", False),  # two lines glued
    ("It was fine.", False),  # too short to stand for the article's tone
])
def test_whole_sentences_leave_out_fragments_captions_and_headings(text: str, whole: bool) -> None:
    assert whole_sentences(pd.DataFrame({"text": [text]})).tolist() == [whole]


def test_extremes_are_never_fragments_even_when_a_fragment_scores_lowest() -> None:
    s = pd.DataFrame({"article_id": "a", "sent_id": [0, 1, 2], "sentiment": [-0.9, -0.4, 0.3], "text": [
        "When the devastating images of the war flashed up on",
        "The minister said the losses were devastating for the region.",
        "Aid workers welcomed the ceasefire and the reopened roads."]})
    ex = extreme_sentences(s)
    assert ex["text"].tolist() == [s["text"][1], s["text"][2]]


def test_entity_tone_of_one_article_has_an_interval_over_its_mentions() -> None:
    mentions = pd.DataFrame({"article_id": "a", "entity_id": ["E1"] * 4 + ["E2"],
                             "start": [0, 10, 20, 30, 40], "end": [5, 15, 25, 35, 45],
                             "tone": [-0.5, -0.4, -0.6, -0.5, 0.2]})
    entities = pd.DataFrame({"entity_id": ["E1", "E2"], "name": ["Russia", "NATO"], "label": "GPE",
                             "aliases": [["Russia"], ["NATO"]]})
    articles = pd.DataFrame({"article_id": ["a"], "published": [pd.Timestamp("2021-04-06", tz="UTC")],
                             "source": ["x"], "title": ["t"]})
    df = entity_tone(mentions, entities, articles, freq=None).set_index("entity")
    assert df.loc["Russia", "n_mentions"] == 4 and df.loc["Russia", "n_articles"] == 1
    assert df.loc["Russia", "ci_low"] < df.loc["Russia", "mean"] < df.loc["Russia", "ci_high"] < 0
    assert pd.isna(df.loc["NATO", "ci_low"])  # one mention: no interval, so no finding


def test_speaker_tone_of_one_article_has_an_interval_over_its_quotes() -> None:
    quotes = pd.DataFrame({"article_id": "a", "speaker": ["Ann Lee"] * 3, "sentiment": [0.2, 0.3, 0.4]})
    articles = pd.DataFrame({"article_id": ["a"], "published": [pd.Timestamp("2021-04-06", tz="UTC")]})
    row = speaker_sentiment(quotes, articles, freq=None).iloc[0]
    assert row["n_quotes"] == 3 and 0 < row["ci_low"] < row["mean"] < row["ci_high"]


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
    from newsbrief.present.tone_findings import entity_tone_findings

    df = pd.DataFrame({"entity": ["Dolby Atmos"], "mean": [0.43], "ci_low": [0.003], "ci_high": [0.85],
                       "n_mentions": [5], "n_articles": 1, "basis": "target"})
    (line,) = entity_tone_findings(df, n_sentences={"Dolby Atmos": 4})
    assert "too little to tell" in line
