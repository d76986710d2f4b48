"""Every input format `newsbrief annotate` accepts, alone and found recursively in one folder."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from newsbrief.errors import InputError
from newsbrief.ingest import expand_inputs, read_inputs

HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Ministers meet in Brussels | Example News</title>
<meta name="author" content="Jane Reporter">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-02T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Ministers meet in Brussels</h1>
<p>Foreign ministers of the alliance met in Brussels on Thursday to discuss support for Ukraine,
officials said after the talks had ended late in the evening.</p>
<p>"We are united," the secretary general told reporters outside the building, adding that
further meetings were planned for the summer in Washington.</p>
<p>The ministers agreed to send more air defence systems before the end of the year, according
to a statement released by the alliance.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""

ROW = {"article_id": "t1", "title": "Table story", "text": "Body of the table story.", "published": "2024-05-01"}


def write_all(folder: Path) -> None:
    (folder / "pages" / "2024").mkdir(parents=True)
    (folder / "tables").mkdir()
    (folder / "pages" / "plain.txt").write_text("A plain title\n\nThe body of a plain story.", encoding="utf-8")
    (folder / "pages" / "2024" / "deep.txt").write_text("Deep title\n\nA story two folders down.", encoding="utf-8")
    (folder / "pages" / "2024" / "saved.html").write_text(HTML, encoding="utf-8")
    (folder / "tables" / "a.json").write_text(json.dumps([ROW | {"article_id": "j1"}]), encoding="utf-8")
    (folder / "tables" / "b.jsonl").write_text(json.dumps(ROW | {"article_id": "l1", "text": "JSONL body."}),
                                               encoding="utf-8")
    pd.DataFrame([ROW | {"article_id": "c1", "text": "CSV body."}]).to_csv(folder / "tables" / "c.csv", index=False)
    pd.DataFrame([ROW | {"article_id": "p1", "text": "Parquet body."}]).to_parquet(folder / "tables" / "d.parquet")
    (folder / "tables" / "notes.md").write_text("ignored", encoding="utf-8")


def test_folder_is_searched_recursively_for_every_format(tmp_path: Path) -> None:
    write_all(tmp_path)
    files = {p.name for p in expand_inputs(tmp_path)}
    assert files == {"plain.txt", "deep.txt", "saved.html", "a.json", "b.jsonl", "c.csv", "d.parquet"}
    result = read_inputs(tmp_path)
    assert {a.article_id for a in result.articles} == {"plain", "deep", "saved", "j1", "l1", "c1", "p1"}


def test_html_page_through_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (article,) = read_inputs(path).articles
    assert article.title == "Ministers meet in Brussels"
    assert article.author == "Jane Reporter"
    assert article.published is not None and article.published.date().isoformat() == "2024-05-02"
    assert article.text.startswith("Foreign ministers of the alliance met in Brussels")
    assert "Copyright" not in article.text and "Home" not in article.text
    assert "\n\n" in article.text  # paragraphs kept apart


def test_json_array_and_json_lines(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([ROW, ROW | {"article_id": "t2", "text": "Other."}]), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(ROW | {"article_id": "t3"}) + "\n", encoding="utf-8")
    ids = [a.article_id for a in read_inputs([tmp_path / "a.json", tmp_path / "b.json"]).articles]
    assert ids == ["t1", "t2"]  # t3 has the same text as t1: a duplicate, skipped


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet", ".json"])
def test_column_mapping(tmp_path: Path, suffix: str) -> None:
    rows = [{"id": "m1", "headline": "Mapped", "body": "A mapped body.", "date": "2024-01-02"}]
    path = tmp_path / f"t{suffix}"
    frame = pd.DataFrame(rows)
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".parquet":
        frame.to_parquet(path)
    elif suffix == ".jsonl":
        path.write_text(json.dumps(rows[0]), encoding="utf-8")
    else:
        path.write_text(json.dumps(rows), encoding="utf-8")
    columns = {"text": "body", "title": "headline", "article_id": "id", "published": "date"}
    (article,) = read_inputs(path, columns=columns).articles
    assert (article.article_id, article.title, article.text) == ("m1", "Mapped", "A mapped body.")
    assert article.published is not None and article.published.year == 2024
    with pytest.raises(InputError, match="no 'text' column"):
        read_inputs(path)


def test_same_file_name_in_two_subfolders_gets_path_ids(tmp_path: Path) -> None:
    for day in ("mon", "tue"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "story.txt").write_text(f"Title\n\nA story on {day}.", encoding="utf-8")
    assert sorted(a.article_id for a in read_inputs(tmp_path).articles) == ["mon/story", "tue/story"]
