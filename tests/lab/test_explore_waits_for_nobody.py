"""The explorer notebook, with no store given and no run to explore, annotates the bundled sample into a folder
shared by every session; while another session holds that folder, it annotates into one of its own at once instead
of waiting for the other's lock (up to 30 minutes, with nothing shown: papermill prints a cell's log when it ends)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from newsbrief.lab import stores
from newsbrief.store.layout import LOCK

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"

HOLD = """
import sys, time
from filelock import FileLock
locks = [FileLock(p) for p in sys.argv[1:]]
for lock in locks:
    lock.acquire()
print("held", flush=True)
time.sleep(900)
"""


@pytest.mark.slow
def test_the_explore_notebook_does_not_wait_for_another_session_annotating_the_sample(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.render.kernel import execute

    checkout = tmp_path / "checkout"  # a user's checkout: the sample, and no run under reports/ yet
    (checkout / "reports").mkdir(parents=True)
    (checkout / "data" / "samples").mkdir(parents=True)
    shutil.copy(stores.SAMPLE, checkout / "data" / "samples" / stores.SAMPLE.name)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))  # the kernel's temporary folder: its scratch store goes there
    scratch = temp / stores.SCRATCH.name
    scratch.mkdir()
    # another session in the middle of annotating the sample into the shared folder: it holds its locks
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(scratch / LOCK), f"{scratch}.lock"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        out = tmp_path / "explore.ipynb"
        execute(NOTEBOOK, out, parameters={}, cwd=checkout, start_timeout=120, cell_timeout=240)
    finally:
        holder.kill()
        holder.wait()
    nb = nbformat.read(out, as_version=4)
    text = "\n".join(json.dumps(o) for c in nb.cells for o in c.get("outputs", []))
    assert "error" not in [o.get("output_type") for c in nb.cells for o in c.get("outputs", [])]
    assert f"Store {temp}/{stores.SCRATCH.name}-" in text  # a folder of its own beside the shared one
    assert "1 articles from 1 source(s)" in text
    # the folder of its own went with the kernel: runs that found the shared folder busy leave nothing behind
    assert [p.name for p in temp.iterdir() if p.name.startswith(f"{stores.SCRATCH.name}-")] == []
