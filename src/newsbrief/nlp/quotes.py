"""Reported-speech (quote) extraction over a parsed spaCy Doc.

A plain function over the Doc, no pipeline component: :func:`extract_quotes`
returns one :class:`Quote` row per contiguous content span. It combines

1. quote-mark pairing (:mod:`newsbrief.nlp.quotes_marks`) that never fails on
   odd marks and links multi-paragraph quotes;
2. direct quotes whose cue sits right after (``"...," Zelensky said``) or
   right before (``Caddell continued: "..."``) the quoted stretch, including
   quotes split around the cue (parts share ``group``);
3. indirect and mixed speech from the dependency parse: the clausal complement
   of a speech verb (``X said (that) ...``, ``..., X said``, ``X told reporters
   ...``, ``X urged ..., saying ...``) and ``according to X``; a complement that
   is all quoted becomes direct, one that is partly quoted becomes mixed;
4. floating quotes: a sentence-level quote with no cue of its own continues
   the nearest preceding speaker;
5. speaker resolution (:mod:`newsbrief.nlp.quotes_speaker`): names, pronouns,
   role descriptions and unnamed groups.

Everything is linear in the length of the text (bounded look-arounds only).
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Token

from newsbrief.nlp.quotes_marks import Paragraphs, QuoteSpan, find_quote_spans
from newsbrief.nlp.quotes_rules import cue_text, find_subject, is_speech_verb
from newsbrief.nlp.quotes_speaker import Speaker, SpeakerResolver, speaker_mention

__all__ = ["Quote", "extract_quotes"]

logger = logging.getLogger(__name__)

QuoteKind = Literal["direct", "indirect", "mixed"]
_TERMINAL = frozenset({".", "?", "!", ";"})
_SPLIT_END = frozenset(",?!—–-…:")
_MIN_QUOTE_WORDS = 3
_FLOAT_PARAS = 3
_WINDOW_AFTER = 14
_WINDOW_BEFORE = 24
_NP_CONTENT = frozenset({"announce", "confirm", "deny", "reveal", "disclose", "report"})
_NAMING_VERBS = frozenset({"call", "describe", "label", "dub", "brand", "term", "deride", "praise"})
_NO_DOBJ_CONTENT = frozenset({"tell", "ask", "inform", "assure", "answer", "deny", "confirm", "mention", "report"})


@dataclass(frozen=True)
class Quote:
    """One contiguous span of reported speech and who said it (character offsets into doc.text)."""

    content: str
    content_start: int
    content_end: int
    kind: QuoteKind
    cue: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_ref_start: int | None
    speaker_ref_end: int | None
    speaker_is_entity: bool
    group: int


@dataclass
class _Cand:
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


class _Extractor:
    def __init__(self, doc: Doc, *, include_headline: bool) -> None:
        self.doc = doc
        self.text = doc.text
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
        out = [-1] * len(self.doc)
        k = 0
        spans = self.spans
        for tok in self.doc:
            while k < len(spans) and spans[k].inner_end <= tok.idx:
                k += 1
            if k < len(spans) and spans[k].inner_start <= tok.idx < spans[k].inner_end:
                out[tok.i] = k
        return out

    def _headline_end(self) -> int:
        """End of a title line glued on top of the body (one short line, no final punctuation)."""
        if len(self.paras) < 2:
            return 0
        first = self.text[self.paras.starts[0] : self.paras.ends[0]].strip()
        if first and "\n" not in first and len(first) < 250 and first[-1] not in ".?!\"”’'":
            return self.paras.ends[0]
        return 0

    def _chain(self, k: int) -> list[int]:
        out = [k]
        while out[-1] in self.next_part and len(out) < 1000:
            out.append(self.next_part[out[-1]])
        return out

    def _para_of_tok(self, tok: Token) -> int:
        return self.paras.index(tok.idx)

    def _words(self, span: QuoteSpan) -> int:
        return len(self.text[span.inner_start : span.inner_end].split())

    # -- direct quotes -------------------------------------------------------------
    def _tok_at(self, char: int) -> int:
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

    def _cue_after(self, k: int) -> Token | None:
        span = self.spans[k]
        inner = self.text[span.inner_start : span.inner_end]
        after = self.text[span.end : span.end + 3].lstrip()
        if not (inner[-1:] in _SPLIT_END or after[:1] in {",", "—", "–"}):
            return None
        doc, pend = self.doc, self.paras.ends[span.para]
        i = self._tok_at(span.end)
        for j in range(i, min(len(doc), i + _WINDOW_AFTER)):
            tok = doc[j]
            if tok.idx >= pend or self.tok_q[j] != -1 or tok.text in _TERMINAL:
                return None
            if j in self.used_verbs or not is_speech_verb(tok, quote_only=True):
                continue
            if any(c.dep_ == "ccomp" and c.i > tok.i and self.tok_q[c.i] == -1 for c in tok.children):
                return None
            return tok
        return None

    def _cue_before(self, k: int) -> Token | None:
        span = self.spans[k]
        before = self.text[max(0, span.start - 3) : span.start].rstrip()
        if before[-1:] not in {":", ","}:
            return None
        doc, pstart = self.doc, self.paras.starts[span.para]
        i = self._tok_at(span.start) - 1
        for j in range(i, max(-1, i - _WINDOW_BEFORE), -1):
            tok = doc[j]
            if tok.idx < pstart or self.tok_q[j] != -1 or tok.text in _TERMINAL:
                return None
            if j in self.used_verbs or not is_speech_verb(tok, quote_only=True):
                continue
            if any(c.dep_ == "ccomp" and tok.i < c.i < i and self.tok_q[c.i] == -1 for c in tok.children):
                return None
            return tok
        return None

    def _direct(self) -> list[_Cand]:
        out: list[_Cand] = []
        for k, span in enumerate(self.spans):
            if span.prev is not None or k in self.consumed or span.start < self.skip_until:
                continue
            if self._words(span) < _MIN_QUOTE_WORDS:
                continue
            verb = self._cue_after(k)
            after = verb is not None
            if verb is None:
                verb = self._cue_before(k)
            if verb is None:
                continue
            subj = find_subject(verb)
            if subj is not None and span.inner_start <= subj.idx < span.inner_end:
                subj = None
            if subj is None:
                qtok = self._tok_at(span.end) if after else self._tok_at(span.start)
                lo, hi = (qtok, verb.i) if after else (verb.i - _WINDOW_BEFORE, verb.i)
                subj = self._fallback_subject(verb, lo, hi) or (
                    self._fallback_subject(verb, verb.i + 1, verb.i + 4) if after else None
                )
            ids = self._chain(k)
            if after and k + 1 < len(self.spans):
                nxt = self.spans[k + 1]
                gap = self.text[span.end : nxt.start]
                if (
                    nxt.para == span.para
                    and nxt.prev is None
                    and len(gap) < 150
                    and not any(ch in gap for ch in ".?!;")
                    and self._words(nxt) >= 1
                ):
                    ids += self._chain(k + 1)
            self.used_verbs.add(verb.i)
            self.consumed.update(ids)
            parts = [(self.spans[q].inner_start, self.spans[q].inner_end) for q in ids]
            out.append(_Cand(parts, "direct", cue_text(verb), subj, set(ids)))
        return out

    # -- indirect and mixed --------------------------------------------------------
    def _region(self, verb: Token) -> tuple[int, int] | None:
        doc = self.doc
        p = self._para_of_tok(verb)
        lo, hi = self.paras.starts[p], self.paras.ends[p]
        comps = [c for c in verb.children if c.dep_ == "ccomp" and lo <= c.idx < hi]
        if not comps and verb.lemma_.lower() not in _NO_DOBJ_CONTENT:
            # "saying a signal needed to be sent": the parser often hangs the clause off a dobj
            comps = [
                c
                for c in verb.children
                if c.dep_ == "dobj" and c.i > verb.i and lo <= c.idx < hi
                and any(t.pos_ in {"VERB", "AUX"} and t.dep_ in {"acl", "relcl", "ccomp"} for t in c.subtree)
            ]
        right = [c for c in comps if c.i > verb.i]
        comps = right or comps
        if not comps and verb.lemma_.lower() in _NP_CONTENT:
            # "announced a benefit concert", "denied the report": the object is the content
            comps = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.i > verb.i and lo <= c.idx < hi]
        if comps:
            a = min(c.left_edge.i for c in comps)
            b = max(c.right_edge.i for c in comps)
        else:
            a = b = -1
            for j in range(verb.i + 1, min(len(doc), verb.i + 10)):
                tok = doc[j]
                if tok.text in _TERMINAL or tok.idx >= hi:
                    break
                if tok.lower_ == "that" and tok.dep_ == "mark" and tok.head.i > j:
                    a, b = j + 1, tok.head.right_edge.i
                    break
                if tok.lower_ == "that" and j + 1 < len(doc):
                    # misparsed complementizer ("said on that Ukraine's ... would"): rest of the sentence
                    end = tok.sent.end - 1
                    if any(t.pos_ in {"VERB", "AUX"} for t in doc[j + 1 : end + 1]):
                        a, b = j + 1, end
                    break
            if a < 0:
                return None
        start = max(lo, doc[a].idx)
        end = min(hi, doc[b].idx + len(doc[b]))
        return self._strip(start, end)

    def _strip(self, start: int, end: int) -> tuple[int, int] | None:
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

    def _snap(self, region: tuple[int, int], cue: str, subj: Token | None) -> _Cand | None:
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
        long_hits = [q for q in hits if self._words(self.spans[q]) >= _MIN_QUOTE_WORDS]
        unquoted = self.text[start:end]
        for q in reversed(hits):
            a, b = max(start, self.spans[q].start) - start, min(end, self.spans[q].end) - start
            unquoted = unquoted[: max(0, a)] + " " + unquoted[max(0, b) :]
        loose_words = [w for w in unquoted.split() if any(ch.isalnum() for ch in w)]
        if hits and (quoted >= 0.75 * length and len(loose_words) <= 1 or not loose_words):
            ids: list[int] = []
            for q in hits:
                ids += [x for x in self._chain(q) if x not in ids]
            self.consumed.update(ids)
            parts = [(self.spans[q].inner_start, self.spans[q].inner_end) for q in ids]
            return _Cand(parts, "direct", cue, subj, set(ids))
        self.consumed.update(hits)
        if long_hits:
            start = min(start, self.spans[long_hits[0]].inner_start)
            end = max(end, self.spans[long_hits[-1]].inner_end)
            return _Cand([(start, end)], "mixed", cue, subj, set(hits))
        return _Cand([(start, end)], "indirect", cue, subj, set(hits))

    def _indirect(self) -> list[_Cand]:
        out: list[_Cand] = []
        doc = self.doc
        for tok in doc:
            if tok.idx < self.skip_until or self.tok_q[tok.i] != -1:
                continue
            if tok.lower_ == "according":
                cand = self._according(tok)
                if cand is not None:
                    out.append(cand)
                continue
            if tok.i not in self.used_verbs and tok.lemma_.lower() in _NAMING_VERBS and tok.pos_ == "VERB":
                cand = self._naming(tok)
                if cand is not None:
                    self.used_verbs.add(tok.i)
                    out.append(cand)
                continue
            if tok.i in self.used_verbs or not is_speech_verb(tok):
                continue
            region = self._region(tok)
            if region is None:
                continue
            subj = find_subject(tok)
            if subj is None and tok.dep_ not in {"advcl", "xcomp", "conj", "pcomp", "relcl"}:
                subj = self._line_subject(tok)
            if subj is not None and region[0] <= subj.idx < region[1]:
                continue
            cand = self._snap(region, cue_text(tok), subj)
            if cand is not None:
                self.used_verbs.add(tok.i)
                out.append(cand)
        return out

    def _naming(self, verb: Token) -> _Cand | None:
        """``X called Y "a disgrace"``: the verb's right-hand dependents, when they hold a quote."""
        deps = [c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "oprd", "ccomp", "xcomp", "prep", "advcl"}]
        if not deps:
            return None
        p = self._para_of_tok(verb)
        start = max(self.paras.starts[p], self.doc[verb.i + 1].idx if verb.i + 1 < len(self.doc) else verb.idx)
        last = max(c.right_edge for c in deps)
        end = min(self.paras.ends[p], last.idx + len(last))
        k = bisect_right(self.inner_starts, end) - 1
        if k < 0 or self.spans[k].inner_end <= start or k in self.consumed:
            return None
        region = self._strip(start, max(end, min(self.spans[k].inner_end, self.paras.ends[p])))
        if region is None:
            return None
        subj = find_subject(verb)
        cand = self._snap(region, cue_text(verb), subj)
        if cand is not None and cand.kind == "direct":
            cand.kind = "mixed"
        return cand

    def _according(self, tok: Token) -> _Cand | None:
        doc = self.doc
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
        if to is None:
            return None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        sent = tok.sent
        p = self._para_of_tok(tok)
        lo = max(sent.start_char, self.paras.starts[p])
        hi = min(sent.end_char, self.paras.ends[p])
        a, b = tok.idx, pobj.right_edge.idx + len(pobj.right_edge)
        left = self._strip(lo, a) if a > lo else None
        right = self._strip(b, hi) if hi > b else None
        sizes = [(r[1] - r[0], r) for r in (left, right) if r is not None]
        if not sizes:
            return None
        region = max(sizes)[1]
        return self._snap(region, "according to", pobj)

    def _in_quote(self, char: int) -> bool:
        k = bisect_right(self.inner_starts, char) - 1
        return k >= 0 and char < self.spans[k].inner_end

    def _fallback_subject(self, verb: Token, lo: int, hi: int) -> Token | None:
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

    def _line_subject(self, verb: Token) -> Token | None:
        """A name or pronoun right before a subject-less verb on the same line (parse glued to a title)."""
        doc = self.doc
        j = verb.i - 1
        lo = max(0, verb.i - 6)
        while j >= lo and "\n" not in doc[j].text and doc[j].text not in _TERMINAL:
            j -= 1
        stretch = [t for t in doc[j + 1 : verb.i] if self.tok_q[t.i] == -1]
        if not stretch or stretch[-1].pos_ not in {"PROPN", "PRON"}:
            return None
        return stretch[-1]

    # -- floating quotes and assembly ----------------------------------------------
    def _sentence_level(self, span: QuoteSpan) -> bool:
        before = self.text[self.paras.starts[span.para] : span.start].rstrip()
        return not before or before[-1] in ".?!:\"”'’)"

    def run(self) -> list[Quote]:
        if not self.text.strip() or not self.doc.has_annotation("DEP"):
            return []
        cands = self._direct() + self._indirect()
        cands.sort(key=lambda c: (c.subj.idx if c.subj is not None and c.subj.idx < c.start else c.start))
        resolver = SpeakerResolver(self.doc, quoted=self._in_quote)
        for cand in cands:
            mention = speaker_mention(cand.subj) if cand.subj is not None else None
            cand.speaker = resolver.resolve(cand.subj, mention)
            if mention is not None:
                cand.mention = (mention.start_char, mention.end_char)
        cands.sort(key=lambda c: c.start)
        cands = self._floating(cands, resolver)
        return self._rows(cands)

    def _floating(self, cands: list[_Cand], resolver: SpeakerResolver) -> list[_Cand]:
        starts = [c.start for c in cands]
        result = list(cands)
        extra: list[_Cand] = []
        for k, span in enumerate(self.spans):
            if k in self.consumed or span.prev is not None or span.start < self.skip_until:
                continue
            if self._words(span) < 4 or not self._sentence_level(span):
                continue
            pos = bisect_right(starts, span.start) - 1
            prev = extra[-1] if extra and (pos < 0 or extra[-1].start > cands[pos].start) else (
                cands[pos] if pos >= 0 else None
            )
            if prev is None or prev.speaker is None or prev.speaker.ref_start is None and prev.speaker.start is None:
                continue
            if span.para - self.paras.index(prev.start) >= _FLOAT_PARAS:
                continue
            ids = self._chain(k)
            self.consumed.update(ids)
            parts = [(self.spans[q].inner_start, self.spans[q].inner_end) for q in ids]
            same = prev.kind != "indirect" and self.paras.index(prev.end) == span.para
            c = _Cand(parts, "direct", prev.cue, None, set(ids), prev.speaker, prev.mention, join_prev=same)
            resolver.remember(span.start, prev.speaker)
            extra.append(c)
        result.extend(extra)
        result.sort(key=lambda c: c.start)
        return result

    def _rows(self, cands: list[_Cand]) -> list[Quote]:
        rows: list[Quote] = []
        group = -1
        last_group_of: dict[int, int] = {}
        for idx, cand in enumerate(cands):
            if cand.join_prev and idx > 0:
                g = last_group_of.get(idx - 1, group)
            else:
                group += 1
                g = group
            last_group_of[idx] = g
            sp = cand.speaker or Speaker(None, None, None, None, False)
            m = cand.mention
            for a, b in cand.parts:
                if b <= a:
                    continue
                rows.append(
                    Quote(
                        content=self.text[a:b],
                        content_start=a,
                        content_end=b,
                        kind=cand.kind,
                        cue=cand.cue,
                        speaker_text=self.text[m[0] : m[1]] if m else None,
                        speaker_start=m[0] if m else None,
                        speaker_end=m[1] if m else None,
                        speaker_ref_start=sp.ref_start,
                        speaker_ref_end=sp.ref_end,
                        speaker_is_entity=sp.is_entity,
                        group=g,
                    )
                )
        return rows


def extract_quotes(doc: Doc, *, include_headline: bool = False) -> list[Quote]:
    """Extract reported speech from a parsed ``doc``, one row per contiguous content span.

    ``include_headline`` keeps attributions in a title line glued on top of the text
    (a first paragraph of one short line without final punctuation); by default it is skipped.
    Returns an empty list for an empty or unparsed Doc; never raises on odd quote marks.
    """
    try:
        return _Extractor(doc, include_headline=include_headline).run()
    except (IndexError, ValueError, KeyError) as e:  # defensive: never break a batch run
        logger.warning("quote extraction failed on a %d-character doc: %s", len(doc.text), e)
        return []
