"""Warnings of libraries never reach the terminal in their own format: the CLI routes them through logging."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import logging, warnings
from newsbrief.cli.main import main
main(["params"])  # configures logging as every command does
logging.getLogger("trafilatura").warning("discarding data: %s", None)
logging.getLogger("htmldate").warning("no date found")
warnings.warn("tzname ET identified but not understood.", UserWarning)
logging.getLogger("newsbrief.ingest").warning("one summary")
"""


def test_library_warnings_are_quiet_and_ours_are_formatted(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "discarding data" not in done.stderr and "no date found" not in done.stderr
    assert "identified but not understood" not in done.stderr
    assert done.stderr.strip().splitlines() == ["newsbrief: WARNING: one summary"]
