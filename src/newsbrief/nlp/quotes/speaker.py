"""Speaker mentions and their resolution for the quote extractor.

Given the subject token of a reporting verb, :func:`speaker_mention` trims its
subtree to the mention as written (no relative clauses, appositions or trailing
punctuation). :class:`SpeakerResolver` then maps the mention onto a *named*
mention earlier in the article:

* a name resolves to the name itself (the named-entity span holding the head);
* a pronoun (he, she, they, it) resolves to the nearest earlier compatible
  speaker or subject-position entity;
* a role description ("Ukraine's president", "the Kremlin spokesman") resolves
  to the most recent person introduced with that role word, preferring ones
  whose surroundings share the description's qualifiers;
* anything else (an unnamed group such as "Ukrainian defence officials")
  resolves to the mention itself and is flagged as not an entity.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .coref import (
    compatible,
    coordinated_names,
    described_members,
    described_org,
    described_person,
    gender_of,
    is_definite,
    issuer,
    known_name,
    person_gender,
    surname_as_other,
)
from .lexicon import (
    GROUP_PRONOUNS,
    MEDIUM_WORDS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    PERSONAL_BODY_NOUNS,
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
)
from .mention import authored_by, cannot_speak, capitalised_noun, has_article, speaker_mention
from .names import NAMED_LABELS, before_possessive, name_span, official_body, titled_name, trailing_appositive
from .pronouns import Candidate, best, candidates, subject_candidate

__all__ = ["Speaker", "SpeakerResolver", "speaker_mention"]

_BACK_WINDOW = 4000  # characters searched back for pronoun and role antecedents


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


class SpeakerResolver:
    """Resolve speaker mentions of one Doc to earlier named mentions (call in text order)."""

    def __init__(self, doc: Doc, *, quoted: Callable[[int], bool] | None = None) -> None:
        self.doc = doc
        self._quoted = quoted
        self._ents = [
            e for e in doc.ents if e.label_ in NAMED_LABELS and not (quoted is not None and quoted(e.start_char))
        ]
        self._ent_starts = [e.start_char for e in self._ents]
        self._speakers: list[tuple[int, int, int, bool, str]] = []  # (char, ref_start, ref_end, person?, kind)
        self.joint: dict[int, list[Span]] = {}  # "they" (token index) -> the further names it stands for
        self._members: dict[str, tuple[int, int]] = {}  # "doctors" -> the organisation "the doctors" stood for
        self._reported: list[tuple[int, int]] = []  # the content of the speech resolved so far
        self._unnamed: set[tuple[int, int]] = set()  # the unnamed speakers met ("Critics", "a spokesman")

    def reported(self, parts: list[tuple[int, int]]) -> None:
        """Record the content of a resolved speech: a name inside someone's words ("X said Tyvak would ...")
        is no new subject to take that speaker's next "he said"."""
        self._reported.extend(parts)

    def _in_reported(self, char: int) -> bool:
        return any(a <= char < b for a, b in self._reported[-8:])

    # -- antecedent search ---------------------------------------------------------
    def _prev_ents(self, before: int, *, window: int | None = _BACK_WINDOW) -> list[Span]:
        """The named entities before ``before``: within ``window`` characters, or all (``window=None``:
        a surname points back to its full name however long ago it was given)."""
        hi = bisect_left(self._ent_starts, before)
        lo = 0 if window is None else bisect_left(self._ent_starts, before - window)
        return self._ents[lo:hi]

    def _remember(self, at: int, ref: tuple[int, int] | None, *, person: bool, kind: str) -> None:
        if ref is not None:
            self._speakers.append((at, ref[0], ref[1], person, kind))

    def _last_org_speaker(self, before: int) -> Span | None:
        """The organisation (a named ORG) that spoke last before ``before``."""
        for at, rs, re_, is_person, kind in reversed(self._speakers[-20:]):
            if at >= before or before - at >= _BACK_WINDOW or is_person:
                continue
            k = bisect_left(self._ent_starts, rs)
            if k < len(self._ents) and self._ents[k].start_char == rs and self._ents[k].label_ == "ORG":
                return self._ents[k]
            if kind == "org":  # named as an organisation ("The group that owns it, Big Machine, says")
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
        surname of a person named before ("Sondland has amended his testimony - 'I now do recall,' he said"):
        (where, the person named in full)."""
        sent = token.sent
        first = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for tok in reversed(self.doc[first : token.i]):
            if self._quoted is not None and self._quoted(tok.idx) or self._in_reported(tok.idx):
                continue
            if tok.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
                return None  # the nearest subject is a tagged name or no name: the ranking decides
            full = known_name(tok, ents)
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
                if any(t.dep_ in {"nsubj", "nsubjpass"} and t.ent_type_ for t in self.doc[tok.i + 1 : token.i]):
                    return None
                mention = speaker_mention(tok)
                return mention.start_char, mention.end_char
        return None

    def resolve_role(self, mention: Span, head: Token) -> tuple[int, int] | None:
        """The person introduced with the role word of ``head`` ("Gov. Eric Holcomb" for "the governor"),
        preferring shared qualifiers, then the one whose name (or surname) came last."""
        role = head.lemma_.lower()
        quals = {t.lower_[:5] for t in mention if t.i != head.i and t.is_alpha and not t.is_stop and len(t) > 2}
        ents = self._prev_ents(mention.start_char)
        last_seen: dict[str, int] = {}  # a name's last word -> where it was last named
        for ent in ents:
            last_seen[ent[-1].text] = ent.start_char
        best: tuple[int, int, int, int] | None = None
        for ent in reversed(ents):
            if ent.label_ != "PERSON":
                continue
            doc = ent.doc
            window = list(doc[max(0, ent.start - 6) : ent.start]) + list(doc[ent.end : min(len(doc), ent.end + 6)])
            words = {t.lemma_.lower() for t in window} | {t.lower_ for t in window}
            words |= {TITLE_ABBREVIATIONS.get(t.lower_.rstrip("."), "") for t in window}
            if role not in words:
                continue
            score = sum(1 for t in window if t.lower_[:5] in quals)
            name = before_possessive(ent)  # "Holcomb’s 2016" as the model ran it: Holcomb
            seen = max(last_seen.get(name[-1].text, ent.start_char), ent.start_char)
            if best is None or (score, seen) > best[:2]:
                best = (score, seen, name.start_char, name.end_char)
        if best is None:
            return None
        return best[2], best[3]

    def resolve(self, subj: Token | None, mention: Span | None) -> Speaker:
        """Resolve one speaker mention (``None`` gives an unattributed speaker)."""
        if subj is None or mention is None:
            return Speaker(None, None, None, None, False)
        start, end = mention.start_char, mention.end_char
        low = subj.lower_
        if subj.lemma_.lower() in MEDIUM_WORDS and is_definite(mention, subj):
            source = issuer(mention, subj)  # "X issued a statement ... The statement said": X
            if source is not None:
                return self.resolve(source, speaker_mention(source)).with_mention(start, end)
        author = authored_by(subj)
        if author is not None:  # "The report, published by the World Bank, said": the World Bank
            return self.resolve(author, speaker_mention(author)).with_mention(start, end)
        if cannot_speak(subj, mention):
            return Speaker(None, None, None, None, False)
        if low in {"they", "we"}:
            group = self._plural_subject(subj)
            if group is not None:  # "The researchers ... They note": a group, not a name merely mentioned
                self._remember(start, group, person=False, kind="group")
                self._unnamed.add(group)
                return Speaker(start, end, group[0], group[1], False)
        if low == "they":
            names = coordinated_names(subj, self._prev_ents(subj.idx))
            if names is not None:  # "Warren and Cortez ... They said": the words are each one's
                self.joint[subj.i] = names[1:]
                first = names[0]
                self._remember(start, (first.start_char, first.end_char), person=first.label_ == "PERSON", kind="pron")
                return Speaker(start, end, first.start_char, first.end_char, True)
        if subj.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS:
            ref = self.resolve_pronoun(subj) if low in PERSON_PRONOUNS | GROUP_PRONOUNS else None
            self._remember(start, ref, person=low in PERSON_PRONOUNS, kind="pron")
            named = ref is not None and ref not in self._unnamed  # "Critics said ... they said": unnamed still
            return Speaker(start, end, ref[0] if ref else None, ref[1] if ref else None, named)
        if capitalised_noun(mention, subj):  # "the Government said": a description, not a name
            body = described_org(mention, subj, self._prev_ents(start), self._last_org_speaker(start))
            ref = (body.start_char, body.end_char) if body is not None else (start, end)
            self._remember(start, ref, person=False, kind="org" if body is not None else "group")
            if body is None:
                self._unnamed.add(ref)
            return Speaker(start, end, ref[0], ref[1], body is not None)
        if not subj.ent_type_ and not has_article(subj):  # "the British Bill" is no Bill named before
            known = known_name(subj, self._prev_ents(start, window=None))
            if known is not None:  # "Petrides said" after "John Petrides", whatever the tagger made of it
                ref = (known.start_char, known.end_char)
                self._remember(start, ref, person=True, kind="name")
                return Speaker(start, end, ref[0], ref[1], True)
        surname = surname_as_other(subj, mention, self._prev_ents(start, window=None)) if subj.ent_type_ not in {
            "", "PERSON"} else None
        if surname is not None:  # "Mary Berlin ... Berlin said": the person, not the city the model saw
            ref = (surname.start_char, surname.end_char)
            self._remember(start, ref, person=True, kind="name")
            return Speaker(start, end, ref[0], ref[1], True)
        if subj.dep_ == "advmod" and subj.pos_ != "PROPN" and not subj.ent_type_:
            return Speaker(None, None, None, None, False)  # an adverb taken for a surname that is no one's
        titled = titled_name(subj)
        if titled is not None:  # "Snopes fact checker and staff writer David Emery posted": a bare title's name
            ref = (titled.start_char, titled.end_char)
            self._remember(start, ref, person=True, kind="name")
            return Speaker(start, end, ref[0], ref[1], True)
        owner = self._office_of(subj)
        if owner is not None:  # "His office said", "Smith's campaign said": the person it speaks for
            self._remember(start, owner, person=True, kind="name")
            return Speaker(start, end, owner[0], owner[1], True)
        body = official_body(mention, subj)
        if body is not None:  # "China's commerce ministry": a named organisation
            ref = (body.start_char, body.end_char)
            self._remember(start, ref, person=False, kind="name")
            return Speaker(start, end, ref[0], ref[1], True)
        # a lower-case word is no name, whatever the tagger says ("the physicians" tagged NNP)
        name = name_span(subj) if not subj.is_lower or subj.ent_type_ else None
        if name is not None and subj.ent_type_ != "PERSON" and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in subj.children
        ):
            # "the General Staff of the Armed Forces of Ukraine": the whole name, minus determiners
            trimmed = mention
            while len(trimmed) > 1 and trimmed[0].pos_ in {"DET", "SPACE"}:
                trimmed = trimmed[1:]
            name = trimmed
        if name is not None:
            ref = (name.start_char, name.end_char)
            person = subj.ent_type_ == "PERSON" or (subj.pos_ == "PROPN" and not subj.ent_type_)
            self._remember(start, ref, person=person, kind="name")
            return Speaker(start, end, ref[0], ref[1], True)
        # appositive name: "the House speaker, Paul Ryan, said"
        trailing = trailing_appositive(subj)
        for child in [*subj.children, *([trailing] if trailing is not None else [])]:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                nm = name_span(child)
                if nm is not None:
                    ref = (nm.start_char, nm.end_char)
                    org = subj.lemma_.lower() in ORG_NOUNS  # "the group ..., Big Machine": an organisation
                    self._remember(start, ref, person=child.ent_type_ == "PERSON" and not org,
                                   kind="org" if org else "name")
                    return Speaker(start, end, ref[0], ref[1], True)
        described = self._described(mention, subj)
        if described is None and subj.lemma_.lower() in PERSON_TITLES - ROLE_WORDS:
            main = self._main_person(mention, subj)
            described = (main, True) if main is not None else None
        if described is not None:
            ref, person = described
            self._remember(start, ref, person=person, kind="description" if person else "org")
            return Speaker(start, end, ref[0], ref[1], True)
        if subj.lemma_.lower() in ROLE_WORDS and subj.tag_ not in {"NNS", "NNPS"}:
            ref = self.resolve_role(mention, subj) or self._main_person(mention, subj)
            if ref is not None:
                self._remember(start, ref, person=True, kind="role")
                return Speaker(start, end, ref[0], ref[1], True)
            self._remember(start, (start, end), person=True, kind="role")
            self._unnamed.add((start, end))
            return Speaker(start, end, start, end, False)
        self._remember(start, (start, end), person=False, kind="group")
        self._unnamed.add((start, end))
        return Speaker(start, end, start, end, False)

    def _main_person(self, mention: Span, subj: Token) -> tuple[int, int] | None:
        """"said the actor" when no actor was introduced by name: the person who spoke last, when that is
        also the person named most often so far (the article's subject), of a compatible gender."""
        if subj.pos_ != "NOUN" or subj.tag_ in {"NNS", "NNPS"} or not is_definite(mention, subj):
            return None
        at = mention.start_char
        last = next((sp for sp in reversed(self._speakers[-20:]) if sp[0] < at and sp[3]), None)
        if last is None or at - last[0] > _BACK_WINDOW:
            return None
        span = self.doc.char_span(last[1], last[2], alignment_mode="expand")
        if span is None or not len(span):
            return None
        counts: dict[str, int] = {}
        for ent in self._prev_ents(at, window=None):
            if ent.label_ == "PERSON":
                counts[ent[-1].text] = counts.get(ent[-1].text, 0) + 1
        want, have = gender_of(mention), person_gender(span)  # "the actress" is never a man
        if want is not None and have is not None and want != have:
            return None
        top = max(counts.values(), default=0)
        if counts.get(span[-1].text, 0) < max(top, 2):
            return None
        return last[1], last[2]

    def _office_of(self, subj: Token) -> tuple[int, int] | None:
        """The person whose office or campaign ``subj`` is ("his office", "Holcomb's campaign")."""
        if subj.lemma_.lower() not in PERSONAL_BODY_NOUNS or subj.pos_ != "NOUN":
            return None
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        if poss.lower_ in {"his", "her"}:  # the person last named, by the learned ranking (not the last speaker)
            cands, ents = self.pronoun_candidates(poss)
            named = best(poss, [c for c in cands if not c.spoke], ents)
            return (named.start, named.end) if named is not None else None
        if poss.ent_type_ == "PERSON":
            name = name_span(poss)
            if name is not None:
                return name.start_char, name.end_char
        if poss.pos_ == "PROPN" and not poss.ent_type_:
            known = known_name(poss, self._prev_ents(poss.idx, window=None))
            if known is not None:
                return known.start_char, known.end_char
        return None

    def _described(self, mention: Span, subj: Token) -> tuple[tuple[int, int], bool] | None:
        """A definite description of a named person or organisation ("the airline", "the real estate
        agent") resolved to that entity, with whether it is a person."""
        common = subj.pos_ == "NOUN" or subj.pos_ == "PROPN" and subj.is_lower and not subj.ent_type_
        if not common or not is_definite(mention, subj):
            return None
        ents = self._prev_ents(mention.start_char)
        plural = subj.tag_ in {"NNS", "NNPS"} or subj.pos_ == "PROPN" and subj.lower_.endswith("s")
        if plural:  # "the doctors": the organisation they were introduced as members of
            org = described_members(mention, subj, ents)
            if org is not None:
                self._members[subj.lower_] = (org.start_char, org.end_char)
            ref = self._members.get(subj.lower_) if is_definite(mention, subj) and subj.is_lower else None
            groups = set(self._members.values())
            if ref is None and len(groups) == 1 and subj.is_lower and is_definite(mention, subj) and (
                subj.lemma_.lower() in PERSON_TITLES or subj.lower_.removesuffix("s") in PERSON_TITLES
            ):  # "the doctors" of one group, then "the physicians": another word for the same members
                ref = next(iter(groups))
            return (ref, False) if ref is not None else None
        if subj.lemma_.lower() in ORG_NOUNS:
            org = described_org(mention, subj, ents, self._last_org_speaker(mention.start_char))
            return ((org.start_char, org.end_char), False) if org is not None else None
        if subj.lemma_.lower() in ROLE_WORDS:
            return None  # resolve_role, which also reads "Ukraine's president"
        person = described_person(mention, subj, ents)
        return ((person.start_char, person.end_char), True) if person is not None else None

    def remember(self, at: int, speaker: Speaker) -> None:
        """Record a speaker reused for a floating quote, so later pronouns can find it."""
        if speaker.ref_start is not None and speaker.ref_end is not None:
            self._remember(at, (speaker.ref_start, speaker.ref_end), person=speaker.is_entity, kind="float")
