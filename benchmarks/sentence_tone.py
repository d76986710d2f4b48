"""Sentence scorers on NewsMTSC sentences, a PROXY for sentence-level tone of political news.

NewsMTSC (../shared/gold/newsmtsc/train.jsonl, Hamborg & Donnay 2021, MIT) rates the sentiment towards
*targets*, not whole sentences. As a sentence-level proxy, each distinct sentence gets the mean of its
targets' polarities (negative −1, neutral 0, positive +1): a sentence that treats everyone in it badly
is a negative sentence. It is only a proxy (a sentence can be negative towards one target and positive
towards another; annotators judged targets, not the sentence), so read it beside the NYT figures of
``benchmarks/sentiment.py``, never alone.

Every scorer is run through the briefing's path, ``get_scorer(name).score(texts)``, with the weights it
ships with. None of them was fitted or tuned on NewsMTSC (``news`` is fitted on the NYT editorial
snippets only), so every figure here is held out. Reported per scorer: Pearson r with the proxy, a 95%
bootstrap interval resampling whole articles (NewsMTSC article groups as in ``benchmarks/tone.py``),
and 3-class macro-F1 (gold: sign of the proxy, 0 = neutral; predicted: |score| < the scorer's neutral
band = neutral).

Run from the repository root::

    .venv/bin/python benchmarks/sentence_tone.py
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tone import CLASSES, GOLD, load_gold  # noqa: E402  (sibling benchmark script)

SCORERS = ["vader", "vader-news", "textblob", "news"]


def proxy_gold() -> tuple[list[str], np.ndarray, np.ndarray]:
    """Distinct sentences, the mean target polarity of each (−1..1) and its article group."""
    texts, targets, groups = load_gold()
    polarity: dict[str, list[int]] = defaultdict(list)
    group: dict[str, str] = {}
    for sentence, _start, _end, cls in targets:
        polarity[texts[sentence]].append(cls)
        group.setdefault(texts[sentence], groups[sentence])
    distinct = sorted(polarity)
    return (distinct, np.array([np.mean(polarity[t]) for t in distinct]),
            np.array([group[t] for t in distinct]))


def bootstrap_r(gold: np.ndarray, scores: dict[str, np.ndarray], groups: np.ndarray, *,
                draws: int = 1000) -> dict[str, np.ndarray]:
    """r of every scorer on the same ``draws`` resamples of whole article groups (paired, so differences
    between scorers can be read off draw by draw)."""
    codes, inverse = np.unique(groups, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    bounds = np.searchsorted(inverse[order], np.arange(len(codes) + 1))
    rng = np.random.default_rng(12345)
    rs = {name: np.empty(draws) for name in scores}
    for d in range(draws):
        pick = rng.integers(0, len(codes), len(codes))
        rows = np.concatenate([order[bounds[a]: bounds[a + 1]] for a in pick])
        for name, s in scores.items():
            rs[name][d] = np.corrcoef(gold[rows], s[rows])[0, 1]
    return rs


def main() -> int:
    if not GOLD.is_file():
        print(f"SKIP: {GOLD} is absent (../shared sits beside the project on developer and CI machines only)")
        return 0
    from news_model_fit import classify, macro_f1
    from newsbrief.nlp.sentiment import get_scorer

    assert set(CLASSES.values()) == {-1, 0, 1}
    texts, gold, groups = proxy_gold()
    gold_cls = np.sign(gold).astype(int)
    print("command: python benchmarks/sentence_tone.py")
    print(f"proxy gold: {len(texts)} distinct NewsMTSC sentences from {len(set(groups))} article groups; "
          f"mean target polarity, sign classes negative/neutral/positive "
          f"{(gold_cls < 0).mean():.0%} / {(gold_cls == 0).mean():.0%} / {(gold_cls > 0).mean():.0%}")
    print()
    scores, bands, seconds = {}, {}, {}
    for name in SCORERS:
        t0 = time.perf_counter()
        scorer = get_scorer(name)
        scores[name] = np.asarray(scorer.score(texts), dtype=float)
        bands[name], seconds[name] = scorer.neutral_band, time.perf_counter() - t0
    draws = bootstrap_r(gold, scores, groups)
    print(f"{'scorer':<11} {'pearson r':>9} {'95% CI (articles)':>18} {'r - vader':>9} {'95% CI (paired)':>17} "
          f"{'macro-F1':>8} {'band':>6} {'sec':>6}")
    for name in SCORERS:
        r = float(np.corrcoef(gold, scores[name])[0, 1])
        lo, hi = np.percentile(draws[name], [2.5, 97.5])
        diff = draws[name] - draws["vader"]
        d_lo, d_hi = np.percentile(diff, [2.5, 97.5])
        r_vader = float(np.corrcoef(gold, scores["vader"])[0, 1])
        f1 = macro_f1(gold_cls, classify(scores[name], bands[name]))
        ci, d_ci = f"[{lo:.3f}, {hi:.3f}]", f"[{d_lo:+.3f}, {d_hi:+.3f}]"
        print(f"{name:<11} {r:9.3f} {ci:>18} {r - r_vader:+9.3f} {d_ci:>17} "
              f"{f1:8.3f} {bands[name]:6.3f} {seconds[name]:6.1f}")
    print()
    print("All held out: no scorer was fitted or tuned on NewsMTSC. A PROXY: NewsMTSC rates targets, not sentences.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
