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

What the resolver remembers (the speakers met, the words reported) and the ranking of pronoun
antecedents are :mod:`.antecedents`; this module resolves names and descriptions.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .antecedents import BACK_WINDOW, Speaker, SpeakerMemory
from .coref import (
    coordinated_names,
    described_members,
    described_org,
    described_person,
    gender_of,
    issuer,
    known_name,
    person_by_surname,
    person_gender,
)
from .epithets import (
    aged_person,
    indefinite_age,
    is_age,
    is_epithet,
    is_person_noun,
    name_counts,
    surname,
    topic_org,
    topic_person,
)
from .lexicon import (
    FAMILY_NOUNS,
    FORMER_WORDS,
    GROUP_PRONOUNS,
    MEDIUM_WORDS,
    ORG_NOUNS,
    PARTY_MEMBER_WORDS,
    PEOPLE_ENDINGS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    PERSONAL_BODY_NOUNS,
    PROXY_ROLES,
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
)
from .mention import (
    authored_by,
    cannot_speak,
    capitalised_noun,
    in_fiction,
    is_definite,
    is_indefinite,
    speaker_mention,
)
from .names import (
    before_possessive,
    company_like,
    identified_as,
    name_span,
    official_body,
    person_after_title,
    titled_name,
    trailing_appositive,
)
from .pronouns import best
from .ties import role_of

__all__ = ["Speaker", "SpeakerResolver", "speaker_mention"]


def _tied(word: Token, ent: Span) -> bool:
    """"former" or "predecessor" said of the name: on it, or on the role set beside it ("Tom Hadley, a former
    president", "former President Tom Hadley", "Tom Hadley, her predecessor")."""
    return any(ent.start <= h.i < ent.end for h in (word.head, word.head.head)) or ent.root.head.i == word.head.i


def _held_until(ent: Span, role: str) -> bool:
    """"Tom Hadley, who was governor until 2019": the clause after the name says the role ended."""
    after = list(ent.doc[ent.end : min(ent.end + 8, ent.sent.end)])
    return any(t.lemma_.lower() == role for t in after) and any(t.lower_ == "until" for t in after)


class SpeakerResolver(SpeakerMemory):
    """Resolve speaker mentions of one Doc to earlier named mentions (call in text order)."""

    def resolve_role(self, mention: Span, head: Token) -> tuple[int, int] | None:
        """The person introduced with the role word of ``head`` ("Gov. Eric Holloway" for "the governor"),
        preferring shared qualifiers, then the one whose name (or surname) came last."""
        role = head.lemma_.lower()
        quals = {t.lower_[:5] for t in mention if t.i != head.i and t.is_alpha and not t.is_stop and len(t) > 2}
        ents = self._prev_ents(mention.start_char)
        former = any(t.lower_ in FORMER_WORDS for t in mention if t.i != head.i)
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
            own = role in words and any(role_of(t, role, ent) for t in window + list(ent))
            if former:
                past = [t for t in window if t.lower_ in FORMER_WORDS and _tied(t, ent)]
                # "Tom Hadley, a former president"; "Tom Hadley, her predecessor" or "who was governor until
                # 2019" need no role word of their own. Never the sitting one ("President Ruth Calder")
                if not (past and own or any(t.lower_ == "predecessor" for t in past) or _held_until(ent, role)):
                    continue
            elif not own or any(t.lower_ == "late" and _tied(t, ent) for t in window):
                continue  # the role beside the name must be its own ("a spokesman for X" is not X), now held
                # ("the late president Tom Hadley" is no one's "the president said")
            score = sum(1 for t in window if t.lower_[:5] in quals)
            name = before_possessive(ent)  # "Holloway’s 2016" as the model ran it: Holloway
            seen = max(last_seen.get(name[-1].text, ent.start_char), ent.start_char)
            if best is None or (score, seen) > best[:2]:
                best = (score, seen, name.start_char, name.end_char)
        if best is None:
            return None
        return best[2], best[3]

    def _appositive(self, mention: Span, subj: Token) -> Speaker | None:
        """The name in apposition to the subject ("the House speaker, Paul Rhine, said", "a Republican, Ann
        Boyd,"), also after a clause that describes it (:func:`trailing_appositive`)."""
        trailing = trailing_appositive(subj)
        for child in [*subj.children, *([trailing] if trailing is not None else [])]:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                nm = name_span(child)
                if nm is not None:
                    org = subj.lemma_.lower() in ORG_NOUNS  # "the group ..., Tall Tree": an organisation
                    # "Dorn's wife, Elena," and "The spokeswoman, Lorna Bexley," are persons whatever label the
                    # model gave the name; "The arena's owner, Harbor Holdings," is not: a job can be a company's
                    person = child.ent_type_ == "PERSON" or (
                        subj.lemma_.lower() in FAMILY_NOUNS | ROLE_WORDS | PERSON_TITLES
                        and not company_like(child, nm)
                    )
                    return self._named(mention, nm, person=person and not org, kind="org" if org else "name")
        return None

    def lookup(self, subj: Token | None, mention: Span | None) -> Speaker:
        """What :meth:`resolve` gives for the mention, recording nothing (to test a reading before taking it)."""
        spoken, joint, members = len(self._speakers), dict(self.joint), dict(self._members)
        try:
            return self.resolve(subj, mention)
        finally:
            del self._speakers[spoken:]
            self.joint.clear()
            self.joint.update(joint)
            self._members.clear()
            self._members.update(members)

    def resolve(self, subj: Token | None, mention: Span | None) -> Speaker:
        """Resolve one speaker mention (``None`` gives an unattributed speaker)."""
        sp = self._resolve(subj, mention)
        if subj is not None and subj.dep_ == "poss" and sp.ref_start is not None and sp.ref_end is not None and (
            self.doc.text[sp.ref_start : sp.ref_end].endswith(("'s", "’s"))
        ):  # the author of "the Dunmore Trust's annual review": the Dunmore Trust
            sp = Speaker(sp.start, sp.end, sp.ref_start, sp.ref_end - 2, sp.is_entity)
        return sp

    def _resolve(self, subj: Token | None, mention: Span | None) -> Speaker:
        if subj is None or mention is None:
            return Speaker(None, None, None, None, False)
        start, end = mention.start_char, mention.end_char
        low = subj.lower_
        if subj.lemma_.lower() in MEDIUM_WORDS and is_definite(mention, subj):
            source = issuer(mention, subj)  # "X issued a statement ... The statement said": X
            if source is not None:
                return self.resolve(source, speaker_mention(source)).with_mention(start, end)
        author = authored_by(subj)
        if author is not None:  # "The report, published by the Atlas Institute, said": the Atlas Institute
            return self.resolve(author, speaker_mention(author)).with_mention(start, end)
        if is_age(subj):  # "the 54-year-old said" (before cannot_speak: a DATE to the model)
            # the one living person named with that age; "a 30-year-old" is someone new. No one else: no speaker
            # reference, not a row "54-year-old" that would pool different people of one age across articles
            new = in_fiction(subj) or indefinite_age(subj)
            aged = None if new else aged_person(subj, mention, self._prev_ents(start, window=None))
            if aged is not None:
                return self._named(mention, aged, person=True, kind="description")
            return Speaker(start, end, None, None, False)  # the words stay the cue's, the speaker is no one
        if cannot_speak(subj, mention):
            return Speaker(None, None, None, None, False)
        if in_fiction(subj):  # "In the series, detective Harry Voss tells ...": a character, no one in the news
            # remembered (a later "he" is the character), yet no speaker for the table, not even by name
            self._remember(start, (start, end), person=subj.lower_ in PERSON_PRONOUNS, kind="role", named=False)
            return Speaker(start, end, None, None, False)
        if low in {"they", "we"}:
            group = self._plural_subject(subj)
            if group is not None:  # "The researchers ... They note": a group, not a name merely mentioned
                return self._unnamed_speaker(mention, group, person=False, kind="group")
        if low == "they":
            names = coordinated_names(subj, self._prev_ents(subj.idx))
            if names is not None:  # "Walsh and Ortiz ... They said": the words are each one's
                self.joint[subj.i] = names[1:]
                return self._named(mention, names[0], person=names[0].label_ == "PERSON", kind="pron")
        if subj.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS:
            ref = self.resolve_pronoun(subj) if low in PERSON_PRONOUNS | GROUP_PRONOUNS else None
            named = ref is not None and not self._met_unnamed(ref)  # "Critics said ... they said": unnamed still
            self._remember(start, ref, person=low in PERSON_PRONOUNS, kind="pron", named=named)
            return Speaker(start, end, ref[0] if ref else None, ref[1] if ref else None, named)
        if capitalised_noun(mention, subj):  # "the Government said": a description, not a name
            body = described_org(mention, subj, self._prev_ents(start), self._last_org_speaker(start))
            if body is not None:
                return self._named(mention, body, person=False, kind="org")
            return self._unnamed_speaker(mention, mention, person=False, kind="group")
        if subj.ent_type_ == "NORP" and subj.tag_ in {"NNP", "NNPS"} and is_definite(mention, subj) and (
            subj.lower_ not in PARTY_MEMBER_WORDS and subj.lower_.endswith(PEOPLE_ENDINGS)
        ):  # "The French said", "The Chinese said": a people, no one named
            return self._unnamed_speaker(mention, mention, person=False, kind="group")
        if subj.ent_type_ == "NORP" and subj.tag_ == "NNP" and is_definite(mention, subj) and (
            subj.lower_ in PARTY_MEMBER_WORDS or not subj.lower_.endswith(PEOPLE_ENDINGS)
        ):  # "the Democrat", "the Texan": one person; "The French", "The Chinese" said: a people
            # "the Illinois Democrat said": a description of a party's member, as "the senator" is
            member = described_person(mention, subj, self._prev_ents(start))
            if member is not None:
                return self._named(mention, member, person=True, kind="description")
            return self._unnamed_speaker(mention, mention, person=True, kind="role")
        if subj.ent_type_ == "NORP" and subj.tag_ == "NNP" and is_indefinite(subj):
            # "a Democrat familiar with the talks", "one Republican": a party's member no one named, unless the
            # name is set off after the word ("said a Republican, Ann Boyd, on Monday")
            return self._appositive(mention, subj) or self._unnamed_speaker(mention, mention, person=True, kind="role")
        titled_person = person_after_title(mention, subj)
        if titled_person is not None:  # "Harwood Vale County Supervisor of Elections Mona Pryce said": her
            return self._named(mention, titled_person, person=True, kind="name")
        known = person_by_surname(subj, self._prev_ents(start, window=None))
        if known is not None:  # "Peterkin said" after "John Peterkin", whatever the tagger made of it
            return self._named(mention, known, person=True, kind="name")
        if subj.dep_ == "advmod" and subj.pos_ != "PROPN" and not subj.ent_type_:
            return Speaker(None, None, None, None, False)  # an adverb taken for a surname that is no one's
        titled = titled_name(subj)
        if titled is not None:  # "Factline fact checker and staff writer Daniel Emberly posted": a bare title's name
            return self._named(mention, titled, person=True, kind="name")
        owner = self._office_of(subj)
        if owner is not None:  # "His office said", "Smith's campaign said": the person it speaks for
            return self._named(mention, owner, person=True, kind="name")
        body = official_body(mention, subj)
        if body is not None:  # "China's commerce ministry": a named organisation
            return self._named(mention, body, person=False, kind="name")
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
            person = subj.ent_type_ == "PERSON" or (subj.pos_ == "PROPN" and not subj.ent_type_)
            return self._named(mention, name, person=person, kind="name")
        appositive = self._appositive(mention, subj)
        if appositive is not None:  # "the House speaker, Paul Rhine, said"
            return appositive
        given = identified_as(subj) if subj.pos_ == "NOUN" else None
        if given is not None:  # "the driver, identified as Paul Osei,": the person named
            nm = name_span(given)
            if nm is not None:  # "A firm named Kelvar Mining": an organisation
                org = subj.lemma_.lower() in ORG_NOUNS or company_like(given, nm)
                return self._named(mention, nm, person=not org, kind="org" if org else "name")
        described = self._described(mention, subj)
        if described is None and subj.lemma_.lower() in PERSON_TITLES - ROLE_WORDS:
            main = self._main_person(mention, subj)
            described = (main, True) if main is not None else None
        if described is not None:
            ref, person = described
            return self._named(mention, ref, person=person, kind="description" if person else "org")
        if subj.lemma_.lower() in ROLE_WORDS and subj.tag_ not in {"NNS", "NNPS"}:
            # "one senior administration official said": someone new, not an official named before
            ref = None if is_indefinite(subj) else self.resolve_role(mention, subj) or (
                None if subj.lemma_.lower() in PROXY_ROLES else self._main_person(mention, subj)
            )  # "the spokesman" is never the one he speaks for
            if ref is not None:
                return self._named(mention, ref, person=True, kind="role")
            return self._unnamed_speaker(mention, mention, person=True, kind="role")
        if is_epithet(mention, subj):  # "the billionaire businessman said": the person just written about
            topic = self._topic(mention)
            if topic is not None:
                return self._named(mention, topic, person=True, kind="description")
        if is_person_noun(mention, subj):  # "the retired neurosurgeon": a person no one named; a "he" after it
            # in the same paragraph may be that one (:func:`.pronouns.noun_continues`), never across a break
            return self._unnamed_speaker(mention, mention, person=True, kind="noun")
        return self._unnamed_speaker(mention, mention, person=False, kind="group")

    def _topic(self, mention: Span) -> tuple[int, int] | None:
        """:func:`.epithets.topic_person` over the entities before ``mention``."""
        person = topic_person(mention, self._prev_ents(mention.start_char, window=None))
        return (person.start_char, person.end_char) if person is not None else None

    def _named(self, mention: Span, ref: Span | tuple[int, int], *, person: bool, kind: str) -> Speaker:
        """The speaker of ``mention`` found to be the named ``ref``, remembered for what comes after."""
        return self._found(mention, ref, person=person, kind=kind, named=True)

    def _unnamed_speaker(self, mention: Span, ref: Span | tuple[int, int], *, person: bool, kind: str) -> Speaker:
        """The speaker of ``mention`` found to be ``ref``, which names no one ("Critics", "a spokesman")."""
        return self._found(mention, ref, person=person, kind=kind, named=False)

    def _found(self, mention: Span, ref: Span | tuple[int, int], *, person: bool, kind: str, named: bool) -> Speaker:
        span = (ref.start_char, ref.end_char) if isinstance(ref, Span) else ref
        self._remember(mention.start_char, span, person=person, kind=kind, named=named)
        return Speaker(mention.start_char, mention.end_char, span[0], span[1], named)

    def _main_person(self, mention: Span, subj: Token) -> tuple[int, int] | None:
        """"said the actor" when no actor was introduced by name: the person who spoke last, when that is
        also the person named most often so far (the article's subject), of a compatible gender."""
        if subj.pos_ != "NOUN" or subj.tag_ in {"NNS", "NNPS"} or not is_definite(mention, subj):
            return None
        at = mention.start_char
        last = next((sp for sp in reversed(self._speakers[-20:]) if sp[0] < at and sp[3]), None)
        if last is None or at - last[0] > BACK_WINDOW:
            return None
        span = self.doc.char_span(last[1], last[2], alignment_mode="expand")
        if span is None or not len(span):
            return None
        counts = name_counts(self._prev_ents(at, window=None))
        want, have = gender_of(mention), person_gender(span)  # "the actress" is never a man
        if want is not None and have is not None and want != have:
            return None
        top = max(counts.values(), default=0)
        if counts.get(surname(span), 0) < max(top, 2):
            return None
        return last[1], last[2]

    def _office_of(self, subj: Token) -> tuple[int, int] | None:
        """The person whose office or campaign ``subj`` is ("his office", "Holloway's campaign")."""
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
            org = org if org is not None else topic_org(mention, subj, ents)  # the one organisation just named
            return ((org.start_char, org.end_char), False) if org is not None else None
        if subj.lemma_.lower() in ROLE_WORDS:
            return None  # resolve_role, which also reads "Ukraine's president"
        person = described_person(mention, subj, ents)
        return ((person.start_char, person.end_char), True) if person is not None else None
