"""Key findings: plain sentences written from the numbers of a briefing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from ..analysis.db import as_database
from ..analysis.db_counts import entity_frequencies, speaker_share
from ..analysis.entities import find_entity
from ..analysis.speakers import UNATTRIBUTED
from .formatters import pct


def entity_findings_from(freq: pd.DataFrame, *, n_articles: int) -> list[str]:
    """The entity sentences from a frequency table (:func:`~newsbrief.analysis.db_counts.entity_frequencies`)."""
    if freq.empty:
        return ["No people, organisations or places were found."]
    out = []
    top = freq.iloc[0]
    where = f" in {int(top['articles'])} of {n_articles} articles" if n_articles > 1 else ""
    named = f"; {len(freq)} people, organisations and places are named in all" if len(freq) >= 3 else ""
    out.append(f"{top['name']} is the most mentioned {top['type']} ({_mentions(int(top['mentions']))}{where}, "
               f"{pct(top['share'])} of all entity mentions{named}).")
    people = freq[freq["type"] == "person"]
    if not people.empty and people.iloc[0]["entity_id"] != top["entity_id"]:
        p = people.iloc[0]
        where = f" in {int(p['articles'])} of {n_articles} articles" if n_articles > 1 else ""
        out.append(f"The most mentioned person is {p['name']} ({_mentions(int(p['mentions']))}{where}).")
    return out


def _mentions(n: int) -> str:
    return f"{n} mention{'s' if n != 1 else ''}"


#: In a corpus, the lead speaker is one quoted in at least this many articles: a speaker quoted thirty times in
#: one article is that article's fact, not the corpus's.
MIN_ARTICLES = 2


def speaker_findings_from(share: pd.DataFrame, *, n_articles: int = 1) -> list[str]:
    """The speaker sentences from a speaker-share table (:func:`~newsbrief.analysis.db_counts.speaker_share`).

    Named and unnamed speakers are told apart by the table's ``named`` column (the speaker table shows the same).
    Over ``n_articles`` > 1 the sentences say in how many articles; the lead is the most quoted named speaker
    quoted in at least :data:`MIN_ARTICLES` articles, and a speaker with more quotes, all in one article, is
    named as such.
    """
    if share.empty:
        return ["No reported speech (direct or indirect quotes) was found."]
    out = []
    total = int(share["quotes"].sum())
    attributed = share[share["speaker"] != UNATTRIBUTED]
    named = attributed[attributed["named"].astype(bool)]  # named people and organisations first
    groups = attributed[~attributed["named"].astype(bool)]
    corpus = n_articles > 1 and "articles" in share.columns
    voices = len(named)
    of_voices = f", of {voices} named speakers" if voices > 1 else ""
    spread = named[named["articles"] >= MIN_ARTICLES] if corpus else named
    if corpus and spread.empty and not named.empty:
        lead = named.iloc[0]
        out.append(f"No named speaker is quoted in more than one article; the most quoted, {lead['speaker']}, has "
                   f"{int(lead['quotes'])} of {total} quotes ({pct(lead['quote_share'])}), all in 1 of "
                   f"{n_articles} articles.")
    elif not spread.empty:
        lead = spread.iloc[0]
        tied = spread[spread["quotes"] == lead["quotes"]]
        where = f" in {int(lead['articles'])} of {n_articles} articles" if corpus else ""
        if len(tied) == 1:
            out.append(
                f"{lead['speaker']} is quoted most: {int(lead['quotes'])} of {total} quotes "
                f"({pct(lead['quote_share'])}){where} and {pct(lead['word_share'])} of quoted words{of_voices}."
            )
        elif len(tied) <= 3:
            names = ", ".join(tied["speaker"].iloc[:-1]) + " and " + tied["speaker"].iloc[-1]
            out.append(f"{names} are quoted most, {int(lead['quotes'])} of {total} quotes each{of_voices}.")
        else:
            out.append(f"No speaker stands out: {len(tied)} speakers have {int(lead['quotes'])} "
                       f"quote{'s' if lead['quotes'] != 1 else ''} each, of {total} in all{of_voices}.")
        above = named[(named["quotes"] > lead["quotes"]) & (named["articles"] < MIN_ARTICLES)] if corpus else named[:0]
        if not above.empty:
            one = above.iloc[0]
            out[-1] = out[-1][:-1] + (f"; {one['speaker']} has more quotes ({int(one['quotes'])}), all in one "
                                      f"article.")
    if not groups.empty:
        listed = ", ".join(f"{g['speaker']} ({int(g['quotes'])})" for _, g in groups.head(3).iterrows())
        n = int(groups["quotes"].sum())
        out.append(f"Unnamed sources: {n} quote{'s' if n != 1 else ''} from {len(groups)} unnamed "
                   f"group{'s' if len(groups) != 1 else ''} or roles, led by {listed}.")
    unattributed = share[share["speaker"] == UNATTRIBUTED]
    if not unattributed.empty:
        n = int(unattributed["quotes"].iloc[0])
        out.append(f"{n} quote{'s' if n != 1 else ''} could not be attributed to a speaker.")
    return out


def key_findings(
    tables: Mapping[str, pd.DataFrame], *, frequencies: pd.DataFrame | None = None,
    share: pd.DataFrame | None = None, freq: str = "W", follow: Sequence[str] = (),
    timeline: pd.DataFrame | None = None,
) -> list[str]:
    """Findings on entities, speakers and tone, in that order (the tone's shifts over ``timeline``, a corpus
    timeline of ``freq`` periods, when given).

    ``frequencies`` and ``share`` are the entity frequencies and speaker share of ``tables`` (every row), the tables
    shown beside the findings; counted here over ``tables`` when not given."""
    from ..analysis.target_tone import entity_tone
    from .tone_findings import findings as sentiment_findings

    articles = tables["articles"]
    if frequencies is None or share is None:
        db = as_database(tables)
        try:
            frequencies = entity_frequencies(db, tables["entities"]) if frequencies is None else frequencies
            share = speaker_share(db, examples=False) if share is None else share
        finally:
            db.close()
    out = entity_findings_from(frequencies, n_articles=len(articles))
    out += speaker_findings_from(share, n_articles=len(articles))
    if follow:
        missing = [n for n in follow if find_entity(tables["entities"], n) is None]
        if missing:
            out.append(f"Not mentioned in these articles, so not followed: {', '.join(missing)}.")
    sentences = tables["sentences"]
    if sentences.empty:
        return out
    entity_df = entity_tone(
        tables["mentions"], tables["entities"], articles, sentences=sentences, names=list(follow) or None, top=5,
        freq=None,
    ) if not tables["mentions"].empty else None
    out += sentiment_findings(sentences, timeline=timeline, entity_df=entity_df, freq=freq,
                              n_sentences=_sentences_naming(tables, entity_df))
    return out


def _sentences_naming(tables: Mapping[str, pd.DataFrame], entity_df: pd.DataFrame | None) -> dict[str, int]:
    """Entity name -> how many sentences its scored mentions fall in (the evidence behind its tone)."""
    from ..analysis.target_tone import tone_evidence

    if entity_df is None or entity_df.empty or "entity_id" not in entity_df.columns:
        return {}
    out = {}
    for entity_id, name in entity_df[["entity_id", "entity"]].drop_duplicates().itertuples(index=False):
        ev = tone_evidence(tables["mentions"], tables["sentences"], tables["articles"], entity_id=entity_id)
        ev = ev.dropna(subset=["tone"])
        out[str(name)] = int(ev[["article_id", "sent_id"]].drop_duplicates().shape[0]) if not ev.empty else 0
    return out
