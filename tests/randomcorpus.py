"""A random corpus of annotation tables with every column the analyses read, for tests that compare results."""

from __future__ import annotations

import numpy as np
import pandas as pd


def random_tables(seed: int = 7, n_articles: int = 160) -> dict[str, pd.DataFrame]:
    """Articles over ten weeks from four sources (some undated, one without a source), entities named in
    sentences, quotes by a few speakers; every column the analyses read."""
    rng = np.random.default_rng(seed)
    names = [("Ann Lee", "PERSON"), ("Bob Roe", "PERSON"), ("Acme", "ORG"), ("Paris", "GPE"), ("Cyd Poe", "PERSON"),
             ("Dee Fox", "PERSON"), ("Blue Party", "ORG"), ("Rome", "GPE"), ("Eve Kay", "PERSON"), ("Acme", "ORG")]
    entities = pd.DataFrame({"entity_id": [f"E{i}" for i in range(len(names))], "name": [n for n, _ in names],
                             "label": [lab for _, lab in names], "aliases": [[n] for n, _ in names]})
    arts, ments, sents, quotes = [], [], [], []
    start = pd.Timestamp("2024-01-01", tz="UTC")
    for i in range(n_articles):
        aid = f"a{i:04d}"
        week = int(rng.integers(0, 10)) if i < n_articles - 20 else 9  # a busy last week
        published = None if i % 37 == 5 else start + pd.Timedelta(days=7 * week + int(rng.integers(0, 7)), hours=3)
        source = [None, "Daily", "Herald", "Post", "Post"][int(rng.integers(0, 5))]
        text_len, offset = 0, 0
        n_sent = int(rng.integers(2, 9))
        for s in range(n_sent):
            length = int(rng.integers(40, 120))
            sents.append({"article_id": aid, "sent_id": s, "start": offset, "end": offset + length, "text": "x",
                          "sentiment": float(np.round(rng.uniform(-1, 1), 3))})
            for _ in range(int(rng.integers(0, 4))):
                e = int(rng.choice(len(names), p=None if week < 8 else [.3, .1, .1, .1, .1, .1, .05, .05, .05, .05]))
                pos = offset + int(rng.integers(0, length - 5))
                ments.append({"article_id": aid, "start": pos, "end": pos + 3, "text": names[e][0],
                              "label": names[e][1], "entity_id": f"E{e}", "tone": float(rng.uniform(-1, 1))})
            offset += length + 1
        text_len = offset
        last_who: object = "-"
        for q in range(int(rng.integers(0, 4))):
            who = [None, "Ann Lee", "Bob Roe", "officials", "Eve Kay"][int(rng.integers(0, 5))]
            words = " ".join(["word"] * int(rng.integers(1, 12)))
            # the second quote of an article by the same speaker as the first is the rest of one split statement
            statement = 0 if q == 1 and who == last_who else q
            last_who = who
            quotes.append({"article_id": aid, "quote_id": q, "statement_id": statement, "content": words,
                           "content_start": q * 10,
                           "content_end": q * 10 + 5, "kind": "direct", "cue": "said", "speaker_text": who,
                           "speaker": who, "speaker_entity_id": {"Ann Lee": "E0", "Bob Roe": "E1", "Eve Kay": "E8"}.get(
                               who or ""), "sentiment": float(rng.uniform(-1, 1))})
        arts.append({"article_id": aid, "title": f"Story {i % 150}", "source": source, "author": None,
                     "published": published, "url": f"https://example.org/{i}", "text": "word " * (text_len // 5),
                     "n_words": text_len // 5, "content_hash": aid})
    articles = pd.DataFrame(arts)
    articles["published"] = pd.to_datetime(articles["published"], utc=True)
    return {"articles": articles, "mentions": pd.DataFrame(ments), "entities": entities,
            "quotes": pd.DataFrame(quotes), "sentences": pd.DataFrame(sents)}
