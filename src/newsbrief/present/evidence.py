"""The sentences behind an entity's tone, each with the scored mention highlighted (``<mark>``) and its score.

Markup comes only from ``templates/evidence.html.j2`` (autoescaped): a sentence is cut at the mention's
offsets into three strings (before, mention, after) and the template puts ``<mark>`` around the middle one,
so article text never becomes markup and the highlight sits exactly on ``sentence[mark_start:mark_end]``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..textutil import signed
from .blocks import HTMLBlock
from .formatters import UNDATED, clip, fmt_day, fmt_source, fmt_text

HEADERS = ["published", "source", "title", "sentence", "tone"]
_SPACE = re.compile(r"\s+")


def _one_line(text: str) -> str:
    """Runs of whitespace (newlines too) as one space; the ends are kept, so the pieces join with their spaces."""
    return _SPACE.sub(" ", text)


def highlight(sentence: str, start: int, end: int, *, context: int = 300) -> dict[str, str]:
    """``sentence`` cut into before / mention / after at character offsets ``start:end``, each on one line.

    At most ``context`` characters are kept on either side of the mention (an ellipsis marks a cut).
    """
    start, end = max(0, start), min(len(sentence), max(start, end))
    before = _one_line(sentence[:start]).lstrip()
    after = _one_line(sentence[end:]).rstrip()
    return {"before": clip(before, context, keep="end", words=False, strip=False),
            "mention": _one_line(sentence[start:end]), "after": clip(after, context, words=False, strip=False)}


def evidence_rows(evidence: pd.DataFrame) -> list[dict[str, str]]:
    """Display strings for :func:`~newsbrief.analysis.target_tone.tone_evidence` rows."""
    rows = []
    for r in evidence.itertuples(index=False):
        tone = "" if pd.isna(r.tone) else signed(float(r.tone))
        rows.append({"published": fmt_day(r.published) or UNDATED, "source": fmt_source(r.source),
                     "title": fmt_text(r.title), "tone": tone,
                     **highlight(str(r.sentence), int(r.mark_start), int(r.mark_end))})
    return rows


def evidence_block(
    evidence: pd.DataFrame, *, caption: str | None = None, note: str | None = None, limit: int = 30,
    tone_header: str = "tone",
) -> HTMLBlock:
    """An escaped table of at most ``limit`` evidence rows; the caption counts the rows.

    The plain-text fallback shows the mention in ``[[ ]]``.
    """
    rows = evidence_rows(evidence.head(limit))
    count = f"{len(evidence)}" if len(evidence) <= limit else f"first {limit} of {len(evidence)}"
    caption = f"{caption} ({count})" if caption else None
    headers = [*HEADERS[:-1], tone_header]
    context: Mapping[str, Any] = {"caption": caption, "note": note, "headers": headers, "rows": rows}
    lines = ["\t".join(headers)] + [
        "\t".join([r["published"], r["source"], r["title"], f"{r['before']}[[{r['mention']}]]{r['after']}", r["tone"]])
        for r in rows]
    text = "\n".join([*(x for x in (caption, note) if x), *lines])
    return HTMLBlock.from_template("evidence.html.j2", text=text, **context)
