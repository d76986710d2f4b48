"""Error classes of the quote extractor on PolNeAR (``benchmarks/quotes.py --classes``).

Every gold attribution missed, every prediction matching no gold and every matched quote whose speaker
mention misses the gold Source is put in one class (the first that applies, in the order listed below), so
the counts add up and the largest class is the one to fix first. A class names a construction, never a
name. Use it on ``--split train`` (free for tuning); the dev figures are the ones reported.

Missed (gold not found): ``according to``; quoted content over several paragraphs; quoted content with
its cue after it / before it / around it; unquoted content by cue word (speech verb or another).
Wrong speaker (content matched, speaker mention off the gold Source): no speaker; ``according to``; content
over paragraphs; the gold Source is a pronoun and the prediction is not; the prediction is a pronoun and
the gold is not; the predicted mention sits inside the gold content (a name inside the words); the
predicted mention is a name and the gold a description, or the other way; a name that is not the gold's
("nearest name"); anything else.
Named speakers (a precision audit of what annotation lists as a named speaker): of the matched
predictions resolved to a named entity, those whose named span is lower-case (a noun) or whose
speaker mention is not the gold Source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from polnear import GoldArticle as _Article
from polnear import GoldAttribution as _Gold

_MARKS = re.compile("[\"“”«»]")
_PRONOUNS = frozenset("he she it they we i you him her them us".split())
Spans = tuple[tuple[int, int], ...]


class _Pred(Protocol):
    content: Spans
    speaker: Spans
    kind: str
    cue: str | None
    ref: Spans
    named: bool


def _overlap(x: Spans, y: Spans) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in x for c, d in y)


def _text(text: str, spans: Spans) -> str:
    return " ".join(text[a:b] for a, b in spans)


def _is_pronoun(words: str) -> bool:
    return words.strip().lower() in _PRONOUNS


def _is_name(words: str) -> bool:
    """Any capitalised word past an article or a sentence-initial capital: a name."""
    toks = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", words) if w.lower() not in {"the", "a", "an"}]
    return any(w[0].isupper() for w in toks)


def _over_paragraphs(text: str, spans: Spans) -> bool:
    a, b = min(s for s, _ in spans), max(e for _, e in spans)
    return "\n" in text[a:b].strip()


def missed_class(art: _Article, g: _Gold) -> str:
    cue = g.cue_text.lower()
    if "according to" in cue:
        return "missed: according to"
    if _MARKS.search(g.content_text):
        if _over_paragraphs(art.text, g.content):
            return "missed: quoted, over paragraphs"
        if not g.cue:
            return "missed: quoted, no cue"
        c0, g0, g1 = g.cue[0][0], min(a for a, _ in g.content), max(b for _, b in g.content)
        where = "after" if c0 >= g1 else "before" if c0 < g0 else "inside"
        return f"missed: quoted, cue {where}"
    words = re.findall(r"[a-z]+", cue)
    head = words[0] if words else "-"
    return f"missed: unquoted, cue '{head}'"


def speaker_class(art: _Article, g: _Gold, p: _Pred) -> str:
    if not p.speaker:
        return "speaker: none predicted"
    said, gold = _text(art.text, p.speaker), g.source_text
    if "according to" in g.cue_text.lower():
        return "speaker: according to"
    if _over_paragraphs(art.text, g.content):
        return "speaker: content over paragraphs"
    if _is_pronoun(gold) and not _is_pronoun(said):
        return "speaker: gold pronoun, predicted not"
    if _is_pronoun(said):
        return "speaker: predicted pronoun, gold not"
    if _overlap(p.speaker, g.content):
        return "speaker: predicted inside the content"
    if _is_name(said) and not _is_name(gold):
        return "speaker: predicted name, gold description"
    if not _is_name(said) and _is_name(gold):
        return "speaker: predicted description, gold name"
    if _is_name(said):
        return "speaker: another name (nearest name)"
    return "speaker: another description"


class ErrorClasses:
    """Counts of error classes over the articles added, with a few examples each."""

    def __init__(self, *, examples: int = 3) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}
        self._keep = examples

    def _add(self, cls: str, example: str) -> None:
        self.counts[cls] += 1
        shown = self.examples.setdefault(cls, [])
        if len(shown) < self._keep:
            shown.append(example.replace("\n", " ")[:200])

    def add(self, art: _Article, preds: Sequence[_Pred], golds: Sequence[_Gold],
            pairs: Sequence[tuple[int, int]]) -> None:
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for j, g in enumerate(golds):
            if j not in matched_g:
                self._add(missed_class(art, g), f"[{art.name[:24]}] {g.source_text!r} {g.cue_text!r}: "
                          f"{g.content_text[:100]}")
        for i, p in enumerate(preds):
            if i not in matched_p:
                said = _text(art.text, p.speaker)
                self._add(f"extra: {p.kind}{' named' if p.named else ''}",
                          f"[{art.name[:24]}] {said!r} {p.cue!r}: {_text(art.text, p.content)[:100]}")
        for i, j in pairs:
            g, p = golds[j], preds[i]
            ref = _text(art.text, p.ref)
            if p.named and ref and not any(c.isupper() for c in ref):
                self._add("named: lower-case span", f"[{art.name[:24]}] {ref!r} gold {g.source_text!r}")
            if not g.source or (p.speaker and _overlap(p.speaker, g.source)):
                continue
            example = (f"[{art.name[:24]}] gold {g.source_text!r} pred {_text(art.text, p.speaker)!r} -> {ref!r} "
                       f"cue {g.cue_text!r}: {g.content_text[:80]}")
            self._add(speaker_class(art, g, p), example)
            if p.named:
                self._add("named: speaker mention off the gold Source", example)

    def report(self) -> str:
        lines = ["error classes (largest first):"]
        for cls, n in self.counts.most_common():
            lines.append(f"{n:6d}  {cls}")
            lines.extend(f"          e.g. {e}" for e in self.examples.get(cls, []))
        return "\n".join(lines)


class NamedAudit:
    """What annotation would list for the quotes of each article (no gold needed): quote rows whose speaker the
    resolver calls named but that no entity mention (nor a speaker mention of :mod:`newsbrief.nlp.quotes.named`)
    covers, so that the speaker table shows them as unnamed sources ("a named person listed under unnamed
    sources"), out of all rows with a named speaker; and the speaker mentions added, by label."""

    def __init__(self, *, examples: int = 0) -> None:
        self.named = 0
        self.uncovered: Counter[str] = Counter()
        self.added: Counter[str] = Counter()
        self._keep = examples

    def add(self, doc) -> None:  # type: ignore[no-untyped-def]
        from newsbrief.nlp.entities.mentions import doc_mentions
        from newsbrief.nlp.quotes import extract_quotes
        from newsbrief.nlp.quotes.named import speaker_mentions

        rows = extract_quotes(doc)  # as annotation runs it (no title line)
        spans = [(int(m["start"]), int(m["end"])) for m in doc_mentions(doc)]
        added = speaker_mentions(doc, rows, spans)
        self.added.update(label for *_x, label in added)
        spans += [(a, b) for a, b, _t, _l in added]
        text = doc.text  # built anew on each access: read once
        covered_names = {text[a:b].lower().removeprefix("the ") for a, b in spans}
        for q in rows:
            a, b = q.speaker_ref_start, q.speaker_ref_end
            if not q.speaker_is_entity or a is None or b is None:
                continue
            self.named += 1
            if any(s < b and e > a and min(e, b) - max(s, a) >= 0.6 * (b - a) for s, e in spans):
                continue
            if text[a:b].lower().removeprefix("the ") in covered_names:
                continue  # annotation matches it to that entity by name
            self.uncovered[text[a:b]] += 1

    def report(self) -> str:
        n = sum(self.uncovered.values())
        share = n / self.named if self.named else 0.0
        lines = [f"named-speaker rows {self.named}, listed as unnamed (no mention covers them) {n} ({share:.1%});"
                 f" speaker mentions added: {dict(self.added)}"]
        if self._keep:
            lines.append("  most frequent uncovered: " + ", ".join(f"{w!r} {k}" for w, k in
                                                                 self.uncovered.most_common(self._keep)))
        return "\n".join(lines)
