"""Annotation: Docs -> table rows (:mod:`.rows`), engines (:mod:`.engines`), the cache run (:mod:`.runner`)."""

from .parallel import engines
from .rows import annotate_batch
from .runner import (
    AnnotateSummary,
    CorpusResult,
    annotate_articles,
    annotate_corpus,
    assemble,
    dataset_key,
    within_size_limit,
    write_store,
)
from .settings import Settings, code_version, fingerprint, model_fingerprint
from .speakers import resolve_speakers

__all__ = [
    "AnnotateSummary", "CorpusResult", "Settings", "code_version", "fingerprint", "annotate_articles", "annotate_batch",
    "annotate_corpus", "assemble", "dataset_key", "engines", "model_fingerprint", "resolve_speakers",
    "within_size_limit", "write_store",
]
