"""Inputs that live on the web: URL inputs are fetched (:mod:`newsbrief.fetch`) and each page goes through the
HTML ingest (:func:`~newsbrief.ingest.html.read_html_file`); local inputs are read as always, beside them."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..fetch import FetchedPage, FetchLog, FetchOptions, LogRow, cache_folder, fetch_sources, is_source
from .date_flags import flag_dates
from .html import read_html_file
from .language import DEFAULT_LANGUAGES, detect_language, language_name
from .model import DUPLICATE, Article, IngestResult, Skipped

log = logging.getLogger(__name__)


def read_fetched(pages: Iterable[FetchedPage]) -> tuple[list[Article], list[LogRow]]:
    """Articles of fetched pages (URL kept, the feed's date when the page shows none) and a log row for each
    page with no article text."""
    articles, unread = [], []
    for page in pages:
        try:
            article = read_html_file(page.path, article_id=page.article_id)
        except InputError as e:
            unread.append(LogRow(page.url, 200, f"no article text: {e.args[0] if e.args else e}"))
            continue
        article.url = article.url or page.url
        article.published = article.published or page.published
        article.origin = page.url
        articles.append(article)
    return articles, unread


def read_sources(
    inputs: Sequence[str | Path], *, store: str | Path, options: FetchOptions | None = None,
    columns: Mapping[str, str] | None = None, log_path: str | Path | None = None,
    languages: Sequence[str] = DEFAULT_LANGUAGES, strict: bool = False,
) -> tuple[IngestResult, FetchLog | None]:
    """Read local inputs and fetch URL inputs (feeds, sitemaps, home pages, pages, URL-list files) into one
    ingest result; the raw pages are kept beside ``store`` (:func:`~newsbrief.fetch.cache_folder`).

    Every URL tried is a row of the returned log (also written to ``log_path``); the faults are summarised in
    one warning and none stops the run, unless no article at all could be read. Local pages are read by
    :func:`~newsbrief.ingest.read_inputs` (``languages``, ``strict``); a fetched page in another language or
    repeating another's text is skipped and listed like a local one.
    """
    from . import read_inputs

    local = [item for item in inputs if not is_source(item)]
    remote = [item for item in inputs if is_source(item)]
    result = read_inputs(local, columns=columns, languages=languages, strict=strict) if local else IngestResult()
    if not remote:
        return result, None
    outcome = fetch_sources(remote, cache=cache_folder(store), options=options)
    articles, unread = read_fetched(outcome.pages)
    for row in unread:
        outcome.log.add(row)
    ids = {a.article_id for a in result.articles}
    hashes = {a.content_hash for a in result.articles}
    wanted = frozenset(code.lower() for code in languages)
    result.pages += len(articles) + len(unread)
    for article in articles:
        page = article.origin or article.article_id
        if article.content_hash in hashes or article.article_id in ids:
            result.skipped.append(Skipped(page=page, reason=f"{DUPLICATE} another page of the inputs"))
            continue
        if wanted and (code := detect_language(article.text)) is not None and code not in wanted:
            result.skipped.append(Skipped(page=page, reason=f"in {language_name(code)} ({code}), not among the "
                                                            f"languages analysed ({', '.join(sorted(wanted))})"))
            log.warning("%s: skipped, in %s", page, language_name(code))
            continue
        ids.add(article.article_id)
        hashes.add(article.content_hash)
        result.articles.append(article)
    # fetched pages' dates, judged with the local ones; a local page named as the first pass names it
    more = [replace(f, page=result.shown(f.page)) for f in flag_dates(result.articles)]
    if more:
        log.warning("%d date(s) left out of the period and timeline (the articles stay, undated): %s", len(more),
                    "; ".join(str(f) for f in more[:5]) + (f"; and {len(more) - 5} more" if len(more) > 5 else ""))
        result.flagged_dates += more
    if log_path is not None:
        outcome.log.write(log_path)
    if outcome.log.failed:
        log.warning("%s; every URL is listed with its reason in %s", outcome.log.summary(),
                    Path(log_path).name if log_path is not None else "the fetch log")
    if not result.articles:
        raise InputError(f"no article could be read from the URL inputs: {outcome.log.summary()}",
                         path=", ".join(map(str, remote)))
    return result, outcome.log
