"""A run folder's ``data/`` from an existing store without rewriting it: the current version's files hard-linked.

A corpus briefing of a store of millions of articles must not read the store into memory to write a copy of it.
Dataset versions are never modified once current, so linking their files is safe; where a hard link is not
possible (another file system) the file is copied. The files are verified against the manifest as they are
read later, as every read of a store is.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..errors import StoreError
from .dataset import CURRENT, is_store


def link_dataset(source: str | Path, target: str | Path) -> Path:
    """Make ``target`` (a new folder) a store whose current version is ``source``'s current version; return it."""
    source, target = Path(source), Path(target)
    if not is_store(source):
        raise StoreError("not an annotation store (no CURRENT file)", path=source)
    version = (source / CURRENT).read_text(encoding="utf-8").strip()
    folder = source / version
    if not version or not folder.is_dir():
        raise StoreError(f"CURRENT names dataset version '{version}', which is missing", path=source / CURRENT)
    target.mkdir(parents=True, exist_ok=False)

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(folder, target / version, copy_function=link,
                    ignore=shutil.ignore_patterns(".superseded"))
    (target / CURRENT).write_text(version, encoding="utf-8")
    return target
