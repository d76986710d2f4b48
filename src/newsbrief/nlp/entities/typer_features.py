"""What the learned entity typer (:mod:`.typer`) sees of a name: the features of each mention
(:func:`mention_features`: label, cue, context words, shape, gazetteers, token vectors) and of the group of
mentions typed together (:func:`group_features`)."""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any

from .cues import is_common_plural, is_known_org, org_evidence
from .gazetteer import country_code, fold, is_minor_place, is_place
from .labels import PLACE_LABELS, Found, strip_titles
from .vectors import as_features, span_mean, span_vector
from .words import is_given_name, surname_rank

_CORPORATE = frozenset(
    {"inc", "corp", "co", "ltd", "llc", "plc", "group", "company", "airlines", "airways", "bank", "news", "times",
     "post"}
)


def _word(tok: Any) -> str | None:
    """A context word as a feature: lower-cased words and punctuation; capitalised words are names, not context."""
    if tok.is_space:
        return "<nl>"
    if tok.is_punct:
        return tok.text
    if tok.is_alpha and (tok.is_lower or tok.is_sent_start):
        return tok.lower_
    if tok.like_num:
        return "<num>"
    return "<Cap>" if tok.text[:1].isupper() else None


@functools.lru_cache(maxsize=8192)
def _surface_features(surface: str) -> tuple[tuple[str, float], ...]:
    """The features of a name's own words (shape, gazetteers): the same for every mention of it."""
    text = strip_titles(surface)
    words = text.split()
    f: dict[str, float] = {}
    n = len(words)
    f[f"nwords={min(n, 4)}"] = 1.0
    compact = text.replace(".", "").replace("&", "")
    if compact.isupper() and len(compact) >= 2:
        f["acronym"] = 1.0
    if any(ch.isdigit() for ch in text):
        f["digit"] = 1.0
    low = [w.lower() for w in words]
    if "of" in low[1:]:
        f["has_of"] = 1.0
    if "&" in text or " and " in text:
        f["has_and"] = 1.0
    if "-" in text:
        f["hyphen"] = 1.0
    if words:
        f[f"last={low[-1]}"] = 1.0
        if n >= 2:
            f[f"first={low[0]}"] = 1.0
        if low[-1] in _CORPORATE:
            f["corporate_word"] = 1.0
        if low[-1].endswith("s") and not low[-1].endswith("ss") and len(low[-1]) > 3:
            f["last_plural" if n >= 2 else "plural_alone"] = 1.0  # "the Steelers", "Emirates"
            if is_common_plural(words[-1]):  # a team, a band: "Browns", "Bears"
                f["last_plural_common" if n >= 2 else "plural_common"] = 1.0
    if is_place(text):
        f["gaz_place"] = 1.0
    elif is_minor_place(text):
        f["gaz_minor_place"] = 1.0  # a small city, a county, a region, a state code ("Holmdel", "NJ")
    if country_code(text) is not None:
        f["gaz_country"] = 1.0
    if n >= 2 and is_place(words[-1]):
        f["gaz_place_last"] = 1.0
    if n >= 2 and is_place(words[0]):
        f["gaz_place_first"] = 1.0
    if is_known_org(text):
        f["gaz_org"] = 1.0
    if any(w[:1].isupper() and any(ch.isupper() for ch in w[2:]) and not w.isupper() for w in words):
        f["inner_capital"] = 1.0  # "SpaceX", "YouTube" (also "McCormick": the weight is learned)
    if words and is_given_name(words[0]):
        f["given_first" if n >= 2 else "given_alone"] = 1.0
    if words:
        rank = surname_rank(words[-1])
        if rank is not None:
            f["surname_top1k" if rank < 1000 else "surname_top20k" if rank < 20000 else "surname_rare"] = 1.0
            if is_place(words[-1]):
                f["surname_and_place"] = 1.0
    if n == 1 and "acronym" not in f and not any(k.startswith(("gaz_", "given_", "surname_")) for k in f):
        f["unknown_alone"] = 1.0  # one word in no gazetteer and no census list ("Ubisoft", "Burisma")
    return tuple(f.items())


#: Words either side of a name whose lower-case words are context features (``ctx=``).
WINDOW = 4
_COORD = frozenset({"and", "or", ",", "&", "/"})


def _coordinated(span: Any) -> list[str]:
    """The model's labels of names coordinated with ``span`` ("Ubisoft and Take-Two", "Nasa, SpaceX"): the
    name right before or after it across "and", "or", a comma (no parse needed)."""
    doc = span.doc
    out = []
    if span.start >= 2 and doc[span.start - 1].lower_ in _COORD and doc[span.start - 2].ent_type_:
        out.append(doc[span.start - 2].ent_type_)
    if span.end + 1 < len(doc) and doc[span.end].lower_ in _COORD and doc[span.end + 1].ent_type_:
        out.append(doc[span.end + 1].ent_type_)
    return out


def mention_features(
    span: Any, label: str, cue: tuple[str, bool] | None, *, parse: bool = False, vectors: bool = False
) -> dict[str, float]:
    """Features of one mention (see module docs); the dependency and head of the name only with ``parse``;
    the model's token vectors of the name (:func:`~.vectors.span_vector`) only with ``vectors``."""
    doc = span.doc
    f: dict[str, float] = {f"ner={label}": 1.0}
    if vectors:
        f.update(span_vector(span))
    if cue is not None:
        f[f"cue={cue[0]}:{int(bool(cue[1]))}"] = 1.0
    if parse:
        root = span.root
        f[f"dep={root.dep_}"] = 1.0
        head = root.head
        if head.i != root.i and head.is_alpha and head.is_lower:
            f[f"head={head.lemma_}"] = 1.0
            f[f"dephead={root.dep_}:{head.lemma_}"] = 1.0
    for tok in (*doc[max(0, span.start - WINDOW) : span.start], *doc[span.end : span.end + WINDOW]):
        if tok.is_alpha and tok.is_lower:
            f[f"ctx={tok.lower_}"] = 1.0
    for lab in _coordinated(span):
        f[f"coord={lab}"] = 1.0
    for name, i in (("prev", span.start - 1), ("prev2", span.start - 2), ("next", span.end), ("next2", span.end + 1)):
        if 0 <= i < len(doc):
            w = _word(doc[i])
            if w is not None:
                f[f"{name}={w}"] = 1.0
        else:
            f[f"{name}=<edge>"] = 1.0
    if span.start < len(doc) and doc[span.start].is_sent_start:
        f["sent_start"] = 1.0
    if span.end < len(doc) and doc[span.end].lower_ in {"'s", "’s"}:
        f["possessive"] = 1.0
    surface = _surface_features(span.text)
    f.update(surface)
    if dict(surface).get("nwords=1"):  # the model's label of a one-word name beside what the lists say of it
        f[f"alone={label}:{_alone_status(surface)}"] = 1.0
        if span.start > 0 and doc[span.start - 1].lower_ == "the":  # "the Steelers", "the Pentagon": no person
            f["the_alone"] = 1.0
            if dict(surface).get("plural_alone"):
                f["the_plural"] = 1.0
    return f


def _alone_status(surface: tuple[tuple[str, float], ...]) -> str:
    """What the gazetteers and census lists say of a one-word name: "unknown" ("Ubisoft"), "acronym",
    "place", "given", "surname" (the first that applies)."""
    keys = {k for k, _ in surface}
    for status, key in (("acronym", "acronym"), ("unknown", "unknown_alone"), ("place", "gaz_place"),
                        ("place", "gaz_country"), ("org", "gaz_org"), ("given", "given_alone"),
                        ("minor_place", "gaz_minor_place")):
        if key in keys:
            return status
    return "surname" if any(k.startswith("surname_") for k in keys) else "other"


def group_features(
    found: list[Found], groups: list[int], rule: list[str], *, parse: bool = False, vectors: bool = False
) -> dict[int, dict[str, float]]:
    """Features per group: the mean of its mentions' features and features of the group itself (a
    definitive cue on any mention: "the island of X" once types every X)."""
    sums: dict[int, dict[str, float]] = defaultdict(dict)
    definitive: dict[int, set[str]] = defaultdict(set)
    counts: dict[int, int] = defaultdict(int)
    full_person: dict[int, bool] = defaultdict(bool)
    org_said: dict[int, bool] = defaultdict(bool)
    vec_sums: dict[int, Any] = {}
    for (span, label, cue), g, r in zip(found, groups, rule):
        counts[g] += 1
        if not org_said[g] and org_evidence(span):
            org_said[g] = True
        acc = sums[g]
        for k, v in mention_features(span, label, cue, parse=parse).items():
            acc[k] = acc.get(k, 0.0) + v
        if vectors:  # summed as arrays, made features once per group (mention_features(vectors=True) alike)
            vec = span_mean(span)
            if vec is not None:
                vec_sums[g] = vec if g not in vec_sums else vec_sums[g] + vec
        if cue is not None and cue[1] is True:
            definitive[g].add(_class(cue[0]))
        acc[f"rule={_class(r)}"] = acc.get(f"rule={_class(r)}", 0.0) + 1.0
        words = strip_titles(span.text).split()
        if len(words) >= 2 and is_given_name(words[0]) and words[-1][:1].isupper():
            full_person[g] = True
    # names of people in the article: surnames and given names of full names the rules call people
    surnames: set[str] = set()
    given: set[str] = set()
    for (span, _, _), r in zip(found, rule):
        words = strip_titles(span.text).split()
        if len(words) >= 2 and (r == "PERSON" or is_given_name(words[0])):
            surnames.add(fold(words[-1]))
            given.add(fold(words[0]))
    alone: dict[int, str] = {}
    longer: set[int] = set()  # groups with a mention of two words or more
    for (span, _, _), g in zip(found, groups):
        words = strip_titles(span.text).split()
        if len(words) == 1:
            alone.setdefault(g, fold(words[0]))
        else:
            longer.add(g)
    out: dict[int, dict[str, float]] = {}
    for g, acc in sums.items():
        n = counts[g]
        feats = {k: v / n for k, v in acc.items()}
        if g in vec_sums:
            feats.update(as_features(vec_sums[g] / n))
        feats[f"group_n={min(n, 4)}"] = 1.0
        if full_person[g]:
            feats["group_full_given_name"] = 1.0
        if g in alone and alone[g] in surnames:
            feats["surname_of_person_in_article"] = 1.0
        if g in alone and alone[g] in given:
            feats["given_name_of_person_in_article"] = 1.0
        if g in alone and g not in longer and alone[g] not in surnames and alone[g] not in given:
            # a one-word name never named in full in the article: news introduces people by full name, so a
            # lone "PERSON" is more often a company, a team or a product ("Ubisoft", "Burisma")
            for k in [k for k in feats if k.startswith("ner=")]:
                feats[f"lone_{k}"] = feats[k]
        for cls in definitive[g]:
            feats[f"group_cue={cls}"] = 1.0
        if org_said[g]:  # any mention's words say an organisation ("energy company X", "X's chief executive")
            feats["group_org_evidence"] = 1.0
        feats["bias"] = 1.0
        out[g] = feats
    return out


def _class(label: str | None) -> str:
    if label is None:
        return "OTHER"
    return "PLACE" if label in PLACE_LABELS else label
