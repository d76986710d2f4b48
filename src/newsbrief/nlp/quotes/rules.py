"""Dependency helpers shared by the quote rules: is a token a speech verb, who is its subject,
and the cue as written. The words themselves live in :mod:`newsbrief.nlp.quotes.lexicon`."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .epithets import age_subject
from .lexicon import (
    HEARER_WORDS,
    MEDIUM_WORDS,
    OBJECT_CONTROL_LEMMAS,
    QUOTE_ONLY_LEMMAS,
    RELATIVE_PRONOUNS,
    SPEECH_LEMMAS,
    TELL_LIKE,
    TITLE_NOUNS,
)
from .mention import expletive

__all__ = ["is_speech_verb", "find_subject", "cue_text", "names_a_title", "titled_object"]



def is_speech_verb(token: Token, *, quote_only: bool = False) -> bool:
    """True for a verb token of the speech lexicon (and the quote-only list when asked)."""
    if token.pos_ not in {"VERB", "AUX"} and not token.tag_.startswith("VB"):
        return False
    lemma = token.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    if lemma in SPEECH_LEMMAS:
        return True
    return quote_only and lemma in QUOTE_ONLY_LEMMAS


def find_subject(verb: Token) -> Token | None:
    """The speaker token of a reporting verb: its subject, the subject of the clause it hangs
    off (``urged ..., saying``; ``stood up and said``), the noun a ``who said`` clause modifies,
    or the agent of a passive."""
    node = verb
    for _ in range(4):
        subj = None
        for child in node.children:  # two subjects (a misparse): a person ("Wikileaks editor Kristinn Hrafnsson said")
            is_subj = child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and node.lemma_ not in TELL_LIKE)
            if is_subj and (subj is None or child.ent_type_ == "PERSON" and subj.ent_type_ != "PERSON"):
                subj = child
        if subj is None and node is verb:
            subj = _name_as_adverb(verb) or age_subject(verb)  # "“...,” the 54-year-old said"
        if subj is not None and node is not verb and expletive(subj):
            # "It was a potent punch, as Ms. Hale echoed the criticism, saying ...": the clause before the cue
            subj = _clause_subject(node, verb) or subj
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return node.head
            return subj
        for child in node.children:
            if child.dep_ == "agent":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
        if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.lemma_.lower() in MEDIUM_WORDS and (
            node.head.dep_ == "dobj" and node.head.head.i != node.head.i
        ):
            # "X issued a statement warning that ...", "X posted a video saying ...": X
            issuer = find_subject(node.head.head) if node.head.head.pos_ in {"VERB", "AUX"} else None
            if issuer is not None:
                return issuer
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ == "PROPN" and node.head.dep_ == "pobj" and (
            node.head.head.lower_ == "with"
        ):
            return node.head  # "with Foreign Minister Ayman Safadi warning of ..."
        if node.head is not node and (node.dep_ == "xcomp" or node.dep_ == "advcl" and (
            node.head.lemma_.lower() in OBJECT_CONTROL_LEMMAS and any(c.lower_ == "to" for c in node.children)
        )):
            # object control: "led the manufacturer to announce", "urged Vietnam to say": the object speaks
            obj = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
                return obj
        if node.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl", "acomp", "prep"} and node.head is not node:
            node = node.head
            continue
        break
    # inverted cue without nsubj label: "said Caddick"
    for child in verb.children:
        if child.i > verb.i and child.dep_ in {"dobj", "attr", "npadvmod", "dep", "appos"} and (
            child.pos_ in {"PROPN", "PRON"} or child.ent_type_ == "PERSON"
        ):
            if verb.lemma_ in TELL_LIKE and child.dep_ == "dobj":
                continue
            return child
    return None


def _clause_subject(head: Token, verb: Token) -> Token | None:
    """The subject of the last clause hung on ``head`` between it and ``verb`` (``, as Ms. Hale echoed the
    criticism, saying``), when that subject is a name; else None."""
    clause = max((c for c in head.children if c.dep_ in {"advcl", "conj"} and c.i < verb.i), key=lambda c: c.i,
                 default=None)
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    return subj if subj is not None and subj.pos_ == "PROPN" else None


def _name_as_adverb(verb: Token) -> Token | None:
    """A capitalised word inside the sentence that the parser hung on the verb as an adverb: a surname that
    is also a word ("says Early.", "but Early still says"); the resolver then reads it as a name or not."""
    doc = verb.doc
    near = [c for c in verb.children if c.dep_ == "advmod"]
    near += [g for c in near for g in c.children if g.dep_ == "advmod"]  # "Early still says": on "still"
    for child in near:
        if not (child.is_title and child.is_alpha) or child.is_sent_start or abs(child.i - verb.i) > 2:
            continue
        before = doc[child.i - 1]
        if before.is_space or before.is_quote or before.is_bracket or before.text in {"(", "[", "—", "–", ":"}:
            continue
        return child
    return None


def cue_text(verb: Token) -> str:
    """The cue as written: verb (+ particle, hearer or medium: "told reporters", "said in a statement")."""
    doc = verb.doc
    end = verb.i
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end + 1:
            end = child.i
    for child in verb.children:
        if child.i != end + 1:
            continue
        if child.dep_ == "dobj" and verb.lemma_ in TELL_LIKE and child.lower_ in HEARER_WORDS:
            end = child.i
        elif child.dep_ == "prep" and child.lower_ == "in":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj and pobj[0].lemma_.lower() in MEDIUM_WORDS and pobj[0].i - child.i <= 3:
                end = pobj[0].i
    text = doc[verb.i : end + 1].text  # Span.text, not doc.text: that rebuilds the whole string
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head is not verb and head.i < verb.i:
        return f"{head.text} ... {text}"
    return text


def names_a_title(obj: Token) -> bool:
    """A statement verb's object that a quote beside it names: a naming noun ("the sign", "the newspaper's
    headline", lexicon.TITLE_NOUNS); any other object ("the decision", "his neighbor", "the public") keeps the
    verb as the quote's cue."""
    return obj.lemma_.lower() in TITLE_NOUNS or obj.lower_ in TITLE_NOUNS


def titled_object(verb: Token, opens_quote: Callable[[int], bool]) -> bool:
    """``blamed the sign, "No entry after dark", for ...``: the verb's object is a thing followed by a comma or
    colon and a quote (``opens_quote(i)``: token ``i`` is inside a quote): the quote is the thing's title."""
    doc = verb.doc
    for obj in verb.children:
        if obj.dep_ != "dobj" or not names_a_title(obj) or opens_quote(obj.i):
            continue
        j = obj.i + 1
        if j + 2 < len(doc) and doc[j].text in {",", ":"} and (opens_quote(j + 1) or opens_quote(j + 2)):
            return True
    return False
