"""A learned line classifier for browser copies: each line is body, headline or other (numpy inference).

Features describe a line and its neighbours in the terms the rule reader uses (prose or chrome, in the densest
run of prose or not, the rule reader's body and headline, a date, a byline, length, punctuation, capitals,
repeats, position, the classes the story run's cleaning drops). A second stage reads the same features with the
first stage's probabilities of the line and its :data:`CONTEXT` neighbours on each side and of the ten lines before
and after (sequence smoothing: a line among likely body lines is likelier body). Both are multinomial logistic
regressions trained by ``scripts/train_lines.py`` on the train and dev pages of ``../shared/pages`` (every line
labelled from the page's HTML and reference body), the decoder selected by cross-validation over sites: the rule
reader's body lines the classifier gives at least :attr:`LineModel.body_floor` (chrome inside the story goes), the
lines between its first and last line that the rule reader took for chrome by their words, that the classifier
gives at least :attr:`LineModel.admit_odds`, that are no furniture (:func:`~.copy_admission.candidate`) and have a
story's shape (:func:`~.copy_admission.shaped`: a crosshead, list items, a short sentence, an embedded post's
signature), the lines right before and after it it gives at least :attr:`LineModel.grow_odds` (up to
:data:`GROW_LINES` on each side: a short opening or closing paragraph the rule reader's run left out), and the line it
most likely takes for the headline when above :attr:`LineModel.title_odds`. They ship as ``data/lines.npz``, the
training figures beside them in ``data/lines.json``. No scikit-learn at run time.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

import numpy as np

from .boilerplate import COPYRIGHT, is_boilerplate
from .browser import MIN_BODY_WORDS as MIN_STORY_WORDS
from .browser import CopyFields, _best_run, _kind, read_browser_copy
from .bylines import BYLINE
from .copy_admission import POST_SIGNATURE, candidate, merged, shaped, story_span
from .copy_headline import section_tail, title_like
from .copy_language import stopwords_of
from .copy_patterns import DATE, STOPWORDS, lede_of, lede_overlap, words
from .copy_teasers import (
    POINTER,
    TEASER_RUN,
    caption,
    comment_head,
    glued_card,
    headline_like,
    list_label,
    shouted,
)

LABELS: tuple[str, ...] = ("other", "body", "title")
LEDE_MARGIN = 0.2  # the classifier's headline replaces the rule reader's unless the story's opening repeats fewer of
# its words by more than this share (selected on the train and dev copies, benchmarks/pages_silver.py)
WINDOW = 2  # neighbours on each side whose own features join a line's
CONTEXT = 3  # neighbours on each side whose first-stage probabilities join a line's in the second stage
SPAN = 10  # lines before and after whose mean first-stage body probability joins a line's
GROW_LINES = 3  # lines the story may gain before its first and after its last line
#: A lone "Read more": a list label only over a run of headline-like lines.
READ_MORE = re.compile(r"^read more\W*$", re.IGNORECASE)
#: A numbered item or step ("1. Define the goal", "2) Take stock").
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")


def _own(line: str, *, kind: str, in_run: bool, i: int, n: int, lo: int, hi: int, repeats: int, in_rule_body: bool,
         rule_title: bool, in_story: bool, story_share: float, after_label: bool) -> list[float]:
    tokens = words(line)
    n_words = len(tokens)
    letters = [c for c in line if c.isalpha()]
    caps = sum(w[:1].isupper() for w in tokens) / n_words if n_words else 0.0
    stop = sum(w.lower() in STOPWORDS for w in tokens) / n_words if n_words else 0.0
    end = line.rstrip()[-1:]
    before = (lo - i) if i < lo else 0
    after = (i - hi + 1) if i >= hi else 0
    return [
        1.0, math.log1p(n_words), math.log1p(len(line)), stop, caps,
        sum(c.isdigit() for c in line) / max(1, len(line)), sum(c.isupper() for c in letters) / max(1, len(letters)),
        float(kind == "good"), float(kind == "short"), float(kind == "bad"), float(in_run),
        float(end in ".!?\"'”’"), float(end in ":;,"), float(bool(DATE.search(line))),
        float(bool(BYLINE.match(line))),
        float(is_boilerplate(line)), float(bool(COPYRIGHT.search(line))), float(title_like(line, None)),
        i / max(1, n - 1), min(before, 30) / 30, min(after, 30) / 30, float(0 < before <= 3), float(0 < before <= 10),
        math.log1p(repeats), float("|" in line), float(line.startswith(("•", "-", "*", "·"))),
        float(in_rule_body), float(rule_title),
        # the classes the story run's cleaning drops (copy_teasers): captions, pointers, comment heads, teasers
        float(caption(line)), float(bool(POINTER.search(line))),
        float(comment_head(line)), float(headline_like(line)), float(glued_card(line) or shouted(line)),
        # between the rule reader's first and last story line, kept by it or dropped (a crosshead, a list item, a
        # short sentence it took for chrome); an embedded post's signature; a numbered item
        float(in_story), float(in_story and not in_rule_body), float(bool(POST_SIGNATURE.match(line))),
        float(bool(NUMBERED.match(line))),
        # how much of the rule reader's story lies above the line; a list label ("More from Example") above it inside
        # the story (the teaser cards under it read as prose)
        story_share, float(after_label),
    ]


def features(lines: list[str], *, rule: CopyFields | None = None) -> np.ndarray:
    """One row per line: its own features, then those of :data:`WINDOW` neighbours on each side (zeros past the
    ends)."""
    n = len(lines)
    kinds = [_kind(line) for line in lines]
    lo, hi = _best_run(kinds, [len(words(line)) for line in lines])
    counts: dict[str, int] = {}
    for line in lines:
        key = re.sub(r"\W+", "", line.casefold())
        counts[key] = counts.get(key, 0) + 1
    rule = rule if rule is not None else read_browser_copy(lines)  # the rule reader's body and headline are features
    rule_body = set(rule.body) if rule is not None else set()
    rule_title = rule.title if rule is not None else None
    first, last = story_span(lines, rule.body) if rule is not None else (n, -1)
    share, labelled = _story_marks(lines, rule_body, first, last)
    own = np.array([_own(line, kind=k, in_run=lo <= i < hi, i=i, n=n, lo=lo, hi=hi,
                         repeats=counts[re.sub(r"\W+", "", line.casefold())] - 1, in_rule_body=line in rule_body,
                         rule_title=section_tail(line, page=lines) == rule_title, in_story=first <= i <= last,
                         story_share=share[i], after_label=labelled[i])
                    for i, (line, k) in enumerate(zip(lines, kinds))], dtype=np.float64).reshape(n, -1)
    width = own.shape[1]
    padded = np.vstack([np.zeros((WINDOW, width)), own, np.zeros((WINDOW, width))])
    parts = [own] + [padded[WINDOW + d: WINDOW + d + n] for d in range(-WINDOW, WINDOW + 1) if d != 0]
    return np.hstack(parts)


def _story_marks(lines: list[str], body: set[str], first: int, last: int) -> tuple[list[float], list[bool]]:
    """For each line: the share of the story's words (lines in ``body``) above it, and whether a list label (a short
    "More ..." or "Related ..." line, no sentence) stands above it between the story's ``first`` and ``last`` line.
    One pass."""
    total = sum(len(words(line)) for line in lines[first:last + 1] if line in body) if last >= first else 0
    share, labelled = [0.0] * len(lines), [False] * len(lines)
    above, seen = 0, False
    for i, line in enumerate(lines):
        share[i] = above / total if total else 0.0
        labelled[i] = seen
        if first <= i <= last:
            above += len(words(line)) if line in body else 0
            seen = seen or (i > first and list_label(line) and (not READ_MORE.match(line) or _teasers_below(lines, i)))
    return share, labelled


def _teasers_below(lines: list[str], i: int) -> bool:
    """Whether :data:`~.copy_teasers.TEASER_RUN` headline-like lines follow the line at ``i`` (a lone "Read more"
    between two paragraphs labels no list)."""
    below = lines[i + 1: i + 1 + TEASER_RUN]
    return len(below) == TEASER_RUN and all(headline_like(line) for line in below)


def context(p: np.ndarray) -> np.ndarray:
    """The second stage's extra columns: the first stage's body and headline probabilities of a line and its
    :data:`CONTEXT` neighbours on each side (zeros past the ends), the log of its own body probability, and the mean
    body probability of the :data:`SPAN` lines before and after it."""
    n = len(p)
    pad = np.vstack([np.zeros((CONTEXT, p.shape[1])), p, np.zeros((CONTEXT, p.shape[1]))])
    cols = [pad[CONTEXT + d: CONTEXT + d + n, 1:] for d in range(-CONTEXT, CONTEXT + 1)]
    body = p[:, 1]
    before = np.array([body[max(0, i - SPAN):i].mean() if i else 0.0 for i in range(n)])
    after = np.array([body[i + 1:i + 1 + SPAN].mean() if i < n - 1 else 0.0 for i in range(n)])
    return np.hstack([*cols, np.log(np.clip(body, 1e-4, 1.0))[:, None], before[:, None], after[:, None]])


def _softmax(rows: np.ndarray, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray,
             intercept: np.ndarray) -> np.ndarray:
    z = ((rows - mean) / scale) @ coef.T + intercept
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


class LineModel:
    """Weights of the classifier (standardisation, coefficients, intercepts; the second stage's in ``second``: the
    same four arrays, or None for one stage) and its decoder's settings."""

    def __init__(self, *, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 body_floor: float, title_odds: float, second: tuple[np.ndarray, ...] | None = None,
                 grow_odds: float = 1.1, admit_odds: float = 1.1) -> None:
        self.mean, self.scale, self.coef, self.intercept = mean, scale, coef, intercept
        self.body_floor, self.title_odds, self.second, self.grow_odds = body_floor, title_odds, second, grow_odds
        self.admit_odds = admit_odds

    def probabilities(self, lines: list[str], *, rule: CopyFields | None = None) -> np.ndarray:
        """(lines × :data:`LABELS`) probabilities."""
        if not lines:
            return np.zeros((0, len(LABELS)))
        return self.probabilities_of(features(lines, rule=rule))

    def probabilities_of(self, rows: np.ndarray) -> np.ndarray:
        """Probabilities of feature rows (:func:`features`): the second stage's when there is one."""
        p = _softmax(rows, self.mean, self.scale, self.coef, self.intercept)
        if self.second is None or not len(rows):
            return p
        return _softmax(np.hstack([rows, context(p)]), *self.second)

    def _admitted(self, lines: list[str], body: list[str], p: np.ndarray, title: str | None, *,
                  stopwords: frozenset[str]) -> list[str]:
        """``body`` with the lines between its first and last line in the copy that :meth:`admitted` gives back,
        merged by their place in the copy (the story's place found once for both)."""
        span = story_span(lines, body)
        return merged(lines, body, self.admitted(lines, body, p, title, stopwords=stopwords, span=span), span=span)

    def admitted(self, lines: list[str], body: list[str], p: np.ndarray, title: str | None, *,
                 stopwords: frozenset[str], span: tuple[int, int] | None = None) -> list[int]:
        """Indices of the lines between the first and last line of ``body`` in the copy that the rule reader took for
        chrome by their words alone (few words or few function words of the copy's ``stopwords``: no prose) and that
        come back: each a candidate (:func:`~.copy_admission.candidate`: body odds of at least :attr:`admit_odds`, not
        the headline, no furniture) with a story's shape in its block (the lines between two story lines,
        :func:`~.copy_admission.shaped`). ``span``: the story's place (:func:`~.copy_admission.story_span`) when the
        caller has it. One pass over the story's span."""
        if not body or self.admit_odds > 1.0:
            return []
        first, last = story_span(lines, body) if span is None else span
        kept = set(body)
        out: list[int] = []
        i = first
        while i <= last:
            if lines[i] in kept:
                i += 1
                continue
            j = i
            while j <= last and lines[j] not in kept:
                j += 1
            ok = [lines[k] != title and _kind(lines[k], stopwords) != "good" and candidate(lines[k])
                  for k in range(i, j)]
            out.extend(shaped(lines, range(i, j), ok, [float(p[k, 1]) for k in range(i, j)], kept=kept,
                              admit_odds=self.admit_odds))
            i = j
        return out

    def _grown(self, lines: list[str], body: list[str], p: np.ndarray, title: str | None, *,
               stopwords: frozenset[str]) -> list[str]:
        """``body`` with the lines right before its first and after its last line in the copy that the classifier
        gives at least :attr:`grow_odds` (up to :data:`GROW_LINES` each side; no chrome for the copy's ``stopwords``,
        no headline). The story's place is told by the kept lines found once in the copy (a lede repeated as a teaser
        above the story does not move it), widened over the kept lines next to it."""
        if not body or self.grow_odds > 1.0:
            return body
        kept = set(body)
        first, last = story_span(lines, body)
        if last < first:
            return body

        def takes(i: int) -> bool:
            return p[i, 1] >= self.grow_odds and lines[i] != title and lines[i] not in kept \
                and _kind(lines[i], stopwords) != "bad"

        before: list[str] = []
        i = first - 1
        while i >= 0 and len(before) < GROW_LINES and takes(i):
            before.insert(0, lines[i])
            i -= 1
        after: list[str] = []
        i = last + 1
        while i < len(lines) and len(after) < GROW_LINES and takes(i):
            after.append(lines[i])
            i += 1
        return before + body + after

    def refine(self, lines: list[str], found: CopyFields, *, p: np.ndarray | None = None,
               stopwords: frozenset[str] | None = None) -> CopyFields:
        """The rule reader's fields with the story's lines the classifier doubts left out and its headline.
        ``stopwords``: the function words the rule reader told the copy's prose by (by default those it chose:
        English's when the story holds enough English prose, else the copy's language's)."""
        p = self.probabilities(lines, rule=found) if p is None else p
        body_p = dict(zip(lines, p[:, 1]))
        body = [line for line in found.body if body_p.get(line, 1.0) >= self.body_floor] or found.body
        # a photo caption is never the headline, the classifier's or the rule reader's
        odds = np.where([caption(line) for line in lines], -1.0, p[:, 2]) if len(p) else p[:, 2]
        i = int(np.argmax(odds)) if len(p) else 0
        story_start = lines.index(found.body[0]) if found.body and found.body[0] in lines else len(lines)
        # a headline sits above the story (or in its first lines), never further down the page
        learned = len(p) and odds[i] > self.title_odds and title_like(lines[i], None) and i <= story_start + 2
        rule_title = None if found.title is not None and caption(found.title) else found.title
        if learned and rule_title is not None and section_tail(lines[i], page=lines) != rule_title:
            lede = lede_of(found.body)  # the rule reader's headline stays when the story's opening tells its words
            learned = lede_overlap(lines[i], lede) + LEDE_MARGIN >= lede_overlap(rule_title, lede)
        title = section_tail(lines[i], page=lines) if learned else rule_title
        if title is not None and body and body[0] == title:
            body = body[1:]
        if stopwords is None and min(self.grow_odds, self.admit_odds) <= 1.0:
            stopwords = _stopwords_read(lines, found)
        body = self._admitted(lines, body, p, title, stopwords=stopwords or STOPWORDS)
        body = self._grown(lines, body, p, title, stopwords=stopwords or STOPWORDS)
        return CopyFields(body=body, title=title, author=found.author, source=found.source, published=found.published,
                          wire=found.wire)


def _stopwords_read(lines: list[str], found: CopyFields) -> frozenset[str]:
    """The function words :func:`~.browser.read_browser_copy` told the copy's prose by: English's when its story holds
    :data:`~.browser.MIN_BODY_WORDS` words of English prose, else the copy's language's."""
    english = 0
    for line in found.body:  # the story's first lines settle it on an English copy
        english += len(words(line)) if _kind(line, STOPWORDS) == "good" else 0
        if english >= MIN_STORY_WORDS:
            return STOPWORDS
    return stopwords_of(lines)


@lru_cache(maxsize=1)
def line_model() -> LineModel | None:
    """The shipped weights, or None when the package has none (the rule reader then works alone)."""
    ref = resources.files("newsbrief.ingest").joinpath("data/lines.npz")
    if not ref.is_file():
        return None
    with ref.open("rb") as handle:
        data = np.load(handle)
        second = tuple(data[f"{k}2"] for k in ("mean", "scale", "coef", "intercept")) if "coef2" in data else None
        return LineModel(mean=data["mean"], scale=data["scale"], coef=data["coef"], intercept=data["intercept"],
                         body_floor=float(data["body_floor"]), title_odds=float(data["title_odds"]), second=second,
                         grow_odds=float(data["grow_odds"]) if "grow_odds" in data else 1.1,
                         admit_odds=float(data["admit_odds"]) if "admit_odds" in data else 1.1)
