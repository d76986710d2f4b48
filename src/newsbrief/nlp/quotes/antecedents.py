"""What the speaker resolver remembers of one Doc, and the antecedents of pronouns.

:class:`SpeakerMemory` holds the named entities of the Doc (outside quotes), the speakers met so far
(:class:`.pronouns.Remembered`: where, the span referred to, person or not, named or not) and the words of
the speech resolved so far; :meth:`SpeakerMemory.resolve_pronoun` ranks a pronoun's antecedents among them
(:mod:`.pronouns`). :class:`.speaker.SpeakerResolver` adds the resolution of names and descriptions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .coref import compatible, person_by_surname
from .mention import speaker_mention
from .names import NAMED_LABELS
from .pronouns import SUBJECT_DEPS, Candidate, Remembered, best, candidates, subject_candidate

__all__ = ["Speaker", "SpeakerMemory", "BACK_WINDOW"]

BACK_WINDOW = 4000  # characters searched back for pronoun and role antecedents
_REPORTED_KEPT = 8  # the latest parts of reported speech a name is looked up in (a name inside them is no subject)


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the mention, its referent span and whether it is a named entity."""

    start: int | None
    end: int | None
    ref_start: int | None
    ref_end: int | None
    is_entity: bool

    def with_mention(self, start: int, end: int) -> Speaker:
        return Speaker(start, end, self.ref_start, self.ref_end, self.is_entity)



class SpeakerMemory:
    """The entities and speakers of one Doc met so far, and pronoun antecedents among them (call in text order)."""

    def __init__(self, doc: Doc, *, quoted: Callable[[int], bool] | None = None) -> None:
        self.doc = doc
        self._quoted = quoted
        self._ents = [
            e for e in doc.ents if e.label_ in NAMED_LABELS and not (quoted is not None and quoted(e.start_char))
        ]
        self._ent_starts = [e.start_char for e in self._ents]
        self._speakers: list[Remembered] = []  # the speakers met, in text order
        self.joint: dict[int, list[Span]] = {}  # "they" (token index) -> the further names it stands for
        self._members: dict[str, tuple[int, int]] = {}  # "doctors" -> the organisation "the doctors" stood for
        self._reported: deque[tuple[int, int]] = deque(maxlen=_REPORTED_KEPT)  # the latest speech content

    def reported(self, parts: list[tuple[int, int]]) -> None:
        """Record the content of a resolved speech: a name inside someone's words ("X said Skylark would ...")
        is no new subject to take that speaker's next "he said"."""
        self._reported.extend(parts)

    def _in_reported(self, char: int) -> bool:
        return any(a <= char < b for a, b in self._reported)

    # -- antecedent search ---------------------------------------------------------
    def _prev_ents(self, before: int, *, window: int | None = BACK_WINDOW) -> list[Span]:
        """The named entities before ``before``: within ``window`` characters, or all (``window=None``:
        a surname points back to its full name however long ago it was given)."""
        hi = bisect_left(self._ent_starts, before)
        lo = 0 if window is None else bisect_left(self._ent_starts, before - window)
        return self._ents[lo:hi]

    def _remember(self, at: int, ref: tuple[int, int] | None, *, person: bool, kind: str, named: bool) -> None:
        if ref is not None:
            self._speakers.append(Remembered(at, ref[0], ref[1], person, kind, named))

    def _met_unnamed(self, ref: tuple[int, int]) -> bool:
        """Whether ``ref`` was met as an unnamed speaker ("Critics", "a spokesman")."""
        return any(not sp.named and (sp.ref_start, sp.ref_end) == ref for sp in self._speakers)

    def _last_org_speaker(self, before: int) -> Span | None:
        """The organisation (a named ORG) that spoke last before ``before``."""
        for at, rs, re_, is_person, kind, _ in reversed(self._speakers[-20:]):
            if at >= before or before - at >= BACK_WINDOW or is_person:
                continue
            k = bisect_left(self._ent_starts, rs)
            if k < len(self._ents) and self._ents[k].start_char == rs and self._ents[k].label_ == "ORG":
                return self._ents[k]
            if kind == "org":  # named as an organisation ("The group that owns it, Tall Tree, says")
                span = self.doc.char_span(rs, re_, alignment_mode="expand")
                if span is not None:
                    return span
        return None

    def resolve_pronoun(self, token: Token) -> tuple[int, int] | None:
        """Antecedent of a pronoun: the best-ranked earlier entity or speaker (:mod:`.pronouns`)."""
        ents = self._prev_ents(token.idx)
        cands = candidates(token, ents, self._speakers)
        recent = next((c for c in cands if c.spoke), None)
        inside = (recent.start, recent.end) if recent is not None else (-1, -1)
        named = best(token, [c for c in cands if not c.spoke and not inside[0] <= c.start < inside[1]
                             and not (recent is not None and self._in_reported(c.start))], ents)
        late = self._subject_surname(token, self._prev_ents(token.idx, window=None))
        if late is not None and all(
            c is None or late[0] > c.at or (c is named and not subject_candidate(self.doc, c)) for c in (recent, named)
        ):
            return late[1].start_char, late[1].end_char
        if recent is not None and (named is None or named.at < recent.at or not subject_candidate(self.doc, named)):
            return recent.start, recent.end  # the speaker goes on until a new name takes the subject
        return (named.start, named.end) if named is not None else None

    def _subject_surname(self, token: Token, ents: list[Span]) -> tuple[int, Span] | None:
        """A subject in this or the previous sentence that the model did not tag as a person but that is the
        surname of a person named before ("Verhoeven has amended his testimony - 'I now do recall,' he said"):
        (where, the person named in full)."""
        sent = token.sent
        first = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for tok in reversed(self.doc[first : token.i]):
            if self._quoted is not None and self._quoted(tok.idx) or self._in_reported(tok.idx):
                continue
            if tok.dep_ not in SUBJECT_DEPS:
                continue
            if tok.pos_ != "PROPN":
                return None  # the nearest subject is no name: the ranking decides
            full = person_by_surname(tok, ents)  # None for a name tagged as a person: the ranking decides
            if full is not None and compatible(token, full):
                return tok.idx, full
            return None
        return None

    def pronoun_candidates(self, token: Token) -> tuple[list[Candidate], list[Span]]:
        """The candidates :meth:`resolve_pronoun` ranks for ``token`` and the entities before it."""
        ents = self._prev_ents(token.idx)
        return candidates(token, ents, self._speakers), ents

    def _plural_subject(self, token: Token) -> tuple[int, int] | None:
        """A plain plural noun subject ("the researchers") of the previous sentence, when no named
        entity is a subject between it and the pronoun."""
        sent = token.sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        for tok in prev:
            if tok.dep_ == "nsubj" and tok.tag_ == "NNS" and not tok.ent_type_ and tok.is_lower:
                if any(t.dep_ in SUBJECT_DEPS and t.ent_type_ for t in self.doc[tok.i + 1 : token.i]):
                    return None
                mention = speaker_mention(tok)
                return mention.start_char, mention.end_char
        return None


    def remember(self, at: int, speaker: Speaker) -> None:
        """Record a speaker reused for a floating quote, so later pronouns can find it."""
        if speaker.ref_start is not None and speaker.ref_end is not None:
            self._remember(at, (speaker.ref_start, speaker.ref_end), person=speaker.is_entity, kind="float",
                           named=speaker.is_entity)
