"""Evidence for an entity's type beyond the model's label, and text that is no prose.

* :func:`lexicon` - curated word lists (``data/entity_lexicon.json``): well-known organisations and
  platforms, country aliases, name particles, table words, speakers that cannot speak.
* :func:`table_spans` - lines that are tables or listings (figures, ``vs``, ``cts``, ``mln``,
  column-like spacing): kept out of entities and sentiment.
* :func:`cue_label` - the label a mention's context asks for ("the island of X", "X Street",
  "-straße", "X Inc", "X said", "Mr X", "X, 75,") or None.
* :func:`in_quoted_title` - a name that is the whole of a short quoted title ("Joker", "The Crown").
* :func:`org_evidence` - words around a name that say an organisation ("energy company X", "shares of X",
  "X's chief executive", "X said in a statement"): a feature of the learned typer, over all of a name's mentions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..chunks import doc_text
from ..lexicon import lexicon
from ..quotes.lexicon import PERSONAL_SPEECH_LEMMAS
from .gazetteer import country_code, is_capital, is_place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["lexicon", "org_key", "is_known_org", "is_table_line", "table_spans", "has_digit", "cue_label",
           "in_quoted_title", "org_evidence", "is_common_plural", "acts_as_government", "is_credit_line",
           "credit_spans", "OF_ORG_HEADS", "OF_PLACE_HEADS", "org_noun_at"]

_FAC_SUFFIXES = frozenset(
    "street st road rd avenue ave boulevard lane square bridge terminal airport station museum stadium observatory "
    "telescope".split()
)
_COMPASS = frozenset("northern southern eastern western central north-eastern north-western south-eastern "
                     "south-western northeastern northwestern southeastern southwestern".split())
#: Place heads that take an "of" complement ("Gulf of X", "Republic of X", "County of X").
OF_PLACE_HEADS: frozenset[str] = frozenset(
    "gulf bay sea cape isle island islands lake plains strait straits republic kingdom city county district "
    "province commonwealth duchy principality emirate sultanate state".split()
)
#: Heads of "X of Y" places that are polities ("Republic of X", "County of X"), GPE; other place heads, LOC.
#: Organisation heads that take an "of" complement, beside the lexicon's organisation heads ("Staff of X").
OF_ORG_HEADS: frozenset[str] = frozenset(
    "staff forces corps church library museum lodge chamber cabinet directorate secretariat inspectorate "
    "government".split()
)
_POLITY_HEADS = frozenset("republic kingdom state commonwealth duchy principality emirate sultanate city county "
                          "district province".split())
_DIRECTIONS = frozenset("west east north south northern southern eastern western central upper lower new inner outer "
                        "greater".split())  # a part of a country is a place: "Inner X", "Greater X"
_ORG_NOUNS = frozenset("foundation board company corporation party union council agency institute university "
                       "bank firm brokerage newspaper magazine network".split())
#: Lower-case nouns after a name that make it a building ("trip to X hospital"; a city's airport stays the city).
#: Honorifics the model puts inside a person's span ("Ms Quarrington"): as definitive as one before it ("Mr X").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
_FAC_NOUNS = frozenset("hospital prison jail penitentiary airport airfield stadium".split())
_NUMBER = re.compile(r"^[-+($]?\d[\d.,/:%]*\)?$")
_ORG_NOUN_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(_ORG_NOUNS)) + r")\b")
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")


_CORPORATE = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "company", "com",
                        "ag", "sa", "nv", "bv", "gmbh", "se", "spa", "ab", "asa", "holdings", "limited"})


def org_key(folded: str) -> str:
    """A folded organisation name without a corporate suffix or web domain (Alibaba Group, Snopes.com -> alibaba)."""
    words = folded.split()
    while len(words) > 1 and words[-1] in _CORPORATE:
        words = words[:-1]
    return " ".join(words)


def is_known_org(text: str) -> bool:
    """True for a well-known organisation or platform of the curated list (Twitter, Netflix, SAG ...)."""
    return text.strip().lower() in lexicon()["organisations"]


def is_table_line(line: str) -> bool:
    """A line of a table or listing: mostly figures, table words, ``vs`` or column-like spacing."""
    words = line.split()
    if not words:
        return False
    numbers = sum(1 for w in words if _NUMBER.match(w))
    table = sum(1 for w in words if w.lower().strip(".,;:()") in lexicon()["table_words"])
    if _COLUMNS.search(line.strip()) and numbers >= 1:
        return True
    if len(words) <= 3:
        return numbers >= 1 and table >= 1
    if table >= 3 and table / len(words) >= 0.4 or any(w.lower() == "vs" for w in words) and numbers and table >= 2:
        return True
    if numbers >= 2 and (numbers + table) / len(words) >= 0.4:
        return True
    return numbers >= 2 and any(w.lower() == "vs" for w in words)


def table_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the lines of ``text`` that are tables or listings."""
    return list(_table_spans(text))


@functools.lru_cache(maxsize=16)
def _table_spans(text: str) -> tuple[tuple[int, int], ...]:
    # cached: the entity candidates and the sentence rows of one text both ask
    return tuple(_line_spans(text, is_table_line))


def _line_spans(text: str, keep: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Character spans of the lines of ``text`` (line end included) for which ``keep`` is true."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if keep(line):
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


#: A line that credits or promotes rather than reports: "Follow X on Twitter", "Reporting by X; Editing by Y",
#: "Main image credit: Getty", "Photo: X/Reuters". Names on it are the newsroom's, not the story's.
_CREDIT_LINE = re.compile(
    r"^\W*(?:follow\b[^.!?,\"“”]{1,60}\bon\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|x\b)"
    r"|(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research)\s+by\b"
    r"|(?:(?:main\s+|top\s+|header\s+)?(?:image|photo|picture|video)s?\s*(?:credit|courtesy)?|credits?|"
    r"photograph|photo\s+illustration)\s*:)",
    re.IGNORECASE,
)


def is_credit_line(line: str) -> bool:
    """True for a line that credits or promotes (see :data:`_CREDIT_LINE`): its names are no entities."""
    return len(line) <= 300 and _CREDIT_LINE.match(line) is not None


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the credit and promotion lines of ``text``."""
    return _line_spans(text, is_credit_line)


def _words_before(span: Span, n: int) -> str:
    doc = span.doc
    return " ".join(t.lower_ for t in doc[max(0, span.start - n) : span.start] if not t.is_space)


def cue_label(span: Span) -> tuple[str, bool] | None:
    """The label the context of ``span`` asks for and whether the cue is definitive (a speech verb only
    leans towards a person), else None (see module docs)."""
    lex = lexicon()
    doc = span.doc
    last = span[-1].lower_
    nxt = doc[span.end] if span.end < len(doc) else None
    nxt_low = nxt.lower_.rstrip(".") if nxt is not None else ""
    prev = doc[span.start - 1] if span.start > 0 else None
    if (prev is not None and prev.lower_ in {"elect", "designate"} and span.start >= 3
            and doc[span.start - 2].text == "-"):
        prev = doc[span.start - 3]  # "President-elect Trump"
    if any(last.endswith(end) and len(last) > len(end) + 2 for end in lex["place_word_endings"]):
        return "FAC", True
    if last in lex["place_suffixes"] and len(span) >= 2:
        return ("FAC" if last in _FAC_SUFFIXES else "LOC"), True
    if nxt is not None and nxt_low in {"street", "road", "avenue", "boulevard", "lane", "square"} and nxt.is_title:
        return "FAC", True
    if prev is not None and prev.is_lower and prev.lower_ in _COMPASS and span[0].is_title:
        return "LOC", True  # "eastern Northland"
    if (nxt is not None and nxt.is_lower and nxt.lower_ in _FAC_NOUNS and not is_place(span.text)
            and not _noun_after(doc, span.end + 1)):  # "the X prison sentence": X is what the sentence is of
        return "FAC", True  # "Quorvex hospital", "Kelmford prison": a building named after whatever
    if org_noun_at(doc_text(doc), span.end_char) and not is_place(span.text):
        return "ORG", True  # "the Walkley board", "Zanu-PF party"
    before = _words_before(span, 2)
    if any(before.endswith(p) for p in lex["place_before"]):
        return ("LOC" if "island" in before or "isle" in before else "GPE"), True
    of = next((t.i for t in span if t.lower_ == "of"), None)
    org_last = len(span) >= 2 and last.rstrip(".") in lex["org_suffixes"]  # "Republic of X Army": its army
    if of is not None and of > span.start and doc[of - 1].lower_ in OF_PLACE_HEADS and not org_last:
        return ("GPE" if doc[of - 1].lower_ in _POLITY_HEADS else "LOC"), True  # "Gulf of X", "Republic of X"
    if of is not None and of > span.start and doc[of - 1].lower_ in lex["org_suffixes"]:
        return "ORG", True  # "Bank of Japan", "Public Utility Commission of Texas"
    if len(span) >= 2 and last.rstrip(".") in lex["org_suffixes"] and span[-1].is_title | span[-1].is_upper:
        return "ORG", True
    if nxt is not None and nxt_low in {"inc", "corp", "ltd", "llc", "plc", "co", "group"} and nxt.text[:1].isupper():
        return "ORG", True
    if is_known_org(span.text):
        return "ORG", True
    if len(span) >= 2 and span[-1].is_title and country_code(span[-1].text) is not None and (
        country_code(span.text) is None and not is_place(span.text)
        and not any(t.lower_ in _DIRECTIONS for t in span[:-1])  # West Germany, East Timor are places
    ):
        return "ORG", True  # "Statistics Canada", "Air Canada": a body named after its country
    if len(span) == 1 and prev is not None and prev.lower_ == "the" and is_common_plural(span.text):
        return "ORG", True  # "the Steelers", "the Browns": a team or a band, no person
    # people: a title or kin word right before (or an honorific inside), an age after, the subject of a speech verb
    if len(span) >= 2 and span[0].text[:1].isupper() and span[0].lower_.rstrip(".") in _HONORIFICS:
        return "PERSON", True  # "Ms Quarrington", "Mrs. Vellacott" as the model tags them
    if prev is not None and prev.lower_.rstrip(".").split("-")[0] in lex["person_titles"] and (
        prev.text[:1].isupper() or (len(span) >= 2 and all(t.is_title for t in span))
    ):
        return "PERSON", True  # "Mr Obama", "President-elect Trump", "security chief Emmerson Mnangagwa"
    if span[0].text in lex["organisations_cased"] and len(span) >= 2:
        return "ORG", True  # "Yahoo Japan"
    if is_place(span.text) or country_code(span.text) is not None:
        return None  # "South Africa said": a country speaking is still a place
    if nxt is not None and nxt.text == "," and span.end + 2 < len(doc):
        age, comma = doc[span.end + 1], doc[span.end + 2]
        if age.like_num and age.text.isdigit() and 10 <= int(age.text) <= 110 and comma.text == ",":
            return "PERSON", True
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in PERSONAL_SPEECH_LEMMAS:
        return "PERSON", False
    if (root.dep_ in {"nsubj", "dobj", "attr", "appos"} and root.head.lemma_.lower() in PERSONAL_SPEECH_LEMMAS
            and root.head.i < span.start):
        return "PERSON", False  # inverted: "says Parata"
    if root.dep_ == "appos" and root.head.lower_ in lex["person_titles"]:
        return "PERSON", True  # "his father, Hori Parata"
    return None


def _noun_after(doc: Doc, i: int) -> bool:
    """A lower-case common noun at token ``i`` ("sentence" in "the X prison sentence")."""
    return i < len(doc) and doc[i].is_lower and doc[i].is_alpha and doc[i].pos_ == "NOUN"


def org_noun_at(text: str, pos: int) -> bool:
    """A lower-case noun of an organisation at ``pos`` of ``text`` after a space ("the X| board", "X| magazine")."""
    return _ORG_NOUN_AFTER.match(text, pos) is not None


def is_common_plural(word: str) -> bool:
    """A capitalised plural of a common noun ("Browns", "Bears", "Eagles"), no place: after "the", a team or a
    band (:func:`cue_label`)."""
    from .words import is_common_word

    low = word.lower()
    return (word[:1].isupper() and low.endswith("s") and not low.endswith("ss") and len(low) > 3
            and is_common_word(low[:-1]) and not is_common_word(low) and not is_place(word))


def in_quoted_title(span: Span, *, text: str | None = None) -> bool:
    """True when ``span`` is most of a short quoted stretch in title case (a film, book, show, award)."""
    doc = span.doc
    text = doc_text(doc) if text is None else text
    a, b = span.start_char, span.end_char
    left = text[max(0, a - 2) : a].rstrip()
    right = text[b : b + 2].lstrip()
    opens, closes = "\"“‘'", "\"”’'"
    if left[-1:] and left[-1] in opens and right[:1] and right[0] in closes:
        return True
    # "The Crown" with the article outside the entity: look a little wider, up to 6 words
    lo = text.rfind("\n", 0, a) + 1
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    q_open = max(text.rfind(c, lo, a) for c in "“\"")
    if q_open < 0:
        return False
    q_close = min((p for p in (text.find(c, b, hi) for c in "”\"") if p >= 0), default=-1)
    if q_close < 0:
        return False
    inner = text[q_open + 1 : q_close].strip()
    words = inner.split()
    if not 1 <= len(words) <= 6 or inner[-1:] in ".,?!":
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in {"of", "the", "a", "and", "in", "on", "to"})
    return caps == len(words) and (b - a) >= 0.5 * len(inner) and not doc[span.start].is_sent_start


#: A trade noun right before a name ("energy company X", "tech giant X"): the name is an organisation.
_TRADE_BEFORE = frozenset(
    "company firm startup start-up giant maker carrier airline conglomerate retailer publisher developer "
    "manufacturer contractor lender insurer broadcaster label studio chain operator supplier provider "
    "subsidiary automaker carmaker brand outlet".split()
)
#: A role in an organisation before "of", "at", "for" ("chief operating officer of X", "revenue at X").
_ROLE_BEFORE = frozenset(
    "ceo executive executives officer founder co-founder chairman chairwoman spokesman spokeswoman "
    "spokesperson employee employees staff shareholders investors shares stock analyst engineer engineers "
    "partnerships revenue works worked working job joined".split()
)
#: What an organisation has, after "X's" or right after X ("X's shares", "X games", "X employees").
_ORG_HAS = frozenset(
    "ceo chief executives employees shares stock board headquarters spokesman spokeswoman spokesperson founder "
    "subsidiary shareholders revenue revenues profit profits earnings products stores app website platform "
    "games customers subscribers".split()
)


def org_evidence(span: Span) -> bool:
    """True when the words around ``span`` say it names an organisation, whatever the model's label:
    a trade noun before it ("energy company X"), a role in an organisation before "of"/"at"/"for" ("chief
    operating officer of X", "works at X", "shares of X"), what an organisation has after it ("X's chief
    executive", "X shares", "X games"), "X said in a statement"."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.is_lower and prev.lower_ in _TRADE_BEFORE:
        return True
    if prev is not None and prev.lower_ in {"of", "at", "for"} and span.start >= 2 and any(
        t.lower_ in _ROLE_BEFORE for t in doc[max(0, span.start - 3) : span.start - 1]
    ):
        return True
    n, i = len(doc), span.end
    while i < n and doc[i].is_space:
        i += 1
    if i < n and doc[i].lower_ in {"'s", "’s"}:
        i += 1
    if i >= n:
        return False
    nxt = doc[i]
    if nxt.is_lower and nxt.lower_ in _ORG_HAS:
        return True
    if nxt.lower_ not in {"said", "says"} or i + 3 >= n:
        return False
    return doc[i + 1].lower_ == "in" and doc[i + 2].lower_ == "a" and doc[i + 3].lower_ in {"statement", "release"}


#: What a government does or has, after "X's" ("Beijing's demands", "Washington's move").
_GOVERNMENT_HAS = frozenset(
    "demand demands move moves decision decisions position stance policy policies response plan plans claim claims "
    "refusal pressure approval support offer proposal proposals request reaction threat threats sanctions "
    "officials leaders leadership negotiators envoy ambassador government administration crackdown".split()
)


def acts_as_government(span: Span) -> bool:
    """True when ``span`` names a country's capital that acts: the subject of a verb other than "be"
    ("Beijing is balking", "Washington had concluded"), or "X's" before what a government has ("Beijing's
    demands"): the capital stands for the government (an organisation in the gold's convention)."""
    if not is_capital(span.text):
        return False
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].lower_ in {"'s", "’s"} and i + 1 < len(doc):
        return doc[i + 1].lower_ in _GOVERNMENT_HAS
    root = span.root
    head = root.head
    return root.dep_ == "nsubj" and head.i != root.i and head.pos_ == "VERB" and head.lemma_ != "be"


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """True when ``text`` has a decimal digit: tables and listings are looked for only then (the entity layer's
    :func:`skip_spans` and the sentence rows ask the same)."""
    return _DIGIT.search(text) is not None


@functools.lru_cache(maxsize=16)
def skip_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sorted character spans of the lines of ``text`` whose names are no entities: tables and listings (looked
    for only when the text :func:`has_digit`) and credit or promotion lines. Cached: the entity candidates and
    the recall of missed surnames of one text both ask."""
    tables = _table_spans(text) if has_digit(text) else ()
    return tuple(sorted([*tables, *credit_spans(text)]))
