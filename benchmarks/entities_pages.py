"""Entity types, merging and named speakers on real web pages against hand-made golds.

Three sets, each scored per split (``train``/``dev``: rules and models may be tuned looking at it; ``test``:
only scored) and never mixed:

* ``readability``: ``benchmarks/data/entities_pages_gold.json``, our own reading of Readability's test
  pages in ``../shared/pages/readability``; the text is Readability's ``expected.html`` article body
  (:mod:`page_text`), so these figures do not move with ingest.
* ``aeb``: ``../shared/pages/aeb/gold.json`` (60 pages from 50 sites, 36 dev / 24 test); the text is the
  benchmark's hand-checked article body (``ground-truth.json``, the body the gold's ``body_first`` /
  ``body_last`` / ``body_words`` describe).
* ``aeb-extra``: ``benchmarks/data/aeb_extra_gold.json``, our own hand gold (issue 21, eighth pass) of English
  news pages of ``../shared/pages/aeb`` that are not in its ``gold.json``, in the same fields and conventions;
  every page is ``train`` (the typer learns from it; a figure on it is only unseen for a model trained
  without it, as with ``--held-out``). Text as for ``aeb``.

Figures, per set and split:

* type: gold entities whose main system entity (the one most of the mentions of the gold's forms land
  in) has the gold type;
* one: gold entities whose mentions (found by the system) all land in one entity;
  (type and one count a gold entity the system does not find as wrong; a gold entity whose every form is
  also a form of another gold entity of the page - "Pittsburgh" the city and the team - is left out, as a
  surface cannot tell them apart; ``amb`` counts them);
* top5: of each page's five most mentioned entities (named at least twice), the share that are gold
  entities of the right type;
* spP / spR: named-speaker precision and recall (distinct named speakers per page; the aeb gold's
  unnamed speakers - "officials", "a spokesperson" - are not counted; a leading article is ignored), and
  stmtR: statement recall (a quote split around its cue is one statement, as in the gold);
* top-sp: pages with a named gold speaker whose most-quoted named system speaker, as the briefing orders
  speakers (most statements, then most words), is (one of) the gold's most-quoted named speaker(s).

``--per-page`` prints each page's errors: entities of a wrong type or split, top-5 misses, the named system
speakers with their statement counts (``?name`` when no gold speaker has that form) and the speaker misses
(gold named speakers with fewer system statements than the gold's, as ``name got/gold``).

Usage::

    .venv/bin/python benchmarks/entities_pages.py                 # figures, both sets
    .venv/bin/python benchmarks/entities_pages.py --sets aeb      # one set
    .venv/bin/python benchmarks/entities_pages.py --sets aeb-extra   # our own gold of other aeb pages
    .venv/bin/python benchmarks/entities_pages.py --show bbc-1    # what the system finds on one page
    .venv/bin/python benchmarks/entities_pages.py --per-page --split dev   # errors on the dev pages
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
from newsbrief.analysis.entities import frequencies_from_counts
from newsbrief.annotate import Settings, annotate_batch, resolve_speakers
from newsbrief.nlp.entities.gazetteer import fold
from newsbrief.nlp.entities.linking import link_entities
from page_text import expected_text

ROOT = Path(__file__).resolve().parents[1]
#: ``../shared`` beside the repository (from a git worktree under ``wt/``, the one beside its parent).
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT.parent / "shared"
)
PAGES = SHARED / "pages" / "readability"
GOLD = ROOT / "benchmarks" / "data" / "entities_pages_gold.json"
AEB = SHARED / "pages" / "aeb"
#: Our own hand gold of aeb pages outside the benchmark's ``gold.json`` (same shape as it, under ``pages``).
EXTRA = ROOT / "benchmarks" / "data" / "aeb_extra_gold.json"
SETS = ("readability", "aeb", "aeb-extra")
SPLITS = ("train", "dev", "test")
VERBOSE = False
#: Gold entities named fewer times than this are not scored for type and one-entity (aeb lists some named once).
MIN_MENTIONS = 2
TYPE_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}


def load_set(name: str) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """(gold per page in one shape, text per page) of a set; the aeb gold is put into the readability shape:
    ``entities: [{name, type, forms}]``, ``speakers: [{name, statements, forms}]`` (named speakers only)."""
    if name == "readability":
        gold = json.loads(GOLD.read_text(encoding="utf-8"))
        pages = {g["page"]: g for g in gold["pages"]}
        return pages, {p: expected_text(PAGES / p) for p in pages}
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    if name == "aeb-extra":
        raw = json.loads(EXTRA.read_text(encoding="utf-8"))["pages"]
    else:
        raw = json.loads((AEB / "gold.json").read_text(encoding="utf-8"))
    pages = {g["page"]: aeb_page(g) for g in raw}
    return pages, {p: truth[p]["articleBody"] for p in pages}


def aeb_page(g: dict[str, Any]) -> dict[str, Any]:
    """One page of the aeb gold (or of our extra gold, same fields) in the readability gold's shape."""
    return {
        "page": g["page"],
        "split": g["split"],
        "entities": [
            {"name": e["name"], "type": e["type"], "forms": list(dict.fromkeys([*e["aliases"], e["name"]])),
             "mentions": e["mentions"]}
            for e in g["entities"]
        ],
        "not_entities": g.get("not_entities", []),
        "speakers": [
            {"name": sp["name"], "statements": sp["quotes"],
             "forms": list(dict.fromkeys([sp["name"], *sp["aliases"]]))}
            for sp in g["speakers"]
            if sp["named"]
        ],
    }


def annotate_pages(texts: dict[str, str]) -> dict[str, dict[str, pd.DataFrame]]:
    """Per page: linked mentions, entities and resolved quotes (each page linked on its own)."""
    items = list(texts.items())
    raw = annotate_batch(items, Settings())
    out: dict[str, dict[str, pd.DataFrame]] = {}
    for name, text in items:
        m = raw["mentions"][raw["mentions"]["content_hash"] == name].rename(columns={"content_hash": "article_id"})
        mentions, entities = link_entities(m[["article_id", "start", "end", "text", "label"]])
        q = raw["quotes"][raw["quotes"]["content_hash"] == name].rename(columns={"content_hash": "article_id"})
        quotes = resolve_speakers(q, mentions, entities, {name: text})
        out[name] = {"mentions": mentions, "entities": entities, "quotes": quotes, "text": pd.DataFrame({"t": [text]})}
    return out


def annotate_held_out(texts: dict[str, str], folds_dir: Path) -> dict[str, dict[str, pd.DataFrame]]:
    """As :func:`annotate_pages`, each page typed by the typer of its fold (``folds.json``, ``fold<k>.json``
    written by ``scripts/train_entity_typer.py --folds-out``): a model that never saw the page. Pages in
    no fold (test pages) get the shipped typer."""
    from newsbrief.nlp.entities.typer import Typer, use_typer

    fold_of = json.loads((folds_dir / "folds.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, pd.DataFrame]] = {}
    for k in sorted({fold_of.get(p, -1) for p in texts}):
        use_typer(Typer.load(folds_dir / f"fold{k}.json") if k >= 0 else None)
        try:
            out.update(annotate_pages({p: t for p, t in texts.items() if fold_of.get(p, -1) == k}))
        finally:
            use_typer(None)
    return out


#: Whether the matching key keeps a leading "The" (the gold writes "The Doobie Brothers" where a name in
#: running text, and newsbrief's name, has none: "the Doobie Brothers"); ``--keep-the`` for the old key.
KEEP_THE = False


def _key(text: str) -> str:
    """The folded form gold and system names are matched on: no possessive, no leading article."""
    text = text.removesuffix("'s").removesuffix("’s")
    if not KEEP_THE and text[:4].lower() == "the " and len(text) > 4:
        text = text[4:]
    return fold(text)


def _speaker_key(text: str) -> str:
    """A speaker's key: as :func:`_key`, without a leading article ("The CDC" and "CDC" are one speaker)."""
    return _key(text).removeprefix("the ")


def _type(label: str) -> str:
    return TYPE_OF_LABEL.get(label, "other")


def top_entities(mentions: pd.DataFrame, entities: pd.DataFrame, *, top: int = 5) -> list[str]:
    """The page's ``top`` most mentioned entities named at least twice, in the briefing's order (the frequency
    table of :func:`newsbrief.analysis.entities.frequencies_from_counts`: mentions, then articles, then name)."""
    counts = mentions.groupby("entity_id").agg(mentions=("start", "size"), articles=("article_id", "nunique"))
    table = frequencies_from_counts(counts.reset_index(), entities, top=top)
    return [e for e, n in zip(table["entity_id"], table["mentions"]) if n >= 2]


def score_page(gold: dict[str, Any], tables: dict[str, pd.DataFrame]) -> Counter[str]:
    mentions, entities, quotes = tables["mentions"], tables["entities"], tables["quotes"]
    label_of = dict(zip(entities["entity_id"], entities["label"]))
    by_form: dict[str, list[str]] = defaultdict(list)  # folded surface -> entity ids of its mentions
    for text, eid in zip(mentions["text"], mentions["entity_id"]):
        by_form[_key(text)].append(eid)
    gold_forms: dict[str, set[str]] = defaultdict(set)  # folded form -> gold types it may have
    owners: Counter[str] = Counter()  # folded form -> gold entities naming it
    for ent in gold["entities"]:
        keys = {_key(f) for f in ent["forms"]}
        owners.update(keys)
        for k in keys:
            gold_forms[k].add(ent["type"])
    s: Counter[str] = Counter()
    for ent in gold["entities"]:
        if ent.get("mentions", 2) < MIN_MENTIONS:
            continue
        keys = list(dict.fromkeys(_key(f) for f in ent["forms"]))
        own = [k for k in keys if owners[k] == 1]
        if not own:
            s["amb"] += 1
            continue
        eids = [e for k in own for e in by_form.get(k, [])]
        s["gold"] += 1
        if not eids:
            if VERBOSE:
                print(f"  {gold['page'][:16]}: {ent['name']} ({ent['type']}) not found")
            continue  # not found at all: counts as wrong type and split
        main = Counter(eids).most_common(1)[0][0]
        s["type_ok"] += _type(label_of.get(main, "")) == ent["type"]
        s["one_ok"] += len(set(eids)) == 1
        if VERBOSE and (len(set(eids)) > 1 or _type(label_of.get(main, "")) != ent["type"]):
            got = [(label_of[e], n) for e, n in Counter(eids).items()]
            print(f"  {gold['page'][:16]}: {ent['name']} ({ent['type']}) -> {got}")
    top = top_entities(mentions, entities)
    names = dict(zip(entities["entity_id"], entities["name"]))
    aliases = dict(zip(entities["entity_id"], entities["aliases"]))
    for eid in top:
        s["top"] += 1
        forms = [names[eid], *list(aliases[eid])]
        hit = next((gold_forms[_key(f)] for f in forms if _key(f) in gold_forms), None)
        ok = hit is not None and _type(label_of[eid]) in hit
        if VERBOSE and not ok:
            print(f"  {gold['page'][:16]}: top-5 {names[eid]} {label_of[eid]} (gold {sorted(hit) if hit else None})")
        s["top_ok"] += ok
    gold_sp: dict[str, str] = {}
    for sp in gold["speakers"]:
        for form in sp.get("forms", [sp["name"]]):
            gold_sp[_speaker_key(form)] = sp["name"]
    rows = quotes[quotes["speaker_entity_id"].notna()]
    sys_sp: Counter[str] = Counter()  # statements: a quote split around its cue is one, as in the gold
    words: Counter[str] = Counter()  # per speaker: (statements, words) is the briefing's order
    seen: set[tuple[object, str]] = set()
    for speaker, eid, statement, content in zip(rows["speaker"], rows["speaker_entity_id"], rows["statement_id"],
                                                rows["content"]):
        forms = [speaker, *list(aliases.get(eid, []))]
        hit = next((gold_sp[_speaker_key(f)] for f in forms if _speaker_key(f) in gold_sp), None)
        key = hit or f"?{speaker}"
        if (statement, eid) not in seen:
            seen.add((statement, eid))
            sys_sp[key] += 1
        words[key] += len(str(content).split())
    shown = {k: (sys_sp[k], words[k]) for k in sys_sp}
    if VERBOSE:
        print(f"  {gold['page'][:16]}: speakers {dict(sys_sp)}")
        # gold named speakers with fewer system statements than the gold's: "name got/gold"
        missed = [f"{sp['name']} {sys_sp.get(sp['name'], 0)}/{sp['statements']}" for sp in gold["speakers"]
                  if sys_sp.get(sp["name"], 0) < sp["statements"]]
        if missed:
            print(f"  {gold['page'][:16]}: speaker misses {missed}")
    found = {k for k in sys_sp if not k.startswith("?")}
    s["sp_sys"] += len(sys_sp)
    s["sp_tp"] += len(found)
    s["sp_gold"] += len(gold["speakers"])
    s["st_gold"] += sum(sp["statements"] for sp in gold["speakers"])
    s["st_hit"] += sum(min(sp["statements"], sys_sp.get(sp["name"], 0)) for sp in gold["speakers"])
    if gold["speakers"]:
        most = max(sp["statements"] for sp in gold["speakers"])
        best = {sp["name"] for sp in gold["speakers"] if sp["statements"] == most}
        s["top_sp"] += 1
        # the top speaker as the briefing shows it (analysis.speaker_share: most statements, then words)
        s["top_sp_ok"] += bool(shown) and max(shown, key=lambda k: shown[k]) in best
    return s


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


COLUMNS = ("type", "one", "top5", "spP", "spR", "stmtR", "top-sp")


def figures(total: Counter[str]) -> dict[str, float]:
    """The benchmark's figures from summed page counts."""
    return {
        "type": _ratio(total["type_ok"], total["gold"]),
        "one": _ratio(total["one_ok"], total["gold"]),
        "top5": _ratio(total["top_ok"], total["top"]),
        "spP": _ratio(total["sp_tp"], total["sp_sys"]),
        "spR": _ratio(total["sp_tp"], total["sp_gold"]),
        "stmtR": _ratio(total["st_hit"], total["st_gold"]),
        "top-sp": _ratio(total["top_sp_ok"], total["top_sp"]),
    }


def report(set_name: str, scores: dict[str, Counter[str]], split_of: dict[str, str]) -> None:
    print(f"{'set':12} {'split':5} {'pages':>5} {'ents':>5} {'amb':>4} " + " ".join(f"{c:>6}" for c in COLUMNS))
    for split in SPLITS:
        total: Counter[str] = Counter()
        pages = [p for p in scores if split_of[p] == split]
        if not pages:
            continue
        for p in pages:
            total.update(scores[p])
        row = figures(total)
        print(
            f"{set_name:12} {split:5} {len(pages):>5} {total['gold']:>5} {total['amb']:>4} "
            + " ".join(f"{row[c]:6.3f}" for c in COLUMNS)
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
    by_speaker = q.groupby(["speaker", q["speaker_entity_id"].notna()]).size().sort_values(ascending=False)
    for (sp, eid), n in by_speaker.items():
        print(f"{n:3d} {'named' if eid else 'group':6} {sp}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", choices=SETS, default=list(SETS), help="which gold sets to score")
    parser.add_argument("--split", choices=SPLITS, help="score only this split's pages")
    parser.add_argument("--show", nargs="*", help="print system entities and speakers of these pages")
    parser.add_argument("--per-page", action="store_true", help="print figures and errors per page too")
    global VERBOSE, MIN_MENTIONS, KEEP_THE
    parser.add_argument("--keep-the", action="store_true",
                        help='match names with a leading "The" kept (the key before issue 21\'s second pass)')
    parser.add_argument("--min-mentions", type=int, default=MIN_MENTIONS,
                        help="score type and one-entity on gold entities named at least this often (default 2)")
    parser.add_argument("--held-out", type=Path, metavar="DIR",
                        help="type each dev page with the typer of its fold, trained without it "
                             "(scripts/train_entity_typer.py --folds-out DIR): honest dev figures")
    args = parser.parse_args()
    MIN_MENTIONS = args.min_mentions
    KEEP_THE = args.keep_the
    VERBOSE = args.per_page
    for set_name in args.sets:
        folder = PAGES if set_name == "readability" else AEB
        if not folder.is_dir():
            print(f"{set_name}: pages not found at {folder}, skipped")
            continue
        pages, texts = load_set(set_name)
        if args.split:
            pages = {p: g for p, g in pages.items() if g["split"] == args.split}
        if args.show is not None:
            wanted = [p for p in pages if not args.show or any(p.startswith(x) for x in args.show)]
            for name, tables in annotate_pages({p: texts[p] for p in wanted}).items():
                print(f"===== {name}")
                show(name, tables)
            continue
        wanted = {p: texts[p] for p in sorted(pages)}
        tables = annotate_held_out(wanted, args.held_out) if args.held_out else annotate_pages(wanted)
        scores = {}
        for name in sorted(pages):
            if VERBOSE:
                print(f"== {set_name} {name[:16]} ({pages[name]['split']})")
            scores[name] = score_page(pages[name], tables[name])
        if args.per_page:
            for name, s in scores.items():
                print(f"{name[:28]:28} type {s['type_ok']:.0f}/{s['gold']:.0f} one {s['one_ok']:.0f}/{s['gold']:.0f} "
                      f"top {s['top_ok']:.0f}/{s['top']:.0f} sp {s['sp_tp']:.0f}/{s['sp_sys']:.0f}/{s['sp_gold']:.0f}")
        report(set_name, scores, {n: g["split"] for n, g in pages.items()})


if __name__ == "__main__":
    main()
