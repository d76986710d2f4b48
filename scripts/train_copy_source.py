"""Train the outlet ranker of browser copies (``src/newsbrief/ingest/data/copy_source.npz``) on ``../shared/pages``.

Every capitalised name a copy repeats is a candidate (``newsbrief.ingest.copy_candidates``). The outlet of a page is its
hand gold where it has one (aeb ``gold.json``, the Readability pages' checked truth), else the source our HTML reader
finds in the page's HTML; a candidate is right when it names that outlet (its letters, without "The", one inside the
other, give or take a few letters) or, on a page without hand gold, when it names the domain of the page's address
(``Moneycontrol`` for ``moneycontrol.com``; never a news agency): the HTML reader's source is sometimes a slogan or a
section, the domain never is. The split is ``benchmarks/pages_data.py``'s rule; **test pages are never read for
training or selection**.

Selection is cross-validated over sites: the train and dev pages (every page not in test) are cut into five folds by a
hash of their site (the domain of the page's address, or the Readability folder without its number), so a site's
pages are never both fitted and scored. For each L2 strength and abstention floor, a log-linear ranker (a softmax over
a page's candidates and a "none of them" slot, L-BFGS) is fit on four folds and scored on the fifth; the setting with
the most hand-gold pages right over the five held-out folds is kept (the truth the benchmark counts; the HTML reader's
source of the other pages is sometimes a slogan or a copyright line), ties going to more pages right in all less half
a page for each page given another outlet's name (``WRONG_COST``: a wrong outlet is worse than none), then to the
stronger L2, then to the lower floor; the shipped weights are fit on all train and dev pages with it. A page's
source is scored as the product gives it: ``SourceModel.source`` itself (the site's note about itself, else the pick
above the floor unless it is a wire dateline's agency, else the rule reader's source unless only a parent company
or an agency; tidied), on the page's candidates computed once. Figures (cross-validated, and the test split read once
when ``--no-test`` is not given, beside the same source without the ranker: ``copy_source`` without weights) go beside
the weights (``data/copy_source.json``). The split is by page, not by site: some test sites have train or dev pages
too, so the test figure is also given for the test pages of sites with none.

Usage::

    .venv/bin/python scripts/train_copy_source.py --no-test   # select and save, test not read
    .venv/bin/python scripts/train_copy_source.py             # the same, and the test figure (read test once)
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsbrief.errors import InputError  # noqa: E402
from newsbrief.ingest import read_html_file  # noqa: E402
from newsbrief.ingest.browser import read_browser_copy  # noqa: E402
from newsbrief.ingest.copy_candidates import N_FEATURES, candidate_rows, names_domain  # noqa: E402
from newsbrief.ingest.copy_source import SourceModel  # noqa: E402
from newsbrief.ingest.lines import line_model  # noqa: E402
from newsbrief.ingest.sources import AGENCIES, domain_label  # noqa: E402
from newsbrief.ingest.text import _paragraphs, decode_bytes, normalise  # noqa: E402
from pages import _key, gold_of  # noqa: E402
from pages_data import Page, pages  # noqa: E402

OUT = ROOT / "src" / "newsbrief" / "ingest" / "data"
L2 = (0.01, 0.1, 1.0, 3.0, 10.0, 30.0, 100.0)
FLOORS = (0.0, 0.1, 0.2, 0.3, 0.5)
FOLDS = 5


def same_outlet(name: str | None, truth: str | None) -> bool:
    """As ``benchmarks/pages.py`` counts a source right."""
    a, b = _key(name), _key(truth)
    return bool(a and b) and (a in b or b in a)


def names_outlet(name: str, truth: str) -> bool:
    """A training label: the candidate is the outlet's name, give or take a few letters ("Wired Staff" is not)."""
    a, b = _key(name), _key(truth)
    return bool(a and b) and (a in b or b in a) and min(len(a), len(b)) >= 0.55 * max(len(a), len(b))


def names_site(name: str | None, domain: str | None) -> bool:
    """The name is the outlet of the page's domain (not a news agency: an agency's hosted page is another outlet's)."""
    return bool(name and domain) and names_domain(name, domain or "") and not AGENCIES.fullmatch(name.strip())


@dataclass
class Example:
    """One page's candidates: their whole names, feature rows and labels, the rule reader's source and the truth; its
    lines and story (what ``SourceModel.source`` reads besides the candidates)."""

    page: Page
    lines: list[str]
    body: list[str]
    names: list[str]
    rows: np.ndarray
    y: np.ndarray
    rule: str | None
    truth: str
    gold: bool
    domain: str | None  # the page address's domain label, used on pages without hand gold only

    @property
    def site(self) -> str:
        return self.page.site

    def right(self, name: str | None) -> bool:
        return same_outlet(name, self.truth) or (not self.gold and names_site(name, self.domain))


def truth_of(page: Page, workdir: Path) -> tuple[str | None, bool]:
    """The page's outlet and whether it is hand gold."""
    gold = gold_of(page, form="browser")
    if gold is not None:
        return gold["source"], True
    path = workdir / "page.html"
    path.write_text(page.html_text(), encoding="utf-8")
    try:
        return read_html_file(path, article_id=page.id).source, False
    except InputError:
        return None, False


def load(splits: tuple[str, ...]) -> list[Example]:
    """The pages of ``splits`` with an outlet and a story in their copy."""
    out: list[Example] = []
    model = line_model()
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages():
            if page.split not in splits:
                continue
            truth, is_gold = truth_of(page, Path(tmp))
            if not truth:
                continue
            lines = _paragraphs(normalise(decode_bytes(page.copy.read_bytes(), path=page.copy)))
            found = read_browser_copy(lines)
            if found is None:
                continue
            if model is not None:
                found = model.refine(lines, found)
            _, wholes, rows = candidate_rows(lines, body=found.body, rule=found.source)
            domain = None if is_gold else domain_label(page.url)
            y = np.array([names_outlet(n, truth) or names_site(n, domain) for n in wholes], dtype=np.int64)
            out.append(Example(page, lines, found.body, wholes, rows, y, found.source, truth, is_gold, domain))
    return out


def accuracy(model: SourceModel, examples: list[Example], *, gold_only: bool = False) -> tuple[int, int]:
    """Pages right and pages counted, each page's source as the product gives it (:func:`tally`)."""
    right, total, _ = tally(model, examples, gold_only=gold_only)
    return right, total


def tally(model: SourceModel, examples: list[Example], *, gold_only: bool = False) -> tuple[int, int, int]:
    """Pages right, pages counted and pages left without a source, each page's source given by ``SourceModel.source``
    itself (the site's note about itself, else the pick above the floor unless a wire dateline's agency, else the rule
    reader's source unless only a parent company; tidied), on the page's candidates computed once."""
    right = total = empty = 0
    for ex in examples:
        if gold_only and not ex.gold:
            continue
        got = model.source(ex.lines, body=ex.body, rule=ex.rule, candidates=(ex.names, ex.rows))
        right += ex.right(got)
        empty += got is None
        total += 1
    return right, total, empty


def fit(pages_xy: list[tuple[np.ndarray, np.ndarray]], *, l2: float) -> tuple[np.ndarray, float]:
    """Weights and intercept maximising each page's probability of its right candidates (or of "none")."""
    from scipy.optimize import minimize

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        total, grad = 0.5 * l2 * float(w @ w), np.append(l2 * w, 0.0)
        for x, y in pages_xy:
            z = np.append(x @ w + b, 0.0)
            z -= z.max()
            p = np.exp(z) / np.exp(z).sum()
            right = np.append(y.astype(bool), not y.any())
            mass = p[right].sum()
            total -= float(np.log(max(mass, 1e-300)))
            q = np.where(right, p / max(mass, 1e-300), 0.0)
            d = (p - q)[:-1]
            grad[:-1] += d @ x
            grad[-1] += d.sum()
        return total, grad

    theta0 = np.zeros(pages_xy[0][0].shape[1] + 1)
    result = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x[:-1], float(result.x[-1])


def train(examples: list[Example], *, l2: float, floor: float) -> SourceModel:
    """A ranker fit on ``examples`` (features standardised on them)."""
    used = [ex for ex in examples if len(ex.names)]
    x = np.vstack([ex.rows for ex in used]).reshape(-1, N_FEATURES)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, intercept = fit([((ex.rows - mean) / scale, ex.y) for ex in used], l2=l2)
    return SourceModel(mean=mean, scale=scale, coef=coef, intercept=intercept, floor=floor)


def fold_of(site: str) -> int:
    return int(hashlib.sha256(site.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


#: What a wrong outlet costs against a right one in the selection (an empty source costs nothing): a reader's share of
#: voice counts a wrong name as another outlet's story, where an empty one only says the copy did not tell.
WRONG_COST = 0.5


def cross_validate(examples: list[Example]) -> dict[tuple[float, float], tuple[float, float, float]]:
    """Per (L2, floor): the share of pages right, of hand-gold pages right, and of pages given another outlet's name,
    over the held-out site folds."""
    counts: dict[tuple[float, float], list[int]] = {}
    for l2 in L2:
        for k in range(FOLDS):
            held = [ex for ex in examples if fold_of(ex.site) == k]
            model = train([ex for ex in examples if fold_of(ex.site) != k], l2=l2, floor=0.0)
            for floor in FLOORS:
                model.floor = floor
                (r, n, e), (g, ng, _) = tally(model, held), tally(model, held, gold_only=True)
                counts[(l2, floor)] = [a + b for a, b in zip(counts.get((l2, floor), [0] * 5), (r, n, g, ng, e))]
        for floor in FLOORS:
            r, n, g, ng, e = counts[(l2, floor)]
            print(f"L2={l2:<5} floor {floor:.1f}: CV {r / n:.3f} ({n} pages), gold pages {g / max(1, ng):.3f} ({ng}); "
                  f"another name {n - r - e}, left empty {e}")
    return {key: (r / n, g / max(1, ng), (n - r - e) / n) for key, (r, n, g, ng, e) in counts.items()}


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for copy_source.npz and copy_source.json")
    parser.add_argument("--no-test", action="store_true",
                        help="select and save without reading test (figures for tuning; read test once)")
    args = parser.parse_args()
    examples = load(("train", "dev"))
    y = np.concatenate([ex.y for ex in examples])
    print(f"{len(examples)} train and dev pages with an outlet, {len({ex.site for ex in examples})} sites, "
          f"{len(y)} candidates ({int(y.sum())} right); pages with a right candidate "
          f"{sum(int(ex.y.any()) for ex in examples)}")
    cv = cross_validate(examples)
    # hand-gold pages first (the truth the benchmark counts), then pages right less WRONG_COST per wrong name, then
    # the stronger L2 and the lower floor
    (l2, floor), (cv_all, cv_gold, cv_wrong) = max(
        cv.items(), key=lambda kv: (kv[1][1], round(kv[1][0] - WRONG_COST * kv[1][2], 6), kv[0][0], -kv[0][1]))
    model = train(examples, l2=l2, floor=floor)
    # without the ranker (a floor no pick reaches): what copy_source gives without shipped weights
    rule = SourceModel(mean=model.mean, scale=model.scale, coef=np.zeros(N_FEATURES), intercept=-50.0, floor=1.1)
    print(f"selected by cross-validation over sites: L2={l2}, floor {floor}: CV {cv_all:.3f}, "
          f"gold pages {cv_gold:.3f}, another name {cv_wrong:.3f}")
    figures: dict[str, dict[str, float | int]] = {"cross-validated (train+dev)": {
        "ranker": cv_all, "ranker_gold": cv_gold, "another_name": cv_wrong, "pages": len(examples),
        "gold_pages": sum(ex.gold for ex in examples), "sites": len({ex.site for ex in examples})}}
    if not args.no_test:
        test = load(("test",))
        seen = {ex.site for ex in examples}
        for label, group in (("test", test), ("test, sites unseen in train and dev",
                                              [ex for ex in test if ex.site not in seen])):
            (r, n), (g, ng) = accuracy(model, group), accuracy(model, group, gold_only=True)
            (rr, _), (rg, _) = accuracy(rule, group), accuracy(rule, group, gold_only=True)
            figures[label] = {"ranker": r / n, "ranker_gold": g / max(1, ng), "without_ranker": rr / n,
                              "without_ranker_gold": rg / max(1, ng), "pages": n, "gold_pages": ng,
                              "sites": len({ex.site for ex in group})}
            print(f"{label}: ranker {r / n:.3f} (gold pages {g / max(1, ng):.3f}); without the ranker {rr / n:.3f} "
                  f"(gold pages {rg / max(1, ng):.3f}); {n} pages, {ng} with gold, "
                  f"{len({ex.site for ex in group})} sites")
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "copy_source.npz", mean=model.mean, scale=model.scale, coef=model.coef,
                        intercept=np.array(model.intercept), floor=np.array(model.floor))
    (args.out / "copy_source.json").write_text(json.dumps({
        "l2": l2, "floor": floor, "train_candidates": int(len(y)), "folds": FOLDS,
        "figures": {s: {k: round(v, 4) if isinstance(v, float) else v for k, v in f.items()}
                    for s, f in figures.items()},
        "command": "scripts/train_copy_source.py",
        "note": "share of pages whose copy's source names the outlet (benchmarks/pages.py's rule; on pages without "
                "hand gold also a name of the page's domain); truth: hand gold, else the HTML reader's source; fit on "
                "every train and dev page; without_ranker: copy_source without weights (the site's note about "
                "itself, else the copyright/known-outlet rule unless only a parent company); the test split is by "
                "page, not by site: 'test, sites unseen in train and dev' counts the test pages of other sites apart",
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
