"""Bounded work per article (issue 16, item 1): a size limit, and a 2 MB article under a memory cap."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsbrief.annotate import within_size_limit
from newsbrief.cli import main
from newsbrief.errors import InputError
from newsbrief.ingest import Article
from newsbrief.nlp import chunks

ROOT = Path(__file__).resolve().parents[2]


def _article(n: int, chars: int) -> Article:
    return Article(article_id=f"a{n}", text=("word " * (chars // 5 + 1))[:chars], origin=f"in.jsonl, row {n}")


def test_corpus_skips_long_articles_with_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    articles = [_article(0, 500), _article(1, 5_000), _article(2, 400), _article(3, 6_000)]
    with caplog.at_level(logging.WARNING):
        kept = within_size_limit(articles, limit=1_000)
    assert [a.article_id for a in kept] == ["a0", "a2"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "2 article(s) longer than 1,000 characters" in warnings[0]
    assert "in.jsonl, row 1 (5,000 characters)" in warnings[0] and "row 3" in warnings[0]


def test_a_single_long_article_is_rejected() -> None:
    with pytest.raises(InputError, match=r"row 0: the article has 5,000 characters, more than the limit of 1,000 "):
        within_size_limit([_article(0, 5_000)], single=True, limit=1_000)
    with pytest.raises(InputError, match="all 2 articles"):
        within_size_limit([_article(0, 5_000), _article(1, 5_000)], limit=1_000)
    assert within_size_limit([_article(0, 5_000)]) != []  # the default limit is far above


def test_run_in_article_mode_exits_2_before_annotating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "long.txt"
    page.write_text("A long article.\n\n" + "The minister spoke again. " * 200, encoding="utf-8")
    monkeypatch.setattr(chunks, "MAX_ARTICLE_CHARS", 1_000)
    import newsbrief.annotate.runner as runner

    monkeypatch.setattr(runner, "annotate_articles", lambda *a, **k: pytest.fail("annotated"))
    code = main(["run", str(ROOT / "params" / "seed-article.yaml"), "--set", f"input={page}",
                 "--output-dir", str(tmp_path / "reports"), "-q"])
    assert code == 2
    err = capsys.readouterr().err
    assert "long.txt: the article has" in err and "more than the limit of 1,000 (README, Limits)" in err


CAPPED = """
import resource, sys
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from newsbrief.annotate.rows import annotate_batch
from newsbrief.annotate.settings import Settings
text = open(sys.argv[2], encoding="utf-8").read()
rows = annotate_batch([("big", text)], Settings())
for table in ("mentions", "sentences"):
    frame = rows[table]
    assert all(text[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"])), table
q = rows["quotes"]
assert all(text[s:e] == t for s, e, t in zip(q["content_start"], q["content_end"], q["content"]))
assert frame["end"].max() > len(text) - 2_000  # the end of the article was annotated
print(len(text), len(rows["mentions"]), len(q), len(frame))
"""


@pytest.mark.slow
def test_two_megabyte_article_under_a_memory_cap(tmp_path: Path) -> None:
    """2 MB in one article: about 8 GB as one spaCy Doc; in chunks it fits in a 3 GiB address space."""
    from newsbrief.ingest import read_inputs

    body = "\n\n".join(a.text for a in read_inputs([ROOT / "data" / "samples"]).articles)
    text = body
    while len(text) < 2_000_000:
        text += "\n\n" + body
    path = tmp_path / "big.txt"
    path.write_text(text[:2_000_000], encoding="utf-8")
    script = tmp_path / "capped.py"
    script.write_text(textwrap.dedent(CAPPED), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(3 * 1024**3), str(path)], capture_output=True,
                          text=True, timeout=1_800)
    assert done.returncode == 0, done.stderr[-2_000:]
    chars, mentions, quotes, sentences = map(int, done.stdout.split())
    assert chars == 2_000_000 and mentions > 10_000 and quotes > 1_000 and sentences > 15_000
