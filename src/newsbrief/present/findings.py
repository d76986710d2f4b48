"""Key findings: plain sentences written from the numbers of a briefing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from ..analysis.entities import entity_frequencies, find_entity
from ..analysis.speakers import UNATTRIBUTED, speaker_share


def _pct(x: float) -> str:
    return f"{x:.0%}"


def entity_findings(mentions: pd.DataFrame, entities: pd.DataFrame, *, n_articles: int) -> list[str]:
    return entity_findings_from(entity_frequencies(mentions, entities), n_articles=n_articles)


def entity_findings_from(freq: pd.DataFrame, *, n_articles: int) -> list[str]:
    """The entity sentences from a frequency table (:func:`~.entities.entity_frequencies`, however counted)."""
    if freq.empty:
        return ["No people, organisations or places were found."]
    out = []
    top = freq.iloc[0]
    where = f" in {int(top['articles'])} of {n_articles} articles" if n_articles > 1 else ""
    out.append(f"{top['name']} is the most mentioned {top['type']} ({_mentions(int(top['mentions']))}{where}, "
               f"{_pct(top['share'])} of all entity mentions).")
    said = {top["entity_id"]}
    people = freq[freq["type"] == "person"]
    if not people.empty and people.iloc[0]["entity_id"] != top["entity_id"]:
        p = people.iloc[0]
        said.add(p["entity_id"])
        out.append(f"The most mentioned person is {p['name']} ({_mentions(int(p['mentions']))}).")
    rest = freq[~freq["entity_id"].isin(said)]
    if len(freq) >= 3 and not rest.empty:
        names = " and ".join(rest["name"].iloc[:2])
        out.append(f"Next come{'s' if len(rest) == 1 else ''} {names}; {len(freq)} distinct people, "
                   f"organisations and places are named in all.")
    return out


def _mentions(n: int) -> str:
    return f"{n} mention{'s' if n != 1 else ''}"


def speaker_findings(quotes: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    return speaker_findings_from(speaker_share(quotes, articles))


def speaker_findings_from(share: pd.DataFrame) -> list[str]:
    """The speaker sentences from a speaker-share table (:func:`~.speakers.speaker_share`, however counted)."""
    if share.empty:
        return ["No reported speech (direct or indirect quotes) was found."]
    out = []
    total = int(share["quotes"].sum())
    attributed = share[share["speaker"] != UNATTRIBUTED]
    named = attributed[attributed["named"].astype(bool)]  # named people and organisations first
    groups = attributed[~attributed["named"].astype(bool)]
    if named.empty:
        named = groups.iloc[0:0]
    if not named.empty:
        lead = named.iloc[0]
        tied = named[named["quotes"] == lead["quotes"]]
        if len(tied) == 1:
            out.append(
                f"{lead['speaker']} is quoted most: {int(lead['quotes'])} of {total} quotes "
                f"({_pct(lead['quote_share'])}) and {_pct(lead['word_share'])} of quoted words."
            )
        elif len(tied) <= 3:
            names = ", ".join(tied["speaker"].iloc[:-1]) + " and " + tied["speaker"].iloc[-1]
            out.append(f"{names} are quoted most, {int(lead['quotes'])} of {total} quotes each.")
        else:
            out.append(f"No speaker stands out: {len(tied)} speakers have {int(lead['quotes'])} "
                       f"quote{'s' if lead['quotes'] != 1 else ''} each, of {total} in all.")
        voices = len(named)
        out.append(f"{voices} distinct named speaker{'s are' if voices != 1 else ' is'} quoted.")
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
    tables: Mapping[str, pd.DataFrame], *, top: int = 10, freq: str = "W", follow: Sequence[str] = (),
    timeline: pd.DataFrame | None = None,
) -> list[str]:
    """Findings on entities, speakers and tone, in that order (the tone's shifts over ``timeline``, a corpus
    timeline of ``freq`` periods, when given)."""
    from ..analysis.target_tone import entity_tone
    from .tone_findings import findings as sentiment_findings

    articles = tables["articles"]
    out = entity_findings(tables["mentions"], tables["entities"], n_articles=len(articles))
    out += speaker_findings(tables["quotes"], articles)
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
    out += sentiment_findings(sentences, timeline=timeline, entity_df=entity_df, freq=freq)
    return out
