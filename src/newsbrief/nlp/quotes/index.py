"""Per-Doc state shared by the quote rules (see :mod:`newsbrief.nlp.quotes`).

:class:`QuoteIndex` holds the paragraphs, the paired quote marks and the token-to-quote map of
one Doc, the quote spans and cue verbs the rules have used up, and turns a content region into a
direct, mixed or indirect candidate (:meth:`QuoteIndex.snap`). The rules themselves are
generator functions over an index (:mod:`.direct`, :mod:`.indirect`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Token

from ..chunks import doc_text
from .marks import Paragraphs, QuoteSpan, find_quote_spans
from .speaker import Speaker

__all__ = ["QuoteKind", "Cand", "QuoteIndex", "TERMINAL", "MIN_QUOTE_WORDS"]

QuoteKind = Literal["direct", "indirect", "mixed"]
TERMINAL = frozenset({".", "?", "!", ";"})
MIN_QUOTE_WORDS = 3


@dataclass
class Cand:
    parts: list[tuple[int, int]]
    kind: QuoteKind
    cue: str | None
    subj: Token | None
    quotes: set[int] = field(default_factory=set)
    speaker: Speaker | None = None
    mention: tuple[int, int] | None = None
    join_prev: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


class QuoteIndex:
    """Per-Doc indexes (paragraphs, paired quote marks, token-to-quote map) and what the rules share:
    which quote spans are used up, which verbs are cues already, content regions to candidates."""

    def __init__(self, doc: Doc, *, include_headline: bool) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.paras = Paragraphs(self.text)
        self.spans = find_quote_spans(self.text, self.paras)
        self.next_part: dict[int, int] = {s.prev: k for k, s in enumerate(self.spans) if s.prev is not None}
        self.inner_starts = [s.inner_start for s in self.spans]
        self.tok_q = self._token_quotes()
        self.used_verbs: set[int] = set()
        self.consumed: set[int] = set()
        self.skip_until = 0 if include_headline else self._headline_end()

    # -- setup ---------------------------------------------------------------------
    def _token_quotes(self) -> list[int]:
        """Per token, the quote span whose inside holds its first character (-1: none)."""
        out = [-1] * len(self.doc)
        spans = self.spans
        if not spans:
            return out
        k = 0
        # the tokens' character offsets as one array (no Token object per word)
        for i, idx in enumerate(self.doc.to_array("IDX").tolist()):
            while k < len(spans) and spans[k].inner_end <= idx:
                k += 1
            if k < len(spans) and spans[k].inner_start <= idx < spans[k].inner_end:
                out[i] = k
        return out

    def _headline_end(self) -> int:
        """End of a title line glued on top of the body (one short line, no final punctuation)."""
        if len(self.paras) < 2:
            return 0
        first = self.text[self.paras.starts[0] : self.paras.ends[0]].strip()
        if first and "\n" not in first and len(first) < 250 and first[-1] not in ".?!\"”’'":
            return self.paras.ends[0]
        return 0

    def chain(self, k: int) -> list[int]:
        out = [k]
        while out[-1] in self.next_part and len(out) < 1000:
            out.append(self.next_part[out[-1]])
        return out

    def para_of_tok(self, tok: Token) -> int:
        return self.paras.index(tok.idx)

    def words(self, span: QuoteSpan) -> int:
        return len(self.text[span.inner_start : span.inner_end].split())

    def tok_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        doc = self.doc
        lo, hi = 0, len(doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if doc[mid].idx < char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    # -- content regions -----------------------------------------------------------
    def strip(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        if text[start : start + 5].lower() == "that " and start + 5 < end:
            start += 5
            while start < end and text[start].isspace():
                start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
            end -= 1
        if len(text[start:end].split()) < 2:
            return None
        return start, end

    def snap(self, region: tuple[int, int], cue: str, subj: Token | None) -> Cand | None:
        """Turn a content region into a direct, mixed or indirect candidate."""
        start, end = region
        k = max(0, bisect_right(self.inner_starts, start) - 1)
        hits: list[int] = []
        for q in range(k, len(self.spans)):
            s = self.spans[q]
            if s.inner_start >= end:
                break
            if s.inner_end > start:
                hits.append(q)
        if any(q in self.consumed for q in hits):
            return None
        quoted = sum(min(end, self.spans[q].inner_end) - max(start, self.spans[q].inner_start) for q in hits)
        length = max(1, end - start)
        long_hits = [q for q in hits if self.words(self.spans[q]) >= MIN_QUOTE_WORDS]
        unquoted = self.text[start:end]
        for q in reversed(hits):
            a, b = max(start, self.spans[q].start) - start, min(end, self.spans[q].end) - start
            unquoted = unquoted[: max(0, a)] + " " + unquoted[max(0, b) :]
        loose_words = [w for w in unquoted.split() if any(ch.isalnum() for ch in w)]
        if hits and (quoted >= 0.75 * length and len(loose_words) <= 1 or not loose_words):
            ids: list[int] = []
            for q in hits:
                ids += [x for x in self.chain(q) if x not in ids]
            self.consumed.update(ids)
            parts = [(self.spans[q].inner_start, self.spans[q].inner_end) for q in ids]
            return Cand(parts, "direct", cue, subj, set(ids))
        self.consumed.update(hits)
        if long_hits:
            start = min(start, self.spans[long_hits[0]].inner_start)
            end = max(end, self.spans[long_hits[-1]].inner_end)
            return Cand([(start, end)], "mixed", cue, subj, set(hits))
        return Cand([(start, end)], "indirect", cue, subj, set(hits))

    # -- subjects the parse missed --------------------------------------------------
    def in_quote(self, char: int) -> bool:
        k = bisect_right(self.inner_starts, char) - 1
        return k >= 0 and char < self.spans[k].inner_end

    def fallback_subject(self, verb: Token, lo: int, hi: int) -> Token | None:
        """First name, pronoun or noun in doc[lo:hi] (the stretch between a quote and its cue)."""
        doc = self.doc
        for j in range(max(0, lo), min(len(doc), hi)):
            tok = doc[j]
            if self.tok_q[j] != -1 or j == verb.i:
                continue
            if tok.pos_ in {"PROPN", "PRON"} or (tok.pos_ == "NOUN" and tok.dep_ != "npadvmod"):
                node = tok
                while node.head.i != node.i and lo <= node.head.i < hi and node.head.i != verb.i and node.dep_ in {
                    "compound", "amod", "det", "poss", "nmod"
                }:
                    node = node.head
                return node
        return None

    def line_subject(self, verb: Token) -> Token | None:
        """A name or pronoun right before a subject-less verb on the same line (parse glued to a title)."""
        doc = self.doc
        j = verb.i - 1
        lo = max(0, verb.i - 6)
        while j >= lo and "\n" not in doc[j].text and doc[j].text not in TERMINAL:
            j -= 1
        stretch = [t for t in doc[j + 1 : verb.i] if self.tok_q[t.i] == -1]
        if not stretch or stretch[-1].pos_ not in {"PROPN", "PRON"}:
            return None
        return stretch[-1]
