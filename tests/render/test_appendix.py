"""The corpus appendix out of core (issue 17): the CSV files hold what the pandas appendix wrote, the page is bounded
and says what it leaves out, hostile metadata stays text."""

from __future__ import annotations

import csv
import html
import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import oracles
from newsbrief import analysis
from newsbrief.analysis.appendix import TONE_DECIMALS
from newsbrief.analysis.db import Db
from newsbrief.analysis.periods import source_labels
from newsbrief.present.formatters import fmt_day, fmt_source, fmt_text
from newsbrief.render.appendix import CSV_FILES, write_appendix
from newsbrief.store import read_dataset, write_dataset
from newsbrief.store.duck import connect
from oracles import source_tone


def reference_csvs(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """The pandas appendix as it was before issue 17 (every table in memory): the reference the SQL one matches."""
    articles, quotes = tables["articles"], tables["quotes"]
    entities = oracles.entity_frequencies(tables["mentions"], tables["entities"]).drop(columns=["entity_id", "label"])
    speakers = oracles.speaker_share(quotes, articles).drop(columns=["example"])
    titles = dict(zip(articles["article_id"], articles["title"]))
    order = quotes.assign(_a=quotes["article_id"].astype(str)).sort_values(["_a", "quote_id"], kind="stable").index
    q = analysis.quote_table(quotes.loc[order]).reset_index(drop=True)  # by article, then quote (as the SQL sorts)
    q.insert(1, "statement", quotes.loc[order, "statement_id" if "statement_id" in quotes else "quote_id"].to_numpy())
    q.insert(2, "article", q["article_id"].map(titles).map(fmt_text))
    tone = tables["sentences"].groupby("article_id")["sentiment"].mean()
    a = articles.sort_values("published", ascending=False, na_position="last")
    listed = pd.DataFrame({
        "title": [fmt_text(t) or str(i) for t, i in zip(a["title"], a["article_id"])],
        "url": [u if fmt_text(u).startswith(("http://", "https://")) else "" for u in a["url"]],
        "source": a["source"].map(fmt_source), "published": a["published"].map(fmt_day),
        "words": a["n_words"].astype(int), "tone": a["article_id"].map(tone).astype(float).round(TONE_DECIMALS),
        "article_id": a["article_id"],
    })
    if "wire" in articles:  # the agency credited for the copy, apart from the source
        listed["wire"] = a["wire"].map(fmt_text)
    per = source_tone(tables["sentences"], articles)
    src = articles.assign(source=source_labels(articles["source"])).groupby("source").agg(
        articles=("article_id", "size"), words=("n_words", "sum"))
    src["tone"] = per.groupby("group")["value"].mean().round(TONE_DECIMALS)  # tones are written to a millionth
    src["tone_sd"] = per.groupby("group")["value"].std().round(TONE_DECIMALS)
    if "wire" in articles:  # how many of a source's articles are agency copy
        credited = articles.assign(source=source_labels(articles["source"]),
                                   credited=articles["wire"].map(fmt_text).ne(""))
        src["wire"] = credited.groupby("source")["credited"].sum().astype(int)
    src = src.sort_values(["articles", "words"], ascending=False).reset_index()
    for name, frame in zip(CSV_FILES, (entities, speakers, q, listed, src)):
        frame.to_csv(folder / name, index=False)


def _float(cell: str) -> float | None:
    try:
        return float(cell) if re.fullmatch(r"-?\d+\.\d*(e-?\d+)?|-?\d+e-?\d+", cell) else None
    except ValueError:
        return None


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, rows


def assert_same_csv(new: Path, old: Path) -> None:
    """The same header and the same rows, whatever the order of ties; floats equal to 1e-12 (DuckDB sums the
    sentence tones in another order than pandas, so the last digit may differ)."""
    header, rows = _rows(new)
    old_header, old_rows = _rows(old)
    assert header == old_header, new.name
    assert len(rows) == len(old_rows), new.name
    exact = Counter(tuple(r) for r in rows)
    missing = Counter(tuple(r) for r in old_rows) - exact
    extra = exact - Counter(tuple(r) for r in old_rows)
    for want in list(missing.elements()):  # the rows that differ must differ only in a float's last digits
        for got in extra:
            if extra[got] and all(a == b or (_float(a) is not None and _float(b) is not None
                                             and math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-15))
                                  for a, b in zip(want, got)):
                extra[got] -= 1
                break
        else:
            pytest.fail(f"{new.name}: row {want} of the pandas appendix is missing")


def make_tables(n: int = 12) -> dict[str, pd.DataFrame]:
    """``n`` articles with every awkward value: hostile, blank and missing titles, non-http URLs, blank and missing
    sources, undated articles, articles without sentences, quotes with commas, #, quotes and line breaks."""
    titles = ['<script>alert("t")</script> & Co', None, "  ", "Plain, with comma", "Tab\there\u00a0nbsp",
              "#hashtag title", 'He said "no"', "Line\nbreak"]
    urls = ["https://ok.example/1", "javascript:alert(1)", None, " http://spaced.example", "ftp://x.example",
            "data:text/html,<b>", "HTTP://upper.example", "https://ok.example/2?a=1&b=2"]
    sources = ["Daily Planet", None, "  ", "Morning  Post", "<b>Bold</b>", "Daily Planet"]
    ids = [f"a{i:03d}" for i in range(n)]
    published = [None if i % 5 == 4 else pd.Timestamp("2021-04-01T10:00Z") + pd.Timedelta(hours=13 * i)
                 for i in range(n)]
    articles = pd.DataFrame({
        "article_id": ids, "title": [titles[i % len(titles)] for i in range(n)],
        "source": [sources[i % len(sources)] for i in range(n)], "author": [None] * n,
        "published": pd.to_datetime(published, utc=True), "url": [urls[i % len(urls)] for i in range(n)],
        "text": ["x"] * n, "n_words": [50 + 7 * i for i in range(n)], "content_hash": ids,
    })
    names = [("E-zel", "Volodymyr Zelensky", "PERSON", ["Zelensky"]), ("E-nato", "NATO", "ORG", ["NATO", "N.A.T.O."]),
             ("E-kyiv", "Kyiv", "GPE", []), ("E-law", "<i>Law</i> & Order", "LAW", ["Law"])]
    mentions = pd.DataFrame(
        [(a, 10 * j, 10 * j + 4, names[(i + j) % 4][1], names[(i + j) % 4][2], names[(i + j) % 4][0], 0.0)
         for i, a in enumerate(ids) for j in range(i % 4 + 1)]
        + [(ids[0], 99, 101, "it", "PRON", None, 0.0)],
        columns=["article_id", "start", "end", "text", "label", "entity_id", "tone"])
    entities = pd.DataFrame({"entity_id": [e[0] for e in names], "name": [e[1] for e in names],
                             "label": [e[2] for e in names], "aliases": [e[3] for e in names]})
    contents = ['we stand firm, together', "#pride and <b>joy</b>", 'she said "never"\nagain', "  spaced   out  ",
                "one"]
    speakers = [("Joe Biden", "Biden", "E-bid"), (None, None, None), ("<script>x</script>", "X", None),
                ("Joe Biden", "the president", "E-bid")]
    quotes = pd.DataFrame([{
        "article_id": a, "quote_id": k, "content": contents[(i + k) % len(contents)], "content_start": 5 * k,
        "content_end": 5 * k + 4, "kind": ["direct", "indirect", "mixed"][(i + k) % 3],
        "cue": None if k == 1 else "said", "speaker_text": speakers[(i + k) % 4][1],
        "speaker_start": 0.0, "speaker_end": 3.0, "speaker": speakers[(i + k) % 4][0],
        "speaker_entity_id": speakers[(i + k) % 4][2], "sentiment": 0.1 * k,
    } for i, a in enumerate(ids) for k in range(i % 3)])
    sentences = pd.DataFrame(
        [(a, s, 10 * s, 10 * s + 9, f"s{s}", round(math.sin(i * 7 + s), 3))
         for i, a in enumerate(ids) if i % 6 != 5 for s in range(i % 4 + 1)],
        columns=["article_id", "sent_id", "start", "end", "text", "sentiment"])
    return {"articles": articles, "mentions": mentions, "entities": entities, "quotes": quotes,
            "sentences": sentences}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("appendix") / "store"
    write_dataset(root, make_tables(), manifest={"test": True})
    return root


def test_csv_files_are_those_of_the_pandas_appendix(store: Path, tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    reference_csvs(read_dataset(store), tmp_path / "old")
    con = connect(store)  # the Parquet store, out of core
    try:
        write_appendix(tmp_path / "new", Db(con), title="Test")
        assert not con.execute("SELECT * FROM information_schema.tables WHERE table_name LIKE 'appendix_%'").fetchall()
    finally:
        con.close()
    for name in CSV_FILES:
        assert_same_csv(tmp_path / "new" / name, tmp_path / "old" / name)
    # No float, no tie: quotes.csv is byte for byte the pandas one (by article, then quote).
    assert (tmp_path / "new" / "quotes.csv").read_bytes() == (tmp_path / "old" / "quotes.csv").read_bytes()
    with (tmp_path / "new" / "articles.csv").open(encoding="utf-8") as f:
        listed = list(csv.DictReader(f))
    assert {r["url"] for r in listed} == {"", "https://ok.example/1", " http://spaced.example",
                                          "https://ok.example/2?a=1&b=2"}  # http(s) only, as written
    assert [r["published"] for r in listed][-2:] == ["", ""]  # newest first, undated last


def test_tables_in_memory_give_the_same_files(store: Path, tmp_path: Path) -> None:
    (tmp_path / "disk").mkdir()
    (tmp_path / "memory").mkdir()
    con = connect(store)
    try:
        write_appendix(tmp_path / "disk", Db(con), title="Test")
    finally:
        con.close()
    write_appendix(tmp_path / "memory", read_dataset(store), title="Test")
    for name in CSV_FILES:
        assert (tmp_path / "memory" / name).read_bytes() == (tmp_path / "disk" / name).read_bytes(), name


CUT = ("shown here, ", 'more in <a href="articles.csv">', "most quoted of")


def _articles_listed(page: str) -> int:
    table = page[page.index('id="articles"'):]
    return table.count("<tr><td>")


def test_page_shows_everything_when_under_the_caps(store: Path, tmp_path: Path) -> None:
    page = write_appendix(tmp_path, read_dataset(store), title="Test").read_text(encoding="utf-8")
    assert _articles_listed(page) == 12
    assert not any(line in page for line in CUT)
    assert "<script" not in page.lower() and "javascript:" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;i&gt;Law&lt;/i&gt; &amp; Order" in page  # escaped, shown whole
    assert "&lt;script&gt;x&lt;/script&gt; (" in page  # a hostile speaker heading


def test_page_is_capped_and_says_so(tmp_path: Path) -> None:
    tables = make_tables(40)
    con = connect(tables)
    try:
        db = Db(con)
        page = write_appendix(tmp_path, db, title="Big", rows=2, articles=5, speakers=1).read_text(encoding="utf-8")
    finally:
        con.close()
    assert _articles_listed(page) == 5
    assert "The newest 5 of 40 articles; 35 more in" in page and 'href="articles.csv"' in page
    assert "4 people, organisations and places; the first 2 shown here, entities.csv has every one" in page
    assert "speakers; the first 2 shown here, speakers.csv has every one" in page
    assert "the first 2 shown here, sources.csv has every one" in page
    quotes = page[page.index('id="quotes"'):page.index('id="sources"')]
    assert quotes.count("<h3>") == 1 and "for the 1 most quoted of 3 speakers" in quotes
    assert quotes.count("<li>") <= 5
    with (tmp_path / "articles.csv").open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 40  # the CSV files have every row
    with (tmp_path / "quotes.csv").open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == len(tables["quotes"])


def _ns(stamp: pd.Timestamp | None) -> int:
    return 0 if pd.isna(stamp) else int(stamp.value)


def _records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_files_over_the_row_cap_keep_their_first_rows_and_the_page_says_where_every_row_is(
        tmp_path: Path) -> None:
    tables = make_tables(40)
    (tmp_path / "all").mkdir()
    (tmp_path / "cut").mkdir()
    con = connect(tables)
    try:
        write_appendix(tmp_path / "all", Db(con), title="Big", csv_rows=None)
        page = html.unescape(write_appendix(tmp_path / "cut", Db(con), title="Big", csv_rows=10, articles=5)
                             .read_text(encoding="utf-8"))
    finally:
        con.close()
    full = {name: _records(tmp_path / "all" / name) for name in CSV_FILES}
    cut = {name: _records(tmp_path / "cut" / name) for name in CSV_FILES}
    assert len(full["articles.csv"]) == 40 and len(full["quotes.csv"]) == len(tables["quotes"])
    for name in ("entities.csv", "speakers.csv", "sources.csv"):  # under the cap: whole
        assert cut[name] == full[name], name
    assert cut["articles.csv"] == full["articles.csv"][:10]  # the newest
    # quotes.csv: the quotes of the newest articles, still by article, then quote
    published = dict(zip(tables["articles"]["article_id"], tables["articles"]["published"]))
    order = sorted(range(len(full["quotes.csv"])), key=lambda i: (
        pd.isna(published[full["quotes.csv"][i]["article_id"]]),
        -_ns(published[full["quotes.csv"][i]["article_id"]]), full["quotes.csv"][i]["article_id"], i))
    assert cut["quotes.csv"] == [full["quotes.csv"][i] for i in sorted(order[:10])]
    n_quotes = len(full["quotes.csv"])
    assert (f"quotes.csv holds 10 of {n_quotes:,} rows (those of the newest articles); articles.csv holds 10 of 40 "
            "rows (the newest). Every row" in page)
    assert "entities.csv holds" not in page and "Every row is in the run's data/ folder" in page
    assert "The CSV files hold at most 10 rows each" in page
    assert f"quotes.csv has the first 10 of {n_quotes:,} (data/ has every quote" in page
    assert re.search(r"35 more in <a [^>]*>articles.csv</a> \(the newest 10\) and the run.s data/ folder "
                     r"\(every one\)", page)


def test_csv_files_under_the_row_cap_are_whole_and_the_page_names_no_cut(tmp_path: Path) -> None:
    con = connect(make_tables(12))
    try:
        page = write_appendix(tmp_path, Db(con), title="Small", csv_rows=12).read_text(encoding="utf-8")
    finally:
        con.close()
    assert len(_records(tmp_path / "articles.csv")) == 12
    assert "holds" not in page and "data/" not in page and "quotes.csv has every quote" in page


def test_scope_limits_every_table(store: Path, tmp_path: Path) -> None:
    con = connect(store)
    try:
        write_appendix(tmp_path, Db(con, scope="a.source = 'Daily Planet'"), title="Scoped")
    finally:
        con.close()
    with (tmp_path / "articles.csv").open(encoding="utf-8") as f:
        assert {r["source"] for r in csv.DictReader(f)} == {"Daily Planet"}
    with (tmp_path / "sources.csv").open(encoding="utf-8") as f:
        assert [r["source"] for r in csv.DictReader(f)] == ["Daily Planet"]


@pytest.mark.slow
def test_sample_corpus_csv_files_are_those_of_the_pandas_appendix(sample_store: Path, tmp_path: Path) -> None:
    tables = read_dataset(sample_store)
    assert len(tables["articles"]) == 262
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    reference_csvs(tables, tmp_path / "old")
    page = write_appendix(tmp_path / "new", tables, title="Sample").read_text(encoding="utf-8")
    for name in CSV_FILES:
        assert_same_csv(tmp_path / "new" / name, tmp_path / "old" / name)
    for name in ("entities.csv", "speakers.csv", "quotes.csv"):  # no float computed differently: byte for byte
        assert (tmp_path / "new" / name).read_bytes() == (tmp_path / "old" / name).read_bytes(), name
    assert _articles_listed(page) == 262 and not any(line in page for line in CUT)  # nothing cut


def test_sources_csv_counts_agency_copy_apart_and_articles_csv_names_the_agency(tmp_path: Path) -> None:
    tables = make_tables(6)  # sources: Daily Planet (a000, a005), missing, blank, Morning Post, <b>Bold</b>
    tables["articles"]["wire"] = pd.array(["AP", "Reuters", None, " ", None, None], dtype="string")
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    reference_csvs(tables, tmp_path / "old")
    write_appendix(tmp_path / "new", tables, title="Wire")
    for name in ("articles.csv", "sources.csv"):
        assert_same_csv(tmp_path / "new" / name, tmp_path / "old" / name)
    with (tmp_path / "new" / "sources.csv").open(encoding="utf-8") as f:
        wire = {r["source"]: r["wire"] for r in csv.DictReader(f)}
    assert wire["Daily Planet"] == "1" and sum(int(v) for v in wire.values()) == 2
    with (tmp_path / "new" / "articles.csv").open(encoding="utf-8") as f:
        assert sorted(r["wire"] for r in csv.DictReader(f)) == ["", "", "", "", "AP", "Reuters"]
