"""Findings wording (issue 11): the lead item is not repeated, 1 mention, one entity never both extremes."""

from __future__ import annotations

import pandas as pd

from newsbrief.analysis import as_database, entity_frequencies, speaker_share
from newsbrief.present.findings import entity_findings_from, speaker_findings_from


def entity_findings(mentions: pd.DataFrame, entities: pd.DataFrame, *, n_articles: int) -> list[str]:
    frequencies = entity_frequencies(as_database({"mentions": mentions}), entities)
    return entity_findings_from(frequencies, n_articles=n_articles)


def speaker_findings(quotes: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    return speaker_findings_from(speaker_share(as_database({"quotes": quotes, "articles": articles}), examples=False),
                                 n_articles=len(articles))


def _tables(rows: list[tuple[str, str, str, int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    mentions, entities = [], []
    for eid, name, label, n in rows:
        entities.append({"entity_id": eid, "name": name, "label": label, "aliases": [name]})
        mentions += [{"article_id": "a", "start": i, "end": i + 1, "entity_id": eid} for i in range(n)]
    return pd.DataFrame(mentions), pd.DataFrame(entities)


def test_lead_counts_every_entity_and_the_top_person_follows() -> None:
    mentions, entities = _tables([("o", "Oscars", "ORG", 5), ("p", "Joaquin Phoenix", "PERSON", 4),
                                  ("n", "Netflix", "ORG", 3), ("l", "Los Angeles", "GPE", 1)])
    out = entity_findings(mentions, entities, n_articles=1)
    assert out[0].startswith("Oscars is the most mentioned") and "4 people, organisations and places" in out[0]
    assert out[1] == "The most mentioned person is Joaquin Phoenix (4 mentions)."
    assert len(out) == 2  # the next ones are in the table beside the findings


def test_one_mention_is_singular() -> None:
    mentions, entities = _tables([("o", "Oslo", "GPE", 1)])
    assert "(1 mention," in entity_findings(mentions, entities, n_articles=1)[0]


def test_named_speakers_lead_and_groups_are_a_block_of_their_own() -> None:
    quotes = pd.DataFrame({
        "article_id": ["a"] * 4,
        "content": ["one two three", "four five six", "seven eight", "nine ten"],
        "speaker": ["spokesman", "spokesman", "Ann Lee", None],
        "speaker_entity_id": [None, None, "E1", None],
    })
    articles = pd.DataFrame({"article_id": ["a"], "published": [pd.NaT]})
    out = speaker_findings(quotes, articles)
    assert out[0].startswith("Ann Lee is quoted most")
    assert any(s.startswith("Unnamed sources") and "spokesman (2)" in s for s in out)
    assert any(s.startswith("1 quote could not") for s in out)
