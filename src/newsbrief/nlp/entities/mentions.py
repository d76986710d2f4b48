"""Entity mentions from a spaCy Doc: trimmed surfaces, non-entities dropped, geographic heads.

Canonical names across articles are the job of :mod:`newsbrief.nlp.entities.linking`; this module
only decides what one mention in one Doc is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .typer import Typer

from ..chunks import doc_text
from .cues import cue_label, in_quoted_title, lexicon, org_key, skip_spans
from .gazetteer import country_code, fold, is_place
from .labels import PLACE_LABELS, Found, place_label, strip_person_titles
from .recall import missed_surnames
from .spans import drop_storm_names, join_of_chains
from .titles import defined_terms, is_era_mark, is_title_of_work, storm_name

#: Entity labels newsbrief counts: people, organisations, places (incl. facilities).
KEEP_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: A name followed by one of these nouns is a place ("the Crimea peninsula", "Donbass region").
GEO_HEADS: frozenset[str] = frozenset(
    {"peninsula", "region", "province", "oblast", "river", "island", "islands", "coast", "valley",
     "mountains", "sea", "city", "town", "village", "border", "state", "county", "district", "capital"}
)
LEADING_DROP: frozenset[str] = frozenset({"the", "a", "an"})
TRAILING_DROP: frozenset[str] = frozenset({"'s", "’s", "'", "’", "of", "and", "the", "-", "—", "–"})
#: A list item's marker glued to a name by the model ("b. Israel", "(iv) NATO").
LIST_MARKER = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]$")
NOT_A_NAME = re.compile(r"[:()\[\]{}@<>|=#/\\]|https?|www\.")


class Mention(TypedDict):
    start: int
    end: int
    text: str
    label: str


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    for j in range(start + 1, end):
        if doc[j].text in {"(", "["}:
            end = j
            break
    while start < end and (
        doc[start].lower_ in LEADING_DROP or doc[start].is_punct or doc[start].is_space
        or LIST_MARKER.match(doc[start].text)
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in TRAILING_DROP or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    if end - start >= 2 and doc[end - 1].is_lower and doc[end - 1].lower_ in GEO_HEADS:
        end -= 1  # "Logar province" is Logar, as the article's other mentions name it (the head makes it a place)
    return doc[start:end] if end > start else None


def is_name(text: str) -> bool:
    """False for strings the model tags but no reader would call a name (``Photograph:(AFP``)."""
    if NOT_A_NAME.search(text) or not any(ch.isalpha() for ch in text):
        return False
    return not (text.islower() or len(text) < 2)


_TABLE_TOKENS = frozenset("vs cts mln bln dlrs dlr shr shrs avg revs oper qtr pct qtly mths".split())
_WEIGHT = {"ner": 1.0, "speech": 0.9, "strong": 3.0}


def _class(label: str) -> str:
    return "PLACE" if label in PLACE_LABELS else label


def _split_country(span: Span, label: str) -> list[tuple[Span, str]]:
    """A name with a country glued on: a code ("Coloroll U.S.") makes an organisation; a full
    country name after a person ("told Funaro Brazil had") is two mentions."""
    for k in (2, 1):
        if len(span) <= k:
            continue
        tail = span[len(span) - k :]
        if country_code(tail.text) is None:
            continue
        compact = tail.text.replace(".", "")
        if compact.isupper() and len(compact) <= 3:
            return [(span, "ORG")]
        if label == "PERSON":
            return [(span[: len(span) - k], "PERSON"), (tail, "GPE")]
    return [(span, label)]


def _surname_keys(text: str) -> list[str]:
    """Folded surname forms of a full name: last word, with its particles ("De Niro", "bin Laden")."""
    words = text.split()
    if len(words) < 2:
        return []
    particles = lexicon()["name_particles"]
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in particles:
        i -= 1
    keys = [fold(" ".join(words[i:]))]
    if i < len(words) - 1:
        keys.append(fold(words[-1]))
    return keys


def _initials(text: str) -> str:
    skip = {"of", "the", "and", "for", "&", "de", "on", "in"}
    return "".join(w[0] for w in text.replace("-", " ").split() if w.lower() not in skip and w[:1].isalpha()).upper()


def _paragraph_parts(doc: Doc) -> list[Span]:
    """The model's entities, cut at paragraph breaks ("West Mercia Police\n\nEloise" is two names)."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in doc.ents:
        start = ent.start
        for tok in ent:
            if tok.is_space and tok.text.count("\n") >= 2:
                if tok.i > start:
                    out.append(Span(doc, start, tok.i, label=ent.label_))
                start = tok.i + 1
        if ent.end > start:
            out.append(Span(doc, start, ent.end, label=ent.label_) if start != ent.start else ent)
    return out




def candidates(doc: Doc) -> list[Found]:
    """The model's people, organisations and places in ``doc``, trimmed, with their context cue; names cut
    at an "of" chain joined, names inside table lines, short quoted titles, titles of works and events and
    storms left out (:mod:`.spans`)."""
    text = doc_text(doc)  # built once per Doc: Doc.text joins every token
    tables = skip_spans(text)  # tables, listings, credit and promotion lines: no entities
    table_starts = [a for a, _ in tables]
    found: list[Found] = []
    storms: set[str] = set()  # bare names of storms named with their storm word ("Quillan")
    for ent in join_of_chains(doc, _paragraph_parts(doc)):
        if ent.label_ not in KEEP_LABELS:
            if ent.label_ == "EVENT" and (storm := storm_name(ent)):  # its bare name later: no name either
                storms.add(storm)
            continue
        span = _trim(ent)
        if span is None:
            continue
        if tables:
            k = bisect_right(table_starts, span.start_char) - 1
            if k >= 0 and span.start_char < tables[k][1]:
                continue
        if (not is_name(span.text) or in_quoted_title(span, text=text)
                or is_title_of_work(span, text=text, label=ent.label_)):
            continue
        if any(t.lower_.rstrip(".") in _TABLE_TOKENS for t in span) or is_era_mark(span):
            continue  # table words; "500 BC" is a date
        storm = storm_name(span)
        if storm is not None:  # a hurricane: no person, organisation or place, nor its bare name
            if storm:
                storms.add(storm)
            continue
        label = ent.label_
        if label == "PERSON" and any(ch.isdigit() for ch in span.text):
            continue
        span, label = _cut_role_word(span, label)
        if span is None:
            continue
        parts = [(piece, lab) for part, lab in _split_country(span, label) for piece in _name_runs(part, lab)]
        for part, lab in parts:
            nxt = doc[part.end] if part.end < len(doc) else None
            if lab not in PLACE_LABELS and nxt is not None and nxt.lower_ in GEO_HEADS and len(part) <= 3:
                lab = "LOC"
            found.append((part, lab, cue_label(part)))
    if "(" in text and (terms := defined_terms(text, [(s.start_char, s.end_char) for s, _, _ in found])):
        found = [f for f in found if f[0].text not in terms]  # "gross domestic product (GDP)": no name
    return _split_place_before_person(_trim_sentence_openers(drop_storm_names(found, storms)))


def _cut_role_word(span: Span, label: str) -> tuple[Span | None, str]:
    """A name the model ran into a role title ("the then UK Home Secretary": "UK Home" before "Secretary"): the
    common word that belongs to the title ("Home", "Energy", "Defense") is no name; a country before it stays
    (as a place). Other spans come back as they are."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or not nxt.is_title or nxt.lower_ not in lexicon()["person_titles"]:
        return span, label
    k = 0
    while k < len(span) - 1 and country_code(span[: k + 1].text) is not None:
        k += 1
    rest = span[k:]
    from .words import is_common_word

    if len(rest) != 1 or not rest[0].is_title or not is_common_word(rest.text) or is_place(rest.text):
        return span, label
    return (span[:k], "GPE") if k else (None, label)


def _trim_sentence_openers(found: list[Found]) -> list[Found]:
    """A common word capitalised at a sentence start and glued to the name after it ("Key Security Council
    members ..."): the name without it, when that name (two words or more) is named so elsewhere in the
    article and the longer form never occurs but at a sentence start."""
    opening = [len(s) >= 3 and s[0].is_sent_start and s[0].is_title for s, _, _ in found]
    if not any(opening):
        return found
    from .words import is_common_word

    inside = {fold(s.text) for (s, _, _), o in zip(found, opening) if not o}
    out: list[Found] = []
    for (span, label, cue), o in zip(found, opening):
        rest = span[1:]
        if (o and fold(rest.text) in inside and fold(span.text) not in inside and is_common_word(span[0].text)
                and not is_place(span.text) and not is_place(span[:2].text)):
            out.append((rest, label, cue_label(rest)))
        else:
            out.append((span, label, cue))
    return out


def _split_place_before_person(found: list[Found]) -> list[Found]:
    """A place glued before a person's full name ("envoy to Ukraine Kurt Volker"): the place and the person,
    when a census given name follows the place and the surname is named alone elsewhere in the article."""
    from .words import is_given_name

    alone = {fold(s.text) for s, _, _ in found if len(s) == 1}
    out: list[Found] = []
    for span, label, cue in found:
        cut = None
        if 3 <= len(span) <= 5 and fold(span[-1].text) in alone:
            for k in (1, 2):
                rest = span[k:]
                if (len(rest) >= 2 and is_given_name(rest[0].text) and all(t.is_title for t in rest)
                        and is_place(span[:k].text)):
                    cut = k
                    break
        if cut is None:
            out.append((span, label, cue))
        else:
            place, person = span[:cut], span[cut:]
            out.append((place, "GPE", cue_label(place)))
            out.append((person, "PERSON", cue_label(person)))
    return out


_HYPHENS = frozenset("-‐‑")


def _hyphen_part(tok: Token) -> bool:
    """The lower-case second half of a hyphenated given name the tagger reads as a name ("Hau-yip",
    "Jae-in"), glued to the capitalised half before it."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text not in _HYPHENS or doc[tok.i - 1].whitespace_:
        return False
    before = doc[tok.i - 2]
    return not before.whitespace_ and before.is_title and tok.tag_ == "NNP"


def _name_runs(span: Span, label: str) -> list[Span]:
    """A span the model ran over a verb ("Garrett hit Rudolph") or, for a person, over a lower-case word
    or a role ("Browns DL Sheldon Richardson"): the capitalised runs between them (name particles kept),
    each a name of its own."""
    particles = lexicon()["name_particles"]
    runs: list[Span] = []
    start = span.start
    person = label == "PERSON"
    for tok in span:
        breaks = tok.is_lower and tok.pos_ in {"VERB", "AUX"} or person and (
            (tok.is_alpha and tok.is_lower and tok.lower_ not in particles and not _hyphen_part(tok))
            or (tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 4 and span.start < tok.i < span.end - 1)
        )
        if breaks:
            end = tok.i
            while end > start and span.doc[end - 1].text in _HYPHENS:  # "Obama-era": Obama, not "Obama-"
                end -= 1
            if end > start:
                runs.append(span.doc[start:end])
            start = tok.i + 1
    if start == span.start:
        return [span]
    if span.end > start:
        runs.append(span.doc[start : span.end])
    return [r for r in runs if is_name(r.text)]


def group_mentions(found: list[Found]) -> list[int]:
    """Group number of each mention: the article's mentions that name one entity (same folded name,
    surname of a full name, acronym of a full name)."""
    texts = [strip_person_titles(s.text, person=label == "PERSON") for s, label, _ in found]
    keys = [org_key(fold(text)) for text in texts]
    parent: dict[str, str] = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_surname: dict[str, set[str]] = {}
    by_initials: dict[str, set[str]] = {}
    for (_span, label, _), key, text in zip(found, keys, texts):
        if label == "PERSON" or (" " in text and label not in PLACE_LABELS):  # "Emirates" is no "surname" of a place
            for sk in _surname_keys(text):
                by_surname.setdefault(sk, set()).add(key)
        if len(text.split()) >= 2 and label != "PERSON":
            by_initials.setdefault(_initials(text), set()).add(key)
    for (span, label, cue), key in zip(found, keys):
        joined = set(by_surname.get(key, ()))
        if len(span) == 1 and span.text.isupper() and len(span.text) >= 2:
            joined |= by_initials.get(span.text.replace(".", ""), set())
        if label in PLACE_LABELS and is_place(span.text) and (cue is None or cue[0] != "PERSON"):
            joined = set()  # Washington the city does not vote with George Washington
        for other in joined:
            parent[find(other)] = find(key)
    roots: dict[str, int] = {}
    return [roots.setdefault(find(k), len(roots)) for k in keys]


def rule_labels(found: list[Found], groups: list[int]) -> list[str]:
    """One label per mention by the votes of its group: model labels and context cues, a definitive cue
    (the island of X, X Street, X Inc., Mr X, X, 43,) outweighing the model."""
    votes: dict[int, dict[str, float]] = {}
    strong_votes: dict[int, dict[str, float]] = {}
    for (_span, label, cue), g in zip(found, groups):
        v = votes.setdefault(g, {})
        v[label] = v.get(label, 0.0) + _WEIGHT["ner"]
        if cue is not None:
            lab, definitive = cue
            v[lab] = v.get(lab, 0.0) + _WEIGHT["strong" if definitive else "speech"]
            if definitive:
                sv = strong_votes.setdefault(g, {})
                sv[lab] = sv.get(lab, 0.0) + 1.0
    out: list[str] = []
    for (_span, label, cue), g in zip(found, groups):
        v = strong_votes.get(g) or votes[g]
        classes: dict[str, float] = {}
        for lab, w in v.items():
            classes[_class(lab)] = classes.get(_class(lab), 0.0) + w
        best = max(classes, key=lambda c: (classes[c], c == "PERSON"))
        out.append(place_label(label, cue, v) if best == "PLACE" else best)
    return out


def doc_mentions(
    doc: Doc, *, learned: bool = True, typer: Typer | None = None, post_rules: bool = True
) -> list[Mention]:
    """Mentions of people, organisations and places in ``doc`` with character offsets.

    One type per entity in the article: mentions that share a name (or a surname, or an acronym and its
    full form) are typed together, by the learned span classifier (:mod:`.typer`) over the model's labels,
    context cues (:func:`cue_label`), gazetteers and the rules' vote (``typer``: those weights, else the active
    ones, whatever pipeline made ``doc``: pass ``typer=typer_for(nlp)`` for a pipeline other than the one the
    active weights' token vectors come from, as annotation does); with ``learned=False`` by the rules' vote
    alone; ``post_rules=False`` skips the name-shape rules after the classifier (to judge its weights alone,
    :func:`.typer.type_groups`). A group the classifier calls no person, organisation or place (a work, a
    product, an event) is dropped. Names inside table lines and short quoted titles are dropped. A later bare
    surname of a person named in full that the model did not tag is a person mention too.
    """
    found = candidates(doc)
    groups = group_mentions(found)
    rules = rule_labels(found, groups)
    labels: list[str | None] = list(rules)
    if learned and found:
        from .typer import type_groups

        labels = type_groups(found, groups, rules, typer=typer, post_rules=post_rules)
    out = [
        Mention(start=span.start_char, end=span.end_char, text=span.text, label=lab)
        for (span, _, _), lab in zip(found, labels)
        if lab is not None
    ]
    if out:  # the bare surnames of people named in full that the model did not tag (:mod:`.recall`)
        kept = [(m["start"], m["end"], m["label"]) for m in out]
        missed = [Mention(start=a, end=b, text=t, label="PERSON") for a, b, t in missed_surnames(doc, kept)]
        if missed:
            out = sorted([*out, *missed], key=lambda m: m["start"])
    return out
