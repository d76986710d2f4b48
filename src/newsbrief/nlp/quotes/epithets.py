"""A person called by an epithet instead of a name ("the billionaire businessman said") when no one was
introduced with that word: the person the last sentences were about; an organisation called "the company" when
it was named without the noun: the one business just named; and "the 54-year-old": the person named with the
age.

News writes a person's name, then a sentence or two later an epithet for the same person, to avoid repeating
the name. The epithet is read as that person only when the text leaves no doubt: the word describes the
person's own standing (``lexicon.EPITHET_NOUNS``; a role or title such as "the doctor" or "the judge" is most
often someone dealing with the person written about, and is left to the role rules), the person is the
*subject* of a main clause in the epithet's sentence or the two before, not one things were done to ("was
arrested", "died"), no other person is named between them, the epithet's gender does not contradict the
person's, and the person is the one the article names most often so far.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .coref import gender_of, is_company_word, person_gender
from .lexicon import (
    BUSINESS_NOUNS,
    COMPANY_NOUNS,
    DEAL_VERBS,
    DEATH_VERBS,
    EPITHET_NOUNS,
    INDEFINITE_WORDS,
    KILL_VERBS,
    PATIENT_VERBS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PUBLIC_BODY_NOUNS,
    ROLE_WORDS,
)
from .mention import is_definite
from .names import before_possessive, name_span

__all__ = ["age_subject", "aged_person", "indefinite_age", "is_age", "is_dead", "is_epithet", "is_person_noun",
           "name_counts", "surname", "topic_org", "topic_person"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
#: How many sentences before the epithet's own the person may have been the subject of one.
SENTENCES_BACK = 2
#: How many paragraph breaks may stand between "Tom Hadley, 54," and "the 54-year-old".
AGE_PARAGRAPHS_BACK = 3


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
    """A definite, singular, lower-case epithet of one person's own standing ("the billionaire businessman",
    "the tycoon"); no role or title ("the doctor", "the former senator": the role rules read those)."""
    if any(not t.is_lower and t.i != head.i and t.dep_ in _MODIFIERS for t in head.children):
        return False  # "the Florida businessman": a place this cannot check
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and head.is_lower
        and head.lemma_.lower() in EPITHET_NOUNS
        and is_definite(mention, head)
    )


def is_person_noun(mention: Span, head: Token) -> bool:
    """A definite, singular, lower-case noun for one person: an epithet, a role or title ("the retired
    neurosurgeon", "the judge"), a person resolved to no one is still a person."""
    lemma = head.lemma_.lower()
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and head.is_lower
        and lemma in EPITHET_NOUNS | PERSON_NOUNS | PERSON_TITLES | ROLE_WORDS
        and is_definite(mention, head)
    )


def surname(span: Span) -> str:
    """The last word of a person's name as the model ran it ("Holloway’s 2016": Holloway)."""
    return before_possessive(span)[-1].text


def name_counts(ents: list[Span]) -> dict[str, int]:
    """How often each person's surname was named in ``ents``."""
    counts: dict[str, int] = {}
    for ent in ents:
        if ent.label_ == "PERSON":
            counts[surname(ent)] = counts.get(surname(ent), 0) + 1
    return counts


def _main_clause(verb: Token) -> bool:
    """The verb of the sentence's main clause, or one joined to it ("Trump spoke and took questions"); not a
    clause inside another ("he found Trump to be charming": Trump is no subject of the sentence)."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.pos_ in {"VERB", "AUX"} and verb.dep_ == "ROOT"


def _undergoes(subject: Token) -> bool:
    """The subject is one things were done to: a passive ("was charged", "was taken to hospital"), or a verb
    said of a patient, a suspect or the dead ("died", "fled", "pleaded"), in its clause or one joined to it
    ("fled the scene and was arrested")."""
    if subject.dep_ == "nsubjpass":
        return True
    verb = subject.head
    while verb.dep_ == "conj":
        verb = verb.head
    clauses = [verb, *(t for t in verb.subtree if t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"})]
    return any(
        v.lemma_.lower() in PATIENT_VERBS or any(c.dep_ in {"auxpass", "nsubjpass"} for c in v.children)
        for v in clauses
    )


def _same(a: Span, b: Span) -> bool:
    """One person: the same surname, and the same full name when both are given in full ("George W. Bush" is
    not "Jeb Bush")."""
    return surname(a) == surname(b) and (len(a) == 1 or len(b) == 1 or a.text == b.text)


def topic_person(mention: Span, ents: list[Span]) -> Span | None:
    """The person whose name is the active subject of a clause in the sentence of ``mention`` or the
    :data:`SENTENCES_BACK` before it, with no other person named after that name, named most often so far;
    ``ents`` are all the entities before the mention (in text order)."""
    start = _window_start(mention)
    noun = mention.root.lemma_.lower()
    if any(t.lemma_.lower() == noun for t in mention.doc[start : mention.start]):
        return None  # "Ann Boyd, whose husband is a tycoon, ... the tycoon said": the noun is another's
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
    if found is None or _undergoes(found.root):
        return None  # "Tom Hadley was arrested ... the officer said": the one arrested does not speak
    counts = name_counts(ents)
    if counts[surname(found)] < max(counts.values()):
        return None  # the one the article is about is called so, not a journalist who just asked a question
    name = name_span(found.root) or found
    want, have = gender_of(mention), person_gender(name)
    if want is not None and have is not None and want != have:
        return None  # "the businesswoman" is never Mr. Hadley
    return name


def _business_tie(org: Span) -> bool:
    """The name is a business's by what is said of it: "shares of Pellan", "Pellan's chief executive"."""
    root = org.root
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in BUSINESS_NOUNS
    prep = root.head
    return root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_.lower() in BUSINESS_NOUNS


def _folded(org: Span) -> tuple[str, ...]:
    return tuple(t.lower_ for t in before_possessive(org) if not t.is_punct and t.lower_ != "the")


def _distinct(orgs: list[Span]) -> set[tuple[str, ...]]:
    """The organisations by their full names, a short form counted with the long one ("Pellan", "Pellan
    Foods"): "Harlow Foods" and "Pellan Foods" are two."""
    names = {_folded(o) for o in orgs}
    return {n for n in names if not any(m != n and m[: len(n)] == n for m in names)}


def _bought(orgs: list[Span]) -> bool:
    """One of them is the object of a deal ("agreed to buy Pellan Foods"): a buyer, tagged or not, is a second
    party."""
    return any(o.root.dep_ == "dobj" and o.root.head.lemma_.lower() in DEAL_VERBS for o in orgs)


def topic_org(mention: Span, head: Token, ents: list[Span]) -> Span | None:
    """``the company said`` when no organisation was introduced with the noun: the one organisation (an
    ``ORG`` entity) named in the mention's sentence or the :data:`SENTENCES_BACK` before it, when the text
    shows it is a business: a company word ends its name ("Vantor Corp.") and it is a clause's subject, or it
    is the one whose shares, profits or chief executive are spoken of. Never a public body ("the Ministry of
    Health", "the Treasury", "Scotland Yard", "the NHS"), never when two are named there, never for a noun
    with a capitalised modifier ("the Trump company")."""
    noun = head.lemma_.lower()
    if noun not in COMPANY_NOUNS or head.tag_ != "NN" or not head.is_lower or not is_definite(mention, head):
        return None
    if any(not t.is_lower and t.dep_ in _MODIFIERS for t in head.children):
        return None
    start = _window_start(mention)
    orgs = [e for e in ents if e.label_ == "ORG" and e.start >= start and e.end <= mention.start]
    if len(_distinct(orgs)) != 1 or _bought(orgs):
        return None  # "Harlow Foods agreed to buy Pellan Foods": two parties, either may be "the company"
    if any(any(t.lower_ in PUBLIC_BODY_NOUNS or t.lemma_.lower() in PUBLIC_BODY_NOUNS for t in org) for org in orgs):
        return None  # "the Ministry of Health", "the Harlow Select Committee"
    for org in reversed(orgs):
        suffixed = is_company_word(org[-1].lower_.rstrip("."))
        if _business_tie(org) or suffixed and org.root.dep_ in _SUBJECTS:
            return org
    return None


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


def indefinite_age(tok: Token) -> bool:
    """"a 30-year-old who saw the fight": someone new, not the person named with the age."""
    first = min(t.i for t in tok.subtree)
    return tok.doc[first].lower_ in INDEFINITE_WORDS or first > 0 and tok.doc[first - 1].lower_ in INDEFINITE_WORDS


def age_subject(verb: Token) -> Token | None:
    """"“...,” the 54-year-old said": the parser hangs "the" and "54-year-old" on the verb as a determiner and
    an adjective, so the verb has no subject; the age before the verb is it."""
    return next((c for c in verb.children if c.i < verb.i and c.dep_ == "amod" and is_age(c)), None)


def _paragraphs_between(a: int, b: int, doc_tokens: Span) -> int:
    return sum(1 for t in doc_tokens[a:b] if t.is_space and "\n" in t.text)


def aged_person(subj: Token, mention: Span, ents: list[Span]) -> Span | None:
    """The one person named with the age ("Tom Hadley, 54," or "Tom Hadley (54)") before "the 54-year-old",
    within :data:`AGE_PARAGRAPHS_BACK` paragraphs; None when two people were given that age or none was."""
    age = _age(subj)
    doc = subj.doc
    found: list[Span] = []
    for ent in reversed(ents):
        if ent.label_ != "PERSON":
            continue
        after = ent.end + 1 < len(doc) and doc[ent.end].text in {",", "("} and doc[ent.end + 1].text == age
        before = ent.start > 0 and _age(doc[ent.start - 1]) == age  # "54-year-old Tom Hadley"
        if after or before:
            found.append(ent)
    if len({surname(e) for e in found}) != 1:
        return None  # no one, or two people of that age
    ent = found[0]
    if _paragraphs_between(ent.end, mention.start, doc[:]) > AGE_PARAGRAPHS_BACK:
        return None
    if is_dead(ent.root):
        return None  # "Ruth Calder, 54, was found dead": the dead do not speak (nor their earlier words: none)
    return ent


def is_dead(subject: Token) -> bool:
    """The person is said to be dead in their clause: a verb of :data:`.lexicon.DEATH_VERBS` ("died"), one of
    :data:`.lexicon.KILL_VERBS` in the passive ("was killed", "was murdered", "was stabbed") or "found dead"."""
    verb = subject.head
    while verb.dep_ == "conj":
        verb = verb.head
    clauses = [verb, *(t for t in verb.subtree if t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"})]
    return any(
        v.lemma_.lower() in DEATH_VERBS
        or v.lemma_.lower() in KILL_VERBS and any(c.dep_ in {"auxpass", "nsubjpass"} for c in v.children)
        or any(c.lower_ == "dead" and c.dep_ != "nsubj" for c in v.children)
        for v in clauses
    )
