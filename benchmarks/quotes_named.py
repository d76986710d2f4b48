"""Named speakers per article on PolNeAR, the way the aeb scorer counts them (``quotes.py --named-sets``).

PolNeAR's speaker accuracy scores the speaker *mention*; it cannot see which named entity a pronoun, a role or
a description was resolved to, which is what the briefing's speaker table shows. This counts, per article, the
distinct named speakers of the gold (a Source span holding a PERSON or ORG entity: its last person, else its
last organisation) against the named speakers the extractor resolves to, both keyed on the name's last
capitalised word ("Sen. Ray Dorsey" and "Dorsey" are one), and sums them: precision and recall of named
speakers. The gold's sources have no coreference (a "he" names no one), so the figures are a lower bound for
both; they compare runs, they are no absolute score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from newsbrief.nlp.quotes import extract_quotes

__all__ = ["NamedSets"]

_NOT_NAMES = frozenset({"the", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator"})
_CAPITALISED = re.compile(r"[A-Z][\w\-’']+")


def name_key(name: str) -> str | None:
    """The last capitalised word of a name, lower-cased, without a possessive ("Dorsey" for "Sen. Ray Dorsey's")."""
    words = [w for w in _CAPITALISED.findall(name) if w.lower().rstrip(".") not in _NOT_NAMES]
    return words[-1].removesuffix("’s").removesuffix("'s").lower() if words else None


class NamedSets:
    """Sums of gold and predicted named speakers per article, and their overlap."""

    def __init__(self, *, examples: int = 0) -> None:
        self.gold = self.pred = self.hit = 0
        self._keep = examples
        self.missed: list[str] = []
        self.extra: list[str] = []

    def add(self, name: str, doc: Any, golds: Sequence[Any], preds: Sequence[Any]) -> None:
        """``golds``: PolNeAR attributions (reported speech); ``preds``: :class:`quotes.Pred` of the article."""
        gold: dict[str, str] = {}
        for g in golds:
            if not g.source:
                continue
            a, b = g.source[0]
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            ents = [e for e in span.ents if e.label_ in {"PERSON", "ORG"}]
            people = [e for e in ents if e.label_ == "PERSON"]
            if ents:
                key = name_key((people or ents)[-1].text)
                if key:
                    gold.setdefault(key, (people or ents)[-1].text)
        pred: dict[str, str] = {}
        text = doc.text  # built anew on each access: read once
        for p in preds:
            if p.named and p.ref:
                ref = text[p.ref[0][0] : p.ref[0][1]]
                key = name_key(ref)
                if key:
                    pred.setdefault(key, ref)
        self.gold += len(gold)
        self.pred += len(pred)
        self.hit += len(gold.keys() & pred.keys())
        if len(self.missed) < self._keep:
            self.missed += [f"[{name[:30]}] {gold[k]!r}" for k in sorted(gold.keys() - pred.keys())]
        if len(self.extra) < self._keep:
            self.extra += [f"[{name[:30]}] {pred[k]!r}" for k in sorted(pred.keys() - gold.keys())]

    def report(self) -> str:
        p = self.hit / self.pred if self.pred else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        lines = [f"named speakers per article: gold {self.gold} predicted {self.pred} both {self.hit} | P {p:.3f} "
                 f"R {r:.3f}"]
        if self._keep:
            lines += [f"  missed {m}" for m in self.missed[: self._keep]]
            lines += [f"  extra  {e}" for e in self.extra[: self._keep]]
        return "\n".join(lines)


class Descriptions:
    """Speaker rows whose mention is a description, an age or a plural pronoun ("the company", "the former
    senator", "the 54-year-old", "they"), by head word and whether the resolver found the named entity it
    stands for (``quotes.py --descriptions N``: the N most frequent heads). No gold: PolNeAR's sources are
    surface mentions with no coreference; this counts how often each class occurs and how often it is
    resolved, to find the classes worth fixing and to read the resolutions by eye (``examples``)."""

    def __init__(self, *, examples: int = 0) -> None:
        self.heads: dict[tuple[str, bool], int] = {}
        self.shown: dict[tuple[str, bool], list[str]] = {}
        self._keep = examples

    def add(self, name: str, doc: Doc) -> None:
        text = doc.text
        for q in extract_quotes(doc, include_headline=True):
            words = (q.speaker_text or "").split()
            if not words or not (words[0].lower() == "the" and words[-1].islower() or words[0].lower() == "they"):
                continue
            head = "N-year-old" if re.fullmatch(r"\d+-year-old", words[-1]) else words[-1].lower()
            key = (head, q.speaker_is_entity)
            self.heads[key] = self.heads.get(key, 0) + 1
            if q.speaker_is_entity and q.speaker_ref_start is not None and len(self.shown.setdefault(key, [])) < 2:
                self.shown[key].append(f"[{name[:24]}] {q.speaker_text!r} -> "
                                       f"{text[q.speaker_ref_start : q.speaker_ref_end]!r}")

    def report(self) -> str:
        total = sum(self.heads.values())
        named = sum(n for (_h, ok), n in self.heads.items() if ok)
        lines = [f"description speakers: {total} rows, {named} resolved to a named entity"]
        by_head: dict[str, list[int]] = {}
        for (head, ok), n in self.heads.items():
            by_head.setdefault(head, [0, 0])[ok] += n
        for head, (no, yes) in sorted(by_head.items(), key=lambda kv: -sum(kv[1]))[: self._keep]:
            lines.append(f"  {head:<16} named {yes:4d} unnamed {no:4d}  {' '.join(self.shown.get((head, True), []))}")
        return "\n".join(lines)
