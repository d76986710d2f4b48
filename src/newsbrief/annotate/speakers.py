"""Corpus step after linking: map each quote's resolved speaker span onto an entity, else its words."""

from __future__ import annotations

import pandas as pd

from ..nlp.entities.gazetteer import fold
from ..nlp.quotes.lexicon import ORG_NOUNS

QUOTE_TABLE_COLS = [
    "article_id", "quote_id", "statement_id", "content", "content_start", "content_end", "kind", "cue", "speaker_text",
    "speaker_start", "speaker_end", "speaker", "speaker_entity_id", "sentiment",
]


def resolve_speakers(
    quotes: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame, texts: dict[str, str]
) -> pd.DataFrame:
    """Map each quote's resolved speaker span onto an entity mention; else keep the span's words.

    ``statement_id`` numbers the statements of an article: the rows of a quote split around its cue, or said
    by joint speakers, share one (the extractor's ``group``).

    A person mention inside the span wins; otherwise a mention covering at least 60% of it.
    Unnamed groups ("Ukrainian defence officials") keep their own words, with no entity id.
    """
    if quotes.empty:
        return pd.DataFrame(columns=QUOTE_TABLE_COLS)
    names = dict(zip(entities["entity_id"], entities["name"]))
    labels = dict(zip(entities["entity_id"], entities["label"]))
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for art, start, end, eid in zip(mentions["article_id"], mentions["start"], mentions["end"], mentions["entity_id"]):
        by_article.setdefault(art, []).append((int(start), int(end), eid))
    # names and surnames of the entities each article mentions, for speakers the model did not tag
    known: dict[tuple[str, str], set[str]] = {}
    aliases = dict(zip(entities["entity_id"], entities["aliases"]))
    for art, eid in set(zip(mentions["article_id"], mentions["entity_id"])):
        more = aliases.get(eid)
        forms = [names.get(eid, ""), *(list(more) if more is not None else [])]
        for form in forms:
            form = str(form)
            keys = {fold(form)}
            if labels.get(eid) == "PERSON" and " " in form:
                keys.add(fold(form.split()[-1]))
            for key in keys:
                known.setdefault((art, key), set()).add(eid)

    def _by_name(art: str, text: str | None, *, besides: frozenset[str] = frozenset()) -> str | None:
        if not text or text.islower():
            return None
        found = known.get((art, fold(text)), set()) - besides
        return next(iter(found)) if len(found) == 1 else None

    speakers: list[str | None] = []
    speaker_ids: list[str | None] = []
    for row in quotes.itertuples(index=False):
        ref_start, ref_end = row.speaker_ref_start, row.speaker_ref_end
        if pd.isna(ref_start) or pd.isna(ref_end):
            speakers.append(None)
            speaker_ids.append(None)
            continue
        ref_start, ref_end = int(ref_start), int(ref_end)
        best: str | None = None
        if bool(row.speaker_is_entity):
            spans = [(s, e, eid) for s, e, eid in by_article.get(row.article_id, []) if s < ref_end and e > ref_start]
            overlapping = [(min(e, ref_end) - max(s, ref_start), eid, e) for s, e, eid in spans]
            if spans and all(e - s > 2 * (ref_end - ref_start) for s, e, _eid in spans):
                # the model ran a mention over the name ("the American Music Awards after Swift"): the name
                best = _by_name(row.article_id, _ref_text(texts.get(row.article_id), ref_start, ref_end),
                                besides=frozenset(eid for _s, _e, eid in spans))
            # a person who only modifies the head ("Obama administration officials") is not the speaker
            people = [(n, eid) for n, eid, e in overlapping if labels.get(eid) == "PERSON" and e >= ref_end - 1]
            candidates = [(n, eid) for n, eid, _e in overlapping]
            if best is not None:
                pass
            elif people:
                best = max(people)[1]
            elif candidates:
                overlap, eid = max(candidates)
                if overlap >= 0.6 * (ref_end - ref_start):
                    best = eid
        if best is None:  # a name the model did not tag: a named person is never an unnamed source
            words = _ref_text(texts.get(row.article_id), ref_start, ref_end)
            # but "the Government", capitalised, is a description: no entity of that one word
            generic = bool(words) and not bool(row.speaker_is_entity) and str(words).lower() in ORG_NOUNS
            best = None if generic else _by_name(row.article_id, words)
        if best is not None:
            speakers.append(names[best])
            speaker_ids.append(best)
        else:
            text = _ref_text(texts.get(row.article_id), ref_start, ref_end)
            speakers.append(text)
            speaker_ids.append(None)
    out = quotes.copy()
    out["speaker"] = speakers
    out["speaker_entity_id"] = speaker_ids
    # the parts of one statement (a quote split around its cue, joint speakers) share the extractor's group
    out["statement_id"] = (out["group"] if "group" in out else out["quote_id"]).astype("int64")
    return out[QUOTE_TABLE_COLS]


def _ref_text(text: str | None, start: int, end: int) -> str | None:
    """The words of a resolved speaker span, without a leading article or possessive."""
    if not text:
        return None
    words = text[start:end].split()
    if words and words[0].lower() == "the":
        words = words[1:]
    phrase = " ".join(words)
    for suffix in ("'s", "’s"):
        phrase = phrase.removesuffix(suffix)
    return phrase or None
