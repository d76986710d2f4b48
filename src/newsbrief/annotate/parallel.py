"""Where batches are annotated: this machine's cores (``local``) or a Dask cluster (``dask``)."""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Callable, Iterator, Sequence

import pandas as pd

from ..errors import InputError
from ..nlp.pipeline import load_pipeline
from ..registry import Registry
from .rows import BatchItem, annotate_batch, batch_scorer
from .settings import Settings

Engine = Callable[..., Iterator[dict[str, pd.DataFrame]]]
engines: Registry[Engine] = Registry("engines", label="engine")


#: Characters of text in one batch at most (besides at most ``batch_size`` articles). A worker's peak
#: memory follows the text it holds in flight (spaCy's layers keep ~4 KB per token of a batch), and the
#: runner sends the longest articles first: without this cap they would all travel together.
MAX_BATCH_CHARS = 120_000


def _iter_batches(items: Sequence[BatchItem], size: int) -> Iterator[list[BatchItem]]:
    """Consecutive batches of at most ``size`` articles and MAX_BATCH_CHARS characters (one article at least)."""
    if size < 1:
        raise InputError("the batch size must be at least 1", field="batch_size")
    batch: list[BatchItem] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= size or chars + len(item[1]) > MAX_BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[1])
    if batch:
        yield batch


def _init_worker(model: str) -> None:
    load_pipeline(model)


#: Annotated once in the parent before workers are forked: a sentence with a quote, a speaker, entities,
#: opinion words and figures, so every lazily imported module and per-process cache is ready.
WARM_TEXT = ('"The merger is a disaster for workers," John Smith, chief economist of Acme Corp in London, '
             "told Reuters on Monday.\n\nShares fell 3 pct to 12 dlrs.")


def _warm(settings: Settings) -> None:
    """Load what every batch needs once, before forking workers: the pipeline, the scorer, and by
    annotating :data:`WARM_TEXT` every module and per-process cache the rows need (quote rules, entity
    gazetteers and typer, the tone model, TextBlob with NLTK and SciPy: about 3 CPU-s per process that
    each forked worker would otherwise pay again)."""
    load_pipeline(settings.model)
    batch_scorer(settings)
    from ..nlp.entities.typer import preload

    preload()
    annotate_batch([("warm-up", WARM_TEXT)], settings)


#: Batches a local worker annotates before it is replaced by a fresh fork of the parent (which holds the
#: loaded pipeline, so nothing is reloaded): the heap a worker grows on long articles goes with it.
TASKS_PER_WORKER = 16


def _release_memory() -> None:
    """Give freed heap pages back to the system (glibc), so a worker's footprint follows its current batch."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _run_batch(args: tuple[list[BatchItem], Settings]) -> dict[str, pd.DataFrame]:
    rows = annotate_batch(args[0], args[1])
    _release_memory()
    return rows


@engines.register("local")
def local_engine(
    items: Sequence[BatchItem], settings: Settings, *, workers: int | None = None, batch_size: int = 64,
    scheduler: str | None = None,
) -> Iterator[dict[str, pd.DataFrame]]:
    """All cores of this machine: one process per worker, each loading the pipeline once.

    Results stream back batch by batch, so no process holds the Docs of the whole corpus.
    """
    workers = workers or os.cpu_count() or 1
    batches = list(_iter_batches(items, batch_size))  # (content_hash, text) pairs: the texts are not copied
    n_batches = len(batches)
    if not n_batches:
        return
    if workers == 1 or n_batches == 1:
        for batch in batches:
            yield annotate_batch(batch, settings)
        return
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    fork = "fork" in methods
    if fork:
        _warm(settings)  # children inherit the loaded pipeline and scorer
        # The inherited objects out of the cyclic collector's reach: a child's collections would otherwise write
        # to every object's header and copy the pages the parent shares with it (10-15% fewer page faults).
        gc.collect()
        gc.freeze()
    ctx = mp.get_context("fork" if fork else "spawn")
    tasks = ((batch, settings) for batch in batches)  # lazy: one batch pickled per task
    try:
        with ctx.Pool(processes=min(workers, n_batches), initializer=_init_worker, initargs=(settings.model,),
                      maxtasksperchild=TASKS_PER_WORKER) as pool:
            yield from pool.imap_unordered(_run_batch, tasks, chunksize=1)
    finally:
        if fork:
            gc.unfreeze()


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
