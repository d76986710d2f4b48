"""The version of some of the package's code: a digest of its source, computed from the files themselves (no counter
to bump by hand). Cache keys use it, so a change to the code that made a cached result is never served stale."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def code_version(parts: Sequence[str], *, root: Path = PACKAGE) -> str:
    """A digest of the source (and data files) of ``parts``, files or folders under ``root``: what the code that
    made some rows was, whatever its version number says."""
    digest = hashlib.sha1()
    for part in parts:
        path = root / part
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       and p.suffix not in (".pyc", ".pyo")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]
