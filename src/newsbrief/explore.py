"""Interactive exploration of an annotation store (notebooks/explore.ipynb, in JupyterLab).

Pick an entity or a speaker, a date range and sources; see the entity's mentions (or the speaker's
quotes) over time, its tone (of the sentences that name it, or of the speaker's words), the quotes
by and about it, and the sentences behind any point of the timeline.

Everything the widgets show comes from plain functions (:func:`filter_tables`, :func:`find_focus`,
:func:`timeline`, :func:`tone`, :func:`sentences_at`, :func:`make_view`) built on :mod:`newsbrief.analysis`,
the functions the briefing uses, so the numbers match the briefing and tests reach the logic without a
browser. The store defaults to the latest run's (:func:`resolve_store`).
"""

from __future__ import annotations

import html
import io
import logging
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from matplotlib.figure import Figure

from . import analysis
from .briefing import HTMLBlock, table_block
from .errors import NewsbriefError, StoreError
from .store import CURRENT, is_store, read_dataset

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REPORTS = PROJECT_ROOT / "reports"
SAMPLE = PROJECT_ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"
#: Where the fallback store (the annotated sample) is kept between sessions; its cache makes reuse fast.
SCRATCH = Path(tempfile.gettempdir()) / "newsbrief-explore"

Kind = Literal["entity", "speaker"]
FREQS: dict[str, str] = {"day": "D", "week": "W", "month": "M"}
SENTENCE_COLUMNS = ["published", "source", "title", "sent_id", "sentiment", "sentence", "article_id"]


# ---------------------------------------------------------------------------------------------- the store
def latest_run_store(reports: str | Path = REPORTS) -> Path | None:
    """The ``data`` store of the most recently written run under ``reports`` (failed runs excluded)."""
    folder = Path(reports)
    if not folder.is_dir():
        return None
    runs = [
        p for p in folder.glob("*/data")
        if is_store(p) and not p.parent.name.startswith(".") and not p.parent.name.endswith(".failed")
    ]
    if not runs:
        return None
    return max(runs, key=lambda p: (p / CURRENT).stat().st_mtime)


def annotate_into(inputs: str | Path | Sequence[str | Path], store: str | Path, *, model: str | None = None,
                  workers: int | None = 1) -> Path:
    """Annotate ``inputs`` into the store folder ``store``, as ``newsbrief annotate`` does, and return it.

    The store's cache makes a second call on the same inputs cheap (no NLP, no rewrite).
    """
    from .annotate import Settings, annotate_corpus
    from .ingest import read_inputs

    store = Path(store)
    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    ingested = read_inputs(items)
    settings = Settings() if model is None else Settings(model=model)
    result = annotate_corpus(ingested.articles, store=store, settings=settings, workers=workers,
                             inputs=[str(i) for i in items])
    log.info("store %s: %d article(s), %d annotated, %s", store, result.summary.articles, result.summary.annotated,
             "dataset reused" if result.reused else "dataset written")
    return store


def resolve_store(
    store: str | Path | None = None, *, reports: str | Path = REPORTS, sample: str | Path = SAMPLE,
    scratch: str | Path = SCRATCH,
) -> Path:
    """The store to explore.

    ``store`` given: that folder (it must be an annotation store). ``None``: the store of the most
    recent run under ``reports``; failing that, ``sample`` annotated into ``scratch`` (a temporary
    folder, reused and cached between sessions).
    """
    if store is not None:
        path = Path(store).expanduser()
        if not is_store(path):
            hint = ("; it holds a run's `data/` store, pass that" if is_store(path / "data")
                    else "; create one with `newsbrief annotate INPUT... --out DIR` or `newsbrief run`")
            raise StoreError("not an annotation store (no CURRENT file)" + hint, path=path)
        return path
    found = latest_run_store(reports)
    if found is not None:
        log.info("exploring the most recent run's store: %s", found)
        return found
    if not Path(sample).is_file():
        raise StoreError("no run under reports/ and the bundled sample is missing; pass a store", path=sample)
    log.info("no run under %s: annotating %s into %s", reports, sample, scratch)
    return annotate_into(sample, scratch)


# ---------------------------------------------------------------------------------------------- filters
@dataclass(frozen=True)
class Filters:
    """Which articles count: published between ``start`` and ``end`` (days, inclusive) and from ``sources``.

    Empty ``sources`` means every source. With a date bound, undated articles are left out.
    """

    start: date | None = None
    end: date | None = None
    sources: tuple[str, ...] = ()


def _day(value: Any) -> date | None:
    if value is None or (not isinstance(value, (str, date)) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def make_filters(*, start: Any = None, end: Any = None, sources: Iterable[str] | str | None = None) -> Filters:
    """Filters from loose values (notebook parameters: strings, dates, a source name or a list)."""
    if isinstance(sources, str):
        sources = [sources]
    lo, hi = _day(start), _day(end)
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"start {lo} is after end {hi}")
    return Filters(start=lo, end=hi, sources=tuple(sources or ()))


def _source(articles: pd.DataFrame) -> pd.Series:
    return articles["source"].astype("object").where(articles["source"].notna(), "(unknown)")


def filter_tables(tables: Mapping[str, pd.DataFrame], filters: Filters) -> dict[str, pd.DataFrame]:
    """The tables restricted to the articles that pass ``filters`` (``entities`` kept whole)."""
    a = tables["articles"]
    keep = pd.Series(True, index=a.index)
    if filters.start is not None or filters.end is not None:
        day = a["published"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
        keep &= day.notna()
        if filters.start is not None:
            keep &= day >= pd.Timestamp(filters.start)
        if filters.end is not None:
            keep &= day <= pd.Timestamp(filters.end)
    if filters.sources:
        keep &= _source(a).isin(list(filters.sources))
    ids = set(a.loc[keep, "article_id"])
    out = {name: frame[frame["article_id"].isin(ids)].reset_index(drop=True)
           for name, frame in tables.items() if name != "entities"}
    out["entities"] = tables["entities"]
    return out


def _dated(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables restricted to articles with a publication time."""
    ids = set(tables["articles"].loc[tables["articles"]["published"].notna(), "article_id"])
    return {name: frame if name == "entities" else frame[frame["article_id"].isin(ids)]
            for name, frame in tables.items()}


# ---------------------------------------------------------------------------------------------- choices
def entity_choices(tables: Mapping[str, pd.DataFrame], *, top: int | None = None) -> list[tuple[str, str]]:
    """(label, entity_id) pairs, most mentioned first: what the entity dropdown offers."""
    freq = analysis.entity_frequencies(tables["mentions"], tables["entities"], top=top)
    return [(f"{r.name} ({r.type}, {int(r.mentions)})", str(r.entity_id)) for r in freq.itertuples(index=False)]


def speaker_choices(tables: Mapping[str, pd.DataFrame], *, top: int | None = None) -> list[tuple[str, str]]:
    """(label, speaker) pairs, most quoted first (unattributed quotes left out)."""
    share = analysis.speaker_share(tables["quotes"], tables["articles"])
    share = share[share["speaker"] != analysis.UNATTRIBUTED]
    if top is not None:
        share = share.head(top)
    return [(f"{r.speaker} ({int(r.quotes)} quotes)", str(r.speaker)) for r in share.itertuples(index=False)]


def source_choices(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Sources by number of articles, largest first."""
    return list(_source(tables["articles"]).value_counts().index)


def date_bounds(tables: Mapping[str, pd.DataFrame]) -> tuple[date | None, date | None]:
    """First and last publication day (UTC) in the store."""
    dates = tables["articles"]["published"].dropna()
    if dates.empty:
        return None, None
    return _day(dates.min()), _day(dates.max())


# ---------------------------------------------------------------------------------------------- one focus
@dataclass(frozen=True)
class Focus:
    """What is explored: an entity (``key`` = entity_id) or a speaker (``key`` = speaker name)."""

    kind: Kind
    key: str
    name: str
    entity_id: str | None = None


def find_focus(tables: Mapping[str, pd.DataFrame], *, entity: str | None = None, speaker: str | None = None) -> Focus:
    """Resolve a user's choice by entity id, canonical name or alias (case-insensitive); speaker by name.

    With neither given: the most mentioned entity, else the most quoted speaker.
    """
    entities = tables["entities"]
    if entity is not None and speaker is not None:
        raise ValueError("choose an entity or a speaker, not both")
    if speaker is not None:
        names = tables["quotes"]["speaker"].dropna()
        match = names[names.str.casefold() == speaker.casefold()]
        if match.empty:
            known = ", ".join(v for _, v in speaker_choices(tables, top=10))
            raise ValueError(f"no quotes by speaker '{speaker}'; most quoted: {known}")
        name = str(match.iloc[0])
        ids = tables["quotes"].loc[tables["quotes"]["speaker"] == name, "speaker_entity_id"].dropna()
        return Focus("speaker", name, name, str(ids.iloc[0]) if len(ids) else None)
    if entity is None:
        choices = entity_choices(tables, top=1)
        if choices:
            entity = choices[0][1]
        else:
            speakers = speaker_choices(tables, top=1)
            if not speakers:
                raise ValueError("the store holds no entity and no attributed quote to explore")
            return find_focus(tables, speaker=speakers[0][1])
    wanted = entity.casefold()
    by_id = entities[entities["entity_id"].astype(str) == entity]
    by_name = entities[entities["name"].astype(str).str.casefold() == wanted]
    alias = entities[["entity_id", "aliases"]].explode("aliases")
    by_alias = entities[entities["entity_id"].isin(alias.loc[alias["aliases"].astype(str).str.casefold() == wanted,
                                                              "entity_id"])]
    by_any_id = entities[entities["entity_id"].astype(str).str.casefold() == wanted]
    for found in (by_id, by_name, by_alias, by_any_id):  # exact id first; a name beats an alias
        if len(found):
            row = found.iloc[0]
            return Focus("entity", str(row["entity_id"]), str(row["name"]), str(row["entity_id"]))
    known = ", ".join(label for label, _ in entity_choices(tables, top=10))
    raise ValueError(f"no entity '{entity}' in the store; most mentioned: {known}")


def _period_key(published: pd.Series, freq: str) -> pd.Series:
    return published.dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period(freq).dt.start_time


def focus_mentions(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """Mentions of the focus entity (for a speaker: of the speaker's entity, if any)."""
    m = tables["mentions"]
    if focus.entity_id is None:
        return m.iloc[0:0]
    return m[m["entity_id"] == focus.entity_id]


def quotes_by(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """Quotes whose speaker is the focus (raw quote rows)."""
    q = tables["quotes"]
    if focus.kind == "speaker":
        return q[q["speaker"] == focus.key]
    return q[q["speaker_entity_id"] == focus.entity_id]


def quotes_about(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """Quotes by others whose content names the focus entity (raw quote rows)."""
    q = tables["quotes"]
    mentions = focus_mentions(tables, focus)
    if q.empty or mentions.empty:
        return q.iloc[0:0]
    pairs = q.reset_index().merge(mentions[["article_id", "start", "end"]], on="article_id")
    inside = pairs[(pairs["start"] >= pairs["content_start"]) & (pairs["end"] <= pairs["content_end"])]
    hits = q.loc[sorted(set(inside["index"]))]
    return hits[~hits.index.isin(quotes_by(tables, focus).index)]


def timeline(tables: Mapping[str, pd.DataFrame], focus: Focus, *, freq: str = "W") -> pd.DataFrame:
    """Per period: mentions (entity) or quotes (speaker), via the briefing's own functions.

    Rows: period start; one column, named after the focus.
    """
    articles = tables["articles"]
    if focus.kind == "entity":
        return analysis.entity_trend(tables["mentions"], articles, tables["entities"], entity_ids=[focus.entity_id],
                                     freq=freq)
    by_period = analysis.speaker_share_by(quotes_by(tables, focus), articles, by="period", freq=freq, top=1)
    if by_period.empty:
        return by_period
    full = pd.period_range(by_period.index.min(), by_period.index.max(), freq=freq).start_time
    out = by_period.reindex(full, fill_value=0)
    out.index.name = "period"
    return out


def focus_sentences(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """Sentences behind the focus: those that name the entity, or hold one of the speaker's quotes.

    Columns: :data:`SENTENCE_COLUMNS`; one row per sentence, in publication order (undated last).
    """
    s = tables["sentences"]
    if focus.kind == "entity":
        spans = focus_mentions(tables, focus)[["article_id", "start", "end"]].rename(columns={"start": "a", "end": "b"})
    else:
        spans = quotes_by(tables, focus)[["article_id", "content_start", "content_end"]].rename(
            columns={"content_start": "a", "content_end": "b"})
    if s.empty or spans.empty:
        return pd.DataFrame(columns=SENTENCE_COLUMNS)
    pairs = s.merge(spans, on="article_id")
    hit = pairs[(pairs["a"] < pairs["end"]) & (pairs["b"] > pairs["start"])]
    hit = hit.drop_duplicates(["article_id", "sent_id"])
    meta = tables["articles"][["article_id", "published", "source", "title"]]
    out = hit.merge(meta, on="article_id", how="left").rename(columns={"text": "sentence"})
    out = out.sort_values(["published", "article_id", "sent_id"], na_position="last", kind="stable")
    return out[SENTENCE_COLUMNS].reset_index(drop=True)


TONE_COLUMNS = ["period", "mean", "ci_low", "ci_high", "n_articles", "thin"]


def tone(tables: Mapping[str, pd.DataFrame], focus: Focus, *, freq: str | None = "W") -> pd.DataFrame:
    """The focus's tone per period (``freq=None``: one row over the whole selection), −1..1.

    An entity: the mean sentiment of the sentences that name it (``analysis.sentiment.entity_sentiment``).
    A speaker: the mean sentiment of the speaker's quoted words (``speaker_sentiment``). Both average
    within each article first, then over articles, with a confidence band. ``period`` is naive UTC.
    """
    from .analysis.sentiment import entity_sentiment, speaker_sentiment

    if freq is not None:  # a timeline leaves undated articles out; do it here rather than be warned per call
        tables = _dated(tables)
    if focus.kind == "entity":
        mentions = focus_mentions(tables, focus)
        if mentions.empty:
            return pd.DataFrame(columns=TONE_COLUMNS)
        out = entity_sentiment(tables["sentences"], mentions, tables["entities"], tables["articles"], top=1, freq=freq)
    else:
        by = quotes_by(tables, focus)
        if by.empty:
            return pd.DataFrame(columns=TONE_COLUMNS)
        out = speaker_sentiment(by, tables["articles"], names=[focus.key], freq=freq)
    if freq is None:
        return out[[c for c in TONE_COLUMNS if c != "period"]].reset_index(drop=True)
    out = out.assign(period=pd.to_datetime(out["period"], utc=True).dt.tz_localize(None))
    return out[TONE_COLUMNS].reset_index(drop=True)


def periods(tables: Mapping[str, pd.DataFrame], focus: Focus, *, freq: str = "W") -> list[tuple[str, str]]:
    """(label, period start as ``YYYY-MM-DD``) for every period with sentences behind the focus: the points."""
    sentences = focus_sentences(tables, focus).dropna(subset=["published"])
    if sentences.empty:
        return []
    counts = _period_key(sentences["published"], freq).value_counts().sort_index()
    label = {"D": "%d %b %Y", "W": "week of %d %b %Y", "M": "%B %Y"}.get(freq, "%Y-%m-%d")
    return [(f"{start.strftime(label)} ({n} sentence{'s' if n != 1 else ''})", f"{start:%Y-%m-%d}")
            for start, n in counts.items()]


def _in_period(sentences: pd.DataFrame, period: Any, freq: str) -> pd.DataFrame:
    dated = sentences.dropna(subset=["published"])
    start = pd.Timestamp(period)
    if start.tzinfo is not None:
        start = start.tz_convert("UTC").tz_localize(None)
    keep = _period_key(dated["published"], freq) == start.to_period(freq).start_time
    return dated[keep].reset_index(drop=True)


def sentences_at(tables: Mapping[str, pd.DataFrame], focus: Focus, period: Any, *, freq: str = "W") -> pd.DataFrame:
    """The sentences behind one point of the timeline: the period holding the day ``period``."""
    return _in_period(focus_sentences(tables, focus), period, freq)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _quote_rows(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    table = analysis.quote_table(quotes)
    meta = articles[["article_id", "published", "source"]]
    table = table.merge(meta, on="article_id", how="left")
    columns = ["published", "source", "speaker", "kind", "cue", "words", "quote", "article_id"]
    return table.sort_values("published", kind="stable")[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- a view
class Chart:
    """A closed matplotlib figure that displays itself as PNG in any kernel.

    The chart style selects the Agg backend, so a bare Figure would show as text in a notebook;
    this wrapper does not depend on the inline backend being active.
    """

    def __init__(self, figure: Figure) -> None:
        self.figure = figure

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png")
        return buffer.getvalue()

    def __repr__(self) -> str:
        titles = [t for ax in self.figure.axes for loc in ("left", "center") if (t := ax.get_title(loc=loc))]
        return f"<chart: {titles[0] if titles else 'untitled'}>"


@dataclass
class View:
    """Everything shown for one focus under one set of filters (plain data; display helpers below)."""

    focus: Focus
    filters: Filters
    freq: str
    counts: pd.DataFrame
    tone: pd.DataFrame
    overall: pd.DataFrame
    sentences: pd.DataFrame
    quotes_by: pd.DataFrame
    quotes_about: pd.DataFrame
    points: list[tuple[str, str]] = field(default_factory=list)
    n_articles: int = 0

    def busiest_point(self) -> str | None:
        """The period (``YYYY-MM-DD``) with the most sentences behind the focus; ``None`` if undated."""
        if not self.points:
            return None
        counts = self.sentences.dropna(subset=["published"])
        key = _period_key(counts["published"], self.freq).value_counts()
        return f"{key.idxmax():%Y-%m-%d}"

    def summary(self) -> HTMLBlock:
        f = self.filters
        when = f"{f.start or 'first'} to {f.end or 'last'}"
        where = ", ".join(f.sources) if f.sources else "all sources"
        what = "mentions" if self.focus.kind == "entity" else "quotes"
        total = int(self.counts.to_numpy().sum()) if not self.counts.empty else 0
        basis = "sentences naming it" if self.focus.kind == "entity" else "quoted words"
        if self.overall.empty or pd.isna(self.overall["mean"].iloc[0]):
            tone_text = "tone unknown"
        else:
            row = self.overall.iloc[0]
            tone_text = f"tone of {basis} {round(float(row['mean']), 2) + 0.0:+.2f} (mean over {_n(int(row['n_articles']), 'article')})"
        text = (f"{self.focus.name} ({self.focus.kind}): {total} dated {what} in {_n(self.n_articles, 'article')} "
                f"({when}, {where}); {tone_text}; {len(self.quotes_by)} quotes by, {len(self.quotes_about)} about.")
        return HTMLBlock(f'<p class="nb-caption">{html.escape(text)}</p>', text)

    def chart(self) -> Chart | HTMLBlock:
        """Mentions or quotes per period (the briefing's trend chart), tone on a second axis."""
        import matplotlib.pyplot as plt

        from .charts.entities import entity_trend_chart
        from matplotlib.ticker import MaxNLocator

        from .charts.style import NEGATIVE, POSITIVE

        if self.counts.empty:
            return HTMLBlock("<p>No dated articles for this choice: no timeline.</p>", "No timeline.")
        what = "Mentions" if self.focus.kind == "entity" else "Quotes"
        fig = entity_trend_chart(self.counts, title=f"{what} of {self.focus.name} per period, and their tone")
        ax = fig.axes[0]
        ax.set_ylabel(f"{what.lower()} per period (count)")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max(1, int(self.counts.to_numpy().max())) * 1.15)
        # Half a period of margin each side, so one point (one article) sits mid-chart at its own date.
        margin = (pd.Timestamp(self.counts.index[0]).to_period(self.freq).end_time
                  - pd.Timestamp(self.counts.index[0])) / 2
        ax.set_xlim(self.counts.index.min() - margin, self.counts.index.max() + margin)
        t = self.tone.dropna(subset=["mean"]) if not self.tone.empty else self.tone
        if not t.empty:
            right = ax.twinx()
            colors = [POSITIVE if v >= 0 else NEGATIVE for v in t["mean"]]
            low = (t["mean"] - t["ci_low"]).fillna(0).clip(lower=0)
            high = (t["ci_high"] - t["mean"]).fillna(0).clip(lower=0)
            right.errorbar(t["period"], t["mean"], yerr=[low, high], fmt="none", ecolor="#777777", elinewidth=0.8,
                           capsize=2, zorder=2)
            right.scatter(t["period"], t["mean"], marker="D", s=24, c=colors, edgecolors="#333333", linewidths=0.4,
                          zorder=3, label="tone, 95% band (right axis)")
            right.axhline(0, color="#999999", linewidth=0.6, linestyle=":")
            right.set_ylim(-1.05, 1.05)
            basis = "sentences naming it" if self.focus.kind == "entity" else "quoted words"
            right.set_ylabel(f"tone of {basis} (−1..1)")
            right.grid(False)
            right.legend(loc="lower right", fontsize=8)
        plt.close(fig)
        return Chart(fig)

    def quotes_by_table(self, *, limit: int = 30) -> HTMLBlock:
        return _table(self.quotes_by, f"Quotes by {self.focus.name}", limit=limit)

    def quotes_about_table(self, *, limit: int = 30) -> HTMLBlock:
        return _table(self.quotes_about, f"Quotes naming {self.focus.name}, by others", limit=limit)

    def sentences_table(self, period: Any = None, *, limit: int = 30) -> HTMLBlock:
        """Sentences behind the point ``period`` (any day of that period), or behind every point."""
        rows = self.sentences
        caption = f"Sentences behind {self.focus.name}"
        if period is not None:
            rows = _in_period(rows, period, self.freq)
            caption += f", period starting {pd.Timestamp(period).to_period(self.freq).start_time:%d %b %Y}"
        return _table(rows.drop(columns=["sent_id", "article_id"]), caption, limit=limit)


def _table(rows: pd.DataFrame, caption: str, *, limit: int) -> HTMLBlock:
    """An escaped table of at most ``limit`` rows; article text on one line; the caption counts the rows."""
    shown = rows.head(limit).copy()
    for column in ("sentence", "quote", "title"):
        if column in shown:
            shown[column] = shown[column].map(lambda v: " ".join(str(v).split()) if isinstance(v, str) else v)
    count = f"{len(rows)}" if len(rows) <= limit else f"first {limit} of {len(rows)}"
    return table_block(shown, caption=f"{caption} ({count})",
                       formats={"published": "{:%Y-%m-%d}", "sentiment": "{:+.2f}"})


def make_view(
    tables: Mapping[str, pd.DataFrame], focus: Focus, *, filters: Filters | None = None, freq: str = "W"
) -> View:
    """Compute the view of ``focus`` over the articles that pass ``filters``."""
    filters = filters or Filters()
    sub = filter_tables(tables, filters)
    by = quotes_by(sub, focus)
    about = quotes_about(sub, focus)
    articles = set(focus_mentions(sub, focus)["article_id"]) | set(by["article_id"])
    return View(
        focus=focus, filters=filters, freq=freq,
        counts=timeline(sub, focus, freq=freq),
        tone=tone(sub, focus, freq=freq),
        overall=tone(sub, focus, freq=None),
        sentences=focus_sentences(sub, focus),
        quotes_by=_quote_rows(by, sub["articles"]),
        quotes_about=_quote_rows(about, sub["articles"]),
        points=periods(sub, focus, freq=freq),
        n_articles=len(articles),
    )


# ---------------------------------------------------------------------------------------------- the explorer
@dataclass
class Explorer:
    """A loaded store plus the current choice; :meth:`app` builds the widgets."""

    store: Path
    tables: dict[str, pd.DataFrame]
    focus: Focus
    filters: Filters = field(default_factory=Filters)
    freq: str = "W"

    @classmethod
    def load(
        cls, store: str | Path | None = None, *, entity: str | None = None, speaker: str | None = None,
        start: Any = None, end: Any = None, sources: Iterable[str] | str | None = None, freq: str = "W",
    ) -> Explorer:
        """Load ``store`` (``None``: see :func:`resolve_store`) and make the initial choice."""
        if freq not in FREQS.values():
            raise ValueError(f"freq must be one of {', '.join(FREQS.values())}, not {freq!r}")
        path = resolve_store(store)
        tables = read_dataset(path)
        focus = find_focus(tables, entity=entity, speaker=speaker)
        return cls(store=path, tables=tables, focus=focus, filters=make_filters(start=start, end=end, sources=sources),
                   freq=freq)

    def overview(self) -> HTMLBlock:
        a = self.tables["articles"]
        first, last = date_bounds(self.tables)
        text = (f"Store {self.store}: {len(a):,} articles from {a['source'].nunique():,} source(s), "
                f"{first or '?'} to {last or '?'}; {len(self.tables['entities']):,} entities, "
                f"{len(self.tables['quotes']):,} quotes, {len(self.tables['sentences']):,} sentences.")
        return HTMLBlock(f"<p>{html.escape(text)}</p>", text)

    def choose(self, *, entity: str | None = None, speaker: str | None = None) -> Focus:
        self.focus = find_focus(self.tables, entity=entity, speaker=speaker)
        return self.focus

    def view(self) -> View:
        return make_view(self.tables, self.focus, filters=self.filters, freq=self.freq)

    def sql(self, query: str) -> pd.DataFrame:
        """SQL over this store's tables (see :mod:`newsbrief.query`)."""
        from .query import sql

        return sql(query, store=self.store)

    def app(self) -> ExploreApp:
        return ExploreApp(self)


class ExploreApp:
    """The ipywidgets front end of an :class:`Explorer`; display it as a cell's value.

    Callbacks only translate widget values into :class:`Filters` / :class:`Focus` and call
    :func:`make_view`; every computation happens in the plain functions above.
    """

    def __init__(self, explorer: Explorer) -> None:
        import ipywidgets as w

        self.explorer = explorer
        self._quiet = True  # no refresh while the controls are being built or refilled
        tables = explorer.tables
        first, last = self._bounds = date_bounds(tables)
        f = explorer.filters
        layout = w.Layout(width="auto")
        self.kind = w.ToggleButtons(options=[("Entity", "entity"), ("Speaker", "speaker")],
                                    value=explorer.focus.kind, description="Explore")
        self.item = w.Dropdown(description="Who/what", layout=w.Layout(width="28em"))
        self.start = w.DatePicker(description="From", value=f.start or first)
        self.end = w.DatePicker(description="To", value=f.end or last)
        sources = source_choices(tables)
        self.sources = w.SelectMultiple(options=sources, value=[s for s in f.sources if s in sources],
                                        description="Sources", rows=min(6, max(2, len(sources))),
                                        layout=w.Layout(width="28em"))
        self.freq = w.Dropdown(options=list(FREQS.items()), value=explorer.freq, description="Period")
        self.point = w.Dropdown(description="Point", layout=w.Layout(width="28em"))
        self.status = w.HTML()
        self.summary_out = w.Output()
        self.chart_out = w.Output()
        self.sentences_out = w.Output()
        self.quotes_out = w.Output()
        self._fill_items()
        self.item.value = explorer.focus.key
        tabs = w.Tab(children=[w.VBox([self.point, self.sentences_out]), self.quotes_out])
        tabs.set_title(0, "Sentences behind a point")
        tabs.set_title(1, "Quotes by and about")
        self.widget = w.VBox([
            self.kind, w.HBox([self.item, self.freq], layout=layout),
            w.HBox([self.start, self.end], layout=layout), self.sources, self.status,
            self.summary_out, self.chart_out, tabs,
        ])
        self.view: View | None = None
        self.kind.observe(self._on_kind, names="value")
        for control in (self.item, self.start, self.end, self.sources, self.freq):
            control.observe(self._on_change, names="value")
        self.point.observe(self._on_point, names="value")
        self._quiet = False
        self.refresh()

    # callbacks -------------------------------------------------------------------------------
    def _fill_items(self) -> None:
        tables = self.explorer.tables
        options = entity_choices(tables) if self.kind.value == "entity" else speaker_choices(tables)
        self.item.options = options
        if options and self.item.value not in {v for _, v in options}:
            self.item.value = options[0][1]

    def _on_kind(self, _change: Mapping[str, Any]) -> None:
        self._quiet = True
        try:
            self._fill_items()
        finally:
            self._quiet = False
        self.refresh()

    def _on_change(self, _change: Mapping[str, Any]) -> None:
        if not self._quiet:
            self.refresh()

    def _on_point(self, change: Mapping[str, Any]) -> None:
        if not self._quiet:
            self.show_point(change["new"])

    # state -> view -----------------------------------------------------------------------------
    def current(self) -> tuple[Focus | None, Filters, str]:
        """The choice the widgets express (focus ``None`` when nothing can be chosen)."""
        ex = self.explorer
        focus = None
        if self.item.value is not None:
            kind = self.kind.value
            focus = find_focus(ex.tables, entity=self.item.value if kind == "entity" else None,
                               speaker=self.item.value if kind == "speaker" else None)
        start, end = self.start.value, self.end.value
        if start is not None and end is not None and start > end:
            start, end = end, start
        # The pickers open on the store's first and last day: that is no bound (undated articles stay in).
        first, last = self._bounds
        start = None if start == first else start
        end = None if end == last else end
        filters = Filters(start=start, end=end, sources=tuple(self.sources.value))
        return focus, filters, self.freq.value

    def refresh(self) -> View | None:
        """Recompute the view from the controls and render it (rendering only inside a kernel)."""
        focus, filters, freq = self.current()
        ex = self.explorer
        ex.filters, ex.freq = filters, freq
        self.view = None
        if focus is None:
            self.status.value = "<p>Nothing to explore: the store has no entity or speaker.</p>"
            _render(self.summary_out)
            _render(self.chart_out)
            _render(self.quotes_out)
            _render(self.sentences_out)
            return None
        ex.focus = focus
        try:
            view = ex.view()
        except (NewsbriefError, ValueError) as e:
            log.warning("cannot show %s: %s", focus.name, e)
            self.status.value = f"<p><b>Cannot show {html.escape(focus.name)}:</b> {html.escape(str(e))}</p>"
            return None
        self.view = view
        self.status.value = ""
        _render(self.summary_out, view.summary)
        _render(self.chart_out, view.chart)
        _render(self.quotes_out, view.quotes_by_table, view.quotes_about_table)
        self._quiet = True
        try:
            self.point.options = [("every point", None), *view.points]
            self.point.value = view.points[0][1] if len(view.points) == 1 else None
        finally:
            self._quiet = False
        self.show_point(self.point.value)
        return view

    def show_point(self, period: str | None) -> None:
        """List the sentences behind the point ``period`` (``None``: behind every point)."""
        view = self.view
        if view is not None:
            _render(self.sentences_out, lambda: view.sentences_table(period))

    def _ipython_display_(self) -> None:
        _display(self.widget)


def _in_kernel() -> bool:
    from IPython.core.interactiveshell import InteractiveShell

    return InteractiveShell.initialized()


def _render(out: Any, *makers: Callable[[], Any]) -> None:
    """Replace an Output widget's content with the displayed results of ``makers``.

    Outside a kernel (tests, scripts) nothing is rendered: there is nowhere to show it, and the
    view itself is already computed and inspectable as ``app.view``.
    """
    if not _in_kernel():
        return
    from IPython.display import display

    out.clear_output(wait=True)
    with out:
        for make in makers:
            display(make())


def _display(obj: Any) -> None:
    if _in_kernel():
        from IPython.display import display

        display(obj)


def explore(store: str | Path | None = None, **choice: Any) -> ExploreApp:
    """Load a store and build the app in one call (``choice``: see :meth:`Explorer.load`)."""
    return Explorer.load(store, **choice).app()


__all__ = [
    "Chart", "ExploreApp", "Explorer", "Filters", "Focus", "View", "annotate_into", "date_bounds", "entity_choices",
    "explore", "filter_tables", "find_focus", "focus_sentences", "latest_run_store", "make_filters", "make_view",
    "periods", "quotes_about", "quotes_by", "resolve_store", "sentences_at", "source_choices",
    "speaker_choices", "timeline", "tone",
]
