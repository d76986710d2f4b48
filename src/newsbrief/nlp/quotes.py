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
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsbrief.nlp.quotes_base import _TERMINAL, Cand, ExtractorBase, QuoteKind
from newsbrief.nlp.quotes_marks import QuoteSpan
from newsbrief.nlp.quotes_rules import cue_text, find_subject, is_speech_verb
from newsbrief.nlp.quotes_speaker import Speaker, SpeakerResolver, speaker_mention

__all__ = ["Quote", "extract_quotes"]

logger = logging.getLogger(__name__)

_FLOAT_PARAS = 3
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


class _Extractor(ExtractorBase):
    """Indirect, mixed and floating quotes, speaker resolution and row assembly."""

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

    def _indirect(self) -> list[Cand]:
        out: list[Cand] = []
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

    def _naming(self, verb: Token) -> Cand | None:
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
        if verb.tag_ == "VBN" and not any(c.dep_ in {"nsubj", "agent"} for c in verb.children):
            subj = None  # "Dubbed 'DisGrace', she ...": she is the one named, not the speaker
        cand = self._snap(region, cue_text(verb), subj)
        if cand is not None and cand.kind == "direct":
            cand.kind = "mixed"
        return cand

    def _according(self, tok: Token) -> Cand | None:
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

    def _floating(self, cands: list[Cand], resolver: SpeakerResolver) -> list[Cand]:
        starts = [c.start for c in cands]
        result = list(cands)
        extra: list[Cand] = []
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
            c = Cand(parts, "direct", prev.cue, None, set(ids), prev.speaker, prev.mention, join_prev=same)
            resolver.remember(span.start, prev.speaker)
            extra.append(c)
        result.extend(extra)
        result.sort(key=lambda c: c.start)
        return result

    def _rows(self, cands: list[Cand]) -> list[Quote]:
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
            if m is not None and any(a <= m[0] < b for a, b in cand.parts):
                sp, m = Speaker(None, None, None, None, False), None  # a speaker inside its own content: a misparse
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
