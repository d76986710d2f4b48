"""The ``hf`` sentiment scorer: a local Hugging Face text-classification model, offline.

The model folder (``model_path``) must hold a sequence-classification model and its
tokenizer as written by ``save_pretrained``.  Nothing is fetched from a hub: loading
uses ``local_files_only=True`` with ``HF_HUB_OFFLINE=1``.  transformers and torch are an
optional extra (``pip install newsbrief[hf]``) and are imported only when this scorer
is built.

The score of a text is the expected label value under the model's probabilities.
Label values come from ``label_values`` when given, else from the label names:
names containing ``neg``/``pos``/``neu`` map to −1/1/0, star ratings ("1 star" ...
"5 stars") spread evenly over −1..1, and anonymous labels (``LABEL_0``...) spread evenly
over −1..1 in id order (two labels: −1, 1; three: −1, 0, 1).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ...errors import ModelError

log = logging.getLogger(__name__)

__all__ = ["HFScorer", "label_values_for", "model_digest"]


def model_digest(model_path: str | os.PathLike[str]) -> str:
    """A short digest of a model folder: its config plus the names and sizes of its files."""
    folder = Path(model_path)
    h = hashlib.sha256(str(folder.resolve()).encode())
    if folder.is_dir():
        config = folder / "config.json"
        if config.is_file():
            h.update(config.read_bytes())
        for f in sorted(folder.iterdir()):
            if f.is_file():
                h.update(f"{f.name}:{f.stat().st_size}".encode())
    return h.hexdigest()[:12]


def label_values_for(id2label: Mapping[int, str]) -> list[float]:
    """Value in −1..1 of each label id, in id order, from the label names."""
    ids = sorted(id2label)
    names = [str(id2label[i]).lower() for i in ids]
    n = len(names)
    values: list[float | None] = []
    for name in names:
        if "neg" in name:
            values.append(-1.0)
        elif "pos" in name:
            values.append(1.0)
        elif "neu" in name:
            values.append(0.0)
        else:
            values.append(None)
    if all(v is not None for v in values):
        return [float(v) for v in values if v is not None]
    stars = [re.match(r"(\d+)\s*stars?", name) for name in names]
    if all(stars):
        k = [int(m.group(1)) for m in stars if m]
        lo, hi = min(k), max(k)
        return [2.0 * (s - lo) / (hi - lo) - 1.0 if hi > lo else 0.0 for s in k]
    if n < 2:
        raise ModelError(f"cannot map a one-label model ({names}) to a sentiment score", field="label_values")
    log.info("sentiment model labels %s carry no polarity; spreading them over -1..1 in id order", names)
    return [2.0 * i / (n - 1) - 1.0 for i in range(n)]


class HFScorer:
    """Expected label value of a local sequence-classification model, batched, on CPU."""

    name = "hf"
    neutral_band: float = 0.05

    def __init__(
        self,
        model_path: str | os.PathLike[str],
        *,
        batch_size: int = 32,
        max_length: int = 256,
        label_values: Mapping[str, float] | None = None,
    ) -> None:
        folder = Path(model_path)
        if not folder.is_dir():
            raise ModelError("sentiment model folder not found", path=folder, field="model_path")
        try:
            import torch
            import transformers
        except ImportError as e:
            raise ModelError(
                "the 'hf' sentiment scorer needs transformers and torch: pip install 'newsbrief[hf]' "
                f"(missing: {e.name})",
                field="sentiment",
            ) from e
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            self._tokenizer = transformers.AutoTokenizer.from_pretrained(folder, local_files_only=True)
            self._model = transformers.AutoModelForSequenceClassification.from_pretrained(
                folder, local_files_only=True
            )
        except (OSError, ValueError, KeyError) as e:
            raise ModelError(f"cannot load a text-classification model: {e}", path=folder) from e
        self._model.eval()
        self._torch: Any = torch
        self.batch_size = batch_size
        self.max_length = max_length
        id2label = {int(k): str(v) for k, v in self._model.config.id2label.items()}
        if label_values is not None:
            missing = [name for name in id2label.values() if name not in label_values]
            if missing:
                raise ModelError(f"label_values lacks labels {missing}", path=folder, field="label_values")
            self.values = [float(label_values[id2label[i]]) for i in sorted(id2label)]
        else:
            self.values = label_values_for(id2label)
        self.labels = [id2label[i] for i in sorted(id2label)]
        self.model_path = str(folder)

    def score(self, texts: Sequence[str]) -> list[float]:
        torch = self._torch
        values = torch.tensor(self.values, dtype=torch.float32)
        out: list[float] = []
        for i in range(0, len(texts), self.batch_size):
            batch = [t or "" for t in texts[i : i + self.batch_size]]
            enc = self._tokenizer(
                batch, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt"
            )
            with torch.inference_mode():
                probs = self._model(**enc).logits.float().softmax(dim=-1)
            scores = (probs @ values).clamp(-1.0, 1.0)
            out.extend(0.0 if not t else float(s) for t, s in zip(batch, scores.tolist(), strict=True))
        return out
