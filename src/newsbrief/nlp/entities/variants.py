"""Spellings of one organisation or place within an article joined before entities are grouped: a leading place
or nationality adjective, the first or last words of a longer name, the frame words around its content, an acronym
(:func:`~newsbrief.nlp.entities.linking.link_entities` rule 4). Each function rewrites ``keys`` (label class,
folded name) in place, one entry per mention, beside the mentions' ``articles`` and model ``labels``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .gazetteer import country_code, head_words, is_demonym, is_place
from .labels import PLACE_LABELS
from .mentions import _initials


def merge_place_prefixed(keys: list[tuple[str, str]], articles: list[str], labels: Any) -> None:
    """Join "New Zealand Department of Conservation" and "Department of Conservation" in one article:
    an organisation named with a leading place or nationality adjective ("Peruvian Quorvex Front" and "Quorvex Front",
    "Pittsburgh Quorvexes" and "Quorvexes") is the organisation named without it; so is a building
    ("Ohio Statehouse" and "Statehouse": a place whose last word is a place head of the lexicon). Only when
    one longer name of the article leads to the shorter one: "Texas Senate", "Ohio Senate" and "Senate" stay
    three ("U.S. Congress", "United States Congress" and "Congress" are one: one country leads)."""
    heads = head_words("place_suffixes")
    kept = {"ORG", *PLACE_LABELS}
    present = {(art, key, label == "ORG") for art, key, label in zip(articles, keys, labels)
               if key[0] == "OTHER" and label in kept}
    shorter_of: dict[int, tuple[str, str]] = {}
    leading: dict[tuple[str, tuple[str, str], bool], set[str]] = defaultdict(set)  # -> the places before it
    for i, (key, art) in enumerate(zip(keys, articles)):
        if key[0] != "OTHER" or labels[i] not in kept:
            continue
        org = labels[i] == "ORG"
        words = key[1].split()
        if not org and words[-1] not in heads:
            continue
        splits = [1] if org and len(words) >= 2 and is_demonym(words[0]) else []  # "Peruvian Quorvex Front"
        k = next((k for k in (1, 2, 3) if len(words) - k >= 1 and _is_place(" ".join(words[:k]))), None)
        if k is not None:
            splits.append(k)
        for k in splits:
            rest = ("OTHER", " ".join(words[k:]))
            if (art, rest, org) in present:
                shorter_of[i] = rest
                leading[(art, rest, org)].add(_place_id(" ".join(words[:k])))
                break
    for i, shorter in shorter_of.items():
        if len(leading[(articles[i], shorter, labels[i] == "ORG")]) == 1:
            keys[i] = shorter


def merge_shortened_orgs(keys: list[tuple[str, str]], articles: list[str], labels: Any) -> None:
    """Join an organisation named by the first words of a longer organisation name of its article
    ("Zellby" and "Zellby Orbital Systems", "Amber Kettle" and "Amber Kettle Music Group"), or by its
    last two or more words ("Security Council" and "UN Security Council"), when exactly one longer name fits. A
    shorter name typed a place joins only when the longer name's other words say an organisation ("Harvard" and
    "Harvard University"; not "Quorvex Springs" and "Quorvex Springs Cavalcade")."""
    heads = head_words("org_suffixes")
    longer: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for key, art, label in zip(keys, articles, labels):
        if key[0] == "OTHER" and label == "ORG":
            words = key[1].split()
            for k in range(1, len(words)):
                longer[(art, " ".join(words[:k]))].add(key)
                if len(words) - k >= 2 and words[k] not in _ORG_FRAME:
                    longer[(art, " ".join(words[k:]))].add(key)
    for i, (key, art, label) in enumerate(zip(keys, articles, labels)):
        if key[0] != "OTHER" or label not in _SHORT_LABELS or is_place(key[1]):
            continue
        found = longer.get((art, key[1]))
        if found is not None and len(found) == 1:
            full = next(iter(found))
            # a name the typer calls a place joins only an organisation whose other words say one
            # ("Harvard" and "Harvard University"; not "Quorvex Springs" and "Quorvex Springs Cavalcade")
            if label == "ORG" or not heads.isdisjoint(set(full[1].split()) - set(key[1].split())):
                keys[i] = full


#: What the shorter name may be typed: an organisation, or a place when the longer name's other words have an
#: organisation head ("Harvard" typed a place and "Harvard University").
_SHORT_LABELS = frozenset({"ORG", *PLACE_LABELS})
_ORG_FRAME = frozenset({"of", "the", "for", "and", "&", "department", "dept", "ministry"})


def _place_id(folded: str) -> str:
    """One name per place before an organisation ("us", "u s", "united states" -> US; "texas" -> texas)."""
    return country_code(folded.upper() if len(folded) <= 3 else folded) or folded


#: Short country and union names news writes before an organisation ("US Congress", "UK Parliament", "EU
#: Commission"), folded. Only these: any two- or three-letter ISO code would read "GE" of "GE Aerospace" as
#: Georgia.
NEWS_COUNTRY_CODES: frozenset[str] = frozenset({"us", "usa", "uk", "eu", "uae", "un", "prc", "drc", "roc"})


def _is_place(folded: str) -> bool:
    """A place of the gazetteer, or a country abbreviation of :data:`NEWS_COUNTRY_CODES`."""
    return is_place(folded) or folded in NEWS_COUNTRY_CODES


def _org_content(name: str) -> frozenset[str] | None:
    """The content words of a folded organisation name without its frame words, or None when too little is
    left to tell organisations apart (nothing, or one word and no frame word was dropped)."""
    words = frozenset(name.split())
    content = words - _ORG_FRAME
    return None if not content or (content == words and len(content) < 2) else content


def merge_reordered_orgs(keys: list[tuple[str, str]], articles: list[str], labels: Any) -> None:
    """Join the spellings of one organisation in an article that differ only in the words around its
    content ("Homeland Security Department", "Department of Homeland Security", "Homeland Security"): the
    same content words once "of", "the", "department", "ministry" ... are left out; the longest name wins."""
    content = [_org_content(key[1]) if key[0] == "OTHER" and label == "ORG" else None
               for key, label in zip(keys, labels)]
    best: dict[tuple[str, frozenset[str]], tuple[str, str]] = {}
    for key, art, words in zip(keys, articles, content):
        if words is not None and len(key[1]) > len(best.get((art, words), ("", ""))[1]):
            best[(art, words)] = key
    for i, (art, words) in enumerate(zip(articles, content)):
        if words is not None:
            keys[i] = best[(art, words)]


def merge_acronyms(keys: list[tuple[str, str]], articles: list[str], stripped: list[str], labels: Any) -> None:
    """Join an acronym to the full name whose initials it spells (SAG -> Screen Actors Guild), in its
    article first, else in the corpus when only one full name fits; else to the one one-word organisation
    of its article whose parts it spells ("VW" and a compound name: :func:`_spells`)."""
    local: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    corpus: dict[str, set[tuple[str, str]]] = defaultdict(set)
    compounds: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for key, art, text, label in zip(keys, articles, stripped, labels):
        if label != "PERSON" and len(text.split()) >= 2:
            ini = _initials(text)
            if len(ini) >= 2:
                local[(art, ini)].add(key)
                corpus[ini].add(key)
        elif label == "ORG" and " " not in text and text[:1].isupper() and not text.isupper() and len(text) >= 6:
            compounds[(art, text[0].lower())].add(key)  # a one-word company whose parts an acronym may spell
    for i, (key, art, text, _label) in enumerate(zip(keys, articles, stripped, labels)):
        compact = text.replace(".", "")
        if " " in text or not compact.isupper() or not 2 <= len(compact) <= 6 or key[0] == "COUNTRY":
            continue
        found = local.get((art, compact)) or corpus.get(compact)
        if found is None and compact.isalpha():
            found = compounds.get((art, compact[0].lower())) or set()
            found = {k for k in found if _spells(compact, k[1])}
        if found is not None and len(found) == 1:
            keys[i] = next(iter(found))


def _spells(acronym: str, word: str) -> bool:
    """True when the letters of ``acronym`` (two or three) open ``word`` and its later parts, in order, each
    part three letters or more ("VW": Volks-wagen); a folded one-word name."""
    if not 2 <= len(acronym) <= 3 or word[:1] != acronym[0].lower():
        return False
    pos = 0
    for letter in acronym[1:].lower():
        pos = word.find(letter, pos + 3)
        if pos < 0 or len(word) - pos < 3:
            return False
    return True
