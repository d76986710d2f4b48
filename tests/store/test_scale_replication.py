"""benchmarks/scale.py builds its synthetic store by replicating a real one: rows, ids, dates, a readable store.

How long the briefing takes on it is printed by the benchmark, never asserted here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from newsbrief.store import read_dataset, read_manifest, write_dataset

ROOT = Path(__file__).resolve().parents[2]


def _scale() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale_benchmark", ROOT / "benchmarks" / "scale.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _tiny_store(root: Path) -> dict[str, pd.DataFrame]:
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4"], "title": ["One", "Two", "Three", "Four"],
        "source": ["wire", "wire", "paper", None], "author": [None, "Ann", None, None],
        "published": pd.to_datetime(["1987-02-26 15:01", "1987-03-01 09:00", None, "1987-03-20 23:30"], utc=True),
        "url": [None] * 4, "text": ["Alpha said it.", "Beta.", "Gamma met Alpha.", "Delta."],
        "n_words": [3, 1, 3, 1], "content_hash": [f"{i:032x}" for i in range(4)],
    })
    mentions = pd.DataFrame({"article_id": ["a1", "a3", "a3"], "start": [0, 0, 10], "end": [5, 5, 15],
                             "text": ["Alpha", "Gamma", "Alpha"], "label": ["ORG", "ORG", "ORG"],
                             "entity_id": ["e1", "e2", "e1"], "tone": [0.1, 0.0, -0.2]})
    entities = pd.DataFrame({"entity_id": ["e1", "e2"], "name": ["Alpha", "Gamma"], "label": ["ORG", "ORG"],
                             "aliases": [["Alpha"], ["Gamma"]]})
    quotes = pd.DataFrame({"article_id": ["a1", "a1"], "quote_id": [0, 1], "content": ["it", "that"],
                           "content_start": [12, 0], "content_end": [14, 4], "kind": ["indirect", "direct"],
                           "cue": ["said", "said"], "speaker_text": ["Alpha", None], "speaker_start": [0.0, None],
                           "speaker_end": [5.0, None], "speaker": ["Alpha", None],
                           "speaker_entity_id": ["e1", None], "sentiment": [0.0, 0.5]})
    sentences = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4", "a4"], "sent_id": [0, 0, 0, 0, 1],
                              "start": [0, 0, 0, 0, 3], "end": [14, 5, 16, 3, 6],
                              "text": ["Alpha said it.", "Beta.", "Gamma met Alpha.", "De", "lta."],
                              "sentiment": [0.0, 0.1, 0.2, 0.0, 0.0]})
    tables = {"articles": articles, "mentions": mentions, "entities": entities, "quotes": quotes,
              "sentences": sentences}
    write_dataset(root, tables, manifest={"fingerprint": "tiny", "inputs": ["tiny"]})
    return read_dataset(root)


@pytest.mark.parametrize("batch", [20_000, 3])  # one chunk with all copies per batch; chunks of 3 + 1 articles
def test_three_copies_have_new_ids_shifted_dates_and_a_readable_store(tmp_path: Path, batch: int) -> None:
    base = _tiny_store(tmp_path / "base")
    rows = _scale().replicate(tmp_path / "base", tmp_path / "k3", factor=3, batch=batch)
    out = read_dataset(tmp_path / "k3")  # every file checked against the manifest's checksums
    assert read_manifest(tmp_path / "k3")["files"]
    for name in ("articles", "mentions", "quotes", "sentences"):
        assert len(out[name]) == 3 * len(base[name]) == rows[name], name
        assert out[name].dtypes.to_dict() == base[name].dtypes.to_dict(), name
    pd.testing.assert_frame_equal(out["entities"], base["entities"])
    a = out["articles"]
    assert a["article_id"].is_unique and a["content_hash"].is_unique
    assert not out["quotes"].duplicated(["article_id", "quote_id"]).any()
    assert not out["sentences"].duplicated(["article_id", "sent_id"]).any()
    for name in ("mentions", "quotes", "sentences"):
        assert set(out[name]["article_id"]) <= set(a["article_id"]), name
    # copy 0 is the base itself; copy k is <id>~<k>, published k days later, same text
    original = base["articles"].set_index("article_id")
    for k in range(3):
        ids = {f"a{i}": (f"a{i}" if k == 0 else f"a{i}~{k}") for i in range(1, 5)}
        copy = a.set_index("article_id").loc[list(ids.values())]
        shifted = original.loc[list(ids), "published"] + pd.Timedelta(days=k)
        pd.testing.assert_series_equal(copy["published"].reset_index(drop=True), shifted.reset_index(drop=True))
        assert copy["text"].tolist() == original.loc[list(ids), "text"].tolist()
    assert a["published"].isna().sum() == 3 * original["published"].isna().sum()
    m = out["mentions"]
    assert (m[m["article_id"] == "a3~2"]["text"].tolist() == ["Gamma", "Alpha"])


def test_copies_wrap_within_four_weeks(tmp_path: Path) -> None:
    base = _tiny_store(tmp_path / "base")
    _scale().replicate(tmp_path / "base", tmp_path / "k30", factor=30, batch=7)
    a = read_dataset(tmp_path / "k30")["articles"].set_index("article_id")
    assert len(a) == 120
    first = base["articles"].set_index("article_id").loc["a1", "published"]
    assert a.loc["a1~27", "published"] == first + pd.Timedelta(days=27)
    assert a.loc["a1~28", "published"] == first  # 28 mod 28: the copy wraps
    assert a.loc["a1~29", "published"] == first + pd.Timedelta(days=1)
    span = a["published"].max() - a["published"].min()
    base_span = base["articles"]["published"].max() - base["articles"]["published"].min()
    assert span <= base_span + pd.Timedelta(days=27)
