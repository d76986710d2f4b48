"""Quote speakers onto entities: a named person is never listed with the unnamed sources."""

from __future__ import annotations

import pandas as pd

from newsbrief.annotate.speakers import resolve_speakers

TEXT = "John Petrides runs a fund. Stocks look cheap, Petrides said. Analysts said the same."


def _quote(start: int, end: int, *, entity: bool) -> dict[str, object]:
    return {"article_id": "a", "quote_id": 0, "content": "x", "content_start": 0, "content_end": 1, "kind": "direct",
            "cue": "said", "speaker_text": TEXT[start:end], "speaker_start": start, "speaker_end": end,
            "speaker_ref_start": start, "speaker_ref_end": end, "speaker_is_entity": entity, "sentiment": 0.0}


def test_a_surname_the_extractor_called_unnamed_is_the_named_person() -> None:
    mentions = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [13], "text": ["John Petrides"],
                             "label": ["PERSON"], "entity_id": ["e1"]})
    entities = pd.DataFrame({"entity_id": ["e1"], "name": ["John Petrides"], "label": ["PERSON"],
                             "aliases": [["John Petrides"]]})
    start = TEXT.index("Petrides said")
    group = TEXT.index("Analysts")
    quotes = pd.DataFrame([_quote(start, start + 8, entity=False), _quote(group, group + 8, entity=False)])
    out = resolve_speakers(quotes, mentions, entities, {"a": TEXT})
    assert list(out["speaker"]) == ["John Petrides", "Analysts"]
    assert out["speaker_entity_id"].iloc[0] == "e1" and pd.isna(out["speaker_entity_id"].iloc[1])


def test_the_parts_of_one_statement_share_a_statement_id() -> None:
    mentions = pd.DataFrame(columns=["article_id", "start", "end", "text", "label", "entity_id"])
    entities = pd.DataFrame(columns=["entity_id", "name", "label", "aliases"])
    quotes = pd.DataFrame([{**_quote(0, 4, entity=False), "quote_id": k, "group": g}
                           for k, g in enumerate([0, 0, 1])])
    out = resolve_speakers(quotes, mentions, entities, {"a": TEXT})
    assert list(out["statement_id"]) == [0, 0, 1]


def test_the_government_capitalised_is_no_entity_called_government() -> None:
    text = "The Government admitted the law was flawed. The Government has a plan."
    mentions = pd.DataFrame({"article_id": ["a"], "start": [48], "end": [58], "text": ["Government"],
                             "label": ["ORG"], "entity_id": ["g"]})
    entities = pd.DataFrame({"entity_id": ["g"], "name": ["Government"], "label": ["ORG"],
                             "aliases": [["Government"]]})
    quote = {**_quote(0, 14, entity=False), "speaker_text": text[0:14]}
    out = resolve_speakers(pd.DataFrame([quote]), mentions, entities, {"a": text})
    assert pd.isna(out["speaker_entity_id"].iloc[0]) and out["speaker"].iloc[0] == "Government"
