"""Fitting the target-tone model (training code; the runtime package only loads its JSON weights)."""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.nlp.tone import ToneModel


def fit_linear(
    feats: Sequence[dict[str, float]], y: Sequence[int], *, c: float, min_df: int, balanced: bool = True
) -> ToneModel:
    """Fit the 3-class logistic regression (classes −1, 0, 1) on feature dicts (needs scikit-learn).

    Features present in fewer than ``min_df`` dicts are dropped.
    """
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = {}
    for f in feats:
        for k in f:
            df[k] = df.get(k, 0) + 1
    keep = {k for k, n in df.items() if n >= min_df}
    vec = DictVectorizer()
    X = vec.fit_transform([{k: v for k, v in f.items() if k in keep} for f in feats])
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None)
    clf.fit(X, np.asarray(y))
    order = [list(clf.classes_).index(k) for k in (-1, 0, 1)]
    coef = clf.coef_[order]
    weights = {name: [float(coef[0, j]), float(coef[1, j]), float(coef[2, j])]
               for j, name in enumerate(vec.feature_names_)}
    weights = {k: v for k, v in weights.items() if any(abs(x) >= 1e-5 for x in v)}
    return ToneModel(intercept=[float(clf.intercept_[i]) for i in order], weights=weights)
