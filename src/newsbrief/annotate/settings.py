"""Annotation settings: everything that changes the cached per-article rows, and its fingerprint."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .. import __version__
from ..nlp.pipeline import DEFAULT_MODEL, load_pipeline, pipeline_fingerprint
from ..nlp.sentiment import fingerprint as sentiment_fingerprint

#: Bump when the raw rows change meaning: old cache entries are then not reused.
ANNOTATION_SCHEMA = 6  # 3: mentions.tone; 4: paragraph/heading units, chunked parsing; 5: entity types by cues, table lines skipped; 6: learned entity typer


@dataclass(frozen=True)
class Settings:
    """Everything that changes the cached per-article rows."""

    model: str = DEFAULT_MODEL
    sentiment: str = "news"
    sentiment_options: tuple[tuple[str, Any], ...] = ()

    def fingerprint(self) -> str:
        """Cache key of the per-article rows: pipeline, newsbrief version, row schema, sentiment scorer,
        target-tone model."""
        from ..nlp.tone import model_digest

        parts = [
            model_fingerprint(self.model),
            f"newsbrief-{__version__}",
            f"schema-{ANNOTATION_SCHEMA}",
            sentiment_fingerprint(self.sentiment, **dict(self.sentiment_options)),
            f"tone-{model_digest()}",
        ]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=8)
def model_fingerprint(model: str) -> str:
    """:func:`pipeline_fingerprint` of ``model`` read from its meta.json, without loading it.

    A cached re-run then does not pay for a pipeline load, nor even for importing spaCy: the
    package's folder is found without importing it. Falls back to loading the pipeline when the
    package or its meta cannot be found (an unusual install).
    """
    try:
        if Path(model).is_dir():
            path = Path(model)
        else:
            spec = importlib.util.find_spec(model)
            if spec is None or not spec.submodule_search_locations:
                raise LookupError(model)
            path = Path(next(iter(spec.submodule_search_locations)))
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        disabled = set(meta.get("disabled") or ())
        pipes = [name for name in meta["pipeline"] if name not in disabled]
        return f"{meta['lang']}_{meta['name']}-{meta['version']}[{','.join(pipes)}]"
    except Exception:  # noqa: BLE001 - any failure: ask the loaded pipeline itself
        return pipeline_fingerprint(load_pipeline(model))



class _AnnotationFields(Protocol):
    model: str
    sentiment: str
    sentiment_options: dict[str, Any]


def settings_from(params: _AnnotationFields) -> Settings:
    """The cache-relevant settings of validated params (``newsbrief.params.AnnotationParams``)."""
    return Settings(model=params.model, sentiment=params.sentiment,
                    sentiment_options=tuple(sorted(params.sentiment_options.items())))
