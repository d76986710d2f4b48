"""newsbrief.explore: store resolution, filters, focus, views, widgets; explore.ipynb under papermill."""

from __future__ import annotations

import ast
import json
import os
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import newsbrief.lab as explore
from newsbrief import analysis
from newsbrief.errors import StoreError
from newsbrief.lab import Explorer, Filters, Focus, focus, make_filters, stores
from newsbrief.present import Chart
from newsbrief.store import TABLES, read_dataset, write_dataset

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"

ZEL, BID, NATO, PES = "E-zel", "E-bid", "E-nato", "E-pes"


def _utc(text: str | None) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC") if text else pd.NaT


def make_tables() -> dict[str, pd.DataFrame]:
    """Four dated articles from two sources and one undated, with the offsets of the annotation contract."""
    texts = {
        "a1": 'Zelensky urged NATO to act. "We need a real signal," Zelensky said. The talks were tense.',
        "a2": 'Biden said America stands with Ukraine. "Our support is firm," Biden said. Zelensky welcomed it.',
        "a3": 'Peskov said Zelensky was reckless. "Nobody should provoke us," Peskov said.',
        "a4": "NATO met in Brussels. Zelensky said Ukraine was ready.",
        "a5": "Zelensky spoke again. It was an undated note.",
    }
    meta = {
        "a1": ("Daily Planet", "2021-04-01T10:00"), "a2": ("Morning Post", "2021-04-03T09:00"),
        "a3": ("Daily Planet", "2021-04-09T12:00"), "a4": ("Morning Post", "2021-04-15T08:00"),
        "a5": ("Daily Planet", None),
    }
    articles = pd.DataFrame({
        "article_id": list(texts), "title": [f"Title {k}" for k in texts],
        "source": [meta[k][0] for k in texts], "author": [None] * 5,
        "published": pd.to_datetime([_utc(meta[k][1]) for k in texts], utc=True),
        "url": [None] * 5, "text": list(texts.values()),
        "n_words": [len(t.split()) for t in texts.values()], "content_hash": [f"h{k}" for k in texts],
    })

    def spans(article: str, word: str) -> list[tuple[int, int]]:
        text, out, i = texts[article], [], 0
        while (i := text.find(word, i)) >= 0:
            out.append((i, i + len(word)))
            i += len(word)
        return out

    who = {"Zelensky": (ZEL, "PERSON"), "Biden": (BID, "PERSON"), "NATO": (NATO, "ORG"), "Peskov": (PES, "PERSON")}
    rows = [(a, s, e, w, lab, eid) for a in texts for w, (eid, lab) in who.items() for s, e in spans(a, w)]
    mentions = pd.DataFrame(rows, columns=["article_id", "start", "end", "text", "label", "entity_id"])
    mentions = mentions.sort_values(["article_id", "start"]).reset_index(drop=True)
    # tone towards the entity at each mention (computed in annotation), in reading order per article
    tones = {(ZEL, "a1"): [0.6, 0.2], (ZEL, "a2"): [0.5], (ZEL, "a3"): [-0.8], (ZEL, "a4"): [0.1], (ZEL, "a5"): [0.0],
             (NATO, "a1"): [-0.3], (NATO, "a4"): [0.2]}
    order = mentions.groupby(["entity_id", "article_id"]).cumcount()
    mentions["tone"] = [tones.get((e, a), [0.0] * 3)[i]
                        for e, a, i in zip(mentions["entity_id"], mentions["article_id"], order)]
    entities = pd.DataFrame({
        "entity_id": [ZEL, BID, NATO, PES], "name": ["Volodymyr Zelensky", "Joe Biden", "NATO", "Dmitry Peskov"],
        "label": ["PERSON", "PERSON", "ORG", "PERSON"],
        "aliases": [["Zelensky", "Volodymyr Zelensky"], ["Biden"], ["NATO"], ["Peskov"]],
    })

    def quote(article: str, qid: int, content: str, speaker_word: str, speaker: str | None, eid: str | None,
              kind: str) -> dict:
        text = texts[article]
        cs = text.index(content)
        ss = text.index(speaker_word, cs + len(content)) if kind == "direct" else text.index(speaker_word)
        return {"article_id": article, "quote_id": qid, "content": content, "content_start": cs,
                "content_end": cs + len(content), "kind": kind, "cue": "said", "speaker_text": speaker_word,
                "speaker_start": ss, "speaker_end": ss + len(speaker_word), "speaker": speaker,
                "speaker_entity_id": eid}

    quotes = pd.DataFrame([
        quote("a1", 0, "We need a real signal,", "Zelensky", "Volodymyr Zelensky", ZEL, "direct"),
        quote("a2", 0, "America stands with Ukraine", "Biden", "Joe Biden", BID, "indirect"),
        quote("a2", 1, "Our support is firm,", "Biden", "Joe Biden", BID, "direct"),
        quote("a3", 0, "Zelensky was reckless", "Peskov", "Dmitry Peskov", PES, "indirect"),
        quote("a3", 1, "Nobody should provoke us,", "Peskov", "Dmitry Peskov", PES, "direct"),
        quote("a4", 0, "Ukraine was ready", "Zelensky", "Volodymyr Zelensky", ZEL, "indirect"),
    ])
    quotes["sentiment"] = [0.4, 0.5, 0.3, -0.6, -0.2, 0.1]  # computed in annotation
    sentiment = {("a1", 0): 0.2, ("a1", 1): 0.0, ("a1", 2): -0.5, ("a2", 0): 0.4, ("a2", 1): 0.6,
                 ("a2", 2): 0.5, ("a3", 0): -0.7, ("a3", 1): -0.4, ("a4", 0): 0.0, ("a4", 1): 0.3,
                 ("a5", 0): 0.1, ("a5", 1): 0.0}
    srows = []
    for article, text in texts.items():
        start = 0
        for sid, part in enumerate(p for p in text.split(". ")):
            sentence = part if part.endswith(".") else part + "."
            begin = text.index(sentence, start)
            srows.append((article, sid, begin, begin + len(sentence), sentence, sentiment[(article, sid)]))
            start = begin + len(sentence)
    sentences = pd.DataFrame(srows, columns=["article_id", "sent_id", "start", "end", "text", "sentiment"])
    tables = {"articles": articles, "mentions": mentions, "entities": entities, "quotes": quotes,
              "sentences": sentences}
    for a, s, e, t in zip(mentions["article_id"], mentions["start"], mentions["end"], mentions["text"]):
        assert texts[a][s:e] == t
    for a, s, e, t in zip(sentences["article_id"], sentences["start"], sentences["end"], sentences["text"]):
        assert texts[a][s:e] == t
    return tables


def write_sample_store(folder: Path) -> Path:
    write_dataset(folder, make_tables(), manifest={"test": True})
    return folder


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("explore") / "store")


@pytest.fixture()
def tables(store: Path) -> dict[str, pd.DataFrame]:
    return read_dataset(store)


@pytest.fixture()
def zel() -> Focus:
    return Focus("entity", ZEL, "Volodymyr Zelensky", ZEL)


# ------------------------------------------------------------------------------------------- resolve_store
def test_resolve_store_given_path(store: Path) -> None:
    assert stores.resolve_store(store) == store
    assert stores.resolve_store(str(store)) == store


def test_resolve_store_not_a_store_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not an annotation store") as info:
        stores.resolve_store(tmp_path)
    assert info.value.path == str(tmp_path)
    assert "newsbrief annotate" in str(info.value)


def test_resolve_store_run_folder_points_at_its_data(tmp_path: Path) -> None:
    write_sample_store(tmp_path / "run" / "data")
    with pytest.raises(StoreError, match="data/"):
        stores.resolve_store(tmp_path / "run")


def test_resolve_store_default_is_the_latest_run(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    old = write_sample_store(reports / "old-run" / "data")
    new = write_sample_store(reports / "new-run" / "data")
    failed = write_sample_store(reports / "broken.failed" / "data")
    hidden = write_sample_store(reports / ".x.tmp-1234" / "data")
    now = time.time()
    os.utime(old / "CURRENT", (now - 100, now - 100))
    os.utime(new / "CURRENT", (now - 50, now - 50))
    os.utime(failed / "CURRENT", (now, now))
    os.utime(hidden / "CURRENT", (now, now))
    assert stores.latest_run_store(reports) == new
    assert stores.resolve_store(None, reports=reports) == new


def test_resolve_store_default_without_runs_annotates_the_sample(tmp_path: Path, monkeypatch) -> None:
    calls: list[tuple[Path, Path]] = []

    def fake_annotate(inputs, store, **_: object) -> Path:
        calls.append((Path(inputs), Path(store)))
        return write_sample_store(Path(store))

    monkeypatch.setattr(stores, "annotate_into", fake_annotate)
    got = stores.resolve_store(None, reports=tmp_path / "no-reports", scratch=tmp_path / "scratch")
    assert got == tmp_path / "scratch"
    assert calls == [(stores.SAMPLE, tmp_path / "scratch")]
    assert stores.SAMPLE.is_file()


def test_resolve_store_missing_sample_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="sample is missing"):
        stores.resolve_store(None, reports=tmp_path, sample=tmp_path / "nope.txt", scratch=tmp_path / "s")


@pytest.mark.slow
def test_annotate_into_builds_a_real_store_from_the_sample_with_its_rollups(tmp_path: Path) -> None:
    from newsbrief.render.appendix import BODY
    from newsbrief.store.rollups import ROLLUPS

    folder = stores.annotate_into(stores.SAMPLE, tmp_path / "scratch")
    # the roll-ups `newsbrief annotate` keeps: every section's partial results and the appendix's files
    assert list((folder / ROLLUPS).rglob("*.parquet")) and list((folder / ROLLUPS).rglob(BODY))
    bare = stores.annotate_into(stores.SAMPLE, tmp_path / "bare", rollups=False)
    assert not list((bare / ROLLUPS).rglob("*.parquet"))
    tables = read_dataset(folder)
    assert len(tables["articles"]) == 1 and len(tables["mentions"]) > 10
    ex = Explorer.load(folder)
    assert ex.focus.kind == "entity"
    view = ex.view()
    assert not view.counts.empty and len(view.points) == 1 and len(view.sentences) > 0


# ------------------------------------------------------------------------------------------- filters
def test_make_filters_parses_loose_values() -> None:
    f = make_filters(start="2021-04-02", end=pd.Timestamp("2021-04-10", tz="UTC"), sources="Daily Planet")
    assert f == Filters(start=pd.Timestamp("2021-04-02").date(), end=pd.Timestamp("2021-04-10").date(),
                        sources=("Daily Planet",))
    assert make_filters() == Filters()
    with pytest.raises(ValueError, match="after"):
        make_filters(start="2021-05-01", end="2021-04-01")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {"a1", "a2", "a3", "a4", "a5"}),
        (make_filters(start="2021-04-03"), {"a2", "a3", "a4"}),  # inclusive; undated left out
        (make_filters(end="2021-04-03"), {"a1", "a2"}),
        (make_filters(start="2021-04-02", end="2021-04-09"), {"a2", "a3"}),
        (make_filters(sources=["Daily Planet"]), {"a1", "a3", "a5"}),
        (make_filters(sources=["Morning Post"], end="2021-04-10"), {"a2"}),
        (make_filters(sources=["Nobody"]), set()),
    ],
)
def test_filter_tables(tables, filters: Filters, expected: set[str]) -> None:
    sub = explore.filter_tables(tables, filters)
    assert set(sub["articles"]["article_id"]) == expected
    for name in ("mentions", "quotes", "sentences"):
        assert set(sub[name]["article_id"]) <= expected
    assert len(sub["entities"]) == len(tables["entities"])


# ------------------------------------------------------------------------------------------- choices, focus
def test_choices_follow_the_briefing_order(tables) -> None:
    freq = analysis.entity_frequencies(analysis.as_database(tables), tables["entities"])
    assert [v for _, v in explore.entity_choices(tables)] == freq["entity_id"].tolist()
    assert explore.entity_choices(tables)[0] == ("Volodymyr Zelensky (person, 6)", ZEL)
    speakers = [v for _, v in explore.speaker_choices(tables)]
    assert speakers[0] in {"Joe Biden", "Dmitry Peskov", "Volodymyr Zelensky"} and len(speakers) == 3
    assert explore.source_choices(tables) == ["Daily Planet", "Morning Post"]
    first, last = explore.date_bounds(tables)
    assert (str(first), str(last)) == ("2021-04-01", "2021-04-15")


@pytest.mark.parametrize("name", ["Volodymyr Zelensky", "zelensky", "E-zel", "ZELENSKY"])
def test_find_focus_entity_by_name_alias_or_id(tables, name: str) -> None:
    assert explore.find_focus(tables, entity=name) == Focus("entity", ZEL, "Volodymyr Zelensky", ZEL)


def test_find_focus_speaker_and_default(tables) -> None:
    assert explore.find_focus(tables, speaker="joe biden") == Focus("speaker", "Joe Biden", "Joe Biden", BID)
    assert explore.find_focus(tables).entity_id == ZEL  # the most mentioned entity


@pytest.mark.parametrize(
    ("choice", "message"),
    [({"entity": "Putin"}, "no entity 'Putin'.*Volodymyr Zelensky"),
     ({"speaker": "Putin"}, "no quotes by speaker 'Putin'"),
     ({"entity": "NATO", "speaker": "Joe Biden"}, "not both")],
)
def test_find_focus_unknown_lists_what_exists(tables, choice: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        explore.find_focus(tables, **choice)


# ------------------------------------------------------------------------------------------- the pieces
def test_timeline_of_an_entity_is_the_briefing_trend(tables, zel: Focus) -> None:
    got = explore.timeline(tables, zel, freq="W")
    want = analysis.entity_trend(tables["mentions"], tables["articles"], tables["entities"], entity_ids=[ZEL], freq="W")
    pd.testing.assert_frame_equal(got, want)
    assert got["Volodymyr Zelensky"].tolist() == [3, 1, 1]  # weeks of 29 Mar, 5 Apr, 12 Apr; undated a5 left out


def test_timeline_of_a_speaker_counts_quotes(tables) -> None:
    focus = explore.find_focus(tables, speaker="Joe Biden")
    got = explore.timeline(tables, focus, freq="D")
    assert got["Joe Biden"].tolist() == [2]
    assert got.index.tolist() == [pd.Timestamp("2021-04-03")]


def test_quotes_by_and_about(tables, zel: Focus) -> None:
    by = explore.quotes_by(tables, zel)
    assert by["content"].tolist() == ["We need a real signal,", "Ukraine was ready"]
    about = explore.quotes_about(tables, zel)
    assert about["content"].tolist() == ["Zelensky was reckless"]  # Peskov's quote names him
    biden = explore.find_focus(tables, speaker="Joe Biden")
    assert len(explore.quotes_by(tables, biden)) == 2 and explore.quotes_about(tables, biden).empty


def test_focus_sentences_of_an_entity_and_a_speaker(tables, zel: Focus) -> None:
    got = explore.focus_sentences(tables, zel)
    assert list(got.columns) == focus.SENTENCE_COLUMNS
    assert got["article_id"].tolist() == ["a1", "a1", "a2", "a3", "a4", "a5"]  # undated last
    assert got["sentence"].iloc[0] == "Zelensky urged NATO to act."
    peskov = explore.focus_sentences(tables, explore.find_focus(tables, speaker="Dmitry Peskov"))
    assert peskov["sent_id"].tolist() == [0, 1]


def test_tone_of_an_entity_is_the_tone_towards_it(tables, zel: Focus) -> None:
    got = explore.tone(tables, zel, freq="W")
    want = analysis.entity_tone(tables["mentions"], tables["entities"], tables["articles"],
                                names=["Volodymyr Zelensky"], freq="W")
    assert got["mean"].round(6).tolist() == want["mean"].round(6).tolist()
    assert got["period"].dt.tz is None
    # week of 29 Mar: a1 (0.6, 0.2) -> 0.4 and a2 (0.5) -> mean of article means 0.45 (sentence tone: 0.3)
    assert got["mean"].iloc[0] == pytest.approx(0.45)
    assert got["mean"].tolist()[1:] == pytest.approx([-0.8, 0.1])
    overall = explore.tone(tables, zel, freq=None)
    assert len(overall) == 1 and int(overall["n_articles"].iloc[0]) == 5
    assert overall["mean"].iloc[0] == pytest.approx((0.4 + 0.5 - 0.8 + 0.1 + 0.0) / 5)
    assert focus.tone_basis(tables, zel) == "target"


def test_tone_of_an_old_store_falls_back_to_sentence_tone(tables, zel: Focus) -> None:
    from newsbrief.analysis.sentiment import entity_sentiment

    old = {**tables, "mentions": tables["mentions"].drop(columns=["tone"])}
    got = explore.tone(old, zel, freq="W")
    want = entity_sentiment(old["sentences"], old["mentions"], old["entities"], old["articles"],
                            names=["Volodymyr Zelensky"], freq="W")
    assert got["mean"].round(6).tolist() == want["mean"].round(6).tolist()
    assert got["mean"].iloc[0] == pytest.approx(0.3)  # a1 sentences (0.2, 0.0) -> 0.1, a2 0.5
    assert focus.tone_basis(old, zel) == "sentence"
    view = explore.make_view(old, zel)
    assert "tone of sentences naming it" in view.summary().text
    assert "annotated before tone towards entities existed" in view.summary().text
    table = view.sentences_table("2021-03-29")
    assert "sentence tone" in table.text and "[[Zelensky]] urged NATO" in table.text
    assert "+0.20" in table.text  # the sentence's score, not a tone towards Zelensky


def test_tone_of_a_speaker_scores_their_words(tables) -> None:
    focus = explore.find_focus(tables, speaker="Dmitry Peskov")
    got = explore.tone(tables, focus, freq="W")
    assert len(got) == 1 and -1 <= got["mean"].iloc[0] <= 1


def test_points_and_the_sentences_behind_each(tables, zel: Focus) -> None:
    points = explore.periods(tables, zel, freq="W")
    assert points == [("the week of 29 March 2021 (3 mentions)", "2021-03-29"),
                      ("the week of 5 April 2021 (1 mention)", "2021-04-05"),
                      ("the week of 12 April 2021 (1 mention)", "2021-04-12")]
    behind = explore.sentences_at(tables, zel, "2021-03-29", freq="W")
    assert behind["sentence"].tolist() == ["Zelensky urged NATO to act.", '"We need a real signal," Zelensky said.',
                                           "Zelensky welcomed it."]
    assert explore.sentences_at(tables, zel, "2021-04-19", freq="W")["article_id"].tolist() == []
    assert explore.sentences_at(tables, zel, "2021-04-10", freq="W")["article_id"].tolist() == ["a3"]  # its week
    assert explore.sentences_at(tables, zel, "2021-04-09", freq="D")["article_id"].tolist() == ["a3"]
    total = sum(len(explore.sentences_at(tables, zel, p, freq="M")) for _, p in explore.periods(tables, zel, freq="M"))
    assert total == 5  # every dated sentence sits behind exactly one point
    speaker = explore.find_focus(tables, speaker="Dmitry Peskov")
    assert explore.periods(tables, speaker, freq="W") == [("the week of 5 April 2021 (2 sentences)", "2021-04-05")]


def test_evidence_behind_an_entity_marks_each_mention_with_its_tone(tables, zel: Focus) -> None:
    rows = focus.evidence(tables, zel)
    assert rows["tone"].tolist() == [0.6, 0.2, 0.5, -0.8, 0.1, 0.0]  # reading order, undated a5 last
    for r in rows.itertuples():
        assert r.sentence[r.mark_start:r.mark_end] == "Zelensky" == r.mention
    view = explore.make_view(tables, zel)
    block = view.sentences_table("2021-03-29")
    markup = block._repr_html_()
    assert "<mark>Zelensky</mark> urged NATO to act." in markup
    assert "&#34;We need a real signal,&#34; <mark>Zelensky</mark> said." in markup
    assert "+0.60" in markup and "+0.20" in markup and "tone towards it" in markup
    assert "how the text treats Volodymyr Zelensky at each mention" in markup
    assert "(3)" in markup
    assert "tone towards Volodymyr Zelensky +0.04 (mean over 5 articles)" in view.summary().text
    peskov = explore.make_view(tables, explore.find_focus(tables, speaker="Dmitry Peskov"))
    assert "<mark>" not in peskov.sentences_table()._repr_html_()
    assert "quoted words" in peskov.summary().text


# ------------------------------------------------------------------------------------------- the view
def test_view_with_filters(tables, zel: Focus) -> None:
    view = explore.make_view(tables, zel, filters=make_filters(sources="Daily Planet"), freq="W")
    assert view.n_articles == 3
    assert view.quotes_by["source"].tolist() == ["Daily Planet"]
    assert "3 dated mentions in 3 articles" in view.summary().text  # a5 undated: counted in articles only
    assert view.busiest_point() == "2021-03-29"
    empty = explore.make_view(tables, zel, filters=make_filters(sources="Nobody"))
    assert empty.counts.empty and empty.points == [] and empty.busiest_point() is None
    assert "no timeline" in repr(empty.chart())
    assert "tone unknown" in empty.summary().text


def test_view_displays_as_png_and_escaped_tables(tables, zel: Focus) -> None:
    view = explore.make_view(tables, zel)
    chart = view.chart()
    assert isinstance(chart, Chart)
    assert chart.png.startswith(b"\x89PNG")
    assert "Mentions of Volodymyr Zelensky" in repr(chart)
    markup = view.sentences_table("2021-03-29")._repr_html_()
    assert "We need a real signal," in markup and "(3)" in markup
    assert "(first 1 of 6)" in view.sentences_table(limit=1)._repr_html_()
    assert "Zelensky was reckless" in view.quotes_about_table()._repr_html_()
    assert "Ukraine was ready" in view.quotes_by_table()._repr_html_()


def test_explorer_load_and_sql(store: Path) -> None:
    ex = Explorer.load(store, speaker="Dmitry Peskov", start="2021-04-05", freq="D")
    assert ex.focus.kind == "speaker" and ex.filters.start is not None
    assert ex.view().counts["Dmitry Peskov"].tolist() == [2]
    assert "5 articles" in ex.overview().text
    assert ex.sql("SELECT count(*) AS n FROM articles")["n"].iloc[0] == 5
    with pytest.raises(ValueError, match="freq"):
        Explorer.load(store, freq="Q")


# ------------------------------------------------------------------------------------------- widgets
def test_app_builds_and_callbacks_update_the_view(store: Path) -> None:
    app = Explorer.load(store).app()
    assert app.view is not None and app.view.focus.entity_id == ZEL
    assert app.item.value == ZEL and app.item.options[0][1] == ZEL
    assert [v for _, v in app.point.options] == [None, "2021-03-29", "2021-04-05", "2021-04-12"]
    assert str(app.start.value) == "2021-04-01" and str(app.end.value) == "2021-04-15"
    assert app.current()[1] == Filters()  # the full range is no bound: the undated a5 stays in
    assert "a5" in set(app.view.sentences["article_id"])

    app.kind.value = "speaker"
    assert app.view.focus.kind == "speaker" and app.item.value == app.item.options[0][1]
    app.item.value = "Dmitry Peskov"
    assert app.view.focus == Focus("speaker", "Dmitry Peskov", "Dmitry Peskov", PES)

    app.kind.value = "entity"
    app.item.value = ZEL
    app.sources.value = ("Morning Post",)
    assert set(app.view.sentences["article_id"]) == {"a2", "a4"}
    app.freq.value = "D"
    assert [v for _, v in app.point.options] == [None, "2021-04-03", "2021-04-15"]
    app.point.value = "2021-04-15"  # the callback renders that point's sentences
    app.start.value, app.end.value = pd.Timestamp("2021-04-10").date(), pd.Timestamp("2021-04-02").date()
    assert app.current()[1] == make_filters(start="2021-04-02", end="2021-04-10", sources="Morning Post")
    assert set(app.view.sentences["article_id"]) == {"a2"}  # a reversed range is read in order
    app.sources.value = ("Nobody",) if "Nobody" in app.sources.options else ()
    assert app.view is not None


# ------------------------------------------------------------------------------------------- the notebook
def test_notebook_is_thin_parameterised_and_stripped() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    params = ast.parse(code[0].source)
    assert {t.id for node in params.body for t in node.targets} == {
        "store", "entity", "speaker", "start", "end", "sources", "freq"}
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None
        tree = ast.parse(cell.source)
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
    assert "sql(" in "".join(c.source for c in code)
    assert json.loads(NOTEBOOK.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"] == "python3"


def _run_notebook(tmp_path: Path, parameters: dict) -> nbformat.NotebookNode:
    from newsbrief.render.kernel import execute

    out = tmp_path / "explore.ipynb"
    execute(NOTEBOOK, out, parameters=parameters, cwd=tmp_path, start_timeout=120, cell_timeout=300)
    return nbformat.read(out, as_version=4)


def _outputs(nb: nbformat.NotebookNode) -> tuple[str, list[str]]:
    text, kinds = [], []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            kinds.extend(output.get("data", {}).keys())
            text.append(json.dumps(output))
            assert output.get("output_type") != "error", output
    return "\n".join(text), kinds


@pytest.mark.slow
def test_notebook_runs_top_to_bottom_on_a_store(tmp_path: Path, store: Path) -> None:
    nb = _run_notebook(tmp_path, {"store": str(store), "entity": "Zelensky", "sources": ["Daily Planet"]})
    text, kinds = _outputs(nb)
    assert "image/png" in kinds  # the chart
    assert "application/vnd.jupyter.widget-view+json" in kinds  # the app was built and displayed
    assert "Volodymyr Zelensky (entity)" in text and "Daily Planet" in text
    assert "mean_tone" in text  # the SQL example


@pytest.mark.slow
def test_notebook_runs_on_a_store_annotated_from_made_up_articles(tmp_path: Path) -> None:
    from newsbrief.annotate import Settings, annotate_articles, assemble, write_store
    from newsbrief.ingest import read_inputs

    folder = tmp_path / "inputs"
    folder.mkdir()
    rows = [
        {"article_id": "x1", "title": "Talks in Geneva", "source": "Gazette", "published": "2022-01-10",
         "text": 'Antony Blinken met Sergei Lavrov in Geneva. "We made progress," Blinken said. Lavrov was calm.'},
        {"article_id": "x2", "title": "No deal", "source": "Herald", "published": "2022-01-20",
         "text": 'Sergei Lavrov said the West ignored Russia. "This is a disaster," Lavrov said. Blinken disagreed.'},
    ]
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    ingested = read_inputs([folder])
    settings = Settings()
    store = tmp_path / "store"
    annotate_articles(ingested.articles, store=store, settings=settings, workers=1)
    write_store(store, assemble(ingested.articles, store=store, settings=settings), settings=settings, inputs=["x"])
    nb = _run_notebook(tmp_path, {"store": str(store), "freq": "D"})
    text, kinds = _outputs(nb)
    assert "image/png" in kinds and "Lavrov" in text


def test_every_table_is_known() -> None:
    assert set(make_tables()) == set(TABLES)
