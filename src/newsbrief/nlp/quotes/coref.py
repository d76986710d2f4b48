"""Coreference for speakers: a surname, a description or a pronoun back to the named entity.

Plain functions over the named-entity spans that precede a mention (no model of its own):

* :func:`known_name` - a capitalised word that is the surname or given name of a person named
  before ("Peterkin said" after "John Peterkin"), whatever tag the model gave the word;
  :func:`person_by_surname` - the same for a subject the model did not tag as a person;
* :func:`described_person` - a definite description whose head noun was said of a person when
  they were introduced ("Ada Sorrell, a real estate agent, ..." then "The real estate agent
  said"), preferring the one whose surroundings share the description's other words;
* :func:`described_org` - a noun that stands for an organisation ("the airline", "the agency")
  resolved to an organisation introduced with that noun, else to the organisation that last spoke;
* :func:`described_members` - a plural description ("the doctors") for the organisation they were
  introduced as members of, or whose name holds the noun;
* :func:`coordinated_names` - the names joined by "and" that a "they" stands for;
* :func:`gender_of` and :func:`compatible` - gender cues for pronouns: a given name's gender from
  the US census name lists of the ``names`` package (a name counts only when one gender outnumbers
  the other three to one), titles (Mr, Mrs, Ms) and gendered role words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..census import census_list
from ..lexicon import lexicon
from .lexicon import COMPANY_NOUNS, ORG_KIND_WORDS, ORG_NOUNS, PUBLIC_BANK_NOUNS, PUBLIC_BANK_WORDS
from .mention import DEFINITE, has_article, is_definite, speaker_mention
from .ties import describes

__all__ = [
    "known_name", "person_by_surname", "described_person", "described_org", "described_members", "issuer",
    "gender_of", "compatible", "pronoun_gender", "person_gender", "coordinated_names",
]

_WINDOW = 6  # tokens either side of a name searched for the words that introduce it
_MALE_WORDS = frozenset(
    "mr he him his man boy father son husband brother uncle king prince spokesman chairman congressman "
    "businessman sir lord nephew grandfather".split()
)
_FEMALE_WORDS = frozenset(
    "mrs ms miss she her woman girl mother daughter wife sister aunt queen princess spokeswoman "
    "chairwoman congresswoman businesswoman dame lady niece grandmother actress".split()
)


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Upper-cased given name -> "m" or "f" (census frequencies, one gender at least 3x the other)."""
    freq: dict[str, list[float]] = {}
    for k, key in enumerate(("male", "female")):
        for name, share in census_list(key):
            freq.setdefault(name, [0.0, 0.0])[k] += share
    out: dict[str, str] = {}
    for name, (male, female) in freq.items():
        if male >= 3 * female:
            out[name] = "m"
        elif female >= 3 * male:
            out[name] = "f"
    return out


def pronoun_gender(token: Token) -> str | None:
    low = token.lower_
    return "m" if low in {"he", "him", "his", "himself"} else "f" if low in {"she", "her", "hers", "herself"} else None


def gender_of(span: Span) -> str | None:
    """"m", "f" or None for a person mention: a title or gendered word in it or just before it, else
    its first given name."""
    doc = span.doc
    words = [t.lower_.rstrip(".") for t in span]
    if span.start > 0:
        words.insert(0, doc[span.start - 1].lower_.rstrip("."))
    for w in words:
        if w in _MALE_WORDS:
            return "m"
        if w in _FEMALE_WORDS:
            return "f"
    given = _given_names()
    for t in span:
        if t.is_title and t.is_alpha:
            return given.get(t.text.upper())
    return None


def _full_name_genders(doc: Doc) -> dict[str, str | None]:
    """Surname -> the gender of the person named in full with it (None when two of different genders share
    it); built once per Doc and kept in ``doc.user_data``."""
    key = "newsbrief.quotes.full_name_genders"
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    out: dict[str, str | None] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        g = gender_of(ent)
        if g is None:
            continue
        last = ent[-1].text
        out[last] = g if out.get(last, g) == g else None
    doc.user_data[key] = out
    return out


def person_gender(span: Span) -> str | None:
    """:func:`gender_of`, else for a surname alone the gender of the person named in full with it
    ("Wilcott" after "Jennifer Wilcott")."""
    if len(span) == 1:
        full = _full_name_genders(span.doc).get(span[0].text)
        if full is not None:  # "Grant" after "Julie Grant" is a woman, whatever the census says of Grant
            return full
    return gender_of(span)


def compatible(pronoun: Token, span: Span) -> bool:
    """False only when the pronoun and the mention have known, different genders."""
    want = pronoun_gender(pronoun)
    if want is None:
        return True
    have = person_gender(span)
    return have is None or have == want


def known_name(subj: Token, ents: Sequence[Span]) -> Span | None:
    """The latest earlier person whose surname (or given name) is the capitalised word ``subj``."""
    if not subj.is_title or not subj.is_alpha or len(subj) < 2:
        return None
    for ent in reversed(ents):
        if ent.label_ != "PERSON" or len(ent) < 2 or ent.start <= subj.i < ent.end:
            continue
        names = [t.text for t in ent if t.is_alpha and t.is_title]
        if subj.text in names:
            return ent
    return None


def person_by_surname(subj: Token, ents: Sequence[Span]) -> Span | None:
    """A subject the model did not tag as a person that is the surname of a person named in full before
    ("Peterkin said" after "John Peterkin", whatever tag the model gave the word): that person.

    An untagged word may also be the given name (:func:`known_name`); a word the model gave another label (a
    place, an organisation: "Mary Berlin ... Berlin said") counts only alone, as the whole surname, and not
    as the start of a longer name of its kind ("Berlin Zoo")."""
    if subj.ent_type_ == "PERSON" or has_article(subj):  # "the British Bill" is no Bill named before
        return None
    if subj.ent_type_:
        doc = subj.doc
        if subj.ent_iob_ != "B" or subj.i + 1 < len(doc) and doc[subj.i + 1].ent_iob_ == "I":
            return None
        if len([t for t in speaker_mention(subj) if t.is_alpha]) != 1:
            return None
    full = known_name(subj, ents)
    if full is None or subj.ent_type_ and full[-1].text != subj.text:
        return None
    return full


def _possessive(ent: Span) -> bool:
    """``Brandt's company``: the noun after a possessive name is another entity, not the name."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ in {"'s", "’s", "'"}


def _modifier(ent: Span) -> bool:
    """``the Brandt-owned company``: a name joined by a hyphen to the word after it only modifies."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end].whitespace_ == ""


def _context_words(ent: Span) -> tuple[set[str], list[Token]]:
    doc = ent.doc
    window = list(doc[max(0, ent.start - _WINDOW) : ent.start]) + list(doc[ent.end : min(len(doc), ent.end + _WINDOW)])
    return {t.lemma_.lower() for t in window} | {t.lower_ for t in window}, window


def _qualifiers(mention: Span, head: Token) -> set[str]:
    return {t.lower_[:5] for t in mention if t.i != head.i and t.is_alpha and not t.is_stop and len(t) > 2}


def described_person(mention: Span, head: Token, ents: Sequence[Span]) -> Span | None:
    """The latest earlier person introduced with the head noun of ``mention`` (best shared qualifiers)."""
    role = head.lemma_.lower()
    quals = _qualifiers(mention, head)
    # "the Wisconsin Republican" is never a person introduced as "the Republican committeeman from Utah"
    places = {t.lower_[:5] for t in mention if t.i != head.i and t.ent_type_ == "GPE"}
    best: tuple[int, Span] | None = None
    for ent in reversed(ents):
        if ent.label_ != "PERSON" or _possessive(ent):
            continue
        words, window = _context_words(ent)
        if places and not any(t.lower_[:5] in places for t in window):
            continue
        # the role word beside the name in its sentence, never the description being resolved ("Oakes said. The
        # town said" is no "town" Oakes)
        if role not in words or not any(describes(t, role, ent) and t.i < mention.start for t in window):
            continue
        score = sum(1 for t in window if t.lower_[:5] in quals)
        if best is None or score > best[0]:
            best = (score, ent)
    return best[1] if best is not None else appositive_name(mention, role)


def described_org(mention: Span, head: Token, ents: Sequence[Span], last_org_speaker: Span | None) -> Span | None:
    """An organisation for ``the airline``-like descriptions: one introduced with the noun, else the
    organisation that spoke last."""
    if head.lemma_.lower() not in ORG_NOUNS or head.tag_ in {"NNS", "NNPS"}:
        return None
    noun = head.lemma_.lower()
    quals = _qualifiers(mention, head)
    best: tuple[int, Span] | None = None
    tied = best_by_kind = False
    suffixes = lexicon()["org_suffixes"]
    for ent in reversed(ents):
        company = ent.label_ == "PERSON" and ent[-1].lower_.rstrip(".") in suffixes  # "Harlow Productions"
        if ent.label_ != "ORG" and not company or _possessive(ent) or _modifier(ent):
            continue
        if len(ent) == 1 and known_name(ent.root, [e for e in ents if e.end <= ent.start]) is not None:
            continue  # "Brandt" tagged an organisation after "Simon Brandt": a person, not the company
        words, window = _context_words(ent)
        own = sum(1 for t in ent if t.lower_[:5] in quals)  # "the production company": "... Productions"
        kind = named_as(ent, noun)  # "the company" for "Vantor Corp.", "the hospital" for "Bellview Hospital"
        if noun not in words and not own and not kind:
            continue
        score = own + kind + sum(1 for t in window if t.lower_[:5] in quals)
        by_kind = _kind_only(ent, noun, words, own)
        if best is None or score > best[0]:
            best, best_by_kind, tied = (score, ent), by_kind, False
        elif score == best[0] and ent.text != best[1].text and by_kind and best_by_kind:
            tied = True  # "Kestrel Airways agreed to buy Tarn Airlines ... the carrier": either of two
    if best is not None and tied:
        return None
    if best is not None:
        last = last_org_speaker
        if best[0] == 0 and last is not None and last.start_char > best[1].start_char:
            return last  # nothing but the noun ties it to the older one: the organisation that just spoke
        return best[1]
    named = appositive_name(mention, noun)
    if named is not None:
        return named
    last = last_org_speaker
    if last is not None and not any(
        e.label_ == "ORG" and e.start_char > last.start_char and e.text != last.text for e in ents
    ):
        return last_org_speaker  # the organisation that spoke last, when no other one was named since
    return None


def _kind_only(ent: Span, noun: str, words: set[str], own: int) -> bool:
    """The organisation is tied to the noun only by a word of its kind ("Tarn Airlines" for "the carrier"), not
    by the noun itself beside or inside its name."""
    return not own and noun not in words and noun not in {t.lower_.removesuffix("s") for t in ent}


def named_as(ent: Span, noun: str) -> int:
    """1 when the organisation's name says it is a ``noun``: its last word is the noun ("Bellview Hospital"
    for "the hospital", "Tarn Airlines" for "the airline") or a company word for "the company" ("Vantor
    Corp.": :func:`is_company_word`)."""
    words = [t for t in ent if t.text.rstrip(".").isalpha() and t.lower_ != "the"]  # "Corp.", "Inc."
    if len(words) < 2:
        return 0  # the noun alone ("Government") is no name that says what it is
    last = words[-1]
    word = last.lower_.rstrip(".")
    kinds = ORG_KIND_WORDS.get(noun, frozenset())  # "Kestrel Airways" for "the carrier"
    if noun in PUBLIC_BANK_NOUNS and any(t.lower_ in PUBLIC_BANK_WORDS for t in words):
        return 0  # a central, reserve, world or development bank is no "lender"
    if noun in {word, last.lemma_.lower(), word.removesuffix("s")} or word in kinds:
        return 1
    return int(noun in COMPANY_NOUNS and is_company_word(word))


def is_company_word(word: str) -> bool:
    """A word that ends a business's name ("Inc", "Corp", "Holdings"): the entity lexicon's
    ``company_suffixes`` (a part of its ``org_suffixes``)."""
    return word in lexicon()["company_suffixes"]


def described_members(mention: Span, head: Token, ents: Sequence[Span], *, window: int = 400) -> Span | None:
    """The organisation a plural description stands for: ``the doctors`` after ``The doctors, members of a group
    Doctors for Open Clinics, ...`` (an apposition naming what they are members of) or after an organisation
    whose name holds the noun ("the nurses" after "Valley Nurses United"); None for a plain group."""
    if head.tag_ != "NNS" or not head.is_lower or not is_definite(mention, head):
        return None
    doc = mention.doc
    noun = head.lemma_.lower()
    starts = {e.start: e for e in ents if e.label_ == "ORG"}
    for tok in reversed(doc[max(0, mention.start - window) : mention.start]):
        if tok.lower_ != head.lower_:
            continue
        for member in tok.children:
            if member.dep_ != "appos" or member.lemma_.lower() != "member":
                continue
            for t in member.subtree:  # "members of a recently formed group X"
                if t.i in starts:
                    return starts[t.i]
            for t in member.subtree:  # the name after "group" when the model did not tag it
                if t.lemma_.lower() in ORG_NOUNS and t.i + 1 < len(doc) and doc[t.i + 1].is_title:
                    return name_after(doc, t.i + 1)
    for ent in reversed(ents):
        if ent.label_ == "ORG" and not _possessive(ent) and any(
            t.lower_ == head.lower_ or t.lemma_.lower() == noun for t in ent if t.is_title
        ):
            return ent
    return None


_NAME_JOINERS = frozenset({"for", "of", "and", "the", "on"})


def name_after(doc: Doc, i: int) -> Span:
    """The capitalised name starting at token ``i`` ("Doctors for Open Clinics"): title-case words and the
    joiners between them, up to punctuation."""
    j = i + 1
    while j < len(doc) and (doc[j].is_title and doc[j].is_alpha or doc[j].lower_ in _NAME_JOINERS and j + 1 < len(
            doc) and doc[j + 1].is_title):
        j += 1
    return doc[i:j]


def coordinated_names(token: Token, ents: Sequence[Span]) -> list[Span] | None:
    """``Mary Walsh and Ann Ortiz ... They said``: the names joined by "and" in this or the previous
    sentence that the "they" ``token`` stands for, when no other person or organisation is named after them
    (``ents``: the named entities before the token)."""
    doc = token.doc
    sent = token.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    near = [e for e in ents if e.start >= first and e.label_ in {"PERSON", "ORG"}]
    if len(near) < 2:
        return None
    last = near[-1]
    group = [last]
    for ent in reversed(near[:-1]):
        joined = last.root.dep_ == "conj" and ent.start <= last.root.head.i < ent.end
        if not joined or ent.label_ != last.label_:
            break
        group.insert(0, ent)
        last = ent
    return group if len(group) >= 2 else None


def issuer(mention: Span, head: Token, *, window: int = 400) -> Token | None:
    """``X issued a statement ... The statement said``: the subject of the latest earlier verb whose
    object (or ``in a ...``) is the same medium noun; None when that subject is no name or description
    (an older statement's issuer is not the one the latest statement speaks for)."""
    doc = mention.doc
    noun = head.lemma_.lower()
    for tok in reversed(doc[max(0, mention.start - window) : mention.start]):
        if tok.lemma_.lower() != noun or tok.pos_ != "NOUN":
            continue
        verb = tok.head
        if tok.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif tok.dep_ != "dobj":
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None  # the latest statement has no subject to give: never an older one's
        described = subj.is_lower and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subj.children)
        if subj.ent_type_ or subj.pos_ == "PROPN" or described and (
            subj.tag_ == "NNS" or subj.lemma_.lower() in ORG_NOUNS
        ):  # "In a letter, the doctors pleaded ... the letter says", "the US military said in a statement":
            return subj  # as resolved
        return None
    return None


def appositive_name(mention: Span, noun: str, *, window: int = 400) -> Span | None:
    """``Skyward, the Dubai airline, ...``: the capitalised name an earlier apposition with ``noun``
    describes, whether or not the model tagged it."""
    doc = mention.doc
    for tok in reversed(doc[max(0, mention.start - window) : mention.start]):
        if tok.dep_ != "appos" or tok.lemma_.lower() != noun:
            continue
        head = tok.head
        if head.i >= tok.i or not head.is_title:
            continue
        a = head.i
        while a > 0 and doc[a - 1].dep_ == "compound" and doc[a - 1].head.i == head.i and doc[a - 1].is_title:
            a -= 1
        return doc[a : head.i + 1]
    return None
