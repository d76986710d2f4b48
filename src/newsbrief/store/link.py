"""A run folder's ``data/`` from an existing store without rewriting it: the current version's files hard-linked.

A corpus briefing of a store of millions of articles must not read the store into memory to write a copy of it.
Dataset versions are never modified once current, so linking their files is safe; where a hard link is not
possible (another file system) the file is copied. The files are verified against the manifest as they are
read later, as every read of a store is. The copy's roll-ups (:mod:`.rollups`) are the store's: ``rollups`` is a
link to the store's folder, so what a briefing of the copy computes is kept for the next briefing of the store.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .dataset import CURRENT, current_folder
from .rollups import ROLLUPS


def link_dataset(source: str | Path, target: str | Path) -> Path:
    """Make ``target`` (a new folder) a store whose current version is ``source``'s current version; return it."""
    source, target = Path(source), Path(target)
    folder = current_folder(source)
    version = folder.name
    target.mkdir(parents=True, exist_ok=False)

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(folder, target / version, copy_function=link,
                    ignore=shutil.ignore_patterns(".superseded"))
    rollups = (source / ROLLUPS).resolve()
    try:
        rollups.mkdir(exist_ok=True)
        (target / ROLLUPS).symlink_to(rollups, target_is_directory=True)
    except OSError:  # a read-only store, or no symbolic links here: the copy keeps roll-ups of its own
        pass
    (target / CURRENT).write_text(version, encoding="utf-8")
    return target
