"""PER/ORG/LOC exact-span F1 on GUM's named mentions (``../shared/gold/gum``), default split ``test``.

Gold: :mod:`gum_data` (GUM ``person -> PER``, ``organization -> ORG``, ``place -> LOC``; a named mention
is one whose minimal span is capitalised and ends in a proper noun; nested names dropped, titles left out
as in CoNLL). Named mentions of GUM's other types (events, works, objects, times...) are kept as MISC, so
a system span on them counts as a false positive.

System: newsbrief's mentions as a briefing uses them (``annotate_batch`` then ``link_entities`` per
document: ``PERSON -> PER``, ``ORG -> ORG``, ``GPE/LOC/FAC -> LOC``), and for reference the entities of
newsbrief's NER alone (``nlp/data/ner``, scripts/train_ner.py) and of the installed model's own NER, mapped
the same way.

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/gum_entities.py              # test split
    PYTHONPATH=src .venv/bin/python benchmarks/gum_entities.py --split dev --errors 40
    PYTHONPATH=src .venv/bin/python benchmarks/gum_entities.py --split dev --entities   # per gold entity

``--entities``: the per-entity check of ``benchmarks/entities_pages.py`` on GUM (a larger set to select
on): each gold entity (a GUM coreference chain of a person, organisation or place named at least twice) is
right in type when the system entity most of its named mentions land in has its type, and one entity when
they all land in one (a named mention the system finds nothing on counts against both, as on the pages).
It also prints pairwise linking precision and recall over the pairs of named mentions the system found
(:func:`link_pairs`); ``--split train`` gives the figures the merge rules were fitted on.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gum_data import GUM, GumDoc, load
from newsbrief.annotate import Settings, annotate_batch
from newsbrief.nlp.entities.linking import link_entities
from newsbrief.nlp.pipeline import DEFAULT_MODEL, load_pipeline

CLASS_OF = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC")

Span = tuple[int, int, str]


def system_spans(docs: list[GumDoc]) -> dict[str, set[Span]]:
    """newsbrief's final mentions per document (types after linking)."""
    raw = annotate_batch([(d.name, d.text) for d in docs], Settings())
    out: dict[str, set[Span]] = {d.name: set() for d in docs}
    m = raw["mentions"].rename(columns={"content_hash": "article_id"})
    for name, group in m.groupby("article_id"):
        linked, _ = link_entities(group[["article_id", "start", "end", "text", "label"]])
        rows = zip(linked["start"], linked["end"], linked["label"])
        out[str(name)] = {(int(a), int(b), CLASS_OF[lab]) for a, b, lab in rows if lab in CLASS_OF}
    return out


def spacy_spans(docs: list[GumDoc], *, original: bool = False) -> dict[str, set[Span]]:
    """The entities of the pipeline's NER (``original``: the installed model's own), leading "the" dropped."""
    if original:
        import spacy

        nlp = spacy.load(DEFAULT_MODEL)
    else:
        nlp = load_pipeline()
    return ner_spans(nlp, docs)


def ner_spans(nlp: Any, docs: list[GumDoc]) -> dict[str, set[Span]]:
    """The PER/ORG/LOC spans the NER of ``nlp`` finds in each document (a leading "the" left out)."""
    out: dict[str, set[Span]] = {}
    for d, doc in zip(docs, nlp.pipe(d.text for d in docs)):
        spans = set()
        for ent in doc.ents:
            if ent.label_ in CLASS_OF:
                start = ent.start + (ent[0].lower_ == "the" and len(ent) > 1)
                span = doc[start : ent.end]
                spans.add((span.start_char, span.end_char, CLASS_OF[ent.label_]))
        out[d.name] = spans
    return out


def system_entities(docs: list[GumDoc]) -> dict[str, list[tuple[int, int, str, str]]]:
    """newsbrief's linked mentions per document: (start, end, PER/ORG/LOC, entity id)."""
    raw = annotate_batch([(d.name, d.text) for d in docs], Settings())
    out: dict[str, list[tuple[int, int, str, str]]] = {d.name: [] for d in docs}
    m = raw["mentions"].rename(columns={"content_hash": "article_id"})
    for name, group in m.groupby("article_id"):
        linked, _ = link_entities(group[["article_id", "start", "end", "text", "label"]])
        rows = zip(linked["start"], linked["end"], linked["label"], linked["entity_id"])
        out[str(name)] = [(int(a), int(b), CLASS_OF[lab], str(e)) for a, b, lab, e in rows if lab in CLASS_OF]
    return out


def entity_check(docs: list[GumDoc], system: dict[str, list[tuple[int, int, str, str]]], *,
                 min_mentions: int = 2, errors: bool = False) -> Counter[str]:
    """Type accuracy and one-entity per gold entity (see module docs); ``errors`` prints each miss."""
    s: Counter[str] = Counter()
    for d in docs:
        chains: dict[str, list[tuple[int, int, str]]] = {}
        for a, b, t, _ in d.named:
            chains.setdefault(d.chain[(a, b)], []).append((a, b, t))
        mentions = system[d.name]
        for named in chains.values():
            gold_type = Counter(t for _, _, t in named).most_common(1)[0][0]
            if gold_type not in TYPES or len(named) < min_mentions:
                continue
            s["gold"] += 1
            eids: list[str] = []
            hits = []
            for a, b, t in named:
                best = max(((min(b, e) - max(a, st), eid) for st, e, _, eid in mentions if min(b, e) > max(a, st)),
                           default=None)
                if best is not None:
                    eids.append(best[1])
                    hits.append((a, b, t))
            label_of = {eid: t for _, _, t, eid in mentions}
            main = Counter(eids).most_common(1)[0][0] if eids else None
            type_ok = main is not None and label_of[main] == gold_type
            one_ok = bool(eids) and len(set(eids)) == 1
            s["type_ok"] += type_ok
            s["one_ok"] += one_ok
            s["found"] += bool(eids)
            if errors and not (type_ok and one_ok):
                got = Counter((label_of[e], e[-4:], d.text[a:b]) for (a, b, _), e in zip(hits, eids))
                name = d.text[named[0][0]:named[0][1]]
                print(f"  {d.name[:24]:24} {name!r} ({gold_type}, {len(named)} named) -> {dict(got) or 'not found'}")
    return s


def link_pairs(docs: list[GumDoc], system: dict[str, list[tuple[int, int, str, str]]]) -> Counter[str]:
    """Pairwise linking within each document: over pairs of named PER/ORG/LOC gold mentions that the system
    found (the system mention overlapping each most), ``same_gold`` pairs are in one GUM chain, ``same_sys`` in
    one system entity, ``both`` in both (precision both/same_sys: joins that are right; recall both/same_gold:
    mentions of one entity kept together)."""
    s: Counter[str] = Counter()
    for d in docs:
        mentions = system[d.name]
        found: list[tuple[str | None, str]] = []
        for a, b, t, _ in d.named:
            if t not in TYPES:
                continue
            best = max(((min(b, e) - max(a, st), eid) for st, e, _, eid in mentions if min(b, e) > max(a, st)),
                       default=None)
            if best is not None:
                found.append((d.chain.get((a, b)), best[1]))
        for i, (chain_i, eid_i) in enumerate(found):
            for chain_j, eid_j in found[i + 1:]:
                same_gold = chain_i is not None and chain_i == chain_j
                s["same_gold"] += same_gold
                s["same_sys"] += eid_i == eid_j
                s["both"] += same_gold and eid_i == eid_j
    return s


def gold_spans(docs: list[GumDoc]) -> dict[str, set[Span]]:
    return {d.name: {(a, b, t) for a, b, t, _ in d.named} for d in docs}


def score(gold: dict[str, set[Span]], system: dict[str, set[Span]]) -> dict[str, tuple[float, float, float, int]]:
    """(precision, recall, F1, gold count) per type and ``all``; gold MISC spans are only a target for FPs."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for name, g in gold.items():
        g3 = {s for s in g if s[2] in TYPES}
        for s in system.get(name, set()):
            (tp if s in g3 else fp)[s[2]] += 1
        for s in g3 - system.get(name, set()):
            fn[s[2]] += 1
    out = {}
    for t in (*TYPES, "all"):
        a, b, c = (sum(x.values()) for x in (tp, fp, fn)) if t == "all" else (tp[t], fp[t], fn[t])
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        out[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, a + c)
    return out


def breakdown(gold: dict[str, set[Span]], system: dict[str, set[Span]]) -> tuple[Counter[str], Counter[str]]:
    """Where the F1 is lost: (gold PER/ORG/LOC spans by outcome, system spans that are wrong by cause).

    Gold: ``ok`` (exact span and type), ``type`` (exact span, other type), ``boundary`` (a system span
    overlaps it, not exactly; ``boundary+type`` when its type differs too), ``missed`` (no system span
    overlaps it). System errors: ``on_misc`` (overlaps a named gold mention of another GUM type: a work,
    an event...), ``boundary``/``type`` (the counterpart of the gold outcomes), ``spurious`` (overlaps no
    named gold mention: a common noun phrase, a name GUM does not count, a model error).
    """
    g_out: Counter[str] = Counter()
    s_out: Counter[str] = Counter()
    for name, g in gold.items():
        sys_spans = system.get(name, set())
        g3 = {s for s in g if s[2] in TYPES}
        for a, b, t in g3:
            if (a, b, t) in sys_spans:
                g_out["ok"] += 1
                continue
            over = [s for s in sys_spans if s[0] < b and a < s[1]]
            if any(s[0] == a and s[1] == b for s in over):
                g_out["type"] += 1
            elif over:
                g_out["boundary" if any(s[2] == t for s in over) else "boundary+type"] += 1
            else:
                g_out["missed"] += 1
        for span in sys_spans:
            if span not in g3:
                s_out[system_error(span, g)] += 1
    return g_out, s_out


def system_error(span: Span, gold: set[Span]) -> str:
    """Why a system span that is not a gold PER/ORG/LOC span is wrong (the causes of :func:`breakdown`)."""
    a, b, _ = span
    over = [s for s in gold if s[0] < b and a < s[1]]
    if any(s[0] == a and s[1] == b and s[2] in TYPES for s in over):
        return "type"
    if any(s[2] in TYPES for s in over):
        return "boundary"
    return "on_misc" if over else "spurious"


def errors_by_type(gold: dict[str, set[Span]], system: dict[str, set[Span]]) -> dict[str, Counter[str]]:
    """The wrong system spans of each system type by cause (why ORG's precision is the lowest); a boundary error
    inside a longer gold name ("the Y Party" in GUM's person "X of the Y Party", nested names being left out of
    the gold) is counted apart as ``inside``."""
    out: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    for name, sys_spans in system.items():
        g = gold.get(name, set())
        g3 = {s for s in g if s[2] in TYPES}
        for span in sys_spans:
            if span not in g3 and span[2] in out:
                cause = system_error(span, g)
                if cause == "boundary" and any(a <= span[0] and span[1] <= b for a, b, _ in g3):
                    cause = "inside"
                out[span[2]][cause] += 1
    return out


def print_breakdown(title: str, gold: dict[str, set[Span]], system: dict[str, set[Span]]) -> None:
    g_out, s_out = breakdown(gold, system)
    print(f"{title}: gold {dict(g_out.most_common())}; wrong system spans {dict(s_out.most_common())}")
    for t, causes in errors_by_type(gold, system).items():
        print(f"  wrong {t} spans: {dict(causes.most_common())}")


def print_scores(title: str, scores: dict[str, tuple[float, float, float, int]]) -> None:
    print(f"{title}")
    for t, (p, r, f, n) in scores.items():
        print(f"  {t:4} P {p:.3f} R {r:.3f} F1 {f:.3f}  (gold {n})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--breakdown", action="store_true", help="where the F1 is lost (boundaries, types, misses)")
    parser.add_argument("--errors", type=int, default=0, help="print this many system errors (dev only, please)")
    parser.add_argument("--entities", action="store_true",
                        help="only the per-entity check: type accuracy and one entity per gold chain")
    args = parser.parse_args()
    if not GUM.is_dir():
        sys.exit(f"GUM not found at {GUM}")
    docs = load(args.split)
    if args.entities:
        system = system_entities(docs)
        s = entity_check(docs, system, errors=bool(args.errors))
        n = s["gold"] or 1
        print(f"GUM {args.split}: {len(docs)} documents, {s['gold']} gold entities named at least twice; "
              f"type {s['type_ok'] / n:.3f}, one entity {s['one_ok'] / n:.3f}, found {s['found'] / n:.3f}")
        p = link_pairs(docs, system)
        print(f"  linking, pairs of named mentions found: precision {p['both'] / max(p['same_sys'], 1):.4f} "
              f"({p['both']}/{p['same_sys']}), recall {p['both'] / max(p['same_gold'], 1):.4f} "
              f"({p['both']}/{p['same_gold']})")
        return
    gold = gold_spans(docs)
    system = system_spans(docs)
    print(f"GUM {args.split}: {len(docs)} documents")
    print_scores("newsbrief (annotate + link)", score(gold, system))
    bare = spacy_spans(docs)
    print_scores("newsbrief's NER alone", score(gold, bare))
    original = spacy_spans(docs, original=True)
    print_scores("the installed model's own NER alone", score(gold, original))
    if args.breakdown:
        print_breakdown("newsbrief", gold, system)
        print_breakdown("newsbrief's NER alone", gold, bare)
        print_breakdown("the model's NER alone", gold, original)
    if args.errors:
        shown = 0
        for d in docs:
            g = gold[d.name]
            for a, b, t in sorted(system[d.name] ^ {s for s in g if s[2] in TYPES}):
                if shown >= args.errors:
                    return
                side = "sys" if (a, b, t) in system[d.name] else "gold"
                print(f"  {side:4} {t} {d.text[a:b]!r} ({d.name})")
                shown += 1


if __name__ == "__main__":
    main()
