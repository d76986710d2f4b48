"""Read inputs (saved pages, HTML, tables, folders) into articles."""

from __future__ import annotations

import glob
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import InputError
from .html import read_html_file
from .model import ARTICLE_COLUMNS, Article, IngestResult, articles_frame, content_hash
from .tables import TABLE_SUFFIXES, read_table
from .text import parse_page, read_text_file

log = logging.getLogger(__name__)

TEXT_SUFFIXES: frozenset[str] = frozenset({".txt", ".text"})
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm"})
SUPPORTED: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES


def expand_inputs(inputs: str | Path | Iterable[str | Path]) -> list[Path]:
    """Paths, globs and folders (searched recursively) -> sorted list of supported files."""
    return [path for path, _ in _expand(inputs)]


def _folder_ids(found: list[Path], folder: Path) -> list[str | None]:
    """Ids of pages found in a folder: the file name, or, when two files share it, the path below
    the folder without extension (``2024/05/a``), so that ``a/x.txt`` and ``b/x.txt`` both load."""
    stems = Counter(p.stem for p in found)
    return [p.relative_to(folder).with_suffix("").as_posix() if stems[p.stem] > 1 else None for p in found]


def _expand(inputs: str | Path | Iterable[str | Path]) -> list[tuple[Path, str | None]]:
    """Supported files with the id a page file gets (None: its file name)."""
    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    files: list[tuple[Path, str | None]] = []
    for item in items:
        text = str(item)
        matches = sorted(glob.glob(text, recursive=True)) if any(c in text for c in "*?[") else [text]
        if not matches:
            raise InputError("no file matches this pattern", path=text)
        for match in matches:
            path = Path(match)
            if path.is_dir():
                found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
                if not found:
                    raise InputError("the folder holds no .txt, .html, .json(l), .csv or .parquet file", path=path)
                files.extend(zip(found, _folder_ids(found, path)))
            elif path.is_file():
                files.append((path, None))
            else:
                raise InputError("no such file or folder", path=path)
    return files


def read_file(
    path: Path, *, columns: Mapping[str, str] | None = None, warnings: list[str] | None = None,
    article_id: str | None = None,
) -> list[Article]:
    """Articles of one file; ``article_id`` names a page (.txt/.html), default its file name."""
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return read_table(path, columns=columns, warnings=warnings)
    if suffix in HTML_SUFFIXES:
        return [read_html_file(path, article_id=article_id)]
    return [read_text_file(path, article_id=article_id)]


def read_inputs(
    inputs: str | Path | Iterable[str | Path], *, columns: Mapping[str, str] | None = None
) -> IngestResult:
    """Read every input into articles; duplicate ids are an error, duplicate content is skipped.

    Unparseable dates are collected as warnings (the caller logs one summary).
    """
    result = IngestResult()
    ids: dict[str, str] = {}
    hashes: set[str] = set()
    for path, page_id in _expand(inputs):
        for article in read_file(path, columns=columns, warnings=result.warnings, article_id=page_id):
            if article.article_id in ids:
                raise InputError(
                    f"duplicate article_id '{article.article_id}' (also in {ids[article.article_id]})",
                    path=article.origin or path, field="article_id",
                )
            ids[article.article_id] = article.origin or str(path)
            digest = article.content_hash
            if digest in hashes:
                result.duplicates += 1
                continue
            hashes.add(digest)
            result.articles.append(article)
    if not result.articles:
        raise InputError("the inputs hold no article", path=", ".join(map(str, items_of(inputs))))
    if result.warnings:
        log.warning("%d unparseable date(s); first: %s", len(result.warnings), result.warnings[0])
    return result


def items_of(inputs: str | Path | Iterable[str | Path]) -> list[str]:
    return [str(inputs)] if isinstance(inputs, (str, Path)) else [str(i) for i in inputs]


__all__ = [
    "ARTICLE_COLUMNS", "Article", "IngestResult", "articles_frame", "content_hash", "expand_inputs",
    "parse_page", "read_file", "read_html_file", "read_inputs", "read_table", "read_text_file",
]
