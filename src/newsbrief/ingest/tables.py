"""Corpus tables: JSONL, CSV or Parquet with a ``text`` column and optional metadata."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..dates import read_date
from ..errors import InputError
from .model import Article
from .text import decode_bytes, normalise

OPTIONAL_COLUMNS: tuple[str, ...] = ("article_id", "title", "published", "source", "author", "url")
TABLE_SUFFIXES: frozenset[str] = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet"})


def _load_frame(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            return pd.read_parquet(path)
        except Exception as e:  # pyarrow raises several unrelated types
            raise InputError(f"cannot read Parquet: {e}", path=path) from e
    data = path.read_bytes()
    text = decode_bytes(data, path=path)
    if suffix == ".json":
        document = _json_document(text, path)
        if document is not None:
            return pd.DataFrame.from_records(document)
    if suffix in {".jsonl", ".ndjson", ".json"}:
        return pd.DataFrame.from_records(_json_lines(text, path))
    sep = "\t" if suffix == ".tsv" else ","
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as e:
        raise InputError(f"cannot parse CSV: {e}", path=path) from e


def _json_lines(text: str, path: Path) -> list[dict[str, object]]:
    records = []
    # Only "\n" ends a JSON line: str.splitlines would also split inside strings at U+2028, U+2029, U+0085.
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"invalid JSON: {e.msg} at column {e.colno}", path=path, row=lineno) from e
        if not isinstance(record, dict):
            raise InputError("each line must be a JSON object", path=path, row=lineno)
        records.append(record)
    return records


def _json_document(text: str, path: Path) -> list[dict[str, object]] | None:
    """The articles of a ``.json`` file holding one JSON document: an array of objects, or one object (one article,
    pretty-printed or not); None when the file is JSON lines (one object per line)."""
    head = text.lstrip()
    if not head.startswith("["):
        if not head.startswith("{"):
            return None
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            return None  # several objects, one per line
        if not isinstance(value, dict):
            return None
        if "text" not in value:
            lists = [k for k, v in value.items() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
            if lists:
                raise InputError(f"one JSON object without a \"text\" field; its articles seem to be the list under "
                                 f"'{lists[0]}': give them as an array of objects, e.g. `jq '.{lists[0]}' "
                                 f"{path.name} > articles.json`", path=path)
        return [value]
    try:
        records = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno} (char {e.pos})", path=path) from e
    if not isinstance(records, list):
        raise InputError("a JSON file holds an array of objects, one per article, e.g. [{\"text\": \"...\"}] "
                         f"(found a {type(records).__name__})", path=path)
    for position, record in enumerate(records):
        if not isinstance(record, dict):
            raise InputError(f"item {position} of the JSON array is a {type(record).__name__}: each item must "
                             "be an object with a \"text\" field, e.g. {\"text\": \"...\"}", path=path)
    return records


def _cell(value: object) -> str | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or None


def read_table(
    path: Path, *, columns: Mapping[str, str] | None = None, warnings: list[str] | None = None
) -> list[Article]:
    """Articles from one table file; ``columns`` maps our names to the file's (``{"text": "body"}``)."""
    frame = _load_frame(path)
    mapping = {ours: theirs for ours, theirs in (columns or {}).items()}
    rename = {theirs: ours for ours, theirs in mapping.items() if theirs in frame.columns}
    frame = frame.rename(columns=rename)
    if frame.empty:
        raise InputError("the table has no rows", path=path)
    if "text" not in frame.columns:
        found = ", ".join(map(str, frame.columns[:12]))
        hint = (f" (found: {found}; map one: `columns: {{text: <name>}}` in a params file, "
                f"`--column text=<name>` for newsbrief annotate)")
        raise InputError("no 'text' column" + hint, path=path, field="text")
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for i, record in enumerate(frame.to_dict(orient="records")):
        row = i + 1  # 1-based data row, as a spreadsheet user counts
        text = _cell(record.get("text"))
        if text is None:
            raise InputError("empty text", path=path, row=row, field="text")
        article_id = _cell(record.get("article_id")) or str(row)
        if article_id in seen:
            raise InputError(
                f"duplicate article_id '{article_id}' (first seen in row {seen[article_id]})",
                path=path, row=row, field="article_id",
            )
        seen[article_id] = row
        raw_date = record.get("published")
        published, problem = read_date(raw_date)
        if problem is not None and warnings is not None:
            warnings.append(f"{path}, row {row}, field 'published': {str(raw_date)!r}: {problem}")
        body = normalise(text).strip()
        articles.append(
            Article(
                article_id=article_id,
                text=body,
                title=_cell(record.get("title")),
                source=_cell(record.get("source")),
                author=_cell(record.get("author")),
                published=published,
                url=_cell(record.get("url")),
                origin=f"{path}, row {row}",
            )
        )
    return articles
