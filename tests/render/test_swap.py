"""Runs of the same report name never swap at the same moment; what killed runs left is removed (issue 16, item 6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsbrief.render.swap import report_lock, swap_into_place

WORKER = """
import sys, uuid
from pathlib import Path
from newsbrief.render.swap import report_lock, swap_into_place
out, tag, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()  # start together
for i in range(n):
    with report_lock(out, "brief"):
        tmp = out / f".brief.tmp-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
        for j in range(20):
            (tmp / f"part-{j}.txt").write_text(f"{tag}-{i}", encoding="utf-8")
        swap_into_place(tmp, out / "brief")
"""


def test_leftovers_of_killed_runs_are_removed_by_the_next_run_of_that_name(tmp_path: Path) -> None:
    for leftover in (".brief.tmp-dead0001", ".brief.old-dead01", ".other.tmp-live0001"):
        (tmp_path / leftover).mkdir()
    (tmp_path / ".brief.tmp-dead0001" / "briefing.html").write_text("half", encoding="utf-8")
    with report_lock(tmp_path, "brief"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == [".other.tmp-live0001"]


def test_swap_replaces_the_folder(tmp_path: Path) -> None:
    final = tmp_path / "brief"
    for content in ("one", "two"):
        tmp = tmp_path / f".brief.tmp-{content}"
        tmp.mkdir()
        (tmp / "briefing.html").write_text(content, encoding="utf-8")
        swap_into_place(tmp, final)
    assert (final / "briefing.html").read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["brief"]


@pytest.mark.slow
def test_two_processes_swapping_the_same_name_30_times_each(tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(tmp_path), tag, "30"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for tag in ("a", "b")]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    final = tmp_path / "brief"
    contents = {p.read_text() for p in final.iterdir()}
    assert len(list(final.iterdir())) == 20 and len(contents) == 1  # one complete run, not a mix
    assert contents <= {"a-29", "b-29"}
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["brief"]  # no .tmp-* / .old-* left
