"""Raw pages, content-addressed, beside the annotation store: ``objects/ab/<sha256>.<html|xml>`` plus an index
of URL -> (hash, ETag, Last-Modified, when). Writes are atomic (temporary file, then rename); every read checks
the hash, so a damaged entry is noticed, dropped and fetched again (or reported when offline)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock

log = logging.getLogger(__name__)

INDEX = "index.json"


def cache_folder(store: str | Path) -> Path:
    """Where the raw pages of the annotation store at ``store`` are kept: ``<store>.pages`` beside it."""
    store = Path(store)
    return store.parent / f"{store.name}.pages"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Entry:
    """One URL in the cache: the hash of its body and the validators for a conditional GET."""

    url: str
    sha256: str
    suffix: str
    fetched: str
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None


class RawCache:
    """The raw page cache at ``root`` (thread-safe within a process; :meth:`locked` keeps other processes out)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._index: dict[str, Entry] = self._load()
        self._dirty = False

    def _load(self) -> dict[str, Entry]:
        path = self.root / INDEX
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return {url: Entry(**fields) for url, fields in raw.get("urls", {}).items()}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, TypeError, AttributeError) as e:
            log.warning("%s is damaged (%s): the pages are fetched again", path, e)
            return {}

    @contextmanager
    def locked(self) -> Iterator[RawCache]:
        """One fetch at a time per cache (across processes); the index is saved on the way out."""
        self.root.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.root / ".lock")):
            self._index = self._load()
            try:
                yield self
            finally:
                self.save()

    def save(self) -> None:
        with self._lock:
            if not self._dirty:
                return
            data = {"version": 1, "urls": {url: asdict(e) for url, e in sorted(self._index.items())}}
            self._dirty = False
        atomic_write(self.root / INDEX, json.dumps(data, indent=0).encode("utf-8"))

    def entry(self, url: str) -> Entry | None:
        with self._lock:
            return self._index.get(url)

    def path(self, entry: Entry) -> Path:
        return self.root / "objects" / entry.sha256[:2] / f"{entry.sha256}{entry.suffix}"

    def verified(self, url: str) -> Entry | None:
        """The URL's entry when its file is present and matches its hash; a damaged entry is dropped."""
        entry = self.entry(url)
        if entry is None:
            return None
        try:
            digest = hashlib.sha256(self.path(entry).read_bytes()).hexdigest()
        except OSError:
            digest = None
        if digest == entry.sha256:
            return entry
        log.warning("%s: the cached page is missing or damaged (checksum); it is fetched again", url)
        with self._lock:
            self._index.pop(url, None)
            self._dirty = True
        return None

    def read(self, url: str) -> bytes | None:
        entry = self.verified(url)
        return None if entry is None else self.path(entry).read_bytes()

    def put(self, url: str, body: bytes, *, suffix: str, content_type: str | None = None, etag: str | None = None,
            last_modified: str | None = None, final_url: str | None = None) -> Entry:
        digest = hashlib.sha256(body).hexdigest()
        entry = Entry(url=url, sha256=digest, suffix=suffix, fetched=datetime.now(UTC).isoformat(),
                      content_type=content_type, etag=etag, last_modified=last_modified, final_url=final_url)
        target = self.path(entry)
        if not target.exists() or hashlib.sha256(target.read_bytes()).hexdigest() != digest:
            atomic_write(target, body)
        with self._lock:
            self._index[url] = entry
            self._dirty = True
        return entry

    def __len__(self) -> int:
        return len(self._index)
