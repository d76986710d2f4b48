"""Parsed documents kept on disk between benchmark and training runs: a spaCy DocBin and, beside it, the
token vectors (``doc.tensor``, which a DocBin drops and the entity typer reads) in a ``.npz`` of the same name.

The caller names the file by :func:`parse_key` (the texts, the pipeline, spaCy's and the model package's
versions, newsbrief's parsing code, the tensor width); :func:`read_docs` also checks that the file holds those
texts and one tensor row per token of the pipeline's width, and gives None otherwise (parse again).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsbrief.nlp.entities.vectors import pipeline_record, tensor_width

#: The parts of newsbrief a parse depends on (its own components, the NER weights, the lexicons they read): the
#: entity and quote code run on the parsed Doc, so a change to them never makes a kept parse stale.
PARSE_CODE: tuple[str, ...] = ("nlp/pipeline.py", "nlp/__init__.py", "nlp/paragraphs.py", "nlp/attributes.py",
                               "nlp/lemmas.py", "nlp/ner_decode.py", "nlp/embed_once.py", "nlp/doc_component.py",
                               "nlp/lexicon.py", "nlp/chunks.py", "nlp/data")


def parse_key(nlp: Any, texts: Sequence[str]) -> str:
    """What ``nlp.pipe(texts)`` depends on: the texts, the pipeline (name, version, components), spaCy's and the
    model package's versions, newsbrief's parsing code (:data:`PARSE_CODE`) and the width of its token vectors."""
    import hashlib
    from importlib import metadata

    import spacy

    from newsbrief.codeversion import code_version
    from newsbrief.nlp.pipeline import pipeline_fingerprint

    digest = hashlib.sha1()
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    model = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}"
    try:
        model_version = metadata.version(model)
    except metadata.PackageNotFoundError:
        model_version = str(nlp.meta.get("version"))
    parts = [repr(nlp.pipe_names), pipeline_fingerprint(nlp), f"spacy {spacy.__version__}", f"{model} {model_version}",
             code_version(PARSE_CODE), str(pipeline_record(nlp)["width"])]
    digest.update("|".join(parts).encode())
    return digest.hexdigest()


def read_docs(path: Path, nlp: Any, texts: Sequence[str]) -> list[Any] | None:
    """The Docs kept at ``path`` with their tensors set back; None when missing or not those texts and tensors."""
    import numpy as np
    from spacy.tokens import DocBin

    vectors = path.with_suffix(".npz")
    if not (path.is_file() and vectors.is_file()):
        return None
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    with np.load(vectors) as tensors:
        if [d.text for d in docs] != list(texts) or len(tensors.files) != len(docs):
            return None
        for i, doc in enumerate(docs):
            doc.tensor = tensors[f"arr_{i}"]
    width = pipeline_record(nlp)["width"]
    if width and not all(tensor_width(doc) == width or not len(doc) for doc in docs):
        return None  # (a pipeline without a tok2vec leaves no vectors to check)
    return docs


def write_docs(path: Path, docs: Sequence[Any], *, user_data: bool = False) -> None:
    """Keep ``docs`` at ``path`` (a DocBin; ``user_data``: with each Doc's user data) and their tensors beside."""
    import numpy as np
    from spacy.tokens import DocBin

    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=list(docs), store_user_data=user_data).to_disk(path)
    np.savez(path.with_suffix(".npz"), *[d.tensor for d in docs])
