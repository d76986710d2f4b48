"""The name a speaker mention stands for: the named-entity span or run of proper nouns holding a token (cut at
lower-case words the model ran it over), a name before a possessive, an apposition after a describing clause,
and a state's organ named with its state ("China's commerce ministry")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..entities.words import is_given_name
from ..lexicon import lexicon
from .lexicon import OFFICIAL_BODY_NOUNS, ORG_NOUNS, ROLE_WORDS

__all__ = [
    "NAMED_LABELS", "name_span", "before_possessive", "trailing_appositive", "set_off_name", "official_body",
    "titled_name",
    "identified_as", "person_after_title", "company_like",
]

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})

_NAME_JOINERS = frozenset(
    {"of", "the", "and", "for", "de", "du", "la", "le", "van", "von", "der", "al", "bin", "da", "on"}
)


def _breaks_name(tok: Token) -> bool:
    return tok.is_alpha and tok.is_lower and tok.lower_ not in _NAME_JOINERS and tok.pos_ in _NOT_NAME_POS


_NOT_NAME_POS = frozenset({"ADP", "SCONJ", "VERB", "AUX", "ADV", "PRON", "DET", "CCONJ"})


def name_span(token: Token) -> Span | None:
    """The named-entity span holding ``token``, or its run of proper nouns."""
    doc = token.doc
    if token.ent_type_ in NAMED_LABELS and token.ent_iob_ in {"B", "I"}:
        a = token.i
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        b = token.i + 1
        while b < len(doc) and doc[b].ent_iob_ == "I":
            b += 1
        # a span the model ran over a lower-case word ("the Harbour Music Awards after Marlow"): the name
        # around the token
        lo, hi = token.i, token.i + 1
        while lo > a and not _breaks_name(doc[lo - 1]):
            lo -= 1
        while hi < b and not _breaks_name(doc[hi]):
            hi += 1
        return doc[lo:hi]
    if token.pos_ == "PROPN":
        a = token.i
        while (
            a > 0
            and doc[a - 1].pos_ == "PROPN"
            and a <= doc[a - 1].head.i <= token.i
            and doc[a - 1].lower_ not in ROLE_WORDS
        ):
            a -= 1
        return doc[a : token.i + 1]
    return None


def before_possessive(span: Span) -> Span:
    """A person's name as the model ran it over a possessive ("Holloway’s 2016"): the part before it."""
    for t in span:
        if t.i > span.start and t.lower_ in {"'s", "’s"}:
            return span.doc[span.start : t.i]
    return span


def trailing_appositive(subj: Token) -> Token | None:
    """``The company that runs the awards, Harlow Productions, denies``: the name set off by commas after
    the clause that describes the subject (the parser often hangs it on the clause's last noun)."""
    if not any(c.dep_ in {"relcl", "acl"} for c in subj.children):
        return None
    doc = subj.doc
    for t in subj.subtree:
        if t.dep_ == "appos" and t.head.i != subj.i and t.pos_ == "PROPN" and t.ent_type_ in {"ORG", "PERSON"}:
            a, b = t.left_edge.i, t.right_edge.i
            end = subj.right_edge.i
            if a > 0 and doc[a - 1].text == "," and (b == end or b + 1 == end and doc[end].is_punct):
                return t
    return None


def set_off_name(noun: Token) -> Span | None:
    """The person's name set off by commas right after ``noun`` (``the airline's spokeswoman, Dana Ruiz,``, ``a
    Republican, Ann Boyd,``), found by position since the parser often hangs it elsewhere (unlike
    :func:`trailing_appositive`, which reads the parse); None when there is none."""
    doc = noun.doc
    j = noun.right_edge.i + 1
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].ent_iob_ != "B" or doc[j + 1].ent_type_ != "PERSON":
        return None
    end = j + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[j + 1 : end] if end < len(doc) and doc[end].text == "," else None


def official_body(mention: Span, head: Token) -> Span | None:
    """``China's commerce ministry``, ``the US military``: a state's organ named with the state (a place or
    nationality before the noun), without the article; None for anything else."""
    if head.lemma_.lower() not in OFFICIAL_BODY_NOUNS or head.tag_ in {"NNS", "NNPS"} or not head.is_lower:
        return None
    before = [t for t in mention if t.i < head.i]
    if not any(t.ent_type_ in {"GPE", "NORP"} and t.head.i >= t.i for t in before):
        return None
    if any(t.pos_ in {"VERB", "NUM"} or t.lower_ in {"a", "an", "some", "any"} for t in before):
        return None
    a = mention.start
    while a < head.i and mention.doc[a].pos_ == "DET":
        a += 1
    return mention.doc[a : head.i + 1]


def titled_name(subj: Token) -> Span | None:
    """A bare singular noun (no article: a title, not a speaker) joined by "and" to a person's name whose
    title it shares: "fact checker and staff writer Daniel Emberly" is Daniel Emberly."""
    if subj.tag_ != "NN" or not subj.is_lower or any(c.dep_ in {"det", "poss", "nummod"} for c in subj.children):
        return None
    person = next((c for c in subj.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"), None)
    return name_span(person) if person is not None else None


_IDENTIFY_LEMMAS = frozenset({"identify", "name"})


def identified_as(subj: Token) -> Token | None:
    """The name given to a description by a participle: "the driver, identified as Paul Osei," and "a man
    named Rick Dunne" are the one named (the name's head token), whatever label the model gave it. Not an
    award or a rank ("The company, named Employer of the Year by Harbor Magazine,": see ``_award``); an
    organisation noun ("a firm named Kelvar Mining") names an organisation, for the caller to type."""
    if subj.lemma_.lower() in lexicon()["non_speakers"]:
        return None
    for acl in subj.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in _IDENTIFY_LEMMAS:
            continue
        heads = [c for c in acl.children if c.dep_ in {"oprd", "attr", "dobj"}]
        heads += [g for c in acl.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                  if g.dep_ == "pobj"]
        for head in heads:
            if head.pos_ != "PROPN" and head.ent_type_ != "PERSON":
                continue
            if _award(head):
                continue  # "named Employer of the Year by ...": a title given, not a name
            return head
    return None


def _award(head: Token) -> bool:
    """"Employer of the Year": a name whose own capitalised words run on through "of" ("of the Year", not "of
    the city police"), and which is no person's (the model's PERSON over two words or from a census given name:
    "Tomas Velder of the City Police" is a person). The words after the name ("by police") do not count."""
    if head.ent_type_ == "PERSON":
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None and (len(ent) > 1 or is_given_name(ent[0].text)):
            return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and len(list(c.subtree)) > 1
        and all(t.is_title or t.lower_ in {"the", "a", "an"} for t in c.subtree if t.i != c.i)
        for c in head.children
    )


def company_like(head: Token, name: Span) -> bool:
    """A name ending in an organisation word ("Harbor Holdings", "Kelvar Mining Corp."), or one the model
    tagged an organisation that no census given name opens ("Kelvar Mining"; "Dorn's wife, Elena," tagged ORG
    is a person): never made a person by the noun it stands beside."""
    if not len(name):
        return head.ent_type_ == "ORG"
    last = name[-1].lower_.rstrip(".")
    if len(name) > 1 and last in lexicon()["org_suffixes"] and last not in ORG_NOUNS - {"company", "group"}:
        return True
    return (head.ent_type_ == "ORG" or any(t.ent_type_ == "ORG" for t in name)) and not is_given_name(name[0].text)


def person_after_title(mention: Span, head: Token) -> Span | None:
    """A person's name that ends the mention after the words of a title the parser made its head: "Harwood Vale
    County Supervisor of Elections Mona Pryce", "Kestrel FM director of community programmes Lina Varga" (a capitalised
    head). None when the head is in the name, or a verb or a possessive comes between (the person is then not
    the one titled)."""
    if head.ent_type_ == "PERSON" or not head.is_title:
        return None  # "the company and CEO John Smith": two speakers, not a title and its holder
    doc = mention.doc
    end = mention.end
    while end > mention.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end < len(doc) and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "PERSON":
        # the name right after the title, no comma between, which the parser hung on it as an apposition
        b = end + 1
        while b < len(doc) and doc[b].ent_iob_ == "I":
            b += 1
        if doc[b - 1].head.i == head.i and doc[b - 1].dep_ in {"appos", "conj", "compound"}:
            end = b
    last = doc[end - 1]
    if last.ent_type_ != "PERSON" or last.i <= head.i:
        return None
    a = last.i
    while a > mention.start and doc[a].ent_iob_ == "I":
        a -= 1
    root = doc[end - 1]
    if root.dep_ == "conj" and root.head.i == head.i and head.lower_ not in ROLE_WORDS:
        return None  # "Brannigan and Okafor said": two speakers joined, not a title and its holder
    if a <= head.i or any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ != "compound" or t.lower_ in {"'s", "’s"} for t in doc[head.i : a]
    ):
        return None
    return doc[a:end]
