"""Quote-mark pairing and paragraph boundaries for the quote extractor.

Pure string code, no spaCy: it pairs double quote marks (straight ``"``, curly
``“ ”``, guillemets ``« »``, low ``„``) and, where no double marks are open,
single marks used as quotes (``‘ ’`` and ``'`` at word boundaries, never an
apostrophe inside a word). Pairing runs in one left-to-right pass per
paragraph and never fails on unbalanced marks:

* a quote still open at the end of a paragraph is closed there; when the next
  paragraph opens with a quote mark the two spans are linked as one
  multi-paragraph quote (the newswire convention of not closing a paragraph
  that the quote continues in);
* a closing mark with no opening mark is ignored;
* an opening mark met while a quote is open closes the open one just before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["QuoteSpan", "Paragraphs", "find_quote_spans"]

_DOUBLE_OPEN = frozenset("“«„‟")
_DOUBLE_CLOSE = frozenset("”»")
_DOUBLE_AMBIG = frozenset('"＂')
_SINGLE_OPEN = frozenset("‘‚")
_SINGLE_CLOSE_OR_APOS = frozenset("’")
_SINGLE_AMBIG = frozenset("'")
_ALL_MARKS = _DOUBLE_OPEN | _DOUBLE_CLOSE | _DOUBLE_AMBIG | _SINGLE_OPEN | _SINGLE_CLOSE_OR_APOS | _SINGLE_AMBIG
_MARK_RE = re.compile("[" + re.escape("".join(sorted(_ALL_MARKS))) + "]")
_PARA_RE = re.compile(r"\n[ \t\u00a0\r]*\n\s*")
_OPENERS_BEFORE = frozenset("([{—–-/")
_MAX_SINGLE_LEN = 600


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch inside a single paragraph.

    ``start``/``end`` cover the marks, ``inner_start``/``inner_end`` the quoted
    words (whitespace-trimmed). ``prev`` is the index of the span this one
    continues (multi-paragraph quote), ``closed`` whether a closing mark was found.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    para: int
    double: bool
    closed: bool
    prev: int | None = None


class Paragraphs:
    """Paragraph boundaries of a text (blank-line separated) with O(log n) lookup."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = [0]
        self.ends: list[int] = []
        for m in _PARA_RE.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def index(self, char: int) -> int:
        """Index of the paragraph holding ``char`` (gaps count as the preceding one)."""
        return max(0, bisect_right(self.starts, char) - 1)

    def __len__(self) -> int:
        return len(self.starts)


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _classify(text: str, pos: int, lo: int, hi: int) -> str:
    """Return 'open', 'close' or 'either' for an ambiguous mark by its neighbours."""
    prev = text[pos - 1] if pos > lo else ""
    nxt = text[pos + 1] if pos + 1 < hi else ""
    before_ok = _is_space(prev) or prev in _OPENERS_BEFORE or prev in _ALL_MARKS
    after_ok = _is_space(nxt) or (not nxt.isalnum() and nxt not in _ALL_MARKS)
    if before_ok and not _is_space(nxt) and not after_ok:
        return "open"
    if after_ok and not before_ok:
        return "close"
    if before_ok and _is_space(nxt):
        return "stray"
    return "either"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _pair_paragraph(text: str, lo: int, hi: int, *, double: bool) -> list[tuple[int, int, bool]]:
    """Pair marks of one family in text[lo:hi]; returns (open_pos, close_end, closed)."""
    pairs: list[tuple[int, int, bool]] = []
    open_pos: int | None = None
    for m in _MARK_RE.finditer(text, lo, hi):
        pos = m.start()
        ch = text[pos]
        if double:
            if ch in _DOUBLE_OPEN:
                kind = "open"
            elif ch in _DOUBLE_CLOSE:
                kind = "close"
            elif ch in _DOUBLE_AMBIG:
                kind = _classify(text, pos, lo, hi)
            elif open_pos is not None and text[pos + 1 : pos + 2] == ch and ch in "’'":
                kind = "close"  # two single marks closing a double quote (“...’’)
            else:
                continue
        else:
            if ch in _SINGLE_OPEN:
                kind = "open"
            elif ch in _SINGLE_CLOSE_OR_APOS or ch in _SINGLE_AMBIG:
                prev = text[pos - 1] if pos > lo else ""
                nxt = text[pos + 1] if pos + 1 < hi else ""
                if prev.isalnum() and nxt.isalnum():
                    continue  # apostrophe inside a word: don't, Ukraine's
                kind = _classify(text, pos, lo, hi)
                if ch in _SINGLE_CLOSE_OR_APOS and kind == "open":
                    continue  # ’ opening a word is an elision ('90s), not a quote
                if kind == "either" and prev.isalnum():
                    kind = "close"
                if kind == "close" and open_pos is None:
                    continue  # possessive plural (voters') or stray
            else:
                continue
        if kind == "stray":
            continue
        if kind == "either":
            kind = "close" if open_pos is not None else "open"
        if kind == "open":
            if open_pos is not None and double:
                pairs.append((open_pos, pos, False))
            # (an unclosed single mark was probably an apostrophe: dropped)
            open_pos = pos
        else:
            if open_pos is None:
                continue
            if not double and pos + 1 - open_pos > _MAX_SINGLE_LEN:
                open_pos = None
                continue
            pairs.append((open_pos, pos + 1, True))
            open_pos = None
    if open_pos is not None and double:
        pairs.append((open_pos, hi, False))
    return pairs


def find_quote_spans(text: str, paragraphs: Paragraphs | None = None) -> list[QuoteSpan]:
    """Pair the quote marks of ``text``; spans are sorted and never overlap."""
    paras = paragraphs if paragraphs is not None else Paragraphs(text)
    spans: list[QuoteSpan] = []
    prev_unclosed: int | None = None
    for p, (lo, hi) in enumerate(zip(paras.starts, paras.ends)):
        if lo >= hi:
            continue
        found: list[tuple[int, int, bool, bool]] = [
            (a, b, c, True) for a, b, c in _pair_paragraph(text, lo, hi, double=True)
        ]
        # single marks only between double-quoted stretches
        cursor = lo
        singles: list[tuple[int, int, bool, bool]] = []
        for a, b, _c, _d in found + [(hi, hi, True, True)]:
            if a > cursor:
                singles.extend((x, y, c, False) for x, y, c in _pair_paragraph(text, cursor, a, double=False))
            cursor = max(cursor, b)
        found = sorted(found + singles)
        first_opens_para = bool(found) and found[0][0] == _trim(text, lo, hi)[0]
        for k, (a, b, closed, dbl) in enumerate(found):
            inner_a = a + 1
            inner_b = b - 1 if closed else b
            inner_a, inner_b = _trim(text, inner_a, max(inner_a, inner_b))
            if inner_b <= inner_a:
                continue
            link = prev_unclosed if (k == 0 and first_opens_para and dbl) else None
            spans.append(QuoteSpan(a, b, inner_a, inner_b, p, dbl, closed, link))
        last = spans[-1] if spans else None
        prev_unclosed = (
            len(spans) - 1
            if last is not None and last.para == p and last.double and not last.closed and last.end >= hi
            else None
        )
    return spans
