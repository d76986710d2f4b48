"""Helpers shared by the CLI commands: progress bars and stage messages (printing lives here)."""

from __future__ import annotations

import sys
from collections.abc import Callable


def progress_factory(enabled: bool) -> Callable[[str, int], Callable[[int], None]] | None:
    if not enabled:
        return None
    from tqdm import tqdm

    def make(desc: str, total: int) -> Callable[[int], None]:
        bar = tqdm(total=total, desc=desc, unit="article", file=sys.stderr, dynamic_ncols=True)

        def tick(n: int) -> None:
            bar.update(n)
            if bar.n >= total:
                bar.close()

        return tick

    return make


def stage_printer(quiet: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if not quiet:
            print(f"newsbrief: {message} ...", file=sys.stderr, flush=True)

    return say


