"""The corpus briefing's appendix: every table in full as CSV files, and ``appendix.html`` in the run folder.

The briefing stays short and links here. The tables are computed out of core by DuckDB over a
:class:`~newsbrief.analysis.db.Db` (SQL in :mod:`newsbrief.analysis.appendix`): the CSV files are written by
DuckDB's ``COPY`` (every row, streamed; a store of millions of articles never goes into pandas), and the page
reads back only the rows it shows. The page is bounded, whatever the size of the corpus:

* entities, speakers and sources: the first :data:`TABLE_ROWS` rows of each (most mentioned, most quoted,
  largest first); when there are more, the caption says how many there are in all and that the CSV has each;
* quotes: the :data:`QUOTES_PER_SPEAKER` longest quotes of each of the :data:`QUOTE_SPEAKERS` most quoted
  speakers (quotes.csv has every quote);
* articles: the newest :data:`ARTICLE_ROWS`, then a line "N more articles in articles.csv".

The CSV files are bounded too, at :data:`CSV_ROWS` rows each (what a spreadsheet opens): a table with more rows
keeps its first rows in its order (the most mentioned entities, the most quoted speakers, the largest sources, the
newest articles; quotes.csv the quotes of the newest articles), and the page says, at its top and in each caption,
which files are cut, how many rows they hold of how many, and that every row is in the run's ``data/`` folder (the
store the briefing read, Parquet). ``write_appendix(..., csv_rows=None)`` writes every row.

The sample corpus (262 articles, about 2,500 entities and 750 speakers) is shown whole. The page is standalone
(CSS inlined, no script, no external file), its markup comes from the Jinja templates in ``templates/appendix/``
(autoescaped) and passes the one sanitizer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from ..analysis import appendix as q
from ..analysis.db import Db, as_database
from ..params.schema import DEFAULT_CSV_ROWS
from ..present.blocks import Format
from ..present.formatters import clip, pct
from .pages import TEMPLATES, environment
from .sanitize import sanitize

if TYPE_CHECKING:
    from ..analysis.db_rollup import RollupDb

#: Quotes shown per speaker in the HTML page (quotes.csv has every one).
QUOTES_PER_SPEAKER = 5
#: Speakers whose quotes the page shows (the most quoted first).
QUOTE_SPEAKERS = 1_000
#: Rows of the entities, speakers and sources tables on the page (the CSV files have every row).
TABLE_ROWS = 5_000
#: Articles listed on the page, newest first (articles.csv has every one).
ARTICLE_ROWS = 2_000
#: Rows of each CSV file at most (a spreadsheet opens 1,048,576): a larger table is cut, and the page says so
#: (a run's ``csv_rows`` parameter).
CSV_ROWS = DEFAULT_CSV_ROWS
#: Where every row of a cut CSV file is (the store a run's briefing read, linked into its folder).
FULL_TABLES = "data/"
CSV_FILES = ("entities.csv", "speakers.csv", "quotes.csv", "articles.csv", "sources.csv")
#: The page without its title (kept with the CSV files; each run adds its own title: :func:`page_of`).
BODY = "appendix-body.html"


def _table(frame: pd.DataFrame, *, caption: str, formats: Mapping[str, Format] | None = None) -> Markup:
    from ..present.blocks import table_block

    return Markup(table_block(frame, caption=caption, formats=formats).markup)


def _caption(what: str, total: int, shown: int, csv: str, cap: q.Capped | None = None) -> str:
    if shown >= total:
        return what
    return f"{what}; the first {shown:,} shown here, {_in_csv(csv, cap, 'every one')}"


def _in_csv(csv: str, cap: q.Capped | None, every: str) -> str:
    """Where the rows of a table are: "<csv> has every one", or what the cut file holds and where the rest is."""
    if cap is None or not cap.capped:
        return f"{csv} has {every}"
    return f"{csv} has the first {cap.rows:,} of {cap.total:,} ({FULL_TABLES} has {every}: see the top of this page)"


#: Which rows a cut CSV file keeps.
_WHICH = {"entities.csv": "the most mentioned", "speakers.csv": "the most quoted", "sources.csv": "the largest",
          "articles.csv": "the newest", "quotes.csv": "those of the newest articles"}


def _cut_note(caps: Mapping[str, q.Capped]) -> str:
    """The sentence at the top of the page that names the cut CSV files ("" when none is)."""
    cut = [f"{name} holds {cap.rows:,} of {cap.total:,} rows ({_WHICH.get(name, 'the first')})"
           for name, cap in caps.items() if cap.capped]
    if not cut:
        return ""
    limit = min(cap.rows for cap in caps.values() if cap.capped)
    return (f"The CSV files hold at most {limit:,} rows each (a spreadsheet opens 1,048,576): {'; '.join(cut)}. "
            f"Every row is in the run's {FULL_TABLES} folder: the annotation store this briefing read, as Parquet "
            "tables (articles, mentions, entities, quotes, sentences), which DuckDB, pandas or the JupyterLab "
            "explorer read.")


def _quotes(db: Db, agg: q.Aggregates, *, speakers: int) -> list[tuple[str, int, list[dict[str, str]]]]:
    rows = q.top_quotes(db, agg, speakers=speakers, per_speaker=QUOTES_PER_SPEAKER)
    out: list[tuple[str, int, list[dict[str, str]]]] = []
    for (_, speaker, n), part in rows.groupby(["rank", "speaker", "n"], sort=True):
        out.append((str(speaker), int(n), [{"quote": clip(r.quote, 400), "article": r.article, "kind": r.kind}
                                            for r in part.itertuples(index=False)]))
    return out


def _body(db: Db, agg: q.Aggregates, *, rows: int, articles: int, speakers: int,
          caps: Mapping[str, q.Capped]) -> str:
    """The appendix's tables, sanitised: everything of the page but its title and header (:func:`page_of`), so
    it is kept once per store content and scope whatever the briefing's title."""
    n_entities, n_speakers, n_sources = (q.count(db, rel) for rel in (agg.entities, agg.speakers, agg.sources))
    n_articles = q.count(db, db.articles_in_scope)
    head = q.heads(db, agg, rows=rows, articles=articles)
    listed = head["articles"]
    shown_speakers = min(n_speakers, int(speakers))
    body = environment().get_template("appendix/body.html.j2").render(
        entities=_table(head["entities"], caption=_caption(f"{n_entities:,} people, organisations and places",
                                                           n_entities, len(head["entities"]), "entities.csv",
                                                           caps.get("entities.csv")),
                        formats={"share": pct}),
        speakers=_table(head["speakers"], caption=_caption(f"{n_speakers:,} speakers", n_speakers,
                                                           len(head["speakers"]), "speakers.csv",
                                                           caps.get("speakers.csv")),
                        formats={"quote_share": pct, "word_share": pct}),
        sources=_table(head["sources"], caption=_caption("Tone per source: mean and spread of article tone (−1..1)",
                                                         n_sources, len(head["sources"]), "sources.csv",
                                                         caps.get("sources.csv")),
                       formats={"tone": "{:+.3f}", "tone_sd": "{:.3f}", "words": "{:,}"}),
        quotes=_quotes(db, agg, speakers=speakers), per_speaker=QUOTES_PER_SPEAKER,
        quote_speakers=shown_speakers if shown_speakers < n_speakers else None, n_speakers=n_speakers,
        articles=[{**r, "tone": "" if pd.isna(r["tone"]) else f"{r['tone']:+.2f}".replace("-", "\u2212")}
                  for r in listed.to_dict("records")],
        more_articles=n_articles - len(listed), n_articles=n_articles, cut_note=_cut_note(caps),
        quotes_where=_in_csv("quotes.csv", caps.get("quotes.csv"), "every quote"),
        articles_cap=caps.get("articles.csv"),
    )
    return sanitize(body)


def page_of(body: str, *, title: str) -> str:
    """The standalone appendix page: its header (``title``, links to the CSV files) and the sanitised ``body``."""
    header = environment().get_template("appendix/header.html.j2").render(title=title, csv_files=CSV_FILES)
    css = (TEMPLATES / "briefing" / "briefing.css").read_text(encoding="utf-8")
    return environment().get_template("appendix/page.html.j2").render(
        title=title, css=Markup(css), body=Markup(sanitize(header) + body))


def write_appendix(folder: Path, source: Db | Mapping[str, pd.DataFrame], *, title: str, rows: int = TABLE_ROWS,
                   articles: int = ARTICLE_ROWS, speakers: int = QUOTE_SPEAKERS,
                   csv_rows: int | None = CSV_ROWS) -> Path:
    """Write the CSV files (at most ``csv_rows`` rows each; None: every row) and ``appendix.html`` (bounded by
    ``rows`` per table, ``articles`` and the quotes of ``speakers`` speakers) into ``folder``, computed out of core
    from ``source`` (a store's :class:`Db`, or tables in memory: an article briefing's few rows, or tests)."""
    body = _write_files(folder, source, rows=rows, articles=articles, speakers=speakers, csv_rows=csv_rows)
    path = folder / "appendix.html"
    path.write_text(page_of(body.read_text(encoding="utf-8"), title=title), encoding="utf-8")
    body.unlink()
    return path


def _write_files(folder: Path, source: Db | Mapping[str, pd.DataFrame], *, rows: int = TABLE_ROWS,
                 articles: int = ARTICLE_ROWS, speakers: int = QUOTE_SPEAKERS,
                 csv_rows: int | None = CSV_ROWS) -> Path:
    """The CSV files and the page's body (:data:`BODY`, the page without its title), written into ``folder``."""
    db = as_database(source)
    try:
        with q.aggregates(db) as agg:
            caps = q.csv_caps(db, agg, rows=csv_rows)
            q.write_csv_files(folder, db, agg, caps=caps)
            body = _body(db, agg, rows=rows, articles=articles, speakers=speakers, caps=caps)
    finally:
        if db is not source:
            db.close()
    path = folder / BODY
    path.write_text(body, encoding="utf-8")
    return path


#: The code that makes the appendix's files (paths under the package): part of the key of a kept appendix.
APPENDIX_CODE: tuple[str, ...] = ("analysis", "present", "render/appendix.py", "render/pages.py", "render/sanitize.py",
                                  "render/templates", "textutil.py", "store/duck.py")


def write_appendix_kept(folder: Path, db: Db, *, title: str, csv_rows: int | None = CSV_ROWS) -> Path:
    """:func:`write_appendix`, from the store's roll-ups when ``db`` reads them
    (:class:`~newsbrief.analysis.db_rollup.RollupDb`): the CSV files and the page's body are written once per
    store content, scope and code (by ``newsbrief annotate`` or the first briefing) and linked into ``folder`` by
    every later run, which adds only its title (a corpus of millions of articles is not copied to CSV for each
    briefing). Files are kept per ``csv_rows`` cap (None: every row): another cap writes its own."""
    from ..analysis.db_rollup import RollupDb

    if not isinstance(db, RollupDb):
        return write_appendix(folder, db, title=title, csv_rows=csv_rows)
    keep_appendix_files(db, folder, csv_rows=csv_rows)
    path = folder / "appendix.html"
    path.write_text(page_of((folder / BODY).read_text(encoding="utf-8"), title=title), encoding="utf-8")
    (folder / BODY).unlink()
    return path


def keep_appendix_files(db: RollupDb, folder: Path | None, *, csv_rows: int | None = CSV_ROWS) -> None:
    """The appendix's CSV files (at most ``csv_rows`` rows each; None: every row) and body of the store ``db``
    reads, kept in its roll-ups (written the first time) and linked into ``folder`` (None: only kept, as
    ``newsbrief annotate`` does)."""
    def write(into: Path) -> None:
        _write_files(into, db, csv_rows=csv_rows)

    db.rollups.files(_key(db, csv_rows), (*CSV_FILES, BODY), folder, write, parts=[digest for digest, _ in db.parts])


def appendix_kept(db: RollupDb, *, csv_rows: int | None = CSV_ROWS) -> bool:
    """True when the appendix's files of the store ``db`` reads (cut at ``csv_rows``) are kept whole in its
    roll-ups."""
    return db.rollups.has_files(_key(db, csv_rows), (*CSV_FILES, BODY))


def _key(db: RollupDb, csv_rows: int | None) -> str:
    """The kept files' key: the store's content and scope, the code, the page's bounds and the CSV cap."""
    from ..codeversion import code_version

    return db.content_key("appendix", code_version(APPENDIX_CODE),
                          f"{TABLE_ROWS} {ARTICLE_ROWS} {QUOTE_SPEAKERS} {QUOTES_PER_SPEAKER} {csv_rows}")
