"""The appendix tables as SQL over a :class:`~newsbrief.analysis.db.Db`: one relation per table, typed.

Each ``*_sql`` function returns a SELECT whose rows are the table's rows in their order, computed where the data
is (the Parquet store or DataFrames registered in DuckDB), so a store of millions of articles never goes into
pandas whole: :func:`write_csv_files` copies them to CSV with DuckDB, and the page
(:mod:`newsbrief.render.appendix`) reads back only the few rows it shows. The columns and their values are those
the pandas appendix of earlier versions wrote (tests keep a copy of it).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..store.duck import DEFAULT_MEMORY_LIMIT, quote_literal
from .db import Db, oneline_sql, source_sql
from .db_counts import article_tone_sql as tone_and_sentences_sql
from .entities import TYPE_OF_LABEL
from .periods import UNKNOWN_SOURCE
from .speakers import UNATTRIBUTED


def _type_sql(column: str) -> str:
    cases = " ".join(f"WHEN {quote_literal(k)} THEN {quote_literal(v)}" for k, v in TYPE_OF_LABEL.items())
    return f"(CASE {column} {cases} ELSE 'other' END)"


#: Row order of :func:`entities_sql` (most mentioned first) and :func:`speakers_sql` (most quoted first).
ENTITY_ORDER = "mentions DESC, articles DESC, name ASC NULLS LAST, entity_id ASC"
SPEAKER_ORDER = "quotes DESC, words DESC, speaker ASC"


def entities_sql(db: Db) -> str:
    """entity_id, name, type, mentions, articles, share, aliases (unordered: see :data:`ENTITY_ORDER`)."""
    return f"""
        WITH c AS (
            SELECT m.entity_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
            FROM mentions m {db.in_scope('m')}
            WHERE m.entity_id IS NOT NULL GROUP BY m.entity_id)
        SELECT c.entity_id, e.name, {_type_sql('e.label')} AS type, c.mentions, c.articles,
               c.mentions / sum(c.mentions) OVER () AS share,
               coalesce(array_to_string(e.aliases, ', '), '') AS aliases
        FROM c LEFT JOIN entities e ON c.entity_id = e.entity_id"""


def quote_words_sql(db: Db) -> str:
    """One narrow row per scoped quote: article_id, quote_id, speaker, named, words, published (stores without
    ``quotes.n_words`` count the words here, once per write, reading the quote's text), with its statement
    (``statement_id``; the quote itself in stores before it)."""
    statement = "q.statement_id" if db.has("quotes", "statement_id") else "q.quote_id"
    return f"""
        SELECT q.article_id, q.quote_id, {statement} AS statement_id, coalesce(q.speaker, '{UNATTRIBUTED}') AS speaker,
               q.speaker_entity_id IS NOT NULL AS named, {db.quote_words('q')} AS words, a.published
        FROM quotes q JOIN {db.articles_in_scope} a ON q.article_id = a.article_id"""


def speakers_sql(words: str) -> str:
    """speaker, named, quotes (statements), articles, words, quote_share, word_share, first, last from ``words`` (a
    relation of :func:`quote_words_sql`); unordered: see :data:`SPEAKER_ORDER`."""
    return f"""
        WITH s AS (
            SELECT speaker, bool_or(named) AS named, count(DISTINCT (article_id, statement_id)) AS quotes,
                   count(DISTINCT article_id) AS articles,
                   sum(words)::BIGINT AS words,
                   min(published) AS first, max(published) AS last FROM {words} w GROUP BY speaker)
        SELECT speaker, named, quotes, articles, words, quotes / sum(quotes) OVER () AS quote_share,
               words / greatest(sum(words) OVER (), 1) AS word_share, first, last
        FROM s"""


def quotes_sql(db: Db, *, keep: str | None = None) -> str:
    """article_id, statement, article (its title), speaker, as written, kind, cue, words, quote: by article, then
    quote (only the quotes ``keep`` names, a relation of article_id and quote_id, when given). Rows of one article
    with the same ``statement`` are one statement (a quote split around its cue, joint speakers), counted once in
    speaker share; stores written before ``statement_id`` number each quote alone.

    Ordered explicitly: the order of rows out of parallel hash joins is not stable, and a file a user diffs must
    be. DuckDB sorts within its memory limit and spills beyond it. The speaker and words are those of
    :func:`quote_words_sql`, computed on the row (no join with its millions of rows: the only one is the scoped
    articles' titles, which keeps a corpus of millions of quotes within the memory limit)."""
    statement = "q.statement_id" if db.has("quotes", "statement_id") else "q.quote_id"
    return f"""
        SELECT q.article_id, {statement} AS statement, {oneline_sql('a.title')} AS article,
               coalesce(q.speaker, '{UNATTRIBUTED}') AS speaker,
               coalesce(q.speaker_text, '') AS "as written", q.kind, coalesce(q.cue, '') AS cue,
               {db.quote_words('q')} AS words, q.content AS quote
        FROM quotes q JOIN (SELECT a.article_id, a.title FROM articles a WHERE {db.scope}) a
             ON q.article_id = a.article_id
        {_kept('q', keep, 'article_id', 'quote_id')}
        ORDER BY q.article_id, q.quote_id"""


def _kept(alias: str, keep: str | None, *keys: str) -> str:
    """A semi join of ``alias`` with the relation ``keep`` on ``keys`` (nothing when ``keep`` is None)."""
    if keep is None:
        return ""
    return f"SEMI JOIN ({keep}) kept ON " + " AND ".join(f"{alias}.{k} = kept.{k}" for k in keys)


def top_quotes_sql(db: Db, *, speakers: str, words: str, top: int, per_speaker: int) -> str:
    """The longest ``per_speaker`` quotes of each of the ``top`` most quoted of ``speakers`` (a relation of
    :func:`speakers_sql`), with the speaker's rank and number of quotes: ranked on the narrow ``words`` rows, and
    only the chosen quotes' text read."""
    return f"""
        WITH leaders AS (SELECT speaker, quotes, words FROM {speakers} s ORDER BY {SPEAKER_ORDER} LIMIT {int(top)}),
        top AS (SELECT speaker, quotes, row_number() OVER (ORDER BY {SPEAKER_ORDER}) AS rank FROM leaders),
        picked AS (SELECT article_id, quote_id, speaker, words FROM {words} w SEMI JOIN top USING (speaker)
                   QUALIFY row_number() OVER (PARTITION BY speaker ORDER BY words DESC, article_id, quote_id)
                           <= {int(per_speaker)})
        SELECT top.rank, top.speaker, top.quotes AS n, q.content AS quote, {oneline_sql('a.title')} AS article,
               q.kind, p.words
        FROM picked p JOIN top USING (speaker)
        JOIN quotes q ON q.article_id = p.article_id AND q.quote_id = p.quote_id
        JOIN articles a ON a.article_id = p.article_id
        ORDER BY top.rank, p.words DESC, p.article_id, p.quote_id"""


def article_tone_sql(db: Db) -> str:
    """article_id, tone (mean sentence sentiment) of each scoped article with sentences."""
    return f"(SELECT t.article_id, t.value AS tone FROM {tone_and_sentences_sql(db)} t)"


def articles_sql(db: Db, *, tone: str | None = None, keep: str | None = None) -> str:
    """title, url (http/https only, else empty), source, published (UTC day), words, tone, article_id: newest
    first, undated last (only the articles ``keep`` names, a relation of article_id, when given)."""
    title = oneline_sql("a.title")
    url = oneline_sql("a.url")
    source = oneline_sql("a.source")
    return f"""
        SELECT CASE WHEN {title} = '' THEN CAST(a.article_id AS VARCHAR) ELSE {title} END AS title,
               CASE WHEN starts_with({url}, 'http://') OR starts_with({url}, 'https://') THEN a.url ELSE '' END
                   AS url,
               CASE WHEN {source} = '' THEN '{UNKNOWN_SOURCE}' ELSE {source} END AS source,
               coalesce(strftime(timezone('UTC', a.published), '%Y-%m-%d'), '') AS published,
               CAST(a.n_words AS BIGINT) AS words, t.tone, a.article_id{_wire_of_article(db)}
        FROM {db.articles_in_scope} a LEFT JOIN {tone or article_tone_sql(db)} t ON a.article_id = t.article_id
        {_kept('a', keep, 'article_id')}
        ORDER BY a.published DESC NULLS LAST, a.article_id"""


def _wire_of_article(db: Db) -> str:
    """The agency an article's copy is credited to (AP, Reuters, ...), a column apart from its source (stores
    written before the column have none)."""
    return f", coalesce({oneline_sql('a.wire')}, '') AS wire" if db.has("articles", "wire") else ""


SOURCE_ORDER = "articles DESC, words DESC, source ASC"


def sources_sql(db: Db, *, tone: str | None = None) -> str:
    """source, articles, words, tone, tone_sd: mean and spread of article tone (see :data:`SOURCE_ORDER`); and
    ``wire``: how many of the source's articles are agency copy (AP, Reuters, ...), when the store records it.
    Sources are counted as outlets: agency copy run by an outlet counts for the outlet."""
    wire = ", count(nullif(trim(a.wire), ''))::BIGINT AS wire" if db.has("articles", "wire") else ""
    return f"""
        SELECT {source_sql('a.source')} AS source, count(*) AS articles, sum(a.n_words)::BIGINT AS words,
               avg(t.tone) AS tone, stddev_samp(t.tone) AS tone_sd{wire}
        FROM {db.articles_in_scope} a LEFT JOIN {tone or article_tone_sql(db)} t ON a.article_id = t.article_id
        GROUP BY 1"""


#: Decimals of the tone columns of the CSV files: a mean of sentence scores holds its last bits by chance (the order
#: of its sums: a run's rows in memory and a store's in partitions are summed in different orders, and the sentence
#: scores themselves can differ in the 17th digit between processes), so every run writes them to a millionth.
TONE_DECIMALS = 6


def csv_sql(select: str, *, flags: tuple[str, ...] = (), stamps: tuple[str, ...] = (),
            texts: tuple[str, ...] = (), tones: tuple[str, ...] = ()) -> str:
    """``select`` with its values written as pandas wrote them: booleans True/False, timestamps with their UTC
    offset, empty strings as empty fields (DuckDB writes an empty string as ``""``, a missing value as nothing);
    ``tones`` rounded to :data:`TONE_DECIMALS` decimals."""
    replace = [f'(CASE WHEN "{c}" THEN \'True\' ELSE \'False\' END) AS "{c}"' for c in flags]
    replace += [f'round("{c}", {TONE_DECIMALS}) AS "{c}"' for c in tones]
    replace += [f'strftime(timezone(\'UTC\', "{c}"), \'%Y-%m-%d %H:%M:%S+00:00\') AS "{c}"' for c in stamps]
    replace += [f'nullif("{c}", \'\') AS "{c}"' for c in texts]
    return f"SELECT * REPLACE ({', '.join(replace)}) FROM ({select}) t" if replace else select


@dataclass(frozen=True)
class Aggregates:
    """The appendix's aggregated tables, computed once per write as temporary DuckDB tables: one row per entity,
    speaker, source or article, and a narrow one per quote (its words); DuckDB spills them past its memory limit."""

    entities: str
    speakers: str
    sources: str
    tone: str
    words: str


@contextmanager
def aggregates(db: Db) -> Iterator[Aggregates]:
    """The :class:`Aggregates` of ``db``, dropped on exit."""
    tag = uuid.uuid4().hex[:12]
    names = Aggregates(*(f"appendix_{what}_{tag}" for what in ("entities", "speakers", "sources", "tone", "words")))
    made: list[str] = []
    try:
        for name, select in ((names.tone, article_tone_sql(db)), (names.words, quote_words_sql(db)),
                             (names.entities, entities_sql(db)), (names.speakers, speakers_sql(names.words)),
                             (names.sources, sources_sql(db, tone=names.tone))):
            db.con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM ({select}) t")
            made.append(name)
        yield names
    finally:
        for name in made:
            db.con.execute(f"DROP TABLE IF EXISTS {name}")


def ordered(db: Db, agg: Aggregates, *, limit: int | None = None) -> dict[str, str]:
    """Each table's SELECT in its order (the first ``limit`` rows when given)."""
    cap = f" LIMIT {int(limit)}" if limit is not None else ""
    return {
        "entities": f"SELECT * EXCLUDE (entity_id) FROM {agg.entities} ORDER BY {ENTITY_ORDER}{cap}",
        "speakers": f"SELECT * FROM {agg.speakers} ORDER BY {SPEAKER_ORDER}{cap}",
        "quotes": quotes_sql(db) + cap,
        "articles": articles_sql(db, tone=agg.tone) + cap,
        "sources": f"SELECT * FROM {agg.sources} ORDER BY {SOURCE_ORDER}{cap}",
    }


@dataclass(frozen=True)
class Capped:
    """How many rows a CSV file holds of how many the table has (``rows < total``: the file is capped)."""

    rows: int
    total: int

    @property
    def capped(self) -> bool:
        return self.rows < self.total


def capped_quotes_sql(db: Db, agg: Aggregates, *, rows: int) -> str:
    """:func:`quotes_sql` for the ``rows`` quotes of the newest articles (by publication time, then article and
    quote), in the same order (by article, then quote): picked on the narrow rows of ``agg.words``, and only the
    picked quotes' text read."""
    picked = (f"SELECT article_id, quote_id FROM {agg.words} ORDER BY published DESC NULLS LAST, article_id, "
              f"quote_id LIMIT {int(rows)}")
    return quotes_sql(db, keep=picked)


def capped_articles_sql(db: Db, agg: Aggregates, *, rows: int) -> str:
    """:func:`articles_sql` for the newest ``rows`` articles (its order: newest first), picked on their ids and
    publication times alone."""
    picked = (f"SELECT a.article_id FROM {db.articles_in_scope} a ORDER BY a.published DESC NULLS LAST, a.article_id "
              f"LIMIT {int(rows)}")
    return articles_sql(db, tone=agg.tone, keep=picked)


def csv_caps(db: Db, agg: Aggregates, *, rows: int | None) -> dict[str, Capped]:
    """The rows each CSV file holds of its table's rows when a file holds at most ``rows`` (None: every row)."""
    totals = {"entities.csv": count(db, agg.entities), "speakers.csv": count(db, agg.speakers),
              "quotes.csv": count(db, agg.words), "articles.csv": count(db, db.articles_in_scope),
              "sources.csv": count(db, agg.sources)}
    return {name: Capped(total if rows is None else min(total, int(rows)), total) for name, total in totals.items()}


def csv_selects(db: Db, agg: Aggregates, *, caps: dict[str, Capped] | None = None) -> dict[str, str]:
    """Each CSV file's SELECT, its values written as the pandas appendix wrote them; a file ``caps`` caps holds the
    first rows of its table in its order (entities, speakers, sources: the largest; articles: the newest), quotes.csv
    the quotes of the newest articles."""
    full = ordered(db, agg)
    for name, cap in (caps or {}).items():
        if not cap.capped:
            continue
        table = name.removesuffix(".csv")
        if table == "quotes":
            full[table] = capped_quotes_sql(db, agg, rows=cap.rows)
        elif table == "articles":
            full[table] = capped_articles_sql(db, agg, rows=cap.rows)
        else:
            full[table] += f" LIMIT {int(cap.rows)}"
    return {
        "entities.csv": csv_sql(full["entities"], texts=("name", "aliases")),
        "speakers.csv": csv_sql(full["speakers"], flags=("named",), stamps=("first", "last")),
        "quotes.csv": csv_sql(full["quotes"], texts=("article", "as written", "kind", "cue", "quote")),
        "articles.csv": csv_sql(full["articles"], texts=("url", "published", "wire") if db.has("articles", "wire")
                                else ("url", "published"), tones=("tone",)),
        "sources.csv": csv_sql(full["sources"], tones=("tone", "tone_sd")),
    }


def write_csv_files(folder: Path, db: Db, agg: Aggregates, *, caps: dict[str, Capped] | None = None) -> None:
    """Every row of each table (at most those ``caps`` gives: :func:`csv_selects`), streamed to ``folder`` by
    DuckDB (never whole in Python). ``COMMENT ''``: DuckDB
    would otherwise quote every field holding a ``#``. One thread sorts: each thread's sort buffers share the
    connection's memory limit, and with two of them 20 million quotes ran out of it (one spills instead). The sort
    of every row gets at least :data:`~newsbrief.store.duck.DEFAULT_MEMORY_LIMIT` (a briefing's connection has
    less: 20 million quotes ran out of 320 MB)."""
    threads = db.value("SELECT current_setting('threads')")
    limit = db.value("SELECT current_setting('memory_limit')")
    raise_limit = _bytes(DEFAULT_MEMORY_LIMIT) > _bytes(str(limit))
    db.con.execute("SET threads = 1")
    if raise_limit:
        db.con.execute(f"SET memory_limit = {quote_literal(DEFAULT_MEMORY_LIMIT)}")
    try:
        for name, select in csv_selects(db, agg, caps=caps).items():
            db.con.execute(f"COPY ({select}) TO {quote_literal(str(folder / name))} "
                           "(HEADER, DELIMITER ',', COMMENT '')")
    finally:
        db.con.execute(f"SET threads = {int(threads)}")
        if raise_limit:
            db.con.execute(f"SET memory_limit = {quote_literal(str(limit))}")


_UNITS = {"b": 1, "bytes": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}


def _bytes(size: str) -> float:
    """A DuckDB memory size (``512MB``, ``305.1 MiB`` as ``current_setting`` shows it) in bytes (inf: unknown)."""
    found = re.fullmatch(r"\s*([\d.]+)\s*([A-Za-z]*)\s*", size)
    if not found or found.group(2).lower() not in _UNITS:
        return float("inf")
    return float(found.group(1)) * _UNITS[found.group(2).lower() or "b"]


def count(db: Db, relation: str) -> int:
    """The rows of ``relation``."""
    return int(db.value(f"SELECT count(*) FROM {relation} t") or 0)


def top_quotes(db: Db, agg: Aggregates, *, speakers: int, per_speaker: int) -> pd.DataFrame:
    """rank, speaker, n, quote, article, kind, words: :func:`top_quotes_sql` read back."""
    return db.df(top_quotes_sql(db, speakers=agg.speakers, words=agg.words, top=speakers, per_speaker=per_speaker))


def heads(db: Db, agg: Aggregates, *, rows: int, articles: int) -> dict[str, pd.DataFrame]:
    """The first ``rows`` of the entities, speakers and sources tables and the first ``articles`` articles."""
    out = {name: db.df(select) for name, select in ordered(db, agg, limit=rows).items()
           if name in ("entities", "speakers", "sources")}
    out["articles"] = db.df(ordered(db, agg, limit=articles)["articles"])
    return out
