"""The function words of a browser copy's language, for telling its prose from its chrome.

The rule reader (:mod:`.browser`) tells a line of prose by its share of function words. English ones alone leave a
Portuguese or Russian copy without a line of prose, and the whole page (menus and all) was kept. The copy's language
is detected on its longer lines (:func:`newsbrief.ingest.language.detect_language`) and, for a language other than
English, its function words are jusText's stoplist of that language (jusText ships one for 100 languages; it is
trafilatura's own dependency). English copies keep the reader's own list.
"""

from __future__ import annotations

from functools import lru_cache

from .copy_patterns import STOPWORDS
from .language import NAMES, SAMPLE_CHARS, detect_language

#: jusText's names where they are not :data:`~.language.NAMES`'s.
STOPLIST_NAMES: dict[str, str] = {"no": "Norwegian_Bokmal", "ca": "Catalan", "hr": "Croatian", "sk": "Slovak",
                                  "sl": "Slovenian", "sr": "Serbian", "bg": "Bulgarian", "tl": "Tagalog",
                                  "bn": "Bengali", "ur": "Urdu", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian"}
#: A line of at least this many words is prose enough to tell the language from.
SAMPLE_LINE_WORDS = 8


@lru_cache(maxsize=64)
def stoplist(code: str) -> frozenset[str] | None:
    """jusText's function words of the language ``code`` (ISO 639-1), None when it has none."""
    import justext

    name = STOPLIST_NAMES.get(code) or NAMES.get(code)
    if name is None or name not in justext.get_stoplists():
        return None
    return frozenset(justext.get_stoplist(name))


def stopwords_of(lines: list[str]) -> frozenset[str]:
    """The function words to tell prose by in a copy: its language's (detected on its longer lines), English's
    when it is English or undecided."""
    sample = " ".join(line for line in lines if len(line.split()) >= SAMPLE_LINE_WORDS)[:SAMPLE_CHARS]
    code = detect_language(sample or " ".join(lines)[:SAMPLE_CHARS])
    if code is None or code == "en":
        return STOPWORDS
    return stoplist(code) or STOPWORDS
