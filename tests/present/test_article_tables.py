"""The article briefing's tables hold every row its findings name, however few rows the article's length allows."""

from __future__ import annotations

import pandas as pd

from newsbrief.present.article import ArticleBriefing, rows_for


def _briefing(n_places: int) -> ArticleBriefing:
    entities = [{"entity_id": f"P{i}", "name": f"Place {i}", "label": "GPE", "aliases": [f"Place {i}"]}
                for i in range(n_places)] + [{"entity_id": "A", "name": "Ann Lee", "label": "PERSON",
                                              "aliases": ["Ann Lee"]}]
    mentions = [{"article_id": "a", "start": 10 * i + j, "end": 10 * i + j + 1, "entity_id": f"P{i}"}
                for i in range(n_places) for j in range(3)] + [{"article_id": "a", "start": 999, "end": 1000,
                                                                "entity_id": "A"}]
    quotes = pd.DataFrame({"article_id": "a", "quote_id": range(8), "content": ["one two three"] * 8,
                           "content_start": [20 * i for i in range(8)], "content_end": [20 * i + 13 for i in range(8)],
                           "speaker": ["police"] * 7 + ["Ann Lee"], "speaker_entity_id": [None] * 7 + ["A"],
                           "kind": "direct", "cue": "said", "speaker_text": "x"})
    articles = pd.DataFrame({"article_id": ["a"], "title": ["t"], "n_words": [200], "url": [None],
                             "published": [pd.NaT], "source": ["s"], "author": [None]})
    tables = {"articles": articles, "mentions": pd.DataFrame(mentions), "entities": pd.DataFrame(entities),
              "quotes": quotes, "sentences": pd.DataFrame(columns=["article_id", "sent_id", "start", "end", "text",
                                                                   "sentiment"])}
    return ArticleBriefing(title="t", tables=tables)


def test_the_most_mentioned_person_and_the_lead_named_speaker_are_always_listed() -> None:
    briefing = _briefing(n_places=9)
    assert rows_for(200, briefing.top_n) == 5
    markup = briefing.who_section().markup
    assert any("most mentioned person is Ann Lee" in f for f in briefing.findings())
    assert "<td>Ann Lee</td><td>person</td>" in markup  # the 10th entity, listed after the top five
    assert "<td>Ann Lee</td><td>yes</td>" in markup  # the named speaker the finding leads with


def test_an_article_briefing_lists_top_n_rows_when_top_n_is_given_whatever_its_length() -> None:
    briefing = _briefing(n_places=9)
    briefing.top_n, briefing.sized = 8, False
    markup = briefing.who_section().markup
    assert all(f"<td>Place {i}</td>" in markup for i in range(8)) and "<td>Place 8</td>" not in markup
    sized = _briefing(n_places=9).who_section().markup  # top_n not given: 5 rows for a story of 200 words
    assert "<td>Place 4</td>" in sized and "<td>Place 5</td>" not in sized
