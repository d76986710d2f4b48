from __future__ import annotations

import pandas as pd
import pytest

from newsbrief import analysis
from newsbrief.analysis import UNATTRIBUTED, speaker_share_table_by


def speaker_share(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The speaker share (SQL) over these tables in memory."""
    return analysis.speaker_share(analysis.as_database({"quotes": quotes, "articles": articles}))


def entity_frequencies(mentions: pd.DataFrame, entities: pd.DataFrame, **options: object) -> pd.DataFrame:
    """The entity frequencies (SQL) over these tables in memory."""
    return analysis.entity_frequencies(analysis.as_database({"mentions": mentions, "entities": entities}), **options)


def _quotes() -> pd.DataFrame:
    rows = [
        ("a1", "one two three", "Ann Lee", "E1"),
        ("a1", "four five", "Ann Lee", "E1"),
        ("a2", "six", "Bob Ray", "E2"),
        ("a2", "seven eight nine ten", None, None),
        ("a3", "eleven twelve", "officials", None),
    ]
    return pd.DataFrame(
        [{"article_id": a, "quote_id": i, "content": c, "content_start": 0, "content_end": len(c), "kind": "direct",
          "cue": "said", "speaker_text": s, "speaker_start": 0, "speaker_end": 1, "speaker": s, "speaker_entity_id": e}
         for i, (a, c, s, e) in enumerate(rows)]
    )


def _articles() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a1", "a2", "a3"], "source": ["Post", "Post", "Star"],
        "published": pd.to_datetime(["2024-03-04", "2024-03-12", "2024-03-13"], utc=True),
    })


def test_speaker_share_counts_words_and_keeps_unattributed() -> None:
    share = speaker_share(_quotes(), _articles()).set_index("speaker")
    assert share.loc["Ann Lee", "quotes"] == 2 and share.loc["Ann Lee", "words"] == 5
    assert share.loc[UNATTRIBUTED, "quotes"] == 1 and not share.loc[UNATTRIBUTED, "named"]
    assert share["quote_share"].sum() == pytest.approx(1.0)
    assert share.loc["Ann Lee", "word_share"] == pytest.approx(5 / 12)
    assert share.loc["Ann Lee", "example"] == "one two three"
    assert share.loc["Bob Ray", "first"] == pd.Timestamp("2024-03-12", tz="UTC")
    assert not share.loc["officials", "named"]


def test_speaker_share_by_source_and_period() -> None:
    by_source = speaker_share_table_by(_quotes(), _articles(), by="source", top=None)
    post = by_source[by_source["group"] == "Post"].set_index("speaker")
    assert post["quote_share"].sum() == pytest.approx(1.0)
    assert post.loc["Ann Lee", "quote_share"] == pytest.approx(0.5)
    by_week = speaker_share_table_by(_quotes(), _articles(), by="period", freq="W", top=1)
    # the most quoted of each week; ties go to more words (week 2: three one-quote speakers)
    assert list(by_week["speaker"]) == ["Ann Lee", UNATTRIBUTED]
    with pytest.raises(ValueError, match="source"):
        speaker_share_table_by(_quotes(), _articles(), by="colour")


def test_entity_frequencies_shares_and_types() -> None:
    mentions = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "start": [0, 5, 0, 9], "end": [3, 8, 3, 12],
                             "text": ["Ann", "Ann", "Oslo", "Ann"], "label": ["PERSON", "PERSON", "GPE", "PERSON"],
                             "entity_id": ["E1", "E1", "E2", "E1"]})
    entities = pd.DataFrame({"entity_id": ["E1", "E2"], "name": ["Ann Lee", "Oslo"], "label": ["PERSON", "GPE"],
                             "aliases": [["Ann"], ["Oslo"]]})
    freq = entity_frequencies(mentions, entities)
    assert list(freq["name"]) == ["Ann Lee", "Oslo"]
    assert list(freq["type"]) == ["person", "place"]
    assert freq.loc[0, "articles"] == 2 and freq.loc[0, "share"] == pytest.approx(0.75)
    assert list(entity_frequencies(mentions, entities, types=["place"])["name"]) == ["Oslo"]


def _split_quote() -> pd.DataFrame:
    """Ann Lee's one statement split around its cue (two rows, one statement), then two of Bob Ray's."""
    rows = [("a1", 0, "we will win", "Ann Lee", "E1"), ("a1", 0, "and we will win soon", "Ann Lee", "E1"),
            ("a1", 1, "no", "Bob Ray", "E2"), ("a2", 0, "never", "Bob Ray", "E2")]
    return pd.DataFrame(
        [{"article_id": a, "quote_id": i, "statement_id": st, "content": c, "content_start": 0,
          "content_end": len(c), "kind": "direct", "cue": "said", "speaker_text": s, "speaker_start": 0,
          "speaker_end": 1, "speaker": s, "speaker_entity_id": e}
         for i, (a, st, c, s, e) in enumerate(rows)]
    )


def test_a_quote_split_around_its_cue_counts_once_with_its_words_summed() -> None:
    share = speaker_share(_split_quote(), _articles()).set_index("speaker")
    assert share.loc["Ann Lee", "quotes"] == 1 and share.loc["Ann Lee", "words"] == 8
    assert share.loc["Bob Ray", "quotes"] == 2
    assert list(share.index) == ["Bob Ray", "Ann Lee"]  # two statements lead one, whatever its rows
    by_source = speaker_share_table_by(_split_quote(), _articles(), by="source", top=None)
    post = by_source[by_source["group"] == "Post"].set_index("speaker")
    assert post.loc["Ann Lee", "quotes"] == 1 and post.loc["Ann Lee", "words"] == 8


def test_stores_without_statement_ids_count_quote_rows() -> None:
    share = speaker_share(_split_quote().drop(columns="statement_id"), _articles()).set_index("speaker")
    assert share.loc["Ann Lee", "quotes"] == 2
