"""Paragraphs and headings are sentence boundaries: a spaCy component that runs before the parser.

No sentence spans a blank line: the first token of every paragraph starts a sentence. A heading or
one-line crosshead (a short line without final punctuation, in title case or all capitals, standing on
its own line after a blank line, the start of the text or a finished sentence) is a unit of its own: it
starts a sentence and so does the line after it. Its character range is kept (:func:`doc_headings`)
so that sentiment can leave it out. The parser respects boundaries set before it, so quotes and
entities see the same units.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import PARAGRAPHS_COMPONENT as COMPONENT
from .chunks import BLANK_LINE, TEXT_KEY

_LINE = re.compile(r"[^\n]+")
_FINAL = set(".!?:;,…")
_CLOSERS = "\"'”’)]»"
_SMALL = frozenset(
    "a an the and or nor but of for in on at to by with from as vs v into over after up off out per via is".split()
)
#: A heading has at most this many words and characters.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100

#: ``doc.user_data`` key of the headings' (start, end) character ranges, set only when there are some.
HEADINGS_KEY = "newsbrief.headings"


def doc_headings(doc: Doc) -> tuple[tuple[int, int], ...]:
    """(start, end) of the headings of a Doc parsed with the component (none otherwise)."""
    return tuple(doc.user_data.get(HEADINGS_KEY, ()))


def is_heading_line(line: str) -> bool:
    """True for a short line without final punctuation in title case or all capitals."""
    line = line.strip()
    if not line or len(line) > HEADING_MAX_CHARS:
        return False
    words = line.split()
    if len(words) > HEADING_MAX_WORDS or line.rstrip(_CLOSERS)[-1:] in _FINAL:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 2:
        return False
    if all(c.isupper() for c in letters):
        return True
    alpha = [w.strip("\"'“”‘’()[]-–—") for w in words]
    alpha = [w for w in alpha if any(c.isalpha() for c in w)]
    capitalised = [w for w in alpha if w[0].isupper() or w[0].isdigit()]
    return bool(capitalised) and all(w in capitalised or w.lower() in _SMALL for w in alpha)


def unit_starts(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Character offsets where a paragraph or heading unit starts, and the headings' (start, end)."""
    starts = [m.end() for m in BLANK_LINE.finditer(text)]
    headings: list[tuple[int, int]] = []
    prev_end_ok = True  # the start of the text counts as after a blank line
    prev_end = -2
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            prev_end_ok = True
            continue
        after_break = prev_end_ok or text.count("\n", prev_end, m.start()) > 1
        if after_break and is_heading_line(line):
            lead = len(line) - len(line.lstrip())
            headings.append((m.start() + lead, m.start() + lead + len(stripped)))
            starts.append(m.start())
            starts.append(m.end())
        prev_end_ok = stripped.rstrip(_CLOSERS)[-1:] in set(".!?…")
        prev_end = m.end()
    return sorted(set(starts)), headings


@Language.component(COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first word of every paragraph and heading (see the module doc)."""
    if len(doc) < 2:
        return doc
    text = doc.text
    doc.user_data[TEXT_KEY] = text  # newsbrief.nlp.chunks.doc_text: built once per Doc
    starts, headings = unit_starts(text)
    idx = [t.idx for t in doc]
    # One array write: Token.is_sent_start's setter scans the whole Doc on every call (quadratic).
    sent_starts = doc.to_array([SENT_START])
    for char in starts:
        i = bisect.bisect_left(idx, char)
        while i < len(doc) and doc[i].is_space:
            i += 1
        if 0 < i < len(doc):
            sent_starts[i] = 1
    doc.from_array([SENT_START], sent_starts)  # type: ignore[arg-type]  # spaCy's stub says to_array gives float64
    if headings:
        doc.user_data[HEADINGS_KEY] = tuple(headings)
    return doc
