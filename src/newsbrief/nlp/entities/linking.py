"""Canonical entities across a corpus: merge spelling variants, surnames and aliases.

Rules, in order (each explained in docs/methods.md, "Entities"):
1. Surfaces are folded (:func:`~newsbrief.nlp.entities.gazetteer.fold`) so transliteration and
   spelling variants meet (Zelensky/Zelenskiy, Donbas/Donbass); titles are dropped from a name typed a person
   when a person's name remains (:func:`~newsbrief.nlp.entities.labels.strip_person_titles`: not "King Street").
2. A one-word person or organisation that names a country or large city in the gazetteer
   becomes a place (Kiev), unless it is the surname of a person named in full in the same article or a titled
   person ("Queen Odessa"); so does an organisation of several words that names one ("New Jersey"), not a
   capital (its government) nor a curated organisation.
3. A one-word mention that is the surname of exactly one fully named person in the same
   article (else in the whole corpus) joins that person (Biden -> Joe Biden); of several in one article,
   the one named at least twice as often as the next (a given name alone counting for its full name), else
   the one the corpus names twice as often, else the one with a given name introduced first. A plural surname
   ("the Bidens") joins the person the surname would, unless it names an organisation (:func:`_family`).
4. Other mentions group by folded surface; the label is the majority vote, places counted together;
   an organisation named by the first words of the one longer organisation name of its article joins it
   (Zellby -> Zellby Orbital Systems), corporate suffixes (Inc, AG, SA ...) are dropped.
5. A user alias file merges, renames or excludes names.
The canonical name is the most frequent full surface of a group. Entity ids are derived from
label class and folded name, so the same corpus gives the same ids on any engine.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ...params import load_alias_file
from .cues import is_common_plural, is_known_org, lexicon, org_key
from .gazetteer import country_code, fold, is_capital, is_place
from .labels import PLACE_LABELS, POSSESSIVE, strip_person_titles
from .retype import singulars
from .variants import merge_acronyms, merge_place_prefixed, merge_reordered_orgs, merge_shortened_orgs
from .words import given_names, is_common_word, is_given_name

SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass
class Aliases:
    """A user alias file: ``merge: {Canonical: [variant, ...]}``, ``rename: {old: new}``, ``exclude: [..]``."""

    merge: dict[str, str] = field(default_factory=dict)  # folded variant -> canonical name
    rename: dict[str, str] = field(default_factory=dict)  # folded old name -> new name
    exclude: frozenset[str] = frozenset()  # folded names

    @classmethod
    def load(cls, path: str | Path | None) -> Aliases:
        if path is None:
            return cls()
        data = load_alias_file(path)  # validated: every problem raised at once (ParamsError, exit 2)
        merge: dict[str, str] = {}
        for canonical, variants in data.merge.items():
            merge[fold(canonical)] = canonical
            for variant in variants:
                merge[fold(variant)] = canonical
        rename = {fold(k): v for k, v in data.rename.items()}
        exclude = frozenset(fold(x) for x in data.exclude)
        return cls(merge=merge, rename=rename, exclude=exclude)

    def fingerprint(self) -> str:
        blob = repr((sorted(self.merge.items()), sorted(self.rename.items()), sorted(self.exclude)))
        return hashlib.sha1(blob.encode()).hexdigest()[:10]


def _group_label(counts: Counter[str]) -> str:
    """Majority label of a group, places counted together (then GPE over LOC/FAC on ties)."""
    classes: Counter[str] = Counter()
    for lab, n in counts.items():
        classes[_label_class(lab)] += n
    best = max(classes, key=lambda c: (classes[c], c == "PLACE", c == "PERSON"))
    if best != "PLACE":
        return best
    return max((lab for lab in counts if lab in PLACE_LABELS), key=lambda lab: (counts[lab], lab == "GPE"))


def _dominant(
    candidates: Counter[str] | None,
    *,
    prefer_given: bool = False,
    corpus: Counter[str] | None = None,
    order: dict[str, int] | None = None,
) -> str | None:
    """The full name a bare surname most likely means: the only one, or one named at least twice as
    often as the next (Trump -> Donald Trump beside Melania Trump). On a toss-up, the one the whole ``corpus``
    names at least twice as often as the others, else the one introduced first by ``order`` (start of its first
    mention in the article: news names its subject before the relatives), else None.
    With ``prefer_given`` (names of one article), names opening with a census given name come first."""
    if not candidates:
        return None
    if prefer_given:
        given_names = _folded_given_names()
        given = Counter({k: n for k, n in candidates.items() if k.split()[0] in given_names})
        if given and len(given) < len(candidates):
            candidates = given  # "Orla Quint" beside a mis-spanned "Hosting Quint": the one with a given name
    ranked = candidates.most_common(2)
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    if corpus:
        among = Counter({k: corpus[k] for k in candidates}).most_common(2)
        if among[0][1] >= 2 * among[1][1] and among[0][1] > 0:
            return among[0][0]
    if order:
        seen = [k for k in candidates if k in order]
        return min(seen, key=order.__getitem__) if seen else None
    return None


@functools.lru_cache(maxsize=1)
def _folded_given_names() -> frozenset[str]:
    """Census given names as :func:`name_units` writes a name's first word ("William" -> "wiliam")."""
    return frozenset(fold(n).replace(" ", "") for n in given_names())


def _family(
    surface: str,
    key: str,
    single: str,
    art: str,
    surname_keys: dict[tuple[str, str], Counter[str]],
    single_labels: dict[str, Counter[str]],
    org_words: set[tuple[str, str]],
    first_at: dict[str, dict[str, int]],
) -> str | None:
    """The person a plural surname ("the Smiths") names as a family, or None: the surname as written less its
    "s" is no given name and no common word ("Hills" beside "Anna Hill" stays apart), the word is no known
    organisation, not mostly typed an organisation across the corpus and no word of a longer organisation name
    of the article ("Barclays" beside "Stephen Barclay"). ``single``: the key of the singular, "-s" or "-es"
    dropped ("the Joneses")."""
    base = surface[: len(surface) - (len(key) - len(single))]
    if not surface.endswith("s") or is_given_name(base) or is_common_plural(surface):
        return None
    if is_common_word(base) or is_known_org(surface) or (art, key) in org_words:
        return None
    typed = single_labels.get(key)
    if typed and 2 * typed["ORG"] > sum(typed.values()):
        return None
    return _dominant(surname_keys[(art, single)], prefer_given=True, order=first_at.get(art))


def _label_class(label: str) -> str:
    return "PLACE" if label in PLACE_LABELS else label


def person_key(folded: str) -> str:
    """First and last name of a folded full name: middle names and initials dropped
    (Donald J. Trump, Barack Hussein Obama -> donald trump, barack obama)."""
    words = folded.split()
    suffix = [w for w in words[-1:] if w in SUFFIXES]  # Donald Trump Jr. is not Donald Trump
    parts = [p for p in words if len(p) > 1 and p not in SUFFIXES]
    return " ".join([parts[0], parts[-1], *suffix]) if len(parts) >= 2 else folded


def name_units(text: str) -> list[str]:
    """Folded words of a name with hyphens and surname particles glued on, so a surname is one unit:
    ``Phoebe Waller-Bridge`` -> [phoebe, walerbridge], ``Robert De Niro`` -> [robert, deniro],
    ``bin Laden`` -> [binladen]; a capitalised particle opening a name only when it rarely is a
    given name (``De Niro``, not ``Al Gore``)."""
    particles = lexicon()["name_particles"]
    words = text.replace("\u00ad", "").split()
    out: list[str] = []
    pending = ""
    for i, word in enumerate(words):
        low = word.lower()
        last = i == len(words) - 1
        if low in particles and not last and (word.islower() or i > 0 or low in _OPENING_PARTICLES):
            pending += fold(word).replace(" ", "")
            continue
        head, dash, rest = word.partition("-")
        if dash and rest and head.islower() and head in particles:
            word = rest  # "al-Bashir" is Bashir
        out.append(pending + fold(word).replace(" ", ""))
        pending = ""
    return [u for u in out if u] or [fold(text)]


_OPENING_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "du", "bin", "ibn", "le", "la"})


def _surname(folded: str) -> str:
    parts = [p for p in folded.split() if p not in SUFFIXES]
    return parts[-1] if parts else folded


def surname_key(name: str) -> str:
    """The key of a person's surname: the last word of the folded name, a generational suffix left out
    ("Tom Hale Jr." and "HALE" give "hale"; case and accents do not count)."""
    return _surname(fold(name))


def entity_id(label: str, name: str) -> str:
    digest = hashlib.sha1(f"{_label_class(label)}|{fold(name)}".encode()).hexdigest()[:12]
    return f"E{digest}"


def link_entities(mentions: pd.DataFrame, *, aliases: Aliases | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Give every mention an ``entity_id`` and fix its label; return (mentions, entities).

    ``mentions`` has article_id, start, end, text, label; further columns (``tone``) are kept
    as they are, after ``entity_id``. Excluded names are dropped.
    """
    aliases = aliases or Aliases()
    columns = ["article_id", "start", "end", "text", "label", "entity_id"]
    columns += [c for c in mentions.columns if c not in columns and not str(c).startswith("_")]
    if mentions.empty:
        return (pd.DataFrame(columns=columns), pd.DataFrame(columns=["entity_id", "name", "label", "aliases"]))
    m = mentions.reset_index(drop=True).copy()
    surfaces = m["text"].astype(str)
    pairs = list(zip(surfaces, m["label"].astype(str)))
    # Titles only off a name typed a person, and only when a person's name remains ("King Street" stays).
    stripped_of = {(t, lab): strip_person_titles(t, person=lab == "PERSON") for t, lab in set(pairs)}
    m["_stripped"] = [stripped_of[pair] for pair in pairs]
    bare = {t: POSSESSIVE.sub("", t.strip()) for t in surfaces.unique()}
    titled = [stripped_of[(t, lab)] != bare[t] for t, lab in pairs]  # "Queen Victoria" is no place
    m["_fold"] = m["_stripped"].map({s: fold(s) for s in m["_stripped"].unique()})
    units_of = {s: name_units(s) for s in m["_stripped"].unique()}
    m["_unit"] = m["_stripped"].map({s: " ".join(u) for s, u in units_of.items()})
    m["_ntok"] = m["_stripped"].map({s: len(u) for s, u in units_of.items()})
    labels = m["label"].astype(str).to_numpy().copy()
    for i, (stripped, label) in enumerate(zip(m["_stripped"], labels)):
        if is_known_org(stripped):
            labels[i] = "ORG"  # Twitter, Netflix: curated list (data/entity_lexicon.json)
        elif label in ("PERSON", "ORG") and " " in stripped and country_code(stripped) is not None:
            labels[i] = "GPE"  # "South Africa said": a country, whatever the model says
    m["label"] = labels

    # Full person names per article and corpus-wide, by surname (and first name), with how often each is named.
    is_full_person = (m["label"] == "PERSON") & (m["_ntok"] >= 2)
    full = m[is_full_person]
    surname_keys: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    first_keys: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    corpus_surnames: dict[str, Counter[str]] = defaultdict(Counter)
    first_at: dict[str, dict[str, int]] = defaultdict(dict)  # article -> full name -> start of its first mention
    for art, key, start in zip(full["article_id"], full["_unit"], full["start"]):
        key = person_key(key)
        if int(start) < first_at[art].get(key, int(start) + 1):
            first_at[art][key] = int(start)
        surname_keys[(art, _surname(key))][key] += 1
        first_keys[(art, key.split()[0])][key] += 1
        corpus_surnames[_surname(key)][key] += 1
    # A given name alone ("Joe" of "Joe Biden") counts for its full name when deciding what a bare surname means.
    given_alone = m[(m["label"] == "PERSON") & (m["_ntok"] == 1) & ~pd.Series(titled, index=m.index)]
    surnames_named = set(surname_keys)
    for art, key in zip(given_alone["article_id"], given_alone["_unit"]):
        fulls = first_keys.get((art, key))
        if fulls is not None and len(fulls) == 1 and (art, key) not in surnames_named:
            full_name = next(iter(fulls))
            surname_keys[(art, _surname(full_name))][full_name] += 1
    # How the model labels each one-word surface across the corpus (Trump: mostly PERSON, Ford: mostly ORG).
    single_labels: dict[str, Counter[str]] = defaultdict(Counter)
    org_words: set[tuple[str, str]] = set()  # (article, a word of a longer organisation name): "Barclays Bank"
    for art, key, ntok, label in zip(m["article_id"], m["_unit"], m["_ntok"], labels):
        if ntok == 1:
            single_labels[key][label] += 1
        elif label == "ORG":
            org_words.update((art, w) for w in key.split())

    keys: list[tuple[str, str]] = []
    for i, (art, fkey, key, ntok, label) in enumerate(
        zip(m["article_id"], m["_fold"], m["_unit"], m["_ntok"], labels)
    ):
        if fkey in aliases.merge:
            keys.append(("ALIAS", fold(aliases.merge[fkey])))
            continue
        if label == "PERSON" and ntok >= 2:
            pkey = person_key(key)
            last = _surname(pkey)
            others = [k for k in surname_keys.get((art, last), {}) if k != pkey]
            others += [k for k in first_keys.get((art, pkey.split()[0]), {}) if k != pkey]
            if ntok == 2 and not others:
                named = [k for k in first_keys.get((art, last), {}) if k != pkey]
                if len(named) == 1:  # "Crooked Hillary" -> Hillary Clinton
                    nick = named[0]
                    keys.append(("PERSON", nick))
                    continue
            keys.append(("PERSON", pkey))
            continue
        single = next((k for k in singulars(key) if (art, k) in surname_keys), None) if ntok == 1 else None
        if single is not None and (art, key) not in surname_keys:
            family = _family(m.at[i, "_stripped"], key, single, art, surname_keys, single_labels, org_words, first_at)
            if family is not None:  # "the Bidens": the family, counted for the person named in full
                labels[i] = "PERSON"
                keys.append(("PERSON", family))
                continue
        if ntok == 1 and label in ("PERSON", "ORG", "GPE", "LOC"):
            local = _dominant(surname_keys.get((art, key)), prefer_given=True, corpus=corpus_surnames.get(key),
                              order=first_at.get(art))
            if local is not None and not (label in PLACE_LABELS and is_place(fkey)):
                labels[i] = "PERSON"
                keys.append(("PERSON", local))
                continue
            if (label == "PERSON" and not titled[i] and (art, key) in first_keys
                    and len(first_keys[(art, key)]) == 1):  # not "Queen Elizabeth" beside "Elizabeth Quint"
                keys.append(("PERSON", next(iter(first_keys[(art, key)]))))  # "Fiona" -> Fiona Parry
                continue
            if (label == "PERSON" and not titled[i] or label == "ORG" and not is_capital(fkey)) and is_place(
                fkey
            ) and not is_known_org(
                m.at[i, "_stripped"]
            ):  # a capital the typer calls an organisation stands for its government ("Beijing is balking")
                labels[i] = "GPE"
            else:
                corpus = _dominant(corpus_surnames.get(key))
                if corpus is not None and label == "ORG":
                    # An organisation-tagged surname is the person when the corpus speaks of the person
                    # more than of such an organisation (Trump), not otherwise (Ford the carmaker).
                    counts = single_labels[key]
                    person_evidence = counts["PERSON"] + corpus_surnames[key][corpus]
                    corpus = corpus if person_evidence > counts["ORG"] else None
                if corpus is not None:
                    labels[i] = "PERSON"
                    keys.append(("PERSON", corpus))
                    continue
        if (ntok >= 2 and label == "ORG" and is_place(fkey) and not is_capital(fkey)
                and not is_known_org(m.at[i, "_stripped"])):
            labels[i] = "GPE"  # a country or state of several words the typer calls an organisation ("New Jersey")
        if labels[i] in PLACE_LABELS:
            code = country_code(m.at[i, "_stripped"])
            if code is not None:
                keys.append(("COUNTRY", code))
                continue
        keys.append(("PERSON" if labels[i] == "PERSON" else "OTHER", org_key(fkey)))
    merge_acronyms(keys, m["article_id"].tolist(), m["_stripped"].tolist(), labels)
    merge_place_prefixed(keys, m["article_id"].tolist(), labels)
    merge_reordered_orgs(keys, m["article_id"].tolist(), labels)
    merge_shortened_orgs(keys, m["article_id"].tolist(), labels)
    # Label and canonical name per group, in plain Python (a pandas groupby costs ~1 ms a group).
    texts = m["text"].astype(str).tolist()
    stripped = m["_stripped"].tolist()
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        members[key].append(i)
    group_label: dict[tuple[str, str], str] = {}
    group_name: dict[tuple[str, str], str] = {}
    for gkey, idx in members.items():
        voters = idx
        if gkey[0] == "OTHER":
            full_forms = [i for i in idx if " " in stripped[i]]
            voters = full_forms if full_forms and len(full_forms) < len(idx) else idx  # acronyms follow full names
        label = _group_label(Counter(labels[i] for i in voters))
        if gkey[0] == "OTHER" and any(is_known_org(stripped[i]) for i in idx[:50]):
            label = "ORG"
        group_label[gkey] = label
        if gkey[0] == "ALIAS":
            name = aliases.merge.get(gkey[1], stripped[idx[0]])
        else:
            if label == "PERSON":
                forms = [stripped[i] for i in idx]
                pool = [f for f in forms if " " in f] or forms
            else:
                pool = [POSSESSIVE.sub("", texts[i]) for i in idx]
            counted = Counter(pool)  # insertion order = first occurrence: ties go to the earliest form
            name = max(counted, key=counted.__getitem__)
        group_name[gkey] = aliases.rename.get(fold(name), name)
    final_labels = [group_label[k] for k in keys]
    final_names = [group_name[k] for k in keys]
    folded_names = {n: fold(n) for n in set(final_names)}
    keep = [
        not (folded_names[n] in aliases.exclude or f in aliases.exclude)
        for n, f in zip(final_names, m["_fold"].tolist())
    ]
    ids = {(lab, n): entity_id(lab, n) for lab, n in set(zip(final_labels, final_names))}
    m["label"] = final_labels
    m["entity_id"] = [ids[(lab, n)] for lab, n in zip(final_labels, final_names)]
    by_entity: dict[str, list[int]] = defaultdict(list)
    for i, (eid, ok) in enumerate(zip(m["entity_id"].tolist(), keep)):
        if ok:
            by_entity[eid].append(i)
    entities_rows: list[dict[str, Any]] = []
    for eid, idx in by_entity.items():
        counts = Counter(texts[i] for i in idx)
        entities_rows.append(
            {
                "entity_id": eid,
                "name": final_names[idx[0]],
                "label": final_labels[idx[0]],
                "aliases": [f for f, _ in counts.most_common()],
            }
        )
    m = m[keep]
    entities = pd.DataFrame(entities_rows, columns=["entity_id", "name", "label", "aliases"])
    out = m[columns].reset_index(drop=True)
    return out, entities
