"""What both briefings share: the options that shape them and the blocks built the same way.

:class:`~newsbrief.present.article.ArticleBriefing` (one article, its tables in memory) and
:class:`~newsbrief.present.corpus.CorpusBriefing` (a corpus, every aggregate asked of DuckDB out of core) each
compute the numbers their own way; header, findings and the entity and speaker charts are laid out here, and the
header's output records what the briefing computed for the email (:mod:`.record`). Markup comes only from the
autoescaping templates in ``templates/``; the notebooks never build markup themselves.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

from ..fetch import read_counts
from ..params import DEFAULT_TOP_N, BriefingOptions, Kind
from ..store import read_manifest
from .blocks import HTMLBlock
from .charts.entities import entity_chart
from .charts.speakers import speaker_chart
from .figures import Chart, to_chart
from .formatters import run_notes
from .record import KEY, QUOTE_LIMIT, Record


@dataclass(kw_only=True)
class Briefing(ABC):
    """A briefing's title and options; subclasses compute the numbers."""

    title: str
    top_n: int = DEFAULT_TOP_N
    #: ``top_n`` was not given: an article briefing sizes its tables to the article's length (at most ``top_n``)
    sized: bool = True
    freq: str = "W"
    follow: Sequence[str] = ()
    params: Mapping[str, Any] | None = None
    include_thin: bool = False
    ingest: Mapping[str, Any] | None = None  # what the run's ingest read and skipped (its manifest's record)
    fetched: tuple[int, int] | None = None  # (links not read, links) of the run's fetch.csv
    _findings: list[str] | None = field(default=None, init=False, repr=False)

    kind: ClassVar[Kind]
    #: The kicker above the title.
    label: ClassVar[str]
    #: How many speakers the speaker chart shows at most.
    chart_speakers: ClassVar[int] = 100

    @staticmethod
    def shared(options: BriefingOptions) -> dict[str, Any]:
        """What both briefings take from their options and the run: the options that shape them, the header's
        parameters (else the store's), what the run's fetch and ingest could not read."""
        manifest = read_manifest(options.data)
        return {"top_n": options.top_n or DEFAULT_TOP_N, "sized": options.top_n is None, "freq": options.freq,
                "follow": tuple(options.entities), "params": options.params or manifest.get("params", {}),
                "include_thin": options.include_thin,
                "fetched": read_counts(Path(options.data).parent / "fetch.csv"),
                "ingest": {k: manifest.get(k) for k in ("pages", "skipped", "flagged_dates")}}

    def run_notes(self) -> list[str]:
        """Notes on the run: pages and links that could not be read, dates that were flagged."""
        return run_notes(self.fetched, self.ingest)

    # ------------------------------------------------------------------ numbers (each briefing its own way)
    @abstractmethod
    def entity_frequencies(self) -> pd.DataFrame: ...

    @abstractmethod
    def speaker_share(self) -> pd.DataFrame: ...

    @abstractmethod
    def compute_findings(self) -> list[str]: ...

    @abstractmethod
    def notes(self) -> list[str]:
        """Notes shown under the header: the :meth:`run_notes`, and articles whose text is too little to be read
        as articles."""

    @abstractmethod
    def header_rows(self, *, with_url: bool = True) -> list[tuple[str, str]]:
        """The facts under the title."""

    @abstractmethod
    def quote_rows(self, *, limit: int) -> tuple[pd.DataFrame, int]:
        """(the first ``limit`` quotes as a reader sees them, how many quotes there are)."""

    def url(self) -> str | None:
        """The article's address (article briefings)."""
        return None

    def appendix_link(self) -> str | None:
        """The link to the run's appendix (corpus briefings)."""
        return None

    def findings(self) -> list[str]:
        """The key findings (computed once)."""
        if self._findings is None:
            self._findings = self.compute_findings()
        return list(self._findings)

    def record(self) -> Record:
        """What the email shows besides the charts, as this briefing computed it."""
        quotes, total = self.quote_rows(limit=QUOTE_LIMIT)
        return Record(title=" ".join(str(self.title).split()), label=self.label, facts=self.header_rows(with_url=False),
                      url=self.url(), notes=self.notes(), findings=self.findings(), entities=self.entity_frequencies(),
                      speakers=self.speaker_share(), quotes=quotes, quotes_total=total, appendix=self.appendix_link())

    # ------------------------------------------------------------------ display
    def header(self) -> HTMLBlock:
        """The title, facts and notes; its output carries the briefing's :class:`~.record.Record` for the email."""
        rows = self.header_rows()
        params = [(str(k), str(v)) for k, v in (self.params or {}).items()]
        notes = self.notes()
        text = "\n".join([self.title, *[f"{k}: {v}" for k, v in rows], *notes])
        block = HTMLBlock.from_template("header.html.j2", text=text, kind=self.label, title=self.title, rows=rows,
                                        notes=notes, params=params)
        return block.with_metadata({KEY: self.record().to_json()})

    def findings_block(self) -> HTMLBlock:
        items = self.findings()
        return HTMLBlock.from_template("findings.html.j2", text="\n".join(f"- {s}" for s in items), items=items)

    def entity_chart(self) -> Chart | HTMLBlock:
        freq = self.entity_frequencies()
        if freq.empty:
            return HTMLBlock.plain("No people, organisations or places found.")
        return to_chart(entity_chart(freq))

    def speaker_chart(self) -> Chart | HTMLBlock:
        share = self.speaker_share().head(self.chart_speakers)
        if share.empty:
            return HTMLBlock.plain("No reported speech found.")
        return to_chart(speaker_chart(share))

