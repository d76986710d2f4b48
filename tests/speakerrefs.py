"""The speaker reference each quote row points at, as text: what the speaker tests compare."""

from __future__ import annotations

from newsbrief.nlp.quotes import Quote


def speaker_refs(text: str, rows: list[Quote]) -> list[str | None]:
    """``text``'s span of each row's speaker reference (None: the row has none)."""
    out: list[str | None] = []
    for q in rows:
        a, b = q.speaker_ref_start, q.speaker_ref_end
        out.append(text[a:b] if a is not None and b is not None else None)
    return out
