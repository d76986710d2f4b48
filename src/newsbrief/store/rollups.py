"""Roll-ups: per-partition aggregates kept beside a store's rows, computed once and read by every later briefing.

A corpus briefing asks every number of the store as a two-phase aggregation (:meth:`newsbrief.analysis.db.Db
.aggregate`): a *partial* query run on each article-disjoint part of the store (a month partition), then a *merge*
over the small partial results. The partial result of a query on a part depends only on the part's files and the
query, so it is kept here, and the next briefing that asks the same query of the same part reads it instead of the
part's rows::

    <store>/rollups/<code>/<part>/<query>.<content>.parquet

* ``<part>``: a digest of the part's files as the manifest records them (path, size, SHA-256). A part left as it
  was by a new dataset version (an incremental annotation adds months) keeps its roll-ups; one that changed gets a
  new digest, so a roll-up is never read for rows it was not computed from.
* ``<code>``: the version of the code that turns the files into the tables a query sees (the views of
  :mod:`.duck`, this module, the layout) and DuckDB's version: the scheme of the annotation cache
  (:func:`newsbrief.codeversion.code_version`). The analyses' own code is in the query text, hence in ``<query>``.
* ``<content>``: the first hex digits of the file's SHA-256: a damaged roll-up is noticed when read, removed and
  computed again.

A roll-up is written to a temporary file and renamed into place (readers never see half a file); a part's roll-ups
are computed under the part's lock (:func:`.lock.locked`), so two briefings started together compute each once and
never break each other. A run's ``data/`` (linked from a store by :func:`.link.link_dataset`) shares the store's
roll-ups. A store written without checksums has no part digests and gets no roll-ups (it is read as before).
``newsbrief annotate`` writes them with the store (:mod:`newsbrief.render.rollups`); each new dataset version
removes, under the store's lock, those no version still on disk can read (:func:`prune_rollups`).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..codeversion import code_version
from ..errors import StoreError
from .integrity import HASH, read_manifest_file
from .layout import GRACE_SECONDS, file_parts, part_number, table_of
from .lock import locked, remove_quietly, tried_lock, writer_tag

log = logging.getLogger(__name__)

#: The roll-ups' folder under a store's root (beside its dataset versions: they outlive a version).
ROLLUPS = "rollups"
#: The code whose version keys the roll-ups (paths under the package): what turns the files into the views.
ROLLUP_CODE: tuple[str, ...] = ("store/duck.py", "store/rollups.py", "store/layout.py")
_DIGITS = 24
#: The sizes of a kept set of files (:meth:`Rollups.files`).
_SIZES = "sizes.json"
#: The part digests a kept set of files was made from.
_PARTS = "parts.json"
#: Folders under a code version's roll-ups that are not a part's.
_FILES = "files"
_VERIFIED = "verified"


@functools.lru_cache(maxsize=1)
def rollup_version() -> str:
    """:func:`~newsbrief.codeversion.code_version` of :data:`ROLLUP_CODE` and DuckDB's version (once per process)."""
    import duckdb

    return hashlib.sha1(f"{code_version(ROLLUP_CODE)}|duckdb {duckdb.__version__}".encode()).hexdigest()[:16]


def part_digest(files: Sequence[tuple[str, Mapping[str, Any]]]) -> str | None:
    """The digest of a part from its files' manifest keys and entries (size, SHA-256); None when one has no hash."""
    digest = hashlib.sha256()
    for key, entry in sorted(files):
        sha = entry.get(HASH)
        if not isinstance(sha, str):
            return None
        digest.update(f"{key}\0{entry.get('size')}\0{sha}\n".encode())
    return digest.hexdigest()[:_DIGITS]


def digested_parts(folder: Path, files: Mapping[str, Sequence[Path]],
                   entries: Mapping[str, Any]) -> list[tuple[str, dict[str, list[Path]]]] | None:
    """The article-disjoint parts (month partitions: :func:`.layout.file_parts`) of the dataset version ``folder``
    whose ``files`` (by table) the manifest's ``entries`` record, each with its :func:`part_digest`; None when a
    file has no hash (a store written without checksums gets no roll-ups)."""
    out: list[tuple[str, dict[str, list[Path]]]] = []
    for part in file_parts(files):
        digest = part_digest([(p.relative_to(folder).as_posix(), entries.get(p.relative_to(folder).as_posix(), {}))
                              for paths in part.values() for p in paths])
        if digest is None:
            return None
        out.append((digest, part))
    return out


def version_digests(folder: Path) -> set[str]:
    """The part digests of the dataset version ``folder``, from its manifest alone (no file is read)."""
    entries = read_manifest_file(folder).get("files")
    if not isinstance(entries, Mapping) or not entries:
        return set()
    files: dict[str, list[Path]] = {}
    for key in sorted(entries, key=lambda k: (part_number(k), k)):
        files.setdefault(table_of(key), []).append(folder / key)
    return {digest for digest, _ in digested_parts(folder, files, entries) or []}


def query_digest(sql: str) -> str:
    return hashlib.sha256(sql.encode()).hexdigest()[:_DIGITS]


def _bytes_of(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue())


class Rollups:
    """The roll-ups of the store at ``root`` (its folder is made when the first one is written)."""

    def __init__(self, root: str | Path) -> None:
        self.folder = Path(root) / ROLLUPS / rollup_version()
        self.read_only = False  # set when the folder cannot be written: results are computed, not kept

    def _find(self, part: str, query: str) -> Path | None:
        folder = self.folder / part
        try:
            names = [n for n in os.listdir(folder) if n.startswith(query + ".") and n.endswith(".parquet")]
        except OSError:  # none kept yet (or no folder can be: read-only)
            return None
        return folder / names[0] if names else None

    def read(self, part: str, sql: str) -> pa.Table | None:
        """The roll-up of ``sql`` on ``part`` when one is kept and whole (a damaged one is removed: None)."""
        query = query_digest(sql)
        path = self._find(part, query)
        if path is None:
            return None
        try:
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest()[:16] != path.name.split(".")[1]:
                raise StoreError("its checksum does not match its name", path=path)
            return pq.read_table(io.BytesIO(data))
        except FileNotFoundError:
            return None
        except Exception as e:  # noqa: BLE001 - pyarrow raises many types
            log.warning("a roll-up is damaged (%s: %s) and is computed again: %s", type(e).__name__, e, path)
            remove_quietly(path)
            return None

    def write(self, part: str, sql: str, table: pa.Table) -> None:
        """Keep ``table`` as the roll-up of ``sql`` on ``part`` (atomically: written aside, then renamed)."""
        data = _bytes_of(table)
        folder = self.folder / part
        path = folder / f"{query_digest(sql)}.{hashlib.sha256(data).hexdigest()[:16]}.parquet"
        tmp = folder / f".{path.name}.{writer_tag()}.{os.urandom(4).hex()}.tmp"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError as e:
            remove_quietly(tmp)
            if not self.read_only:
                log.warning("roll-ups cannot be kept in %s (%s): briefings of this store compute them each time",
                            self.folder, e)
            self.read_only = True

    def get(self, part: str, sql: str, compute: Callable[[], pa.Table]) -> pa.Table:
        """The roll-up of ``sql`` on ``part``: read when kept, else computed by ``compute()`` and kept (under the
        part's lock: a concurrent briefing computing the same one waits, then reads it)."""
        found = self.read(part, sql)
        if found is not None:
            return found
        if self.read_only:
            return compute()
        with ExitStack() as stack:
            try:
                stack.enter_context(locked(self.folder / part / ".lock",
                                           what=f"the roll-ups of {self.folder.parent.parent}"))
            except OSError:
                self.read_only = True
                return compute()
            found = self.read(part, sql)
            if found is not None:
                return found
            table = compute()
            self.write(part, sql, table)
            return table

    def files(self, key: str, names: Sequence[str], target: Path | None, write: Callable[[Path], None], *,
              parts: Sequence[str] = ()) -> None:
        """The files ``names`` that ``write(folder)`` writes into a folder, kept under ``key`` (a digest of what
        they are made from: the ``parts`` digests among it, recorded so :func:`prune_rollups` knows when no kept
        version can use them) and linked into ``target`` (None: only kept): written once, then linked for every
        later run. A kept set with a file missing or of another size than recorded is written again."""
        kept = self.folder / _FILES / key
        if not self.read_only and not self._whole(kept, names):
            with ExitStack() as stack:
                try:
                    stack.enter_context(locked(self.folder / _FILES / f".{key}.lock",
                                               what=f"the roll-ups of {self.folder.parent.parent}"))
                except OSError:
                    self.read_only = True
                if not self.read_only and not self._whole(kept, names):
                    self._write_files(kept, names, write, parts)
        if target is None:
            return
        if self.read_only or not self._whole(kept, names):
            write(target)
            return
        for name in names:
            (target / name).unlink(missing_ok=True)
            try:
                os.link(kept / name, target / name)
            except OSError:
                shutil.copyfile(kept / name, target / name)

    def has_files(self, key: str, names: Sequence[str]) -> bool:
        """True when the files ``names`` are kept whole under ``key`` (:meth:`files` would link them)."""
        return self._whole(self.folder / _FILES / key, names)

    def _write_files(self, kept: Path, names: Sequence[str], write: Callable[[Path], None],
                     parts: Sequence[str]) -> None:
        tmp = kept.parent / f".{kept.name}.{writer_tag()}.{os.urandom(4).hex()}.tmp"
        try:
            tmp.mkdir(parents=True)
            write(tmp)
            sizes = {name: (tmp / name).stat().st_size for name in names}
            (tmp / _SIZES).write_text(json.dumps(sizes), encoding="utf-8")
            (tmp / _PARTS).write_text(json.dumps(sorted(set(parts))), encoding="utf-8")
            if kept.exists():
                log.warning("kept roll-up files are damaged and are written again: %s", kept)
                remove_quietly(kept)
            os.replace(tmp, kept)
        except OSError as e:
            log.warning("roll-ups cannot be kept in %s (%s): briefings of this store compute them each time",
                        self.folder, e)
            self.read_only = True
        finally:
            remove_quietly(tmp)

    @staticmethod
    def _whole(kept: Path, names: Sequence[str]) -> bool:
        try:
            sizes = json.loads((kept / _SIZES).read_text(encoding="utf-8"))
            return all((kept / name).stat().st_size == sizes[name] for name in names)
        except (OSError, ValueError, KeyError, TypeError):
            return False


def _verified_path(root: Path, version: Path) -> Path:
    with (version / "manifest.json").open("rb") as f:  # small: the manifest, never a table
        meta = f.read()
    return Path(root) / ROLLUPS / _VERIFIED / f"{version.name}-{hashlib.sha256(meta).hexdigest()[:16]}.json"


def _stat_of(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def verified_files(root: Path, version: Path) -> dict[str, list[int]]:
    """The files of the dataset ``version`` of the store ``root`` that a run has already hashed, by manifest key,
    with their inode, size and modification time then (empty when none is recorded)."""
    try:
        found = json.loads(_verified_path(root, version).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def still_verified(path: Path, recorded: list[int] | None) -> bool:
    """True when ``path`` is the very file recorded as verified (same inode, size and modification time: a run's
    hard-linked ``data/`` is the same file)."""
    try:
        return recorded is not None and _stat_of(path) == list(recorded)
    except OSError:
        return False


def keep_verified(root: Path, version: Path, keys: Sequence[str]) -> None:
    """Record that the files ``keys`` of ``version`` were hashed and matched the manifest (written atomically;
    files written in the last seconds are left out: they could change again within one clock tick)."""
    now = time.time()
    stats = {}
    for key in keys:
        try:
            stat = (version / key).stat()
        except OSError:
            return
        if now - stat.st_mtime > 2.0:
            stats[key] = [stat.st_ino, stat.st_size, stat.st_mtime_ns]
    if not stats:
        return
    path = _verified_path(root, version)
    tmp = path.with_name(f".{path.name}.{writer_tag()}.{os.urandom(4).hex()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(stats), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        remove_quietly(tmp)


def prune_rollups(root: Path, *, grace: float = GRACE_SECONDS) -> int:
    """Remove the roll-ups of the store ``root`` that no dataset version still on disk can read: the folders of
    parts in none of them, kept appendix files made from such a part, files-verified records of removed versions,
    and the folders of other code versions untouched for ``grace`` seconds. The caller holds the store's lock (no
    version is written meanwhile); a part whose lock a briefing holds is left for the next write. Returns how many
    folders and files were removed. What stays: every roll-up of the kept versions' parts (one set per query asked:
    each filter or date range a briefing used adds its own)."""
    base = root / ROLLUPS
    if not base.is_dir() or base.is_symlink():  # a run's linked data/ shares another store's: that store prunes
        return 0
    versions = [v for v in root.glob("v-*") if v.is_dir()]
    keep: set[str] = set()
    for version in versions:
        try:
            keep |= version_digests(version)
        except (StoreError, OSError, ValueError):  # a version that cannot be read: prune nothing of the parts
            return 0
    now, removed = time.time(), 0
    for folder in base.iterdir():
        if folder.name == _VERIFIED:
            names = {v.name for v in versions}
            for record in folder.glob("v-*.json"):
                if record.name.rsplit("-", 1)[0] not in names:
                    remove_quietly(record)
                    removed += 1
        elif folder.name != rollup_version():
            if folder.is_dir() and now - folder.stat().st_mtime >= grace:
                remove_quietly(folder)
                removed += 1
        else:
            removed += _prune_parts(folder, keep)
    return removed


def _prune_parts(folder: Path, keep: set[str]) -> int:
    removed = 0
    for part in folder.iterdir():
        if part.name == _FILES:
            for kept in part.iterdir():
                if kept.name.startswith(".") or not kept.is_dir():
                    continue
                try:
                    made_of = set(json.loads((kept / _PARTS).read_text(encoding="utf-8")))
                except (OSError, ValueError, TypeError):
                    made_of = {""}  # no record (damaged or older): rebuilt when next asked
                if not made_of <= keep:
                    with tried_lock(part / f".{kept.name}.lock") as held:
                        if held:
                            remove_quietly(kept)
                            removed += 1
        elif part.is_dir() and part.name not in keep:
            with tried_lock(part / ".lock") as held:
                if held:
                    remove_quietly(part)
                    removed += 1
    return removed
