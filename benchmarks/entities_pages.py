"""Entity types, merging and named speakers on real web pages against a hand-made gold.

Gold: ``benchmarks/data/entities_pages_gold.json`` (our own reading of Readability's test pages in
``../shared/pages/readability``; each page is marked ``dev`` (rules were tuned looking at it) or
``test`` (only scored)). The text is Readability's ``expected.html`` article body
(:mod:`page_text`), so these figures do not move with ingest.

Prints, per split and for all pages:

* type accuracy: gold entities whose main system entity has the gold type;
* one-entity: gold entities whose mentions (found by the system) all land in one entity;
* top-5 clean: of each page's five most mentioned entities, the share that are gold entities
  of the right type;
* named-speaker precision and recall (distinct named speakers per page), and statement recall.

Usage::

    .venv/bin/python benchmarks/entities_pages.py            # figures
    .venv/bin/python benchmarks/entities_pages.py --show bbc-1   # what the system finds on one page
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_text import expected_text  # noqa: E402

from newsbrief.annotate import Settings, annotate_batch, resolve_speakers  # noqa: E402
from newsbrief.nlp.gazetteer import fold  # noqa: E402
from newsbrief.nlp.linking import link_entities  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "pages" / "readability"
GOLD = ROOT / "benchmarks" / "data" / "entities_pages_gold.json"
VERBOSE = False
TYPE_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}


def annotate_pages(names: list[str]) -> dict[str, dict[str, pd.DataFrame]]:
    """Per page: linked mentions, entities and resolved quotes (each page linked on its own)."""
    items = [(name, expected_text(PAGES / name)) for name in names]
    raw = annotate_batch(items, Settings())
    out: dict[str, dict[str, pd.DataFrame]] = {}
    for name, text in items:
        m = raw["mentions"][raw["mentions"]["content_hash"] == name].rename(columns={"content_hash": "article_id"})
        mentions, entities = link_entities(m[["article_id", "start", "end", "text", "label"]])
        q = raw["quotes"][raw["quotes"]["content_hash"] == name].rename(columns={"content_hash": "article_id"})
        quotes = resolve_speakers(q, mentions, entities, {name: text})
        out[name] = {"mentions": mentions, "entities": entities, "quotes": quotes, "text": pd.DataFrame({"t": [text]})}
    return out


def _key(text: str) -> str:
    return fold(text.removesuffix("'s").removesuffix("’s"))


def score_page(gold: dict[str, Any], tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    mentions, entities, quotes = tables["mentions"], tables["entities"], tables["quotes"]
    label_of = dict(zip(entities["entity_id"], entities["label"]))
    by_form: dict[str, list[str]] = defaultdict(list)  # folded surface -> entity ids of its mentions
    for text, eid in zip(mentions["text"], mentions["entity_id"]):
        by_form[_key(text)].append(eid)
    gold_forms: dict[str, tuple[str, str]] = {}
    s: dict[str, float] = Counter()
    for ent in gold["entities"]:
        for form in ent["forms"]:
            gold_forms[_key(form)] = (ent["name"], ent["type"])
        eids = [e for form in ent["forms"] for e in by_form.get(_key(form), [])]
        s["gold"] += 1
        if not eids:
            continue  # not found at all: counts as wrong type and split
        main = Counter(eids).most_common(1)[0][0]
        s["type_ok"] += TYPE_OF_LABEL.get(label_of.get(main, ""), "other") == ent["type"]
        s["one_ok"] += len(set(eids)) == 1
        if VERBOSE and (len(set(eids)) > 1 or TYPE_OF_LABEL.get(label_of.get(main, ""), "other") != ent["type"]):
            print(f"  {gold['page']}: {ent['name']} ({ent['type']}) -> {[(label_of[e], n) for e, n in Counter(eids).items()]}")
    counts = mentions["entity_id"].value_counts()
    top = [e for e in counts.index[:5] if counts[e] >= 2]
    names = dict(zip(entities["entity_id"], entities["name"]))
    aliases = dict(zip(entities["entity_id"], entities["aliases"]))
    for eid in top:
        s["top"] += 1
        forms = [names[eid], *list(aliases[eid])]
        hit = next((gold_forms[_key(f)] for f in forms if _key(f) in gold_forms), None)
        if VERBOSE and (hit is None or hit[1] != TYPE_OF_LABEL.get(label_of[eid], "other")):
            print(f"  {gold['page']}: top-5 {names[eid]} {label_of[eid]}")
        s["top_ok"] += hit is not None and hit[1] == TYPE_OF_LABEL.get(label_of[eid], "other")
    gold_sp = {}
    for sp in gold["speakers"]:
        for form in sp.get("forms", [sp["name"]]):
            gold_sp[_key(form)] = sp["name"]
    named = quotes[quotes["speaker_entity_id"].notna()]
    sys_sp: Counter[str] = Counter()
    for speaker, eid in zip(named["speaker"], named["speaker_entity_id"]):
        forms = [speaker, *list(aliases.get(eid, []))]
        hit = next((gold_sp[_key(f)] for f in forms if _key(f) in gold_sp), None)
        sys_sp[hit or f"?{speaker}"] += 1
    if VERBOSE:
        print(f"  {gold['page']}: speakers {dict(sys_sp)}")
    found = {k for k in sys_sp if not k.startswith("?")}
    s["sp_sys"] += len(sys_sp)
    s["sp_tp"] += len(found)
    s["sp_gold"] += len(gold["speakers"])
    s["st_gold"] += sum(sp["statements"] for sp in gold["speakers"])
    s["st_hit"] += sum(min(sp["statements"], sys_sp.get(sp["name"], 0)) for sp in gold["speakers"])
    return s


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def report(scores: dict[str, Counter[str]], split_of: dict[str, str]) -> None:
    print(f"{'split':6} {'pages':>5} {'type':>6} {'one':>6} {'top5':>6} {'spP':>6} {'spR':>6} {'stmtR':>6}")
    for split in ("dev", "test", "all"):
        total: Counter[str] = Counter()
        pages = [p for p in scores if split == "all" or split_of[p] == split]
        for p in pages:
            total.update(scores[p])
        print(
            f"{split:6} {len(pages):>5} {_ratio(total['type_ok'], total['gold']):6.3f} "
            f"{_ratio(total['one_ok'], total['gold']):6.3f} {_ratio(total['top_ok'], total['top']):6.3f} "
            f"{_ratio(total['sp_tp'], total['sp_sys']):6.3f} {_ratio(total['sp_tp'], total['sp_gold']):6.3f} "
            f"{_ratio(total['st_hit'], total['st_gold']):6.3f}"
        )


def show(name: str, tables: dict[str, pd.DataFrame]) -> None:
    m, e, q = tables["mentions"], tables["entities"], tables["quotes"]
    counts = m["entity_id"].value_counts()
    rows = e.set_index("entity_id").loc[counts.index]
    for eid, row in rows.iterrows():
        if counts[eid] < 2:
            continue
        print(f"{counts[eid]:3d} {row['label']:7} {row['name']!r:40} {list(row['aliases'])}")
    print("-- speakers")
    for (sp, eid), n in q.groupby(["speaker", q["speaker_entity_id"].notna()]).size().sort_values(ascending=False).items():
        print(f"{n:3d} {'named' if eid else 'group':6} {sp}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", nargs="*", help="print system entities and speakers of these pages")
    parser.add_argument("--per-page", action="store_true", help="print figures per page too")
    args = parser.parse_args()
    if not PAGES.is_dir():
        sys.exit(f"pages not found at {PAGES}")
    if args.show is not None:
        names = args.show or sorted(p.name for p in PAGES.iterdir())
        for name, tables in annotate_pages(names).items():
            print(f"===== {name}")
            show(name, tables)
        return
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    pages = {g["page"]: g for g in gold["pages"]}
    tables = annotate_pages(sorted(pages))
    if args.per_page:
        global VERBOSE
        VERBOSE = True
    scores = {name: score_page(pages[name], tables[name]) for name in pages}
    if args.per_page:
        for name, s in scores.items():
            print(f"{name:28} type {s['type_ok']:.0f}/{s['gold']:.0f} one {s['one_ok']:.0f}/{s['gold']:.0f} "
                  f"top {s['top_ok']:.0f}/{s['top']:.0f} sp {s['sp_tp']:.0f}/{s['sp_sys']:.0f}/{s['sp_gold']:.0f}")
    report(scores, {n: g["split"] for n, g in pages.items()})


if __name__ == "__main__":
    main()
