from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from newsbrief.errors import InputError
from newsbrief.ingest import read_inputs

ROWS = [
    {"article_id": "x1", "title": "One", "text": "First body text here.", "published": "2024-03-01T10:00:00Z",
     "source": "Wire"},
    {"article_id": "x2", "title": "Two", "text": "Second body text here.", "published": "2024-03-02",
     "source": "Daily"},
]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_each_table_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"corpus{suffix}"
    frame = pd.DataFrame(ROWS)
    if suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    elif suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path)
    result = read_inputs(path)
    assert [a.article_id for a in result.articles] == ["x1", "x2"]
    assert result.articles[0].published.isoformat() == "2024-03-01T10:00:00+00:00"
    assert result.articles[1].source == "Daily"


def test_row_number_is_the_id_without_an_id_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    pd.DataFrame({"text": ["Alpha text.", "Beta text."]}).to_csv(path, index=False)
    assert [a.article_id for a in read_inputs(path).articles] == ["1", "2"]


def test_no_text_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    pd.DataFrame({"body": ["Alpha."]}).to_csv(path, index=False)
    with pytest.raises(InputError, match=r"c.csv, field 'text': no 'text' column"):
        read_inputs(path)


def test_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    pd.DataFrame({"body": ["Alpha text."], "headline": ["H"]}).to_csv(path, index=False)
    article = read_inputs(path, columns={"text": "body", "title": "headline"}).articles[0]
    assert article.title == "H" and article.text == "Alpha text."


def test_duplicate_ids_name_the_row(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"article_id": "a", "text": "one"}\n{"article_id": "a", "text": "two"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"c.jsonl, row 2, field 'article_id': duplicate article_id 'a'"):
        read_inputs(path)


def test_bad_json_line_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "one"}\n{"text": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"row 2: invalid JSON: Expecting value at column 10$"):
        read_inputs(path)


def test_bad_json_array_names_the_position(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('[{"text": "one"},\n {"text": oops}]', encoding="utf-8")
    with pytest.raises(InputError, match=r"invalid JSON: Expecting value at line 2 column 11 \(char 28\)"):
        read_inputs(path)


def test_unparseable_date_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    pd.DataFrame({"text": ["Alpha text."], "published": ["not a date at all"]}).to_csv(path, index=False)
    result = read_inputs(path)
    assert result.articles[0].published is None
    assert len(result.warnings) == 1 and "row 1" in result.warnings[0]


def test_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("text\n", encoding="utf-8")
    with pytest.raises(InputError, match="c.csv"):
        read_inputs(path)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_json_lines_keep_unicode_line_separators_inside_strings(tmp_path: Path, separator: str) -> None:
    import json

    path = tmp_path / "c.jsonl"
    rows = [{"text": f"First line{separator}second line of one article."}, {"text": "Another article."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\r\n", encoding="utf-8")
    articles = read_inputs(path).articles
    assert len(articles) == 2 and "second line of one article" in articles[0].text


def test_a_json_array_of_strings_says_each_item_must_be_an_object(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('["one article", "another"]', encoding="utf-8")
    with pytest.raises(InputError, match=r"item 0 of the JSON array is a str: each item must be an object") as e:
        read_inputs(path)
    assert "found: 0" not in str(e.value)


def test_a_pretty_printed_json_object_is_one_article(tmp_path: Path) -> None:
    import json

    path = tmp_path / "story.json"
    path.write_text(json.dumps({"title": "T", "text": "One story about the budget."}, indent=2), encoding="utf-8")
    articles = read_inputs(path).articles
    assert len(articles) == 1 and articles[0].title == "T"


def test_a_json_object_wrapping_the_articles_names_the_list(tmp_path: Path) -> None:
    import json

    path = tmp_path / "export.json"
    path.write_text(json.dumps({"count": 2, "articles": [{"text": "One."}, {"text": "Two."}]}, indent=2),
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"the list under 'articles'.*jq '\.articles' export\.json"):
        read_inputs(path)
