"""The words that name a speaker: the mention a cue's subject heads, and subjects that name no one who speaks
(an abstract noun, "no-one") or that describe rather than name ("the Government")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsbrief.nlp.lexicon import lexicon

from .lexicon import (
    AUTHOR_PREPOSITIONS,
    FICTION_FRAMES,
    GROUP_PRONOUNS,
    INDEFINITE_WORDS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    SOURCE_NOUNS,
)

_DROP_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "prep", "conj"})
_KEEP_PREP_WORDS = frozenset({"of", "for"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_NUMBER_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def _kept(token: Token, root: Token) -> bool:
    if token.dep_ in _DROP_DEPS and token.head == root:
        if token.dep_ == "prep" and token.lower_ in _KEEP_PREP_WORDS:
            return True
        return token.dep_ in {"conj", "cc"} and token.pos_ in {"PROPN", "NOUN", "CCONJ"}
    return True


def speaker_mention(subj: Token) -> Span:
    """The mention headed by ``subj``: its subtree minus clauses, appositions and punctuation."""
    doc = subj.doc
    lo = hi = subj.i
    stack = [c for c in subj.children if _kept(c, subj)]
    while stack:
        t = stack.pop()
        if abs(t.i - subj.i) > 25:
            continue
        lo = min(lo, t.i)
        hi = max(hi, t.i)
        if t.dep_ in {"relcl", "acl", "appos", "punct"} and t.head != subj:
            continue
        stack.extend(t.children)
    # keep contiguous around the head: stop at punctuation or line breaks
    def stops(tok: Token, keep: set[str]) -> bool:
        return tok.is_punct and tok.text not in keep or "\n" in tok.text

    a = subj.i
    while a > lo and not stops(doc[a - 1], {"'s", "’s", "-", ".", "&"}):
        a -= 1
    b = subj.i
    while b < hi and not stops(doc[b + 1], {"-", ".", "&"}):
        b += 1
    while b > subj.i and (doc[b].is_space or doc[b].is_punct):
        b -= 1
    while a < subj.i and (doc[a].is_space or doc[a].is_punct):
        a += 1
    return doc[a : b + 1]


def expletive(subj: Token) -> bool:
    """``It was a potent punch``, ``it wasn't a one-off``, ``It is worth noting that ...``: "it" as the subject
    of a copula with a noun complement or a clause is no one. Not with an adjective alone ("It was defiant,
    saying ...", "It was quick to respond": the company), and not when "and" joins the copula to another verb
    ("It was unrepentant and said ...": the subject of both)."""
    head = subj.head
    if subj.lower_ != "it" or subj.dep_ != "nsubj" or head.lemma_ != "be":
        return False
    if any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in head.children):
        return False
    for comp in head.children:
        if comp.dep_ == "attr":
            return True
        if comp.dep_ in {"ccomp", "csubj"} and any(m.dep_ == "mark" for m in comp.children):
            return True  # "It is likely that ..."
        if comp.dep_ == "acomp" and any(
            c.dep_ == "ccomp" or c.dep_ == "xcomp" and any(g.dep_ == "ccomp" for g in c.children)
            for c in comp.children
        ):
            return True  # "It is clear that ...", "It is worth noting that ..."
    return False


def cannot_speak(subj: Token, mention: Span) -> bool:
    """A subject that cannot speak: "no-one", "nobody", an abstract or inanimate noun ("statement",
    "distortions", "the report"), a day, or a number after the verb ("said 2") - the cue then has no speaker.
    A number before the verb may be people: "one of the survivors said", "The two said", "The 49ers said"."""
    words = lexicon()["non_speakers"]
    if subj.ent_type_ in _TIME_LABELS or subj.ent_type_ in _NUMBER_LABELS and subj.i > subj.head.i:
        return True  # "said Tuesday" parsed with the day as subject: a day never speaks
    if expletive(subj):
        return True  # "It was a strong punch, ..., saying": no one
    if subj.ent_type_ or subj.pos_ == "PROPN" or subj.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return False
    text = mention.text.lower().strip()
    return text in words or subj.lemma_.lower() in words or subj.lower_ in words or (
        subj.i > 0 and subj.doc[subj.i - 1].lower_ in {"no", "no-"} and subj.lower_ in {"one", "body"}
    )


def authored_by(noun: Token) -> Token | None:
    """The named author of a document noun: "A report by the Atlas Institute said", "The study, published by
    Northgate University, found", "guidance from the Linden Clinic says" (the prepositions: ``AUTHOR_PREPOSITIONS``),
    "the Kelmford Institute's study says" (a possessive that is a PERSON or ORG entity)."""
    if noun.lemma_.lower() not in SOURCE_NOUNS or noun.pos_ != "NOUN":
        return None
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPOSITIONS]
    for acl in noun.children:  # "published by", "released by", "commissioned by"
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            preps += [g for g in acl.children if g.dep_ == "agent" or g.dep_ == "prep" and g.lower_ == "by"]
    for prep in preps:
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is not None and (obj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or obj.pos_ == "PROPN"):
            return obj
    # "the Kelmford Institute's study says": a named person's or organisation's own (not "its", "the agency's")
    return next((c for c in noun.children if c.dep_ == "poss" and c.ent_type_ in {"PERSON", "ORG"}), None)


#: The determiners of a description that refers back (``the spokesman``).
DEFINITE = frozenset({"the", "this", "that"})


def is_definite(mention: Span, head: Token) -> bool:
    """``the spokesman``, ``this company``, ``the agency's director``: a description that refers back."""
    return any(t.lower_ in DEFINITE and t.dep_ == "det" and t.head.i == head.i for t in mention)


def is_indefinite(head: Token) -> bool:
    """``a spokesman``, ``one senior official``, ``another aide``: a description that brings in someone new."""
    return any(c.dep_ in {"det", "nummod"} and c.lower_ in INDEFINITE_WORDS for c in head.children)


def has_article(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in token.children)


def capitalised_noun(mention: Span, subj: Token) -> bool:
    """"The Government", "the Ministry": an organisation noun alone after "the", capitalised as a name."""
    words = [t for t in mention if not t.is_space]
    return (
        len(words) == 2 and words[0].lower_ == "the" and words[1].i == subj.i and subj.is_title
        and subj.lower_ in ORG_NOUNS and subj.ent_iob_ != "I"
        and not (subj.i + 1 < len(subj.doc) and subj.doc[subj.i + 1].ent_iob_ == "I")  # the whole name
    )


def in_fiction(subj: Token) -> bool:
    """The speaker is a character of a story: ``In the new series, detective X tells ...``, ``..., X says in
    the first episode`` (a frame of :data:`FICTION_FRAMES` on the cue verb or on the clause it hangs on) with a
    story signal: the name called a character or played by someone, or, in a work other than a show (film,
    novel), the present tense of a plot summary for a name not earlier a real person's.
    Not "in a series of posts", not a host who "told viewers" in an episode, and not when someone was just
    said to make a work ("The writer released the film. In the film, he argues ..."): a maker speaks in their
    own work."""
    verb = subj.head
    frame = None
    for node in (verb, verb.head) if verb.dep_ in {"conj", "advcl", "ccomp", "relcl"} else (verb,):
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in FICTION_FRAMES and any(
                    c.dep_ in {"det", "poss", "nummod"} for c in obj.children
                ) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
                    frame = obj.lemma_.lower()
    if frame is None:
        return False
    # a show (series, episode, drama, scene) holds real people speaking in the present tense of news
    # ("In the interview series, Ruth Calder says ..."): only a name called a character is one there
    story = frame not in _SHOW_FRAMES and verb.tag_ in {"VBZ", "VBP"} and not _real_before(subj)
    if not story and not _character(subj):
        return False
    return not _maker_before(subj)


_SHOW_FRAMES = frozenset("series miniseries episode scene sitcom drama".split())
#: Titles that mark a name as a story's character ("detective Harry Voss").
_CHARACTER_TITLES = frozenset("detective inspector sergeant sheriff agent".split())


def _real_before(subj: Token) -> bool:
    """The name ``subj`` heads was the subject of a past-tense verb in an earlier sentence ("Ann Boyd lost her
    farm. In the film, Boyd says ..."): a real person, not the present tense of a plot summary."""
    doc = subj.doc
    for tok in doc[max(0, subj.i - _CHARACTER_WINDOW) : subj.sent.start]:
        if tok.lower_ == subj.lower_ and tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and tok.head.tag_ == "VBD":
            return True
    return False


_PLAY_LEMMAS = frozenset({"play", "portray"})
_CHARACTER_WINDOW = 600


def _character(subj: Token) -> bool:
    """The name ``subj`` heads is called a character ("the character Voss", "Voss, her character", "detective
    Voss") or is played by someone ("Roe plays Voss") in the ``_CHARACTER_WINDOW`` tokens before it."""
    doc = subj.doc
    for tok in doc[max(0, subj.i - _CHARACTER_WINDOW) : subj.i + 1]:
        if tok.lower_ != subj.lower_ or tok.pos_ != "PROPN":
            continue
        near = [tok.head, *tok.head.children] if tok.dep_ in {"compound", "appos", "dobj", "attr"} else []
        near += list(tok.children)
        if any(t.lemma_.lower() == "character" for t in near) or any(
            t.dep_ == "compound" and t.lower_ in _CHARACTER_TITLES for t in tok.children
        ):
            return True
        head = tok.head if tok.dep_ != "compound" else tok.head.head
        if head.lemma_.lower() in _PLAY_LEMMAS and tok.head.dep_ != "nsubj" and tok.dep_ != "nsubj":
            return True
    return False


_MAKER_LEMMAS = frozenset("release direct make produce write create narrate film publish shoot".split())


def _maker_before(subj: Token) -> bool:
    """Someone (not an organisation) is the subject of making a work in the three sentences before ``subj``."""
    doc = subj.doc
    sent = subj.sent
    start = sent.start
    for _ in range(3):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for tok in doc[start : sent.start]:
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _MAKER_LEMMAS and tok.ent_type_ not in {"ORG", "GPE"}:
            return True
    return False
