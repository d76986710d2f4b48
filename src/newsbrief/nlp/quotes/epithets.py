"""A person called by a description instead of a name ("the billionaire businessman said", "the former
senator said") when no one was introduced with that word: the person the last sentences were about; and an
organisation called "the company" when it was named without the noun: the one organisation just named.

News writes a person's name, then a sentence or two later an epithet for the same person, to avoid repeating
the name. The epithet is read as that person only when the text leaves no doubt: the person is the *subject*
of a clause in the epithet's sentence or the two before it, no other person is named between them, and the
epithet's gender (a title, a gendered word) does not contradict the person's, and the person is the one the
article names most often so far (its subject, not an interviewer who just asked a question).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .coref import describes, gender_of, person_gender
from .lexicon import (
    EPITHET_NOUNS,
    FAMILY_NOUNS,
    ORG_NOUNS,
    PERSON_TITLES,
    PROXY_ROLES,
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
    TOPIC_ORG_NOUNS,
)
from .mention import is_definite
from .names import name_span

__all__ = ["age_subject", "aged_person", "is_age", "is_epithet", "role_of", "topic_org", "topic_person"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
#: How many sentences before the epithet's own the person may have been the subject of one.
SENTENCES_BACK = 2


def _window_start(mention: Span) -> int:
    """The first token of the sentence :data:`SENTENCES_BACK` before the mention's."""
    doc = mention.doc
    first = mention.sent
    for _ in range(SENTENCES_BACK):
        if first.start == 0:
            break
        first = doc[first.start - 1].sent
    return first.start


def is_epithet(mention: Span, head: Token) -> bool:
    """A definite, singular, lower-case description of one person ("the billionaire businessman", "the
    former senator", "the GOP front-runner"); not one who speaks for another ("the spokesman", "the lawyer")
    or a relative ("the wife")."""
    lemma = head.lemma_.lower()
    if lemma in PROXY_ROLES or lemma in FAMILY_NOUNS:
        return False
    if any(not t.is_lower and t.i != head.i and t.dep_ in _MODIFIERS for t in head.children):
        return False  # "the Florida senator", "the GOP front-runner": a state or party this cannot check
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and head.is_lower
        and (lemma in PERSON_TITLES or lemma in ROLE_WORDS or lemma in EPITHET_NOUNS)
        and is_definite(mention, head)
    )


def _surname(span: Span) -> str:
    return span[-1].text.removesuffix("’s").removesuffix("'s")


def _main_clause(verb: Token) -> bool:
    """The verb of the sentence's main clause, or one joined to it ("Trump spoke and took questions"); not a
    clause inside another ("he found Trump to be charming": Trump is no subject of the sentence)."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.pos_ in {"VERB", "AUX"} and verb.dep_ == "ROOT"


def _same(a: Span, b: Span) -> bool:
    """One person: the same surname, and the same full name when both are given in full ("George W. Bush" is
    not "Jeb Bush")."""
    return _surname(a) == _surname(b) and (len(a) == 1 or len(b) == 1 or a.text == b.text)


def topic_person(mention: Span, ents: list[Span]) -> Span | None:
    """The person whose name is the subject of a clause in the sentence of ``mention`` or the
    :data:`SENTENCES_BACK` before it, with no other person named after that name, named most often so far;
    ``ents`` are all the entities before the mention (in text order)."""
    start = _window_start(mention)
    noun = mention.root.lemma_.lower()
    if any(t.lemma_.lower() == noun for t in mention.doc[start : mention.start]):
        return None  # "Ann Boyd, whose husband is a nurse, ... the nurse said": the noun is another's
    people = [e for e in ents if e.label_ == "PERSON" and e.start >= start and e.end <= mention.start]
    if not people:
        return None
    last = people[-1]
    found: Span | None = None
    for ent in reversed(people):
        if not _same(ent, last):
            return None  # another person named after the subject: no certain antecedent
        if ent.root.dep_ in _SUBJECTS and _main_clause(ent.root.head):
            found = ent
            break
    if found is None:
        return None
    counts: dict[str, int] = {}
    for ent in ents:
        if ent.label_ == "PERSON":
            counts[_surname(ent)] = counts.get(_surname(ent), 0) + 1
    if counts[_surname(found)] < max(counts.values()):
        return None  # the one the article is about is called so, not a journalist who just asked a question
    name = name_span(found.root) or found
    want, have = gender_of(mention), person_gender(name)
    if want is not None and have is not None and want != have:
        return None  # "the businesswoman" is never Mr. Hadley
    return name


def topic_org(mention: Span, head: Token, ents: list[Span]) -> Span | None:
    """``the company said`` when no organisation was introduced with the noun: the one organisation (an
    ``ORG`` entity) named in the mention's sentence or the :data:`SENTENCES_BACK` before it. None when two are
    named there, when the noun has a capitalised modifier ("the Trump campaign"), or when the name says it is
    another kind of organisation ("the company" is no "... Committee", "... University")."""
    noun = head.lemma_.lower()
    if noun not in TOPIC_ORG_NOUNS or head.tag_ != "NN" or not head.is_lower or not is_definite(mention, head):
        return None
    if any(not t.is_lower and t.dep_ in _MODIFIERS for t in head.children):
        return None
    start = _window_start(mention)
    orgs = [e for e in ents if e.label_ == "ORG" and e.start >= start and e.end <= mention.start]
    names = {e[-1].lower_.removesuffix("’s").removesuffix("'s") for e in orgs}
    if len(names) != 1:
        return None
    org = orgs[-1]
    kind = org[-1].lower_.rstrip("s")
    if len(org) > 1 and kind != noun and (kind in ORG_NOUNS or org[-1].lemma_.lower() in ORG_NOUNS):
        return None
    return org


def _age(tok: Token) -> str | None:
    """The number of "the 54-year-old" for its head "old" (the parser makes "year" its adverb)."""
    if tok.lower_ != "old":
        return None
    year = next((c for c in tok.children if c.lower_ in {"year", "years"}), None)
    num = next((c for c in year.children if c.like_num), None) if year is not None else None
    return num.text if num is not None else None


def is_age(tok: Token) -> bool:
    """``old`` of "the 54-year-old": a person called by their age."""
    return _age(tok) is not None


def age_subject(verb: Token) -> Token | None:
    """"“...,” the 54-year-old said": the parser hangs "the" and "54-year-old" on the verb as a determiner and
    an adjective, so the verb has no subject; the age before the verb is it."""
    return next((c for c in verb.children if c.i < verb.i and c.dep_ == "amod" and is_age(c)), None)


def aged_person(subj: Token, mention: Span, ents: list[Span]) -> Span | None:
    """The person named with the age ("Tom Hadley, 54," or "Tom Hadley (54)") before "the 54-year-old", else
    the person the last sentences were about when no one was given an age (:func:`topic_person`)."""
    age = _age(subj)
    doc = subj.doc
    aged = False
    for ent in reversed(ents):
        if ent.label_ != "PERSON" or ent.end + 1 >= len(doc) or doc[ent.end].text not in {",", "("}:
            continue
        given = doc[ent.end + 1]
        if given.text == age:
            return ent
        aged = aged or given.like_num
    return None if aged else topic_person(mention, ents)  # another age given: someone no one named


def role_of(tok: Token, role: str, ent: Span) -> bool:
    """The role word ``tok`` (or its abbreviation: "Gov." for "governor") is the named person's own role: the
    parse ties it to the name ("Gov. Tom Hadley", "Tom Hadley, the mayor", "Mayor Ruth Calder"), and the name
    is not the one the role works for ("a spokesman for Tom Hadley", "Ruth Calder's lawyer") nor a name in
    another clause beside it ("The judge listened as Tom Hadley ...")."""
    word = TITLE_ABBREVIATIONS.get(tok.lower_.rstrip("."), tok.lemma_.lower())
    if role not in {word, tok.lower_}:
        return False
    root = ent.root
    if root.dep_ == "poss" and root.head.i == tok.i:
        return False  # "Ruth Calder's lawyer"
    if any(c.dep_ == "prep" and any(ent.start <= t.i < ent.end for t in c.subtree) for c in tok.children):
        return False  # "a spokesman for Tom Hadley", "the lawyer of Ruth Calder"
    return ent.start <= tok.i < ent.end or describes(tok, role, ent) or (
        tok.lower_.rstrip(".") in TITLE_ABBREVIATIONS and ent.start <= tok.head.i < ent.end
    )  # "Mayor Ruth Calder" tagged whole, "Tom Hadley, the mayor", "Gov. Tom Hadley"
