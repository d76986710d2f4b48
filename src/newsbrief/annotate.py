"""Articles -> annotation tables, through a cache, on a local or Dask engine.

One function, :func:`annotate_batch`, turns a batch of (content_hash, text) into raw rows
(mentions, quotes, sentences with sentiment); engines only decide where it runs. Corpus-level
steps (canonical entities, quote speakers) run afterwards in :func:`assemble` on the cached rows,
so they never need the Doc objects and always see the whole corpus.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from .errors import InputError, StoreError
from .ingest import Article, articles_frame
from .nlp.entities import doc_mentions
from .nlp.linking import Aliases, link_entities
from .nlp.pipeline import DEFAULT_MODEL, load_pipeline, pipeline_fingerprint
from .registry import Registry
from .store import Cache, write_dataset

log = logging.getLogger(__name__)

#: Bump when the raw rows change meaning: old cache entries are then not reused.
ANNOTATION_SCHEMA = 1
BatchItem = tuple[str, str]  # (content_hash, text)
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Settings:
    """Everything that changes the cached per-article rows."""

    model: str = DEFAULT_MODEL
    sentiment: str = "vader"
    sentiment_options: tuple[tuple[str, Any], ...] = ()

    def fingerprint(self) -> str:
        """Cache key of the per-article rows: pipeline, newsbrief version, row schema, sentiment scorer."""
        from .nlp.sentiment import fingerprint as sentiment_fingerprint

        parts = [
            model_fingerprint(self.model),
            f"newsbrief-{__version__}",
            f"schema-{ANNOTATION_SCHEMA}",
            sentiment_fingerprint(self.sentiment, **dict(self.sentiment_options)),
        ]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=8)
def model_fingerprint(model: str) -> str:
    """:func:`pipeline_fingerprint` of ``model`` read from its meta.json, without loading it.

    A cached re-run then does not pay for a pipeline load. Falls back to loading the pipeline
    when the package or its meta cannot be found (a path, an unusual install).
    """
    import spacy.util

    try:
        path = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model)
        meta = spacy.util.get_model_meta(path)
        disabled = set(meta.get("disabled") or ())
        pipes = [name for name in meta["pipeline"] if name not in disabled]
        return f"{meta['lang']}_{meta['name']}-{meta['version']}[{','.join(pipes)}]"
    except Exception:  # noqa: BLE001 - any failure: ask the loaded pipeline itself
        return pipeline_fingerprint(load_pipeline(model))


MENTION_COLS = ["content_hash", "start", "end", "text", "label"]
QUOTE_COLS = [
    "content_hash", "quote_id", "content", "content_start", "content_end", "kind", "cue",
    "speaker_text", "speaker_start", "speaker_end", "speaker_ref_start", "speaker_ref_end",
    "speaker_is_entity", "group",
]
SENTENCE_COLS = ["content_hash", "sent_id", "start", "end", "text", "sentiment"]


def annotate_batch(items: Sequence[BatchItem], settings: Settings) -> dict[str, pd.DataFrame]:
    """Annotate one batch in this process (the pipeline is loaded once per process)."""
    from .nlp.quotes import extract_quotes
    from .nlp.sentiment import get_scorer

    nlp = load_pipeline(settings.model)
    scorer = get_scorer(settings.sentiment, **dict(settings.sentiment_options))
    mentions: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    sentences: list[dict[str, Any]] = []
    texts = [text for _, text in items]
    for (digest, _), doc in zip(items, nlp.pipe(texts, batch_size=32)):
        for mention in doc_mentions(doc):
            mentions.append({"content_hash": digest, **mention})
        for n, quote in enumerate(extract_quotes(doc)):
            row = asdict(quote)
            quotes.append({"content_hash": digest, "quote_id": n, **row})
        spans = []
        for sent in doc.sents:
            text = sent.text
            lead = len(text) - len(text.lstrip())
            stripped = text.strip()
            if stripped:
                spans.append((sent.start_char + lead, sent.start_char + lead + len(stripped), stripped))
        scores = scorer.score([s[2] for s in spans]) if spans else []
        for i, ((start, end, text), score) in enumerate(zip(spans, scores)):
            sentences.append(
                {"content_hash": digest, "sent_id": i, "start": start, "end": end, "text": text, "sentiment": float(score)}
            )
    return {
        "index": pd.DataFrame({"content_hash": [d for d, _ in items]}),
        "mentions": pd.DataFrame(mentions, columns=MENTION_COLS),
        "quotes": pd.DataFrame(quotes, columns=QUOTE_COLS),
        "sentences": pd.DataFrame(sentences, columns=SENTENCE_COLS),
    }


Engine = Callable[..., Iterator[dict[str, pd.DataFrame]]]
engines: Registry[Engine] = Registry("engine")


def _iter_batches(items: Sequence[BatchItem], size: int) -> Iterator[list[BatchItem]]:
    if size < 1:
        raise InputError("the batch size must be at least 1", field="batch_size")
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def _init_worker(model: str) -> None:
    load_pipeline(model)


def _run_batch(args: tuple[list[BatchItem], Settings]) -> dict[str, pd.DataFrame]:
    return annotate_batch(args[0], args[1])


@engines.register("local")
def local_engine(
    items: Sequence[BatchItem], settings: Settings, *, workers: int | None = None, batch_size: int = 64,
    scheduler: str | None = None,
) -> Iterator[dict[str, pd.DataFrame]]:
    """All cores of this machine: one process per worker, each loading the pipeline once.

    Results stream back batch by batch, so no process holds the Docs of the whole corpus.
    """
    workers = workers or os.cpu_count() or 1
    n_batches = -(-len(items) // batch_size)
    if not n_batches:
        return
    if workers == 1 or n_batches == 1:
        for batch in _iter_batches(items, batch_size):
            yield annotate_batch(batch, settings)
        return
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    if "fork" in methods:
        load_pipeline(settings.model)  # children inherit the loaded pipeline
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    tasks = ((batch, settings) for batch in _iter_batches(items, batch_size))  # lazy: one batch per task
    with ctx.Pool(processes=min(workers, n_batches), initializer=_init_worker, initargs=(settings.model,)) as pool:
        yield from pool.imap_unordered(_run_batch, tasks, chunksize=1)


@engines.register("dask")
def dask_engine(
    items: Sequence[BatchItem], settings: Settings, *, workers: int | None = None, batch_size: int = 64,
    scheduler: str | None = None,
) -> Iterator[dict[str, pd.DataFrame]]:
    """A Dask distributed cluster at ``scheduler`` (tcp://host:8786), else a LocalCluster.

    Each worker process loads the pipeline once (cached per process) and returns small
    DataFrames; results are gathered as they complete.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    if not items:
        return
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
        batches = _iter_batches(items, batch_size)
        # A bounded number of batches in flight: the scheduler never holds the whole corpus.
        pending = as_completed(
            client.submit(annotate_batch, batch, settings, pure=False)
            for batch in itertools.islice(batches, 2 * n_workers)
        )
        for future in pending:
            result = future.result()
            future.release()
            nxt = next(batches, None)
            if nxt is not None:
                pending.add(client.submit(annotate_batch, nxt, settings, pure=False))
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


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
    settings = settings or Settings()
    run = engines.get(engine)
    if batch_size < 1:
        raise InputError("the batch size must be at least 1", field="batch_size")
    cache = Cache(store, settings.fingerprint())
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
    for result in run(items, settings, workers=workers, batch_size=batch_size, scheduler=scheduler):
        cache.write_batch(result)
        done = len(result["index"])
        summary.annotated += done
        summary.batches += 1
        if progress:
            progress(done)
    return summary


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
    digest.update(settings.fingerprint().encode())
    digest.update((aliases or Aliases()).fingerprint().encode())
    for a in articles:
        published = a.published.isoformat() if a.published else ""
        fields = (a.article_id, a.title, a.source, a.author, published, a.url, a.content_hash)
        digest.update(("\x1f".join("" if f is None else str(f) for f in fields) + "\x1e").encode())
    return digest.hexdigest()[:20]


def annotate_corpus(
    articles: Sequence[Article], *, store: str | Path, settings: Settings | None = None,
    aliases: Aliases | None = None, engine: str = "local", workers: int | None = None,
    scheduler: str | None = None, batch_size: int = 64, progress: Progress | None = None,
    inputs: Sequence[str] = (),
) -> CorpusResult:
    """What ``newsbrief annotate`` does: annotate what the cache lacks, assemble, write a dataset version.

    When the store's current dataset was built from the same articles, fingerprint and aliases,
    it is kept as it is (a re-run on the same input does no NLP and rewrites nothing).
    """
    from .store import is_store, read_manifest

    settings = settings or Settings()
    summary = annotate_articles(articles, store=store, settings=settings, engine=engine, workers=workers,
                                scheduler=scheduler, batch_size=batch_size, progress=progress)
    unique: list[Article] = []
    seen: set[str] = set()
    for article in articles:
        if article.content_hash not in seen:
            seen.add(article.content_hash)
            unique.append(article)
    key = dataset_key(unique, settings=settings, aliases=aliases)
    if summary.annotated == 0 and is_store(store):
        try:
            manifest = read_manifest(store)
        except (OSError, ValueError, StoreError):
            manifest = {}
        if manifest.get("dataset_key") == key:
            return CorpusResult(summary=summary, folder=Path(store) / manifest["version"],
                                rows=dict(manifest.get("tables", {})), reused=True)
    tables = assemble(unique, store=store, settings=settings, aliases=aliases)
    folder = write_store(store, tables, settings=settings, inputs=inputs, extra={"dataset_key": key})
    return CorpusResult(summary=summary, folder=folder, rows={k: len(v) for k, v in tables.items()}, reused=False)


def assemble(
    articles: Sequence[Article], *, store: str | Path, settings: Settings | None = None,
    aliases: Aliases | None = None,
) -> dict[str, pd.DataFrame]:
    """The five tables of the annotation contract for ``articles``, from the cache."""
    settings = settings or Settings()
    cache = Cache(store, settings.fingerprint())
    frame = articles_frame(list(articles))
    rows = cache.read(set(frame["content_hash"]))
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
    return {
        "articles": frame,
        "mentions": mentions.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True),
        "entities": entities.reset_index(drop=True),
        "quotes": quotes.reset_index(drop=True),
        "sentences": sentences.reset_index(drop=True),
    }


QUOTE_TABLE_COLS = [
    "article_id", "quote_id", "content", "content_start", "content_end", "kind", "cue", "speaker_text",
    "speaker_start", "speaker_end", "speaker", "speaker_entity_id",
]


def resolve_speakers(
    quotes: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame, texts: dict[str, str]
) -> pd.DataFrame:
    """Map each quote's resolved speaker span onto an entity mention; else keep the span's words.

    A person mention inside the span wins; otherwise a mention covering at least 60% of it.
    Unnamed groups ("Ukrainian defence officials") keep their own words, with no entity id.
    """
    if quotes.empty:
        return pd.DataFrame(columns=QUOTE_TABLE_COLS)
    names = dict(zip(entities["entity_id"], entities["name"]))
    labels = dict(zip(entities["entity_id"], entities["label"]))
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for art, start, end, eid in zip(mentions["article_id"], mentions["start"], mentions["end"], mentions["entity_id"]):
        by_article.setdefault(art, []).append((int(start), int(end), eid))
    speakers: list[str | None] = []
    speaker_ids: list[str | None] = []
    for row in quotes.itertuples(index=False):
        ref_start, ref_end = row.speaker_ref_start, row.speaker_ref_end
        if pd.isna(ref_start) or pd.isna(ref_end):
            speakers.append(None)
            speaker_ids.append(None)
            continue
        ref_start, ref_end = int(ref_start), int(ref_end)
        best: str | None = None
        if bool(row.speaker_is_entity):
            candidates = [
                (min(e, ref_end) - max(s, ref_start), eid)
                for s, e, eid in by_article.get(row.article_id, [])
                if s < ref_end and e > ref_start
            ]
            people = [c for c in candidates if labels.get(c[1]) == "PERSON"]
            if people:
                best = max(people)[1]
            elif candidates:
                overlap, eid = max(candidates)
                if overlap >= 0.6 * (ref_end - ref_start):
                    best = eid
        if best is not None:
            speakers.append(names[best])
            speaker_ids.append(best)
        else:
            text = _ref_text(texts.get(row.article_id), ref_start, ref_end)
            speakers.append(text)
            speaker_ids.append(None)
    out = quotes.copy()
    out["speaker"] = speakers
    out["speaker_entity_id"] = speaker_ids
    return out[QUOTE_TABLE_COLS]


def _ref_text(text: str | None, start: int, end: int) -> str | None:
    """The words of a resolved speaker span, without a leading article or possessive."""
    if not text:
        return None
    words = text[start:end].split()
    if words and words[0].lower() == "the":
        words = words[1:]
    phrase = " ".join(words)
    for suffix in ("'s", "’s"):
        phrase = phrase.removesuffix(suffix)
    return phrase or None


def write_store(
    root: str | Path, tables: dict[str, pd.DataFrame], *, settings: Settings, inputs: Sequence[str],
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write ``tables`` as the store's new current dataset version (atomically)."""
    manifest = {"fingerprint": settings.fingerprint(), "settings": asdict(settings), "inputs": list(inputs),
                "newsbrief": __version__, **(extra or {})}
    return write_dataset(root, tables, manifest=manifest)
