"""What a briefing recorded for the email: its title, facts, findings and small tables, as computed by the run.

The briefing attaches one :class:`Record` to its header output (display metadata under ``newsbrief``), so the
executed notebook carries it; the email reads it back with :func:`read_record` and recomputes nothing: its
findings are the briefing's findings, whatever the options (``compare`` included).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

#: The key of the record in an output's display metadata.
KEY = "newsbrief"
#: How many quotes the record keeps (the email lists at most these).
QUOTE_LIMIT = 12
#: The columns of each table the email shows.
COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("name", "type", "mentions", "share", "aliases"),
    "speakers": ("speaker", "quotes", "words", "word_share", "example"),
    "quotes": ("quote", "speaker", "kind"),
}


@dataclass(frozen=True)
class Record:
    """Everything the email shows of a briefing besides its charts."""

    title: str
    label: str  # the kicker: Article briefing, Corpus briefing
    facts: list[tuple[str, str]]
    url: str | None
    notes: list[str]
    findings: list[str]
    entities: pd.DataFrame = field(repr=False)
    speakers: pd.DataFrame = field(repr=False)
    quotes: pd.DataFrame = field(repr=False)
    quotes_total: int = 0
    appendix: str | None = None  # the link to the run's appendix (corpus briefings)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping (tables as ``{columns, data}``; NaN as null)."""
        out: dict[str, Any] = {"title": self.title, "label": self.label, "facts": [list(f) for f in self.facts],
                               "url": self.url, "notes": list(self.notes), "findings": list(self.findings),
                               "quotes_total": int(self.quotes_total), "appendix": self.appendix}
        for name, columns in COLUMNS.items():
            frame = getattr(self, name).reindex(columns=list(columns))
            out[name] = json.loads(frame.to_json(orient="split", index=False))
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Record:
        tables = {name: pd.DataFrame(data[name]["data"], columns=data[name]["columns"]) for name in COLUMNS}
        return cls(title=str(data["title"]), label=str(data["label"]),
                   facts=[(str(k), str(v)) for k, v in data["facts"]], url=data.get("url"),
                   notes=[str(n) for n in data["notes"]], findings=[str(f) for f in data["findings"]],
                   quotes_total=int(data["quotes_total"]), appendix=data.get("appendix"), **tables)


def read_record(outputs: Iterable[Mapping[str, Any]]) -> Record | None:
    """The record among notebook cell outputs (the first one carrying it), or None (a notebook run before
    briefings recorded themselves, or not a briefing)."""
    for output in outputs:
        data = output.get("metadata", {}).get(KEY)
        if isinstance(data, Mapping) and "findings" in data:
            return Record.from_json(data)
    return None
