"""spaCy's ``attribute_ruler``, the same rules applied by table look-up: the same POS, morphology, lemma,
tag and label on every token, at a tenth of the CPU.

The model's attribute ruler (``en_core_web_sm``: 179 rules mapping a tag, a lower-case form, a dependency
label to a coarse POS, a morphology or a lemma) runs spaCy's ``Matcher`` over every token of every Doc and
sets each match's attributes through a ``Span`` and a ``Token``: about 16% of the pipeline's CPU, as much as
the dependency parser. A rule here looks only at the token (and at most its neighbour), so its outcome is a
function of the token's (lower-case form, tag, label, is-space): :class:`FastAttributeRuler` evaluates every
rule once per distinct such key, caches which rules apply, and writes the merged attributes of all tokens of a
Doc with one ``Doc.from_array``. Rules are applied in the ruler's order (a later rule wins, as in
``AttributeRuler.match``), so the result is the same as the original component's (``tests/nlp/test_attributes.py``
compares them token by token). A ruler with a pattern this module does not evaluate (an operator, another
attribute) is left in place (:func:`replace_attribute_ruler` returns False).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError
from . import ATTRIBUTES_COMPONENT as COMPONENT
from .doc_component import DocComponent

__all__ = ["FastAttributeRuler", "replace_attribute_ruler", "supported"]

#: Token attributes a rule may test, in the order of a token's key.
KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_KEY_IDS: Any = [LOWER, TAG, DEP, IS_SPACE]
#: Attributes a rule may set, and their spaCy ids.
SET_ATTRS = {POS: "POS", MORPH: "MORPH", LEMMA: "LEMMA", TAG: "TAG", DEP: "DEP"}

Key = tuple[str, str, str, bool]  # (lower, tag, dep, is_space)
#: Distinct token keys kept before the cache starts afresh.
MAX_CACHED = 200_000


def _predicate(attr: str, value: Any) -> Any:
    """A test of one key field against a Matcher value (a string, a bool, or IN / NOT_IN / REGEX)."""
    if isinstance(value, dict):
        if set(value) == {"IN"}:
            allowed = frozenset(value["IN"])
            return lambda x: x in allowed
        if set(value) == {"NOT_IN"}:
            banned = frozenset(value["NOT_IN"])
            return lambda x: x not in banned
        if set(value) == {"REGEX"} and attr != "IS_SPACE":
            rx = re.compile(value["REGEX"])
            return lambda x: bool(rx.search(x))
        raise ModelError(f"unsupported Matcher value {value!r}")
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise ModelError(f"unsupported IS_SPACE value {value!r}")
        return lambda x: x == value
    if not isinstance(value, str):
        raise ModelError(f"unsupported Matcher value {value!r}")
    return lambda x: x == value


def _token_test(token_pattern: dict[str, Any]) -> Any:
    """One token pattern as a function of a token's key (raises ModelError for what is not supported)."""
    tests = []
    for attr, value in token_pattern.items():
        if attr not in KEY_ATTRS:
            raise ModelError(f"unsupported pattern attribute {attr}")
        tests.append((KEY_ATTRS.index(attr), _predicate(attr, value)))

    def test(key: Key) -> bool:
        return all(check(key[k]) for k, check in tests)

    test.reads_lower = "LOWER" in token_pattern  # type: ignore[attr-defined]
    return test


def _reads_lower(test: Any) -> bool:
    return bool(getattr(test, "reads_lower", True))



def supported(ruler: Any) -> bool:
    """True when every pattern of the attribute ruler ``ruler`` can be evaluated here."""
    try:
        _compile(ruler)
    except ModelError:
        return False
    return True


def _compile(ruler: Any) -> list[tuple[int, int, list[list[Any]], dict[int, int]]]:
    """Per rule: (rule number, target index, alternatives as lists of token tests, attributes to set)."""
    rules = []
    for number, spec in enumerate(ruler.patterns):
        alternatives = [[_token_test(tp) for tp in pattern] for pattern in spec["patterns"]]
        lengths = {len(a) for a in alternatives}
        if len(lengths) != 1 or 0 in lengths or max(lengths) > 2:
            raise ModelError("rules of one or two tokens of one length only")
        attrs = ruler.attrs[number]
        if set(attrs) - set(SET_ATTRS):
            raise ModelError(f"unsupported attributes {set(attrs) - set(SET_ATTRS)}")
        index = ruler.indices[number]
        length = lengths.pop()
        if not -length <= index < length:
            raise ModelError("index outside the pattern")
        rules.append((number, index % length, alternatives, dict(attrs)))
    return rules


def _lower_forms(token_pattern: dict[str, Any]) -> frozenset[str] | None:
    """The lower-case forms a token pattern names (an exact or IN value of LOWER), or None when it takes
    any form (no LOWER, or NOT_IN, REGEX)."""
    value = token_pattern.get("LOWER")
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


Slot = tuple[int, int, int]  # (rule number, alternative, position in the pattern)
Info = tuple[tuple[int, ...], frozenset[Slot]]


class FastAttributeRuler(DocComponent):
    """The rules of a spaCy ``AttributeRuler`` applied by look-up (see the module docs)."""

    def __init__(self, nlp: Language, name: str = COMPONENT, *, ruler: str = "attribute_ruler") -> None:
        self.name = name
        self.vocab = nlp.vocab
        original: Any = nlp.get_pipe(ruler)
        self.rules = _compile(original)
        #: two-token rules: (rule number, target index, alternatives, attributes)
        self._pairs = [(n, i, alts, attrs) for n, i, alts, attrs in self.rules if len(alts[0]) == 2]
        self._by_number = {number: attrs for number, _, _, attrs in self.rules}
        # Every token test of every rule, as (rule, alternative, position, test): those that name lower-case
        # forms are tried only on tokens of those forms; the others (few distinct tag, label and is-space
        # values) are cached by those three.
        self._by_form: dict[str, list[tuple[int, int, int, Any]]] = {}
        self._formless: list[tuple[int, int, int, Any]] = []
        for (number, _, alts, _), spec in zip(self.rules, original.patterns):
            for a, (alt, pattern) in enumerate(zip(alts, spec["patterns"])):
                for p, (test, token_pattern) in enumerate(zip(alt, pattern)):
                    forms = _lower_forms(token_pattern)
                    if forms is None:
                        self._formless.append((number, a, p, test))
                    else:
                        for form in forms:
                            self._by_form.setdefault(form, []).append((number, a, p, test))
        self._single_numbers = frozenset(n for n, _, alts, _ in self.rules if len(alts[0]) == 1)
        self._cache: dict[tuple[int, int, int, bool], Info] = {}
        #: tests that name no form but read it (NOT_IN, REGEX): tried on every distinct key
        self._reads_form = [(n, a, p, test) for n, a, p, test in self._formless if _reads_lower(test)]
        self._formless_cache: dict[tuple[str, str, bool], list[Slot]] = {}
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}

    def _info(self, raw: tuple[int, int, int, bool]) -> Info:
        """The one-token rules that apply to a token with key ``raw``, and the (rule, alternative, position)
        of every two-token rule it fits; computed once per distinct key."""
        got = self._cache.get(raw)
        if got is None:
            strings = self.vocab.strings
            lower, tag, dep, space = raw
            key = (strings[lower] if lower else "", strings[tag] if tag else "", strings[dep] if dep else "",
                   bool(space))
            fits = [(n, a, p) for n, a, p, test in self._by_form.get(key[0], ()) if test(key)]
            fits += self._formless_fits(key)
            singles = self._single_numbers
            single = tuple(sorted({n for n, _, _ in fits if n in singles}))
            got = (single, frozenset(slot for slot in fits if slot[0] not in singles))
            if len(self._cache) >= MAX_CACHED:  # bounded: a long run meets ever more distinct words
                self._cache.clear()
            self._cache[raw] = got
        return got

    def _formless_fits(self, key: Key) -> list[Slot]:
        """The slots of the token tests that name no lower-case form which ``key`` passes (cached by tag,
        label and is-space when those tests do not read the form at all)."""
        short = (key[1], key[2], key[3])
        plain = self._formless_cache.get(short)
        if plain is None:
            plain = [(n, a, p) for n, a, p, test in self._formless if not _reads_lower(test) and test(key)]
            self._formless_cache[short] = plain
        return plain + [(n, a, p) for n, a, p, test in self._reads_form if test(key)]

    def _apply(self, doc: Doc) -> None:
        n = len(doc)
        if not n:
            return
        info = self._info
        infos = [info(tuple(row)) for row in doc.to_array(_KEY_IDS).tolist()]
        found: list[tuple[int, ...]] = [single for single, _ in infos]
        if self._pairs:
            slots = [slot for _, slot in infos]
            extra: dict[int, list[int]] = {}
            for i in range(n - 1):
                here = slots[i]
                if not here:
                    continue
                after = slots[i + 1]
                for rule, index, alts, _ in self._pairs:
                    if any((rule, a, 0) in here and (rule, a, 1) in after for a in range(len(alts))):
                        extra.setdefault(i + index, []).append(rule)
            for i, more in extra.items():
                found[i] = tuple(sorted(set(found[i]) | set(more)))
        merged = self._merged
        changes: list[dict[int, int] | None] = []
        columns: set[int] = set()
        for rules in found:
            if not rules:
                changes.append(None)
                continue
            attrs = merged.get(rules)
            if attrs is None:
                attrs = {}
                for rule in rules:  # ascending rule number: a later rule wins, as in AttributeRuler.match
                    attrs.update(self._by_number[rule])
                merged[rules] = attrs
            changes.append(attrs)
            columns.update(attrs)
        if not columns:
            return
        cols: Any = sorted(columns)
        values: Any = doc.to_array(cols)
        if values.ndim == 1:
            values = values.reshape(-1, 1)
        values = values.astype("uint64")
        where = {attr: j for j, attr in enumerate(cols)}
        for i, attrs in enumerate(changes):
            if attrs:
                for attr, value in attrs.items():
                    values[i, where[attr]] = value
        doc.from_array(cols, values)


def replace_attribute_ruler(nlp: Language, *, ruler: str = "attribute_ruler") -> bool:
    """Put a :class:`FastAttributeRuler` in the place of ``ruler`` (disabled, kept for reference) when every
    one of its rules is supported; True when it did."""
    if ruler not in nlp.pipe_names or not supported(nlp.get_pipe(ruler)):
        return False
    nlp.add_pipe(COMPONENT, after=ruler, config={"ruler": ruler})
    nlp.disable_pipe(ruler)
    return True


@Language.factory(COMPONENT, default_config={"ruler": "attribute_ruler"})
def make_fast_attribute_ruler(nlp: Language, name: str, ruler: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp, name, ruler=ruler)
