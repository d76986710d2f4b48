"""Which lines the rule reader took for chrome inside a browser copy's story come back (:mod:`.lines`' admission).

The story's place in the copy (:func:`story_span`); the lines that may come back whatever their odds (:func:`candidate`:
no furniture, no name alone, nothing the story's cleaning drops); the shape a story gives them in a block of lines
between two story lines (:func:`shaped`: a crosshead, list items, a short sentence, an embedded post's signature); and
the story with them merged by their place in the copy (:func:`merged`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .boilerplate import is_boilerplate
from .copy_headline import DATE_LINE, INTERFACE, RELATIVE_TIME
from .copy_patterns import words
from .copy_teasers import SENTENCE_END, dropped, glued_card, list_label, shouted

#: The signature line of an embedded post ("— Jane Doe (@jdoe) November 18, 2019"): the post above it is quoted in
#: the story.
POST_SIGNATURE = re.compile(r"^[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},\s+\d{4}$")
#: Lines of a page's furniture that never come back into a story, whatever the classifier's odds: a read or listen
#: time ("5 min read"), a count in brackets ("Comments (12)", "Share (3)"), a time alone ("10:15", "9.30am BST"), a
#: button or banner action ("Copy link", "Accept all", "Manage settings", "Download the app.", "Report an error",
#: "Print", "Save article", "Listen to this article").
FURNITURE_SHAPE = re.compile(
    r"^\d+\s*(?:min(?:ute)?s?|hrs?|hours?)\.?\s+(?:read|listen|watch)\b|"
    r"^[\w' -]{1,30}\(\d[\d,.]*[km]?\)$|"
    r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$|"
    r"^(?:copy|share|save|print|email|bookmark|report|download|get|accept|reject|manage|listen|show|hide|load|view|"
    r"see|follow|install|open|close|expand|collapse)\b(?:\s+\S+){0,3}?\s*(?:link|url|all|settings|preferences|"
    r"cookies|choices|app|error|typo|correction|article|story|page|comments?|more|less|options|to this article|"
    r"transcript|gallery|us)\W*$",
    re.IGNORECASE)
#: A read or listen time ("5 min read"): a teaser card's or a byline's part.
READ_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?|hrs?|hours?)\.?\s+(?:read|listen|watch)\b", re.IGNORECASE)
#: Words a crosshead has at most.
CROSSHEAD_WORDS = 12
#: A name alone ("Tomas Ellery", "Ana M. Ruiz") or any two or three capitalised words: a teaser card's author or a
#: credit next to another line of its block, else maybe a crosshead in title case ("Rising Costs").
NAME_ONLY = re.compile(r"^(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,2}$")


def story_span(lines: list[str], body: list[str]) -> tuple[int, int]:
    """The first and last index of the story ``body`` in the copy ``lines`` ((len, -1) when none is found): told by
    the body lines found once in the copy (a lede repeated as a teaser above or below the story does not move it),
    widened over the body lines next to it. One pass over the copy."""
    kept = set(body)
    at: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line in kept:
            at.setdefault(line, []).append(i)
    where = [found[0] for found in at.values() if len(found) == 1] or [i for found in at.values() for i in found]
    if not where:
        return len(lines), -1
    first, last = min(where), max(where)
    while first > 0 and lines[first - 1] in kept:
        first -= 1
    while last + 1 < len(lines) and lines[last + 1] in kept:
        last += 1
    return first, last


def candidate(line: str) -> bool:
    """A line that may come back into a story: no furniture (:func:`~.boilerplate.is_boilerplate`,
    :data:`FURNITURE_SHAPE`, the interface's sentences :data:`~.browser.INTERFACE`), nothing the story's cleaning drops
    (:func:`~.copy_teasers.dropped`), no teaser card's part (:func:`card`)."""
    return not (is_boilerplate(line) or FURNITURE_SHAPE.search(line) or INTERFACE.search(line) or dropped(line)
                or card(line))


def card(line: str) -> bool:
    """A part of a teaser card or a byline, which keeps every line of its block out of the story: a relative time, an
    update's date, a list label, five words or more in capitals with no digit (another story's headline; a score row
    "LEEDS RANGERS 2 BRISTOL TOWN 1" is none), a card glued on one line. A name alone (:data:`NAME_ONLY`) is told by
    its block (:func:`shaped`)."""
    return bool(RELATIVE_TIME.search(line) or DATE_LINE.match(line) or list_label(line) or glued_card(line)
                or (shouted(line, min_words=5) and not any(c.isdigit() for c in line)))


def shaped(lines: list[str], block: range, ok: list[bool], odds: list[float], *, kept: set[str],
           admit_odds: float) -> list[int]:
    """The indices of a ``block`` of lines between two story lines that come back, ``ok`` telling the candidates but
    for their body ``odds`` (each line's at least ``admit_odds``, a list's mean):
    none when a line of the block is a teaser card's part (:func:`card`), a read time, or a name alone next to
    another line (a card's author or a credit; a name alone before a story line is a crosshead in title case, "Rising
    Costs"). The page's furniture left out (non-:func:`candidate` lines, "Advertisement"), the rest comes back: a run
    of two or more lines when every one is a candidate (list items, a table's rows, with the line announcing them); else
    a sentence (opening with a capital or a quote, closing on :data:`~.copy_teasers.SENTENCE_END`; one closing on a
    colon only when the line after it comes back), an embedded post's signature, or a crosshead (opening with a
    capital or a digit, :data:`CROSSHEAD_WORDS` words at most) followed by a line that comes back or by the story's
    next line."""
    if any(card(lines[k]) or READ_TIME.search(lines[k]) or (len(block) > 1 and NAME_ONLY.match(lines[k]))
           for k in block):
        return []
    rest = [(k, good, odd) for k, good, odd in zip(block, ok, odds) if candidate(lines[k])]
    if len(rest) >= 2 and all(good for _, good, _ in rest) and sum(odd for *_, odd in rest) / len(rest) >= admit_odds:
        return [k for k, *_ in rest]
    out: list[int] = []
    follows = block.stop < len(lines) and lines[block.stop] in kept  # the story's next line after the block
    for k, good, odd in reversed(rest):
        line = lines[k].strip()
        first = next((c for c in line if c.isalnum() or c in "\"“‘'"), "")
        sentence = line[-1:] in SENTENCE_END and (first.isupper() or first in "\"“‘'")
        crosshead = (first.isupper() or first.isdigit()) and len(words(line)) <= CROSSHEAD_WORDS and follows
        sentence = sentence and (line[-1] != ":" or follows)
        admit = good and odd >= admit_odds and (sentence or crosshead or bool(POST_SIGNATURE.match(line)))
        if admit:
            out.append(k)
        follows = admit
    return out[::-1]


def merged(lines: list[str], body: list[str], admitted: list[int], *, span: tuple[int, int] | None = None) -> list[str]:
    """``body`` with the copy's lines at the indices ``admitted``, in the copy's order: each body line at its place in
    the copy (the first occurrence after the previous body line's, one inside the story's span preferred), a body line
    found nowhere in the copy (its text cleaned, "... Click To Tweet") right after the body line before it. ``span``:
    the story's place (:func:`story_span`) when the caller has it. Linear in the copy and the body (but for the
    sort)."""
    if not admitted:
        return body
    first, last = story_span(lines, body) if span is None else span
    at: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        at.setdefault(line, []).append(i)
    keyed: list[tuple[int, int, int, str]] = [(i, 1, 0, lines[i]) for i in admitted]
    prev = -1
    for n, line in enumerate(body):
        where = at.get(line, [])
        after = bisect_right(where, prev)
        inside = bisect_left(where, max(prev + 1, first))
        if inside < len(where) and where[inside] <= last:
            prev = where[inside]
        elif after < len(where):
            prev = where[after]
        else:
            keyed.append((prev, 2, n, line))
            continue
        keyed.append((prev, 0, n, line))
    return [line for *_, line in sorted(keyed)]
