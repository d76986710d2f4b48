"""Articles -> annotation tables, through a cache, on a local or Dask engine.

One function, :func:`annotate_batch`, turns a batch of (content_hash, text) into raw rows
(mentions, quotes, sentences with sentiment); engines only decide where it runs. Corpus-level
steps (canonical entities, quote speakers) run afterwards in :func:`assemble` on the cached rows,
so they never need the Doc objects and always see the whole corpus.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
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
        from .nlp.sentiment import fingerprint as sentiment_fingerprint

        nlp = load_pipeline(self.model)
        parts = [
            pipeline_fingerprint(nlp),
            f"newsbrief-{__version__}",
            f"schema-{ANNOTATION_SCHEMA}",
            sentiment_fingerprint(self.sentiment, **dict(self.sentiment_options)),
        ]
        import hashlib

        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


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


def _batches(items: Sequence[BatchItem], size: int) -> list[list[BatchItem]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


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
    batches = _batches(items, batch_size)
    if not batches:
        return
    if workers == 1 or len(batches) == 1:
        for batch in batches:
            yield annotate_batch(batch, settings)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(processes=min(workers, len(batches)), initializer=_init_worker, initargs=(settings.model,)) as pool:
        yield from pool.imap(_run_batch, [(b, settings) for b in batches], chunksize=1)


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
        futures = client.map(annotate_batch, _batches(items, batch_size), settings=settings, pure=False)
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass
class AnnotateSummary:
    articles: int = 0
    annotated: int = 0
    cached: int = 0
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)


def annotate_articles(
    articles: Sequence[Article], *, store: str | Path, settings: Settings | None = None, engine: str = "local",
    workers: int | None = None, scheduler: str | None = None, batch_size: int = 64,
    progress: Progress | None = None,
) -> AnnotateSummary:
    """Annotate what the cache lacks, batch by batch (each batch written as it completes)."""
    settings = settings or Settings()
    run = engines.get(engine)
    cache = Cache(store, settings.fingerprint())
    cache.clean_stale()
    known = cache.known_hashes()
    todo: dict[str, str] = {}
    for article in articles:
        digest = article.content_hash
        if digest not in known and digest not in todo:
            todo[digest] = article.text
    summary = AnnotateSummary(articles=len(articles), cached=len(articles) - len(todo))
    if progress and summary.cached:
        progress(summary.cached)
    items = sorted(todo.items(), key=lambda kv: len(kv[1]), reverse=True)  # long first: better balance
    for result in run(items, settings, workers=workers, batch_size=batch_size, scheduler=scheduler):
        cache.write_batch(result)
        done = len(result["index"])
        summary.annotated += done
        if progress:
            progress(done)
    return summary


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


def write_store(root: str | Path, tables: dict[str, pd.DataFrame], *, settings: Settings, inputs: Sequence[str]) -> Path:
    manifest = {"fingerprint": settings.fingerprint(), "settings": asdict(settings), "inputs": list(inputs),
                "newsbrief": __version__}
    return write_dataset(root, tables, manifest=manifest)
