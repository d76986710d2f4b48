"""newsbrief: analytical briefings for news from parameterized Jupyter notebooks."""

from __future__ import annotations

from typing import Any

from .errors import NewsbriefError

__version__ = "0.1.0"

__all__ = ["NewsbriefError", "__version__", "target_tone"]


def __getattr__(name: str) -> Any:
    # target_tone pulls in spaCy: imported on first use, so `import newsbrief` stays light
    if name == "target_tone":
        from .nlp.tone import target_tone

        return target_tone
    raise AttributeError(f"module 'newsbrief' has no attribute {name!r}")
