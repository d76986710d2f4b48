"""Reported speech over a parsed spaCy Doc (textacy's shape: functions over a Doc, one lexicon).

* :func:`extract_quotes` - every quote of a Doc, one :class:`Quote` row per contiguous span;
* :func:`direct_quotations`, :func:`indirect_quotations` - the same rows, by kind, as generators;
* :func:`quote_speakers` - the resolved speaker spans of a Doc, in text order;
* :mod:`.lexicon` - the one home of speech verbs, cue words and role words.

The rules: :mod:`.marks` (quote-mark pairing), :mod:`.direct` (quote + adjacent cue),
:mod:`.indirect` (clausal complements, ``according to``), :mod:`.speaker` (who speaks),
:mod:`.extract` (the order they run in and floating quotes).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "Quote", "QuoteSpan", "extract_quotes", "find_quote_spans", "direct_quotations",
    "indirect_quotations", "quote_speakers",
]

# Imported on first use (PEP 562), so that reading the leaf :mod:`.lexicon` (the entity cues and the
# tone features do) does not import spaCy: a cached re-run must not load it.
_HOME = {
    "Quote": ".extract", "extract_quotes": ".extract", "QuoteSpan": ".marks", "find_quote_spans": ".marks",
    "direct_quotations": ".generators", "indirect_quotations": ".generators", "quote_speakers": ".generators",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
