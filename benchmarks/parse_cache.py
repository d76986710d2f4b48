"""Parsed documents kept on disk between benchmark and training runs: a spaCy DocBin and, beside it, the
token vectors (``doc.tensor``, which a DocBin drops and the entity typer reads) in a ``.npz`` of the same name.

The caller names the file by a key of the texts and the pipeline; :func:`read_docs` also checks that the file
holds those texts and one tensor row per token of the pipeline's width, and gives None otherwise (parse again).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsbrief.nlp.entities.vectors import pipeline_record, tensor_width


def read_docs(path: Path, nlp: Any, texts: Sequence[str]) -> list[Any] | None:
    """The Docs kept at ``path`` with their tensors set back; None when missing or not those texts and tensors."""
    import numpy as np
    from spacy.tokens import DocBin

    vectors = path.with_suffix(".npz")
    if not (path.is_file() and vectors.is_file()):
        return None
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    tensors = np.load(vectors)
    if [d.text for d in docs] != list(texts) or len(tensors.files) != len(docs):
        return None
    for i, doc in enumerate(docs):
        doc.tensor = tensors[f"arr_{i}"]
    width = pipeline_record(nlp)["width"]
    if not all(tensor_width(doc) == width or not len(doc) for doc in docs):
        return None
    return docs


def write_docs(path: Path, docs: Sequence[Any], *, user_data: bool = False) -> None:
    """Keep ``docs`` at ``path`` (a DocBin; ``user_data``: with each Doc's user data) and their tensors beside."""
    import numpy as np
    from spacy.tokens import DocBin

    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=list(docs), store_user_data=user_data).to_disk(path)
    np.savez(path.with_suffix(".npz"), *[d.tensor for d in docs])
