"""Most mentioned people and places of Reuters-21578 after corpus-scale linking (issue 11 check).

The 20 most mentioned people must be people (no country names or codes, no digits, no table words)
and the United States the most mentioned place.

Usage::

    .venv/bin/python benchmarks/reuters_entities.py --limit 2000
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsbrief.nlp.entities.gazetteer import country_code  # noqa: E402
from newsbrief.nlp.entities.linking import link_entities  # noqa: E402
from newsbrief.nlp.entities.mentions import doc_mentions  # noqa: E402
from newsbrief.nlp.lexicon import lexicon  # noqa: E402
from newsbrief.nlp.pipeline import load_pipeline  # noqa: E402
from reuters import iter_articles  # noqa: E402


def linked_mentions(limit: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    nlp = load_pipeline()
    articles = list(iter_articles(limit=limit))
    rows = []
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=64)):
        rows += [{"article_id": article.article_id, **m} for m in doc_mentions(doc)]
    return link_entities(pd.DataFrame(rows))


def top(mentions: pd.DataFrame, entities: pd.DataFrame, labels: set[str], n: int) -> pd.DataFrame:
    counts = mentions["entity_id"].value_counts().rename("mentions").reset_index()
    out = counts.merge(entities, on="entity_id")
    return out[out["label"].isin(labels)].head(n)


def bad_person(name: str) -> str | None:
    """Why ``name`` cannot be a person's name, or None."""
    if any(ch.isdigit() for ch in name):
        return "digits"
    words = name.replace(".", " ").split()
    if any(w.lower() in lexicon()["table_words"] for w in words):
        return "table word"
    if country_code(name) is not None or any(country_code(w) is not None and w.isupper() for w in name.split()):
        return "country"
    if re.fullmatch(r"[A-Z.]{2,5}", name):
        return "code"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    mentions, entities = linked_mentions(args.limit)
    people = top(mentions, entities, {"PERSON"}, 20)
    places = top(mentions, entities, {"GPE", "LOC", "FAC"}, 5)
    print(f"Reuters-21578, {args.limit} stories, {time.perf_counter() - t0:.0f} s")
    print("20 most mentioned people:")
    for row in people.itertuples():
        why = bad_person(row.name)
        print(f"  {row.mentions:5d} {row.name}{'   <-- ' + why if why else ''}")
    orgs = top(mentions, entities, {"ORG"}, 8)
    print("8 most mentioned organisations:", ", ".join(f"{r.name} ({r.mentions})" for r in orgs.itertuples()))
    print("5 most mentioned places:", ", ".join(f"{r.name} ({r.mentions})" for r in places.itertuples()))
    bad = sum(bad_person(n) is not None for n in people["name"])
    top_is_us = places.iloc[0]["name"] in {"U.S.", "United States", "US"}
    print(f"people that are no names: {bad}; top place is the United States: {top_is_us}")


if __name__ == "__main__":
    main()
