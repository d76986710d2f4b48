"""How long the briefing's aggregations take on a corpus of Reuters-21578 size, tables in memory.

Builds synthetic tables the shape of the full corpus (19,000 articles x 30 sentences, 25 mentions
and 3 quotes per article; made up here, so no ../shared needed) and times each aggregation once: the counts and the
corpus timeline in SQL by DuckDB over the frames (:func:`newsbrief.analysis.as_database`), the tone views in pandas.
Run: `.venv/bin/python benchmarks/timelines.py [--articles N]`.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from newsbrief import analysis
from newsbrief.analysis.sentiment import entity_sentiment, largest_shifts
from newsbrief.present.findings import key_findings


def tables(n: int, *, seed: int = 0) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    per = 30
    ids = np.arange(n).astype(str)
    sentences = pd.DataFrame({
        "article_id": np.repeat(ids, per), "sent_id": np.tile(np.arange(per), n),
        "start": np.tile(np.arange(per) * 100, n), "end": np.tile(np.arange(per) * 100 + 90, n),
        "text": "x", "sentiment": rng.uniform(-1, 1, n * per),
    })
    articles = pd.DataFrame({
        "article_id": ids, "title": "t", "source": rng.choice(["Reuters", "AP", "AFP", "WION"], n),
        "published": pd.Timestamp("1987-02-26", tz="UTC") + pd.to_timedelta(rng.integers(0, 236, n), unit="D"),
        "n_words": rng.integers(100, 800, n),
    })
    n_ent = 2_000
    entities = pd.DataFrame({"entity_id": [f"E{i}" for i in range(n_ent)], "name": [f"Name {i}" for i in range(n_ent)],
                             "label": rng.choice(["PERSON", "ORG", "GPE"], n_ent),
                             "aliases": [[f"Name {i}"] for i in range(n_ent)]})
    m = n * 25
    sent_of = rng.integers(0, per, m)
    mentions = pd.DataFrame({"article_id": np.repeat(ids, 25), "start": sent_of * 100 + 5, "end": sent_of * 100 + 12,
                             "text": "Name", "label": "PERSON",
                             "entity_id": [f"E{i}" for i in rng.zipf(1.5, m) % n_ent]})
    q = n * 3
    quotes = pd.DataFrame({"article_id": np.repeat(ids, 3), "quote_id": np.tile(np.arange(3), n),
                           "content": "we will act now on this", "content_start": 0, "content_end": 10,
                           "kind": "direct", "cue": "said", "speaker_text": "he", "speaker_start": 0, "speaker_end": 2,
                           "speaker": [f"Name {i}" for i in rng.zipf(1.5, q) % n_ent],
                           "speaker_entity_id": None, "n_words": 6})
    return {"articles": articles, "sentences": sentences, "mentions": mentions, "entities": entities, "quotes": quotes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=19_000)
    args = parser.parse_args()
    t = tables(args.articles)
    db = analysis.as_database(t)
    steps = {
        "corpus_timeline (week)": lambda: analysis.corpus_timeline(db, freq="W"),
        "corpus_timeline (day, by source)": lambda: analysis.corpus_timeline(db, freq="D", by="source"),
        "largest_shifts": lambda: largest_shifts(analysis.corpus_timeline(db, freq="W")),
        "entity_sentiment (top 5, week)": lambda: entity_sentiment(t["sentences"], t["mentions"], t["entities"],
                                                                   t["articles"], top=5, freq="W"),
        "entity_frequencies": lambda: analysis.entity_frequencies(db, t["entities"]),
        "speaker_share": lambda: analysis.speaker_share(db),
        "key_findings (corpus)": lambda: key_findings(t, timeline=analysis.corpus_timeline(db, freq="W")),
    }
    print(f"{args.articles:,} articles, {len(t['sentences']):,} sentences, {len(t['mentions']):,} mentions, "
          f"{len(t['quotes']):,} quotes")
    total = 0.0
    for name, step in steps.items():
        t0 = time.perf_counter()
        step()
        dt = time.perf_counter() - t0
        total += dt
        print(f"  {name:<34} {dt:6.2f} s")
    print(f"  {'all of the above':<34} {total:6.2f} s")


if __name__ == "__main__":
    main()
