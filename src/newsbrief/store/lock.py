"""Locks between processes (``filelock``) and the clean-up of folders left by killed runs."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import NewsbriefError, StoreError

log = logging.getLogger(__name__)

#: How long a run waits for another one holding the same lock before giving up.
LOCK_TIMEOUT = 1800.0
#: A temporary folder whose writer is no longer running is removed once it is this old (seconds);
#: one of any writer is removed once it is STALE_AFTER old (a writer on another machine, a reused pid).
DEAD_WRITER_AFTER = 60.0
STALE_AFTER = 6 * 3600.0


@contextmanager
def locked(
    path: Path, *, what: str, timeout: float = LOCK_TIMEOUT, error: type[NewsbriefError] = StoreError,
) -> Iterator[None]:
    """Hold the lock file ``path`` (created if needed); say once when another process holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log.warning("waiting for another run using %s to finish (lock file %s)", what, path)
        try:
            lock.acquire(timeout=timeout)
        except Timeout as e:
            raise error(f"another run has held the lock on {what} for over {timeout:.0f} s; "
                        "if no run is going on, delete the lock file", path=path) from e
    try:
        yield
    finally:
        lock.release()


@contextmanager
def tried_lock(path: Path) -> Iterator[bool]:
    """Hold the lock file ``path`` if no other process does (yields True), else yield False at once."""
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError):
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def writer_tag() -> str:
    """A suffix naming this process, so the clean-up can tell a killed writer's folder from a live one."""
    return f"p{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_abandoned(path: Path, *, now: float | None = None) -> bool:
    """True for a temporary folder whose writer (``-p<pid>`` in its name) has gone, or that is very old."""
    try:
        age = (now or time.time()) - path.stat().st_mtime
    except FileNotFoundError:
        return False
    if age > STALE_AFTER:
        return True
    for part in reversed(path.name.replace(".", "-").split("-")):
        if part.startswith("p") and part[1:].isdigit():
            return age > DEAD_WRITER_AFTER and not _alive(int(part[1:]))
    return False


def remove_quietly(path: Path) -> None:
    """Remove a folder or file left behind; a concurrent removal is not an error."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
