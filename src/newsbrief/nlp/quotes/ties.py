"""Whether the parse ties a role word to a name: "Eyamba Sowers, a real estate agent", "actor Tom Reed", "Gov.
Tom Hadley", "Tom Hadley, the mayor", "As a nurse, Ann Boyd ..."; not another noun's modifier ("Town manager
Rita Oakes" is no "town"), not another clause ("Rita Oakes said the town ..."), not the one a role works for ("a
spokesman for Tom Hadley", "Ruth Calder's lawyer").

Used by :func:`.coref.described_person` (a description said of a person when introduced) and by the speaker
resolver's role rule (:func:`role_of`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import TITLE_ABBREVIATIONS

__all__ = ["describes", "role_of"]


def describes(tok: Token, role: str, ent: Span) -> bool:
    """``role`` is this word and the parse ties it to the name ("Eyamba Sowers, a real estate agent", "actor
    Tom Reed"), not to another noun ("Town manager Rita Oakes" is no "town") or another clause ("Rita Oakes
    said the town ...")."""
    if tok.lemma_.lower() != role and tok.lower_ != role:
        return False
    if tok.pos_ == "NOUN" and tok.dep_ in {"compound", "nmod"} and tok.head.pos_ == "NOUN":
        return False  # a noun modifying another ("Town manager"); "Republican presidential candidate X" is X
    root = ent.root
    up = tok.head if tok.dep_ in {"amod", "compound"} else tok  # "Republican presidential candidate Rubio"
    return any(ent.start <= t.head.i < ent.end for t in (tok, up)) or root.head.i in {tok.i, up.i} or (
        up.head.i == root.head.i and {up.dep_, root.dep_} & {"appos", "conj"} != set()
    ) or _predicated(up, ent)


def _predicated(noun: Token, ent: Span) -> bool:
    """The noun is said of the name: the complement of a copula or of "become", "was elected", "works as",
    "As a nurse, X ..." whose subject is the name, or of "who is" hung on the name (its subject the pronoun)."""
    if noun.dep_ in {"attr", "oprd"}:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep":
        verb = noun.head.head
    else:
        return False
    if verb.dep_ == "relcl" and ent.start <= verb.head.i < ent.end:  # "Ann Boyd, who is a nurse"; not "whose son"
        return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"who", "that"} for c in verb.children)
    return any(c.dep_ in {"nsubj", "nsubjpass"} and ent.start <= c.i < ent.end for c in verb.children)


def _set_off(prep: Token) -> list[Token]:
    """A person's name set off after the object of a role's preposition when that object is no person ("a
    spokesman for Pellan, Tom Hadley,": the parser hangs Hadley on Pellan, yet he is the spokesman)."""
    return [
        c for obj in prep.children if obj.dep_ == "pobj" and obj.ent_type_ != "PERSON"
        for c in obj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
    ]


def _served(prep: Token) -> set[int]:
    """The tokens of the one a role works for ("a spokesman for Tom Hadley"): the preposition's subtree, less
    a name set off after an object that is no person (:func:`_set_off`)."""
    out = {t.i for t in prep.subtree}
    for name in _set_off(prep):
        out -= {t.i for t in name.subtree}
    return out


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
    if any(c.dep_ == "prep" and any(ent.start <= i < ent.end for i in _served(c)) for c in tok.children):
        return False  # "a spokesman for Tom Hadley", "the lawyer of Ruth Calder"
    preps = [c for c in tok.children if c.dep_ == "prep"]
    if any(ent.start <= n.i < ent.end for p in preps for n in _set_off(p)):
        return True  # "a spokesman for Pellan, Tom Hadley,"
    return ent.start <= tok.i < ent.end or describes(tok, role, ent) or (
        tok.lower_.rstrip(".") in TITLE_ABBREVIATIONS and ent.start <= tok.head.i < ent.end
    )  # "Mayor Ruth Calder" tagged whole, "Tom Hadley, the mayor", "Gov. Tom Hadley"
