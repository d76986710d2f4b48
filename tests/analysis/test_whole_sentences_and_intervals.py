"""Evidence a reader can trust: whole sentences as extremes, tone intervals within one article."""

from __future__ import annotations

import pandas as pd
import pytest

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
