"""Writers and readers of one store at the same time (issue 16, item 6): every read succeeds, nothing is left over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsbrief.store import TABLES, read_dataset, write_dataset

WRITER = """
import sys
from pathlib import Path
import pandas as pd
from newsbrief.store import TABLES, write_dataset
root, tag, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
for i in range(n):
    rows = 50 + i
    frame = pd.DataFrame({"article_id": [f"{tag}{i}-{k}" for k in range(rows)], "x": range(rows)})
    write_dataset(root, {name: frame for name in TABLES}, manifest={"writer": tag, "i": i})
"""

READER = """
import sys, time
from pathlib import Path
from newsbrief.store import read_dataset
root, seconds = Path(sys.argv[1]), float(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
reads = failures = 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    try:
        tables = read_dataset(root)
        ids = {frozenset(t["article_id"]) for t in tables.values()}
        assert len(ids) == 1, "tables of different versions"
        reads += 1
    except Exception as e:
        failures += 1
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
print(reads, failures)
"""


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.slow
def test_two_writers_and_two_readers_of_one_store(tmp_path: Path) -> None:
    import pandas as pd

    frame = pd.DataFrame({"article_id": ["seed"], "x": [0]})
    write_dataset(tmp_path, {name: frame for name in TABLES}, manifest={})
    writers = [_start(WRITER, str(tmp_path), tag, "30") for tag in ("a", "b")]
    readers = [_start(READER, str(tmp_path), "8") for _ in range(2)]
    for proc in (*writers, *readers):
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in writers:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    for proc in readers:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reads, failures = map(int, out.split())
        assert reads > 0 and failures == 0, err[-2000:]
    tables = read_dataset(tmp_path)
    assert len(tables["articles"]) == 50 + 29  # the last write of one of the writers
    assert not list(tmp_path.glob(".v-*.tmp")) and not list(tmp_path.glob(".CURRENT.*"))
    # Replaced versions stay for the grace period (readers of the old CURRENT find them); then they go.
    assert len(list(tmp_path.glob("v-*"))) == 61
    write_dataset(tmp_path, {name: frame for name in TABLES}, manifest={}, keep_previous_for=0)
    assert len(list(tmp_path.glob("v-*"))) == 1
