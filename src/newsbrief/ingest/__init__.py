"""Read inputs (saved pages, HTML, tables, folders) into articles."""

from __future__ import annotations

import glob
import itertools
import logging
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from ..errors import InputError
from ..textutil import thin_reason as text_thin_reason
from .date_flags import date_window, flag_dates
from .html import read_html_file
from .language import DEFAULT_LANGUAGES, detect_language, language_name
from .model import (
    ARTICLE_COLUMNS,
    DUPLICATE,
    SKIPPED_COLUMNS,
    Article,
    IngestResult,
    Skipped,
    articles_frame,
    content_hash,
    write_skipped,
)
from .tables import TABLE_SUFFIXES, read_table
from .text import parse_page, read_text_file

log = logging.getLogger(__name__)

TEXT_SUFFIXES: frozenset[str] = frozenset({".txt", ".text"})
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm"})
SUPPORTED: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES


def expand_inputs(inputs: str | Path | Iterable[str | Path]) -> list[Path]:
    """Paths, globs and folders (searched recursively) -> sorted list of supported files."""
    return [path for path, _, _ in _expand(inputs)]


def _folder_ids(found: list[Path], folder: Path) -> list[str | None]:
    """Ids of pages found in a folder: the file name, or, when two files share it, the path below
    the folder without extension (``2024/05/a``), so that ``a/x.txt`` and ``b/x.txt`` both load."""
    stems = Counter(p.stem for p in found)
    bare = Counter(p.relative_to(folder).with_suffix("").as_posix() for p in found)
    ids: list[str | None] = []
    for p in found:
        rel = p.relative_to(folder)
        if stems[p.stem] == 1:
            ids.append(None)
        elif bare[rel.with_suffix("").as_posix()] > 1:  # page.html and page.txt: keep the suffix apart
            ids.append(rel.as_posix())
        else:
            ids.append(rel.with_suffix("").as_posix())
    return ids


SPECIAL_ROOTS: tuple[str, ...] = ("/proc", "/sys", "/dev")


def check_regular(path: Path) -> None:
    """Only regular files are read: not /proc, /sys or /dev, nor FIFOs, sockets or devices, nor symlink loops."""
    try:
        resolved = str(path.resolve())
    except (RuntimeError, OSError) as e:  # pathlib raises RuntimeError for a loop (3.11), OSError ELOOP later
        raise InputError("a symlink loop (the link leads back to itself): not read", path=path) from e
    if any(resolved == root or resolved.startswith(root + "/") for root in SPECIAL_ROOTS):
        raise InputError("not a regular file (a system or device file): not read", path=path)
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror or e}", path=path) from e
    if not stat.S_ISREG(mode):
        raise InputError("not a regular file (a FIFO, socket or device): not read", path=path)


def _regular(path: Path, loops: list[str]) -> bool:
    try:
        check_regular(path)
    except InputError as e:
        if isinstance(e.__cause__, (RuntimeError, OSError)) and "symlink loop" in e.message:
            loops.append(str(path))
        return False
    return True


def _glob_root(pattern: str) -> Path:
    """The folder a glob pattern searches: its leading parts without a wildcard (``in/**/*.html`` -> ``in``)."""
    parts = Path(pattern).parts
    fixed = [p for p in itertools.takewhile(lambda p: not any(c in p for c in "*?["), parts)]
    return Path(*fixed) if fixed else Path(".")


def _shown(path: Path, root: Path | None) -> str:
    """How a page is named in what a run records and shows: relative to the folder the user gave (``2024/a.html``
    for ``in/2024/a.html`` of the input ``in``), a file given by itself by its name."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def _expand(inputs: str | Path | Iterable[str | Path]) -> list[tuple[Path, str | None, str]]:
    """Supported files with the id a page file gets (None: its file name) and the name it is shown by
    (:func:`_shown`)."""
    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    files: list[tuple[Path, str | None, str]] = []
    for item in items:
        text = str(item)
        pattern = any(c in text for c in "*?[")
        matches = sorted(glob.glob(text, recursive=True)) if pattern else [text]
        if not matches:
            raise InputError("no file matches this pattern", path=text)
        for match in matches:
            path = Path(match)
            if path.is_dir():
                loops: list[str] = []
                found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED and _regular(p, loops))
                if loops:
                    log.warning("%d symlink loop(s) skipped (the link leads back to itself): %s", len(loops),
                                "; ".join(loops[:5]) + (f"; and {len(loops) - 5} more" if len(loops) > 5 else ""))
                if not found:
                    raise InputError("the folder holds no .txt, .html, .json(l), .csv or .parquet file", path=path)
                files.extend((p, page_id, _shown(p, path)) for p, page_id in zip(found, _folder_ids(found, path)))
            elif path.exists() or path.is_symlink():
                check_regular(path)
                if path.suffix.lower() not in SUPPORTED:
                    log.warning("%s: unknown suffix %r, read as a text page", path, path.suffix)
                files.append((path, None, _shown(path, _glob_root(text) if pattern else None)))
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


def thin_reason(article: Article) -> str | None:
    """Why an article's text is too little to brief on (None when it is enough): see
    :func:`newsbrief.textutil.thin_reason` (too short, a caption, mostly page chrome)."""
    return text_thin_reason(article.text)


def thin_summary(thin: list[str], *, limit: int = 10, total: int | None = None) -> str:
    """The one warning of a run about thin articles, naming them (``thin``: "name (reason)"; ``total``: how many
    there are when ``thin`` lists only some)."""
    total = len(thin) if total is None else total
    named = "; ".join(thin[:limit]) + (f"; and {total - min(limit, len(thin))} more" if total > min(limit, len(thin))
                                       else "")
    return (f"{total} article(s) with too little text to be read as articles (flagged in the briefing, "
            f"left out of corpus findings unless include_thin is set): {named}")


def read_inputs(
    inputs: str | Path | Iterable[str | Path], *, columns: Mapping[str, str] | None = None,
    window: tuple[datetime, datetime] | None = None, languages: Sequence[str] = DEFAULT_LANGUAGES,
    strict: bool = False,
) -> IngestResult:
    """Read every input into articles; a page that cannot be read is skipped, not fatal.

    An unreadable, empty or binary page, a page in a language not in ``languages`` (ISO 639-1 codes; empty: every
    language) and a page repeating another's text are skipped with one warning each naming the page and why, and
    listed in :attr:`IngestResult.skipped`, named relative to the folder given (``2024/a.html``; a file given by
    itself by its name), as ``skipped.csv`` and the briefing show them. With ``strict`` (an article briefing) the
    first such page raises :class:`InputError`; without, only inputs holding no readable article do.
    Duplicate ids are an error.

    Unparseable and partial dates are collected as warnings (one summary is logged). Dates outside ``window``
    (default :func:`date_window`) or far from the corpus's other dates are left out (the article stays, undated),
    listed in ``result.flagged_dates`` and one summary warning.
    """
    wanted = frozenset(code.lower() for code in languages)
    result = IngestResult()
    ids: dict[str, str] = {}
    hashes: dict[str, str] = {}

    def skip(page: str | Path, reason: str, *, error: InputError | None = None) -> None:
        if strict:
            if error is not None:
                raise error
            raise InputError(reason, path=page)
        result.skipped.append(Skipped(page=shown_of(page), reason=reason))
        given.append(str(page))
        log.warning("%s: skipped, %s", page, reason)

    given: list[str] = []  # the skipped pages' paths as given (for an error message)
    expanded = _expand(inputs)
    result.names = {str(path): name for path, _, name in expanded}
    shown_of = result.shown

    for path, page_id, _ in expanded:
        if path.suffix.lower() in TABLE_SUFFIXES:
            found = read_table(path, columns=columns, warnings=result.warnings)
        else:
            result.pages += 1
            try:
                found = read_file(path, columns=columns, warnings=result.warnings, article_id=page_id)
            except InputError as e:
                skip(path, e.message, error=e)
                continue
            except (ValueError, TypeError, LookupError, OSError, RecursionError) as e:  # a parser's own failure
                log.debug("%s: %s", path, e, exc_info=True)
                skip(path, f"the page could not be parsed ({type(e).__name__}: {e})",
                     error=InputError(f"the page could not be parsed: {e}", path=path))
                continue
        if path.suffix.lower() in TABLE_SUFFIXES:
            result.pages += len(found)
        for article in found:
            page = article.origin or str(path)
            if article.article_id in ids:
                raise InputError(
                    f"duplicate article_id '{article.article_id}' (also in {ids[article.article_id]})",
                    path=page, field="article_id",
                )
            ids[article.article_id] = page
            if wanted and (code := detect_language(article.text)) is not None and code not in wanted:
                skip(page, f"in {language_name(code)} ({code}), not among the languages analysed "
                           f"({', '.join(sorted(wanted))})")
                continue
            digest = article.content_hash
            if digest in hashes:
                skip(page, f"{DUPLICATE} {shown_of(hashes[digest])}")  # named as the run records it
                continue
            hashes[digest] = page
            result.articles.append(article)
    result.articles = merge_page_pairs(result.articles)
    if not result.articles and result.pages == 1 and len(result.skipped) == 1:  # one page given: its own error
        raise InputError(result.skipped[0].reason, path=given[0])
    if not result.articles:
        reasons = "; ".join(f"{page} ({s.reason})" for page, s in zip(given, result.skipped[:5]))
        more = f"; and {len(result.skipped) - 5} more" if len(result.skipped) > 5 else ""
        raise InputError("the inputs hold no readable article" + (f": {reasons}{more}" if reasons else ""),
                         path=", ".join(map(str, items_of(inputs))))
    thin = [f"{shown_of(a.origin or a.article_id)} ({reason})" for a in result.articles if (reason := thin_reason(a))]
    if thin:
        log.warning("%s", thin_summary(thin))
    # named as the skipped pages are (relative to the folder given), not by the article's absolute origin
    result.flagged_dates = [replace(f, page=shown_of(f.page)) for f in flag_dates(result.articles, window=window)]
    if result.flagged_dates:
        log.warning("%d date(s) left out of the period and timeline (the articles stay, undated): %s",
                    len(result.flagged_dates), _listed([str(f) for f in result.flagged_dates]))
    if result.warnings:
        log.warning("%d date problem(s): %s", len(result.warnings),
                    _listed(result.warnings))
    if result.skipped:
        log.warning("%d of %d pages could not be read (listed above)", len(result.skipped), result.pages)
    return result


def _listed(lines: list[str], limit: int = 5) -> str:
    return "; ".join(lines[:limit]) + (f"; and {len(lines) - limit} more" if len(lines) > limit else "")


# Two pages of one stem in one folder are one story when this share of the smaller one's words is in both.
SAME_STORY_OVERLAP = 0.6
PAGE_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES


def _word_set(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


def _page_quality(article: Article) -> tuple[bool, int, bool, int]:
    """Better first: enough text, more metadata, an HTML page (its structured data), more words."""
    filled = sum(getattr(article, f) is not None for f in ("title", "source", "author", "published", "url"))
    suffix = Path(article.origin or "").suffix.lower()
    return (thin_reason(article) is None, filled, suffix in HTML_SUFFIXES, article.n_words)


def merge_page_pairs(articles: list[Article]) -> list[Article]:
    """The same story saved as ``story.html`` and ``story.txt`` in one folder is one article: when
    their bodies overlap (:data:`SAME_STORY_OVERLAP` of the smaller word set), the better page is kept
    (enough text, more metadata, HTML before text) and the other dropped with an info log."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, article in enumerate(articles):
        path = Path(article.origin or "")
        if article.origin and path.suffix.lower() in PAGE_SUFFIXES:
            groups.setdefault((str(path.parent), path.stem), []).append(i)
    dropped: set[int] = set()
    for members in groups.values():
        for a, b in ((a, b) for n, a in enumerate(members) for b in members[n + 1:]):
            if a in dropped or b in dropped:
                continue
            words_a, words_b = _word_set(articles[a].text), _word_set(articles[b].text)
            smaller = min(len(words_a), len(words_b))
            if not smaller or len(words_a & words_b) < SAME_STORY_OVERLAP * smaller:
                continue
            keep, drop = (a, b) if _page_quality(articles[a]) >= _page_quality(articles[b]) else (b, a)
            dropped.add(drop)
            log.info("%s and %s are the same story: kept %s", articles[a].origin, articles[b].origin,
                     articles[keep].origin)
    return [article for i, article in enumerate(articles) if i not in dropped]


def items_of(inputs: str | Path | Iterable[str | Path]) -> list[str]:
    return [str(inputs)] if isinstance(inputs, (str, Path)) else [str(i) for i in inputs]


__all__ = [
    "ARTICLE_COLUMNS", "Article", "DEFAULT_LANGUAGES", "IngestResult", "SKIPPED_COLUMNS", "Skipped",
    "articles_frame", "content_hash", "date_window", "detect_language", "expand_inputs", "merge_page_pairs",
    "parse_page", "read_file", "read_html_file", "read_inputs", "read_table", "read_text_file", "thin_reason",
    "thin_summary", "write_skipped",
]
