"""Which store to explore: a given folder, the latest run's, or the bundled sample annotated on the fly."""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import StoreError
from ..store import CURRENT, is_store
from ..store.lock import tried_lock
from ..store.rollups import ROLLUPS

log = logging.getLogger(__name__)


#: A folder holding one of these is a checkout's root: the search for ``reports/`` stops there.
ROOT_MARKS = (".git", "pyproject.toml")


def find_upward(relative: str, *, start: Path | None = None) -> Path:
    """``relative`` in the current folder or the nearest parent that has it (a notebook runs in
    ``notebooks/``, the reports are beside it); the current folder's path when none has it.

    The search stops at the checkout's root (a folder with ``.git`` or ``pyproject.toml``) and never reaches the
    home folder or ``/`` from below, so an unrelated ``reports/`` higher up is not taken for the project's."""
    here = (start or Path.cwd()).resolve()
    try:
        home: Path | None = Path.home().resolve()
    except RuntimeError:  # no HOME and no passwd entry (a container's arbitrary user)
        home = None
    for folder in (here, *here.parents):
        if folder != here and folder in (home, Path(folder.anchor)):
            break
        if (folder / relative).exists():
            return folder / relative
        if any((folder / mark).exists() for mark in ROOT_MARKS):
            break
    return here / relative


REPORTS = find_upward("reports")
SAMPLE = find_upward("data/samples/wion-2021-04-06-ukraine-nato.txt")
#: Where the fallback store (the annotated sample) is kept between sessions; its cache makes reuse fast.
SCRATCH = Path(tempfile.gettempdir()) / "newsbrief-explore"


# ---------------------------------------------------------------------------------------------- the store
def latest_run_store(reports: str | Path = REPORTS) -> Path | None:
    """The ``data`` store of the most recently written run under ``reports`` (failed runs excluded)."""
    folder = Path(reports)
    if not folder.is_dir():
        return None
    runs = [
        p for p in folder.glob("*/data")
        if is_store(p) and not p.parent.name.startswith(".") and not p.parent.name.endswith(".failed")
    ]
    if not runs:
        return None
    return max(runs, key=lambda p: (p / CURRENT).stat().st_mtime)


def annotate_into(inputs: str | Path | Sequence[str | Path], store: str | Path, *, model: str | None = None,
                  workers: int | None = 1, rollups: bool = True) -> Path:
    """Annotate ``inputs`` into the store folder ``store``, as ``newsbrief annotate`` does, and return it.

    As ``newsbrief annotate`` does, it then keeps the roll-ups of a default corpus briefing in the store
    (:func:`~newsbrief.render.rollups.write_store_rollups`; ``rollups=False``: left to the first briefing, as
    ``--no-rollups``), so a briefing of the explored store reads them. The store's cache makes a second call on the
    same inputs cheap (no NLP, no rewrite, and the roll-ups found kept).
    """
    from ..annotate import Settings, annotate_corpus
    from ..ingest import read_inputs

    store = Path(store)
    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    ingested = read_inputs(items)
    settings = Settings() if model is None else Settings(model=model)
    result = annotate_corpus(ingested.articles, store=store, settings=settings, workers=workers,
                             inputs=[str(i) for i in items], ingest=ingested.record())
    log.info("store %s: %d article(s), %d annotated, %s", store, result.summary.articles, result.summary.annotated,
             "dataset reused" if result.reused else "dataset written")
    if rollups:
        from ..render.rollups import write_store_rollups

        if write_store_rollups(store):
            log.info("roll-ups of a default corpus briefing kept in %s", store / ROLLUPS)
    return store


def resolve_store(
    store: str | Path | None = None, *, reports: str | Path = REPORTS, sample: str | Path = SAMPLE,
    scratch: str | Path = SCRATCH,
) -> Path:
    """The store to explore.

    ``store`` given: that folder (it must be an annotation store). ``None``: the store of the most
    recent run under ``reports``; failing that, ``sample`` annotated into ``scratch`` (a temporary
    folder, reused and cached between sessions).
    """
    if store is not None:
        path = Path(store).expanduser()
        if not is_store(path):
            hint = ("; it holds a run's `data/` store, pass that" if is_store(path / "data")
                    else "; create one with `newsbrief annotate INPUT... --out DIR` or `newsbrief run`")
            raise StoreError("not an annotation store (no CURRENT file)" + hint, path=path)
        return path
    found = latest_run_store(reports)
    if found is not None:
        log.info("exploring the most recent run's store: %s", found)
        return found
    if not Path(sample).is_file():
        raise StoreError("no run under reports/ and the bundled sample is missing; pass a store", path=sample)
    log.info("no run under %s: annotating %s into %s", reports, sample, scratch)
    return sample_store(sample, scratch)


def sample_store(sample: str | Path, scratch: str | Path) -> Path:
    """``sample`` annotated into ``scratch``, shared by every session on this machine; while another session is
    writing it (another kernel, a test run), into a new folder of this session's own at once, removed when the session
    ends: a notebook never waits silently for another's lock (a papermill run shows no log until its cell ends)."""
    scratch = Path(scratch)
    with tried_lock(scratch.with_name(scratch.name + ".lock")) as mine:
        if mine:
            return annotate_into(sample, scratch)
    own = Path(tempfile.mkdtemp(prefix=f"{scratch.name}-", dir=scratch.parent))
    atexit.register(shutil.rmtree, own, ignore_errors=True)  # this session's alone: removed when it ends
    log.warning("another session is annotating the sample into %s; annotating it into %s instead", scratch, own)
    return annotate_into(sample, own)
