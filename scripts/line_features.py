"""An experiment: a learned line classifier for browser copies, each line body, headline or other (numpy inference).

Not shipped: on the dev pages it reads bodies less well than the rule reader it was meant to replace (figures
and the command in docs/ingest.md), so ``newsbrief.ingest`` keeps the rules; this module and
``scripts/train_lines.py`` stay to be built on.


Features describe a line and its neighbours in the terms the rule reader uses (prose or chrome, in the densest
run of prose or not, a date, a byline, length, punctuation, capitals, repeats, position). The weights are a
multinomial logistic regression trained by ``scripts/train_lines.py`` on the train split of ``../shared/pages``
(every line labelled from the page's HTML and reference body), selected on dev; they ship as
``data/lines.npz`` with their training figures in ``data/lines.json``. No scikit-learn at run time.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

import numpy as np

from newsbrief.ingest.boilerplate import COPYRIGHT, is_boilerplate
from newsbrief.ingest.browser import BYLINE, DATE, STOPWORDS, _best_run, _kind, _title_like, _words, read_browser_copy

LABELS: tuple[str, ...] = ("other", "body", "title")
TITLE_ODDS = 0.5  # a headline is taken from the classifier above these odds, else from the rules
WINDOW = 2  # neighbours on each side whose own features join a line's


def _own(line: str, *, kind: str, in_run: bool, i: int, n: int, lo: int, hi: int, repeats: int, in_rule_body: bool,
         rule_title: bool) -> list[float]:
    words = _words(line)
    n_words = len(words)
    letters = [c for c in line if c.isalpha()]
    caps = sum(w[:1].isupper() for w in words) / n_words if n_words else 0.0
    stop = sum(w.lower() in STOPWORDS for w in words) / n_words if n_words else 0.0
    end = line.rstrip()[-1:]
    before = (lo - i) if i < lo else 0
    after = (i - hi + 1) if i >= hi else 0
    return [
        1.0, math.log1p(n_words), math.log1p(len(line)), stop, caps,
        sum(c.isdigit() for c in line) / max(1, len(line)), sum(c.isupper() for c in letters) / max(1, len(letters)),
        float(kind == "good"), float(kind == "short"), float(kind == "bad"), float(in_run),
        float(end in ".!?\"'”’"), float(end in ":;,"), float(bool(DATE.search(line))), float(bool(BYLINE.match(line))),
        float(is_boilerplate(line)), float(bool(COPYRIGHT.search(line))), float(_title_like(line, None)),
        i / max(1, n - 1), min(before, 30) / 30, min(after, 30) / 30, float(0 < before <= 3), float(0 < before <= 10),
        math.log1p(repeats), float("|" in line), float(line.startswith(("•", "-", "*", "·"))),
        float(in_rule_body), float(rule_title),
    ]


def features(lines: list[str]) -> np.ndarray:
    """One row per line: its own features, then those of :data:`WINDOW` neighbours on each side (zeros past the
    ends)."""
    n = len(lines)
    kinds = [_kind(line) for line in lines]
    lo, hi = _best_run(kinds, [len(_words(line)) for line in lines])
    counts: dict[str, int] = {}
    for line in lines:
        key = re.sub(r"\W+", "", line.casefold())
        counts[key] = counts.get(key, 0) + 1
    rule = read_browser_copy(lines)  # the rule reader's body and headline are features too
    rule_body = set(rule.body) if rule is not None else set()
    rule_title = rule.title if rule is not None else None
    own = np.array([_own(line, kind=k, in_run=lo <= i < hi, i=i, n=n, lo=lo, hi=hi,
                         repeats=counts[re.sub(r"\W+", "", line.casefold())] - 1, in_rule_body=line in rule_body,
                         rule_title=line == rule_title)
                    for i, (line, k) in enumerate(zip(lines, kinds))], dtype=np.float64).reshape(n, -1)
    width = own.shape[1]
    padded = np.vstack([np.zeros((WINDOW, width)), own, np.zeros((WINDOW, width))])
    parts = [own] + [padded[WINDOW + d: WINDOW + d + n] for d in range(-WINDOW, WINDOW + 1) if d != 0]
    return np.hstack(parts)


class LineModel:
    """Weights of the classifier: standardisation, coefficients, intercepts and the body threshold."""

    def __init__(self, *, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 threshold: float) -> None:
        self.mean, self.scale, self.coef, self.intercept, self.threshold = mean, scale, coef, intercept, threshold

    def probabilities(self, lines: list[str]) -> np.ndarray:
        """(lines × :data:`LABELS`) probabilities."""
        if not lines:
            return np.zeros((0, len(LABELS)))
        return self.probabilities_of(features(lines))

    def probabilities_of(self, rows: np.ndarray) -> np.ndarray:
        """Probabilities of feature rows (:func:`features`)."""
        x = (rows - self.mean) / self.scale
        z = x @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def line_model() -> LineModel | None:
    """The shipped weights, or None when the package has none (the rule reader then works alone)."""
    ref = resources.files("newsbrief.ingest").joinpath("data/lines.npz")  # where weights would ship
    if not ref.is_file():
        return None
    with ref.open("rb") as handle:
        data = np.load(handle)
        return LineModel(mean=data["mean"], scale=data["scale"], coef=data["coef"], intercept=data["intercept"],
                         threshold=float(data["threshold"]))


def body_span(p_body: np.ndarray, sizes: list[int], *, threshold: float) -> tuple[int, int]:
    """The run of lines [lo, hi) with the largest sum of (p - threshold) weighted by the square root of their words:
    the story is one stretch of the page; a stray body-like line in a sidebar stays out."""
    best, span, total, start = 0.0, (0, 0), 0.0, 0
    for i, (p, size) in enumerate(zip(p_body, sizes)):
        if total <= 0:
            total, start = 0.0, i
        total += (float(p) - threshold) * math.sqrt(max(size, 1))
        if total > best:
            best, span = total, (start, i + 1)
    return span


def learned_body(
    lines: list[str], model: LineModel, *, rows: np.ndarray | None = None
) -> tuple[list[str], int, int, str | None]:
    """(body lines, first and past-last line of the story, the headline) of a browser copy by ``model``.

    The story is :func:`body_span` of the body probabilities; within it, lines the model gives to the body
    (above half its threshold: a crosshead between paragraphs stays). The headline is the line most likely a
    title above the story (or among its first lines), when the model gives it more than even odds."""
    p = model.probabilities(lines) if rows is None else model.probabilities_of(rows)
    if not len(p):
        return [], 0, 0, None
    sizes = [len(_words(line)) for line in lines]
    lo, hi = body_span(p[:, 1], sizes, threshold=model.threshold)
    body = [line for line, q in zip(lines[lo:hi], p[lo:hi, 1]) if q >= model.threshold / 2]
    top = min(len(lines), lo + 3)
    title = None
    if top:
        i = int(np.argmax(p[:top, 2]))
        if p[i, 2] > TITLE_ODDS:
            title = lines[i]
    return body, lo, hi, title


def viterbi_body(p_body: np.ndarray, *, switch: float, prior: float = 0.5) -> np.ndarray:
    """Body or not for each line as the best two-state path: each line's log odds from the classifier (against
    ``prior``), and a cost ``switch`` for every change between story and chrome."""
    eps = 1e-6
    score_body = np.log(np.clip(p_body, eps, 1)) - math.log(prior)
    score_other = np.log(np.clip(1 - p_body, eps, 1)) - math.log(1 - prior)
    n = len(p_body)
    best = np.zeros((n, 2))
    back = np.zeros((n, 2), dtype=np.int64)
    best[0] = [score_other[0], score_body[0]]
    for i in range(1, n):
        for state, emit in ((0, score_other[i]), (1, score_body[i])):
            stay, move = best[i - 1, state], best[i - 1, 1 - state] - switch
            back[i, state] = state if stay >= move else 1 - state
            best[i, state] = max(stay, move) + emit
    path = np.zeros(n, dtype=np.int64)
    path[-1] = int(np.argmax(best[-1]))
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path
