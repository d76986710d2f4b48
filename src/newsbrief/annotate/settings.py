"""The cache key of annotated rows: the annotation settings (one record, :class:`newsbrief.params.AnnotationSettings`)
and the version of the code that made the rows, a digest of its source computed once per process (no counter to
bump by hand: a change to the NLP is never served stale rows)."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
from pathlib import Path

from ..codeversion import code_version
from ..nlp.pipeline import load_pipeline, pipeline_fingerprint
from ..nlp.sentiment import fingerprint as sentiment_fingerprint
from ..params import AnnotationSettings

#: The code that turns an article's text into its rows (paths under the package): the NLP, its data files, and the
#: row builder. Its version is part of the rows' cache key, so a change to it is never served stale rows.
ROW_CODE: tuple[str, ...] = ("nlp", "annotate/rows.py")
#: The code that assembles cached rows into a store's tables (speakers resolved, aliases applied, thin articles
#: flagged, months partitioned): part of the assembled dataset's key (re-assembled, without NLP, when it changes).
ASSEMBLY_CODE: tuple[str, ...] = ("annotate/runner.py", "annotate/speakers.py", "nlp/entities/linking.py",
                                  "textutil.py", "store/writer.py", "store/layout.py")

#: The one annotation settings record (see :class:`newsbrief.params.AnnotationSettings`).
Settings = AnnotationSettings


@functools.lru_cache(maxsize=1)
def rows_version() -> str:
    """:func:`code_version` of :data:`ROW_CODE` (computed once per process)."""
    return code_version(ROW_CODE)


@functools.lru_cache(maxsize=1)
def assembly_version() -> str:
    """:func:`code_version` of :data:`ASSEMBLY_CODE` (computed once per process)."""
    return code_version(ASSEMBLY_CODE)


def fingerprint(settings: AnnotationSettings) -> str:
    """Cache key of the per-article rows: the pipeline (package and version), the sentiment scorer and its model,
    and the version of the code that makes the rows."""
    parts = [
        model_fingerprint(settings.model),
        f"rows-{rows_version()}",
        sentiment_fingerprint(settings.sentiment, **dict(settings.sentiment_options)),
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
