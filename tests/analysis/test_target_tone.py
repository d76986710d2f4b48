"""Tone towards entities (mentions.tone) on small made-up tables: article then period means, the fallback
for old stores, evidence offsets, and findings worded as treatment of one entity at each extreme."""

from __future__ import annotations

import pandas as pd
import pytest

from newsbrief.analysis.sentiment import entity_sentiment, t_quantile
from newsbrief.analysis.target_tone import entity_tone, has_target_tone, tone_evidence, tone_meaning
from newsbrief.errors import NewsbriefError
from newsbrief.present.findings import key_findings
from newsbrief.present.tone_findings import entity_tone_findings

# a1, a2 in the week of 1 March 2021, a3 a week later. "Ukraine accused Russia" is a negative sentence
# for both, but the tone towards Ukraine is mildly positive and towards Russia negative.
TEXTS = {
    "a1": "Ukraine accused Russia of aggression. Russia denied it.",
    "a2": "Ukraine thanked NATO. NATO praised Ukraine.",
    "a3": "Russia and Ukraine met in Minsk.",
}
DATES = {"a1": "2021-03-01", "a2": "2021-03-03", "a3": "2021-03-09"}
IDS = {"Ukraine": "E-ua", "Russia": "E-ru", "NATO": "E-nato"}
TONES = {("a1", 0): 0.2, ("a1", 16): -0.8, ("a1", 38): -0.4, ("a2", 0): 0.4, ("a2", 16): 0.6, ("a2", 22): 0.6,
         ("a2", 35): 0.5, ("a3", 0): 0.0, ("a3", 11): 0.1}
SENTIMENT = {("a1", 0): -0.7, ("a1", 1): -0.3, ("a2", 0): 0.5, ("a2", 1): 0.6, ("a3", 0): 0.0}


def tables(with_tone: bool = True) -> dict[str, pd.DataFrame]:
    mrows, srows = [], []
    for aid, text in TEXTS.items():
        for name, eid in IDS.items():
            i = 0
            while (i := text.find(name, i)) >= 0:
                mrows.append({"article_id": aid, "start": i, "end": i + len(name), "text": name, "label": "GPE",
                              "entity_id": eid, "tone": TONES[(aid, i)]})
                i += len(name)
        start = 0
        for sid, part in enumerate(text.split(". ")):
            sentence = part if part.endswith(".") else part + "."
            begin = text.index(sentence, start)
            srows.append({"article_id": aid, "sent_id": sid, "start": begin, "end": begin + len(sentence),
                          "text": sentence, "sentiment": SENTIMENT[(aid, sid)]})
            start = begin + len(sentence)
    mentions = pd.DataFrame(mrows).sort_values(["article_id", "start"]).reset_index(drop=True)
    if not with_tone:
        mentions = mentions.drop(columns=["tone"])
    return {
        "articles": pd.DataFrame({"article_id": list(TEXTS), "title": ["T1", "T2", "T3"], "source": "Wire",
                                  "published": pd.to_datetime(list(DATES.values()), utc=True),
                                  "text": list(TEXTS.values())}),
        "mentions": mentions,
        "entities": pd.DataFrame({"entity_id": list(IDS.values()), "name": list(IDS), "label": "GPE",
                                  "aliases": [[n] for n in IDS]}),
        "sentences": pd.DataFrame(srows),
        "quotes": pd.DataFrame(columns=["article_id", "quote_id", "content", "content_start", "content_end", "speaker",
                                        "speaker_entity_id", "sentiment"]),
    }


def test_the_made_up_offsets_hold() -> None:
    t = tables()
    for r in t["mentions"].itertuples():
        assert TEXTS[r.article_id][r.start:r.end] == r.text
    assert len(t["mentions"]) == len(TONES)


def test_entity_tone_averages_articles_then_periods() -> None:
    t = tables()
    got = entity_tone(t["mentions"], t["entities"], t["articles"], names=["Ukraine", "Russia"], freq="W")
    assert set(got["basis"]) == {"target"}
    ua = got[got["entity"] == "Ukraine"].reset_index(drop=True)
    # week of 1 March: a1 0.2, a2 (0.4 + 0.5) / 2 = 0.45 -> 0.325; week of 8 March: a3 0.1
    assert ua["mean"].tolist() == pytest.approx([0.325, 0.1])
    assert ua["n_articles"].tolist() == [2, 1] and ua["n_mentions"].tolist() == [3, 1]
    half = t_quantile(0.975, 1) * pd.Series([0.2, 0.45]).std() / 2 ** 0.5
    assert ua["ci_high"].iloc[0] == pytest.approx(0.325 + half)
    ru = got[got["entity"] == "Russia"].reset_index(drop=True)
    assert ru["mean"].tolist() == pytest.approx([-0.6, 0.0])  # a1: (-0.8 + -0.4) / 2
    # the sentence tone around Ukraine in a1 is -0.7: the two measures differ on purpose
    around = entity_sentiment(t["sentences"], t["mentions"], t["entities"], t["articles"], names=["Ukraine"], freq=None)
    towards = entity_tone(t["mentions"], t["entities"], t["articles"], names=["Ukraine"], freq=None)
    assert around["mean"].iloc[0] < 0 < towards["mean"].iloc[0]


def test_entity_tone_top_and_no_period() -> None:
    t = tables()
    got = entity_tone(t["mentions"], t["entities"], t["articles"], top=2, freq=None)
    assert set(got["entity"]) == {"Ukraine", "Russia"}  # 4 and 3 mentions; NATO 2
    assert "period" not in got.columns
    assert got.set_index("entity")["n_mentions"].to_dict() == {"Ukraine": 4, "Russia": 3}


def test_entity_tone_falls_back_to_sentence_tone_on_old_stores() -> None:
    old = tables(with_tone=False)
    assert not has_target_tone(old["mentions"]) and has_target_tone(tables()["mentions"])
    got = entity_tone(old["mentions"], old["entities"], old["articles"], sentences=old["sentences"], freq=None)
    want = entity_sentiment(old["sentences"], old["mentions"], old["entities"], old["articles"], freq=None)
    assert set(got["basis"]) == {"sentence"}
    assert got["mean"].tolist() == pytest.approx(want["mean"].tolist())
    with pytest.raises(NewsbriefError, match="no tone"):
        entity_tone(old["mentions"], old["entities"], old["articles"])


def test_tone_meaning_says_what_is_measured() -> None:
    assert tone_meaning("NATO") == ("Tone towards NATO: how the text treats NATO at each mention, \u22121..1, "
                                    "from a model trained on NewsMTSC.")
    assert "sentences that mention it" in tone_meaning(basis="sentence")


# ------------------------------------------------------------------------------------------- evidence
def test_tone_evidence_offsets_with_several_mentions_in_a_sentence() -> None:
    t = tables()
    rows = tone_evidence(t["mentions"], t["sentences"], t["articles"], entity_id="E-nato")
    assert rows["sentence"].tolist() == ["Ukraine thanked NATO.", "NATO praised Ukraine."]
    assert rows["tone"].tolist() == [0.6, 0.6]
    rows = tone_evidence(t["mentions"], t["sentences"], t["articles"], entity_id="E-ua")
    assert rows["article_id"].tolist() == ["a1", "a2", "a2", "a3"]
    for r in rows.itertuples():
        assert r.sentence[r.mark_start:r.mark_end] == "Ukraine" == r.mention
    assert rows["mark_start"].tolist() == [0, 0, 13, 11]


def test_tone_evidence_non_ascii_text_and_two_mentions_of_one_entity() -> None:
    text = "«Зеленський» — said Zelensky’s aide; Зеленський, not Zelensky, spoke.\nNext sentence."
    first = text.index("Next")
    mentions = pd.DataFrame({
        "article_id": "u1", "entity_id": "E-z", "text": ["Зеленський", "Zelensky", "Зеленський", "Zelensky"],
        "start": [1, 20, 37, 53], "end": [11, 28, 47, 61], "tone": [-0.5, 0.1, 0.3, -0.2]})
    for r in mentions.itertuples():
        assert text[r.start:r.end] == r.text
    sentences = pd.DataFrame({"article_id": "u1", "sent_id": [0, 1], "start": [0, first],
                              "end": [first - 1, len(text)], "text": [text[:first - 1], text[first:]],
                              "sentiment": [0.0, 0.0]})
    articles = pd.DataFrame({"article_id": ["u1"], "published": [pd.NaT], "source": [None], "title": [None]})
    rows = tone_evidence(mentions, sentences, articles, entity_id="E-z")
    assert rows["tone"].tolist() == [-0.5, 0.1, 0.3, -0.2] and rows["sent_id"].tolist() == [0, 0, 0, 0]
    for r, want in zip(rows.itertuples(), mentions["text"]):
        assert r.sentence[r.mark_start:r.mark_end] == want == r.mention


def test_tone_evidence_cuts_a_mention_at_its_sentence_end_and_is_empty_for_nobody() -> None:
    t = tables()
    m = t["mentions"].copy()
    m.loc[(m["article_id"] == "a3") & (m["start"] == 11), "end"] = 40  # runs past "…in Minsk."
    rows = tone_evidence(m, t["sentences"], t["articles"], entity_id="E-ua")
    last = rows.iloc[-1]
    assert last["sentence"][last["mark_start"]:last["mark_end"]] == "Ukraine met in Minsk."
    assert tone_evidence(m, t["sentences"], t["articles"], entity_id="E-none").empty


# ------------------------------------------------------------------------------------------- findings
def _tone(rows: dict[str, tuple[float, float, float, int]]) -> pd.DataFrame:
    return pd.DataFrame({"entity": list(rows), "mean": [r[0] for r in rows.values()],
                         "ci_low": [r[1] for r in rows.values()], "ci_high": [r[2] for r in rows.values()],
                         "n_mentions": [r[3] for r in rows.values()], "n_articles": 2, "basis": "target"})


def test_findings_say_how_each_entity_is_treated_with_its_interval() -> None:
    df = _tone({"Russia": (-0.3, -0.5, -0.1, 4), "NATO": (0.6, 0.2, 1.0, 3), "Kyiv": (0.1, -0.2, 0.4, 9)})
    got = entity_tone_findings(df, n_sentences={"Russia": 3, "NATO": 2, "Kyiv": 5})
    assert got == ["Russia is treated negatively (mean \u22120.30 over 4 mentions in 2 articles, 95% interval "
                   "\u22120.50 to \u22120.10).",
                   "NATO is treated positively (mean +0.60 over 3 mentions in 2 articles, 95% interval +0.20 to "
                   "+1.00)."]


@pytest.mark.parametrize(("row", "sentences"), [
    ((-0.05, -0.2, 0.1, 9), 5),  # interval includes zero: noise
    ((-0.5, -0.8, -0.2, 2), 2),  # fewer than 3 mentions
    ((-0.5, -0.8, -0.2, 3), 1),  # all in one sentence
])
def test_tone_within_noise_is_too_little_to_tell(row: tuple[float, float, float, int], sentences: int) -> None:
    (line,) = entity_tone_findings(_tone({"A": row}), n_sentences={"A": sentences})
    assert "too little to tell" in line and "A" not in line.split(":")[0]


def timeline_of(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    from newsbrief.analysis import as_database, corpus_timeline

    return corpus_timeline(as_database(t), freq="W")


def test_key_findings_use_tone_towards_entities_and_fall_back_with_a_note() -> None:
    lines = key_findings(tables(), timeline=timeline_of(tables()))
    assert any(s.startswith(("Tone towards the leading entities", "Russia is treated")) for s in lines), lines
    assert not any(s.startswith("Sentences naming") for s in lines)
    old = key_findings(tables(with_tone=False), timeline=timeline_of(tables(with_tone=False)))
    assert any(s.startswith("Sentences naming") for s in old), old  # the tone of sentences, said as such
