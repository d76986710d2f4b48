"""The language of an article, by py3langid (a maintained fork of langid.py; its model ships in the package).

Measured against the declared language of the aeb pages (``benchmarks/languages.py``; figures in
docs/ingest.md). The text is cut to its first :data:`SAMPLE_CHARS` characters: enough for a stable answer,
and a corpus of long articles costs no more per article than one of short ones.
"""

from __future__ import annotations

import logging
import lzma
import os
import re
import shutil
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: The languages a run analyses unless its parameters say otherwise (option ``languages``).
DEFAULT_LANGUAGES: tuple[str, ...] = ("en",)
#: Characters of an article's text the detector reads.
SAMPLE_CHARS = 3000
#: Below this many letters there is too little text to tell a language (None).
MIN_LETTERS = 20
#: Below this probability the answer is None: a page is never skipped on a guess (a list of words, a caption).
MIN_CONFIDENCE = 0.9

#: English names of the languages a news corpus most often mixes (others are shown by their code).
NAMES: dict[str, str] = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "tr": "Turkish", "ar": "Arabic",
    "fa": "Persian", "he": "Hebrew", "hi": "Hindi", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "id": "Indonesian", "ms": "Malay", "vi": "Vietnamese", "th": "Thai", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian", "fi": "Finnish", "el": "Greek", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian",
}


#: Where the decompressed copy of py3langid's model is kept (under ``$XDG_CACHE_HOME``, else ``~/.cache``).
CACHE_FOLDER = "newsbrief/py3langid"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier, made once per process and only when a text must be classified.

    py3langid ships its 68 MB model xz-compressed; decompressing it took 0.4 of the 0.6 CPU-s of every load. The
    model is decompressed once into the user's cache (:func:`model_copy`) and later processes read that copy: the
    same arrays, so the same answers. Without a writable cache the packaged file is read as before."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    for _ in range(2):  # a damaged copy is removed and written once more
        try:
            copy = model_copy(MODEL_DIR / MODEL_FILE)
        except OSError as e:
            log.debug("py3langid's model read from its package (%s)", e)
            break
        try:
            return _from_copy(copy, LanguageIdentifier)
        except (ImportError, AttributeError) as e:  # a py3langid whose model reader is laid out otherwise
            log.debug("py3langid's model read from its package (%s)", e)
            break
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as e:
            log.warning("%s: the cached copy of py3langid's model is damaged (%s); it is removed and written again",
                        copy, e)
            copy.unlink(missing_ok=True)
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def cache_root() -> Path:
    """The user's cache folder (``$XDG_CACHE_HOME``, else ``~/.cache``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def model_copy(packaged: Path) -> Path:
    """The decompressed copy of the packaged model file ``packaged`` (an xz-compressed npz), written once into the
    cache (aside, then renamed: a reader never sees half of it); named after the packaged file's size and time, so
    another py3langid gets its own."""
    stat = packaged.stat()
    path = cache_root() / CACHE_FOLDER / f"model-{stat.st_size}-{stat.st_mtime_ns}.npz"
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out, lzma.open(packaged) as src:
            shutil.copyfileobj(src, out, length=1 << 20)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def _from_copy(path: Path, identifier: Any) -> Any:
    """The identifier py3langid's ``from_model_file`` makes, from the decompressed model ``path``."""
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return identifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                          _to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
                          tk_row=_to_array(data["nextmove_row"]))


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when it holds too few letters to tell or the detector
    is not sure (below :data:`MIN_CONFIDENCE`)."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(re.sub(r"\s+", " ", sample))
    return None if code == "und" or confidence < MIN_CONFIDENCE else str(code)


def language_name(code: str | None) -> str:
    """``Korean`` for ``ko``; the code itself when the language is not in :data:`NAMES`."""
    if code is None:
        return "unknown language"
    return NAMES.get(code, code)
