"""Articles -> annotation tables, through a cache, on a local or Dask engine.

:func:`annotate_articles` annotates what the cache lacks (rows from :mod:`.rows`, run by an engine
from :mod:`.engines`); corpus-level steps (canonical entities, quote speakers) run afterwards in
:func:`assemble` on the cached rows, so they never need the Doc objects and always see the whole corpus.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from .. import __version__
from ..errors import InputError, StoreError
from ..ingest import Article, articles_frame
from ..nlp import chunks
from ..nlp.entities.linking import Aliases, link_entities
from ..params import relative_path
from ..store import Cache, is_store, read_manifest, write_dataset
from ..textutil import thin_reason
from .parallel import engines
from .rows import MENTION_COLS, QUOTE_COLS, SENTENCE_COLS
from .settings import Settings, assembly_version, fingerprint
from .speakers import resolve_speakers

log = logging.getLogger(__name__)

Progress = Callable[[int], None]




def within_size_limit(
    articles: Sequence[Article], *, single: bool = False, limit: int | None = None
) -> list[Article]:
    """``articles`` without those longer than ``limit`` characters (README "Limits").

    In a corpus they are skipped with one warning naming them; a single article (``single``:
    an article briefing) over the limit is an InputError (exit 2). No article left is an InputError too.
    Default limit: :data:`newsbrief.nlp.chunks.MAX_ARTICLE_CHARS` (read when called).
    """
    limit = limit or chunks.MAX_ARTICLE_CHARS
    over = [a for a in articles if len(a.text) > limit]
    if not over:
        return list(articles)

    def name(a: Article) -> str:
        return f"{a.origin or a.article_id} ({len(a.text):,} characters)"

    if single or len(over) == len(articles):
        if len(over) == 1:
            what = f"the article has {len(over[0].text):,} characters"
        else:
            what = f"all {len(over)} articles are longer ({', '.join(name(a) for a in over[:3])})"
        raise InputError(f"{what}, more than the limit of {limit:,} (README, Limits); split it into parts or "
                         "leave it out", path=over[0].origin or over[0].article_id)
    shown = ", ".join(name(a) for a in over[:3]) + (f" and {len(over) - 3} more" if len(over) > 3 else "")
    log.warning("%d article(s) longer than %s characters skipped (not annotated): %s", len(over), f"{limit:,}", shown)
    return [a for a in articles if len(a.text) <= limit]


@dataclass
class AnnotateSummary:
    """What one annotation run did: ``articles`` = ``annotated`` + ``cached`` + ``duplicates``."""

    articles: int = 0
    annotated: int = 0
    cached: int = 0
    duplicates: int = 0
    batches: int = 0
    warnings: list[str] = field(default_factory=list)


def annotate_articles(
    articles: Sequence[Article], *, store: str | Path, settings: Settings | None = None, engine: str = "local",
    workers: int | None = None, scheduler: str | None = None, batch_size: int = 64,
    progress: Progress | None = None,
) -> AnnotateSummary:
    """Annotate what the cache lacks, batch by batch (each batch written as it completes).

    Articles whose text repeats an earlier one in ``articles`` are annotated once and counted in
    ``duplicates``; those already in the cache (same content, same fingerprint) are ``cached``.
    """
    return _annotate(articles, store=store, settings=settings, engine=engine, workers=workers, scheduler=scheduler,
                     batch_size=batch_size, progress=progress)[0]


def _annotate(
    articles: Sequence[Article], *, store: str | Path, settings: Settings | None, engine: str, workers: int | None,
    scheduler: str | None, batch_size: int, progress: Progress | None, keep: bool = False,
) -> tuple[AnnotateSummary, list[dict[str, pa.Table]]]:
    """:func:`annotate_articles`, and with ``keep`` the batches it wrote, as written (for :func:`assemble`'s
    ``fresh``: the rows just written are not read back from their files)."""
    settings = settings or Settings()
    run = engines.get(engine)
    if batch_size < 1:
        raise InputError("the batch size must be at least 1", field="batch_size")
    cache = Cache(store, fingerprint(settings))
    cache.clean_stale()
    known = cache.known_hashes()
    todo: dict[str, str] = {}
    seen: set[str] = set()
    summary = AnnotateSummary(articles=len(articles))
    for article in articles:
        digest = article.content_hash
        if digest in seen:
            summary.duplicates += 1
            continue
        seen.add(digest)
        if digest in known:
            summary.cached += 1
        else:
            todo[digest] = article.text
    if progress and (summary.cached or summary.duplicates):
        progress(summary.cached + summary.duplicates)
    if summary.duplicates:
        log.info("%d article(s) repeat the text of another and are annotated once", summary.duplicates)
    items = sorted(todo.items(), key=lambda kv: len(kv[1]), reverse=True)  # long first: better balance
    del todo
    kept: list[dict[str, pa.Table]] = []
    for result in run(items, settings, workers=workers, batch_size=batch_size, scheduler=scheduler):
        tables = Cache.as_arrow(result)
        cache.write_batch(tables)
        if keep:
            kept.append(tables)
        done = len(result["index"])
        summary.annotated += done
        summary.batches += 1
        if progress:
            progress(done)
    return summary, kept


@dataclass
class CorpusResult:
    """Outcome of :func:`annotate_corpus`: the run summary, the dataset folder and its table sizes."""

    summary: AnnotateSummary
    folder: Path
    rows: dict[str, int]
    reused: bool  # True when the current dataset already matched: nothing was assembled or written


def dataset_key(articles: Sequence[Article], *, settings: Settings, aliases: Aliases | None) -> str:
    """Identity of an assembled dataset: the articles (metadata and content), the fingerprint, the aliases."""
    digest = hashlib.sha1()
    digest.update(f"assembly-{assembly_version()}".encode())  # a store assembled by other code: assembled again
    digest.update(fingerprint(settings).encode())
    digest.update((aliases or Aliases()).fingerprint().encode())
    for a in articles:
        published = a.published.isoformat() if a.published else ""
        fields = (a.article_id, a.title, a.source, a.author, published, a.url, a.content_hash, a.wire)
        digest.update(("\x1f".join("" if f is None else str(f) for f in fields) + "\x1e").encode())
    return digest.hexdigest()[:20]


def annotate_corpus(
    articles: Sequence[Article], *, store: str | Path, settings: Settings | None = None,
    aliases: Aliases | None = None, engine: str = "local", workers: int | None = None,
    scheduler: str | None = None, batch_size: int = 64, progress: Progress | None = None,
    inputs: Sequence[str] = (), ingest: Mapping[str, Any] | None = None,
) -> CorpusResult:
    """What ``newsbrief annotate`` does: annotate what the cache lacks, assemble, write a dataset version.

    When the store's current dataset was built from the same articles, fingerprint and aliases (and the same
    ``ingest`` record), it is kept as it is (a re-run on the same input does no NLP and rewrites nothing).
    ``ingest`` (:meth:`~newsbrief.ingest.IngestResult.record`: the pages looked at, those skipped and why, the
    flagged dates) goes into the dataset's manifest, where a briefing from the store finds it.
    """
    settings = settings or Settings()
    articles = within_size_limit(articles)
    summary, fresh = _annotate(articles, store=store, settings=settings, engine=engine, workers=workers,
                               scheduler=scheduler, batch_size=batch_size, progress=progress, keep=True)
    unique: list[Article] = []
    seen: set[str] = set()
    for article in articles:
        if article.content_hash not in seen:
            seen.add(article.content_hash)
            unique.append(article)
    key = dataset_key(unique, settings=settings, aliases=aliases)
    if ingest:
        record = json.dumps(dict(ingest), sort_keys=True, default=str)
        key = hashlib.sha1(f"{key}\x1e{record}".encode()).hexdigest()[:20]
    if summary.annotated == 0 and is_store(store):
        try:
            manifest = read_manifest(store)
        except (OSError, ValueError, StoreError):
            manifest = {}
        if manifest.get("dataset_key") == key:
            return CorpusResult(summary=summary, folder=Path(store) / manifest["version"],
                                rows=dict(manifest.get("tables", {})), reused=True)
    tables = assemble(unique, store=store, settings=settings, aliases=aliases, fresh=fresh)
    del fresh
    folder = write_store(store, tables, settings=settings, inputs=inputs, extra={**(ingest or {}), "dataset_key": key})
    return CorpusResult(summary=summary, folder=folder, rows={k: len(v) for k, v in tables.items()}, reused=False)


def assemble(
    articles: Sequence[Article], *, store: str | Path, settings: Settings | None = None,
    aliases: Aliases | None = None, fresh: Sequence[Mapping[str, pa.Table]] = (),
) -> dict[str, pd.DataFrame]:
    """The five tables of the annotation contract for ``articles``, from the cache (``fresh``: the batches this
    process has just written to it, taken from memory instead of read back; see :meth:`Cache.read`)."""
    settings = settings or Settings()
    cache = Cache(store, fingerprint(settings))
    frame = articles_frame(list(articles))
    # Why an article is too little to brief on (or null), so corpus analyses filter in SQL without the text.
    frame["thin"] = pd.array([thin_reason(text) for text in frame["text"]], dtype="string")
    rows = cache.read(set(frame["content_hash"]), fresh=fresh)
    keys = frame[["article_id", "content_hash"]]

    def attach(table: str, columns: list[str]) -> pd.DataFrame:
        part = rows.get(table)
        if part is None or part.empty:
            return pd.DataFrame(columns=["article_id", *columns[1:]])
        out = keys.merge(part, on="content_hash", how="inner")
        return out[["article_id", *[c for c in columns if c != "content_hash"]]]

    mentions_raw = attach("mentions", MENTION_COLS)
    mentions, entities = link_entities(mentions_raw, aliases=aliases)
    sentences = attach("sentences", SENTENCE_COLS).sort_values(["article_id", "sent_id"], kind="stable")
    texts = dict(zip(frame["article_id"], frame["text"]))
    quotes = resolve_speakers(attach("quotes", QUOTE_COLS), mentions, entities, texts)
    # Words per quote (str.split, as speaker share counts them), so corpus analyses need no text processing.
    quotes["n_words"] = quotes["content"].astype(str).str.split().str.len().fillna(0).astype("int64")
    mentions = mentions.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
    mentions["sent_id"] = sentence_ids(mentions, sentences)
    return {
        "articles": frame,
        "mentions": mentions,
        "entities": entities.reset_index(drop=True),
        "quotes": quotes.reset_index(drop=True),
        "sentences": sentences.reset_index(drop=True),
    }


def sentence_ids(spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """The ``sent_id`` of the sentence holding each span's start (null when none does), aligned with ``spans``:
    stored with the mentions so corpus analyses join sentences by key instead of by offsets."""
    out = pd.Series(pd.NA, index=spans.index, dtype="Int64")
    if spans.empty or sentences.empty:
        return out
    left = spans[["article_id", "start"]].assign(_row=spans.index, article_id=spans["article_id"].astype(str),
                                                 start=spans["start"].astype("int64"))
    right = sentences[["article_id", "sent_id", "start", "end"]].rename(columns={"start": "s_start", "end": "s_end"})
    right = right.assign(article_id=right["article_id"].astype(str), s_start=right["s_start"].astype("int64"),
                         s_end=right["s_end"].astype("int64"))
    joined = pd.merge_asof(left.sort_values("start", kind="stable"), right.sort_values("s_start", kind="stable"),
                           left_on="start", right_on="s_start", by="article_id", direction="backward")
    inside = joined[joined["start"] < joined["s_end"]]
    out.loc[inside["_row"].to_numpy()] = inside["sent_id"].astype("int64").to_numpy()
    return out


def write_store(
    root: str | Path, tables: dict[str, pd.DataFrame], *, settings: Settings, inputs: Sequence[str],
    extra: dict[str, Any] | None = None, base: str | Path | None = None,
) -> Path:
    """Write ``tables`` as the store's new current dataset version (atomically).

    The manifest names the inputs relative to ``base`` (default: the store folder).
    """
    relative = [relative_path(p, base if base is not None else root) for p in inputs]
    manifest = {"fingerprint": fingerprint(settings), "settings": settings.model_dump(mode="json"), "inputs": relative,
                "newsbrief": __version__, **(extra or {})}
    return write_dataset(root, tables, manifest=manifest)
