"""The language of an article, by py3langid (a maintained fork of langid.py; its model ships in the package).

Measured against the declared language of the aeb pages (``benchmarks/languages.py``; figures in
docs/ingest.md). The text is cut to its first :data:`SAMPLE_CHARS` characters: enough for a stable answer,
and a corpus of long articles costs no more per article than one of short ones.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

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


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
