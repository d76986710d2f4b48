"""Progress output of `run` and `annotate`: a bar on a terminal, a line every few seconds otherwise."""

from __future__ import annotations

import io

from newsbrief.cli.common import LogProgress, progress_factory


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_log_progress_prints_a_line_per_interval_with_rate_and_time_left() -> None:
    clock, out = Clock(), io.StringIO()
    tick = LogProgress("annotating", 100, interval=5, stream=out, clock=clock)
    for _ in range(10):
        clock.now += 2
        tick(10)
    lines = out.getvalue().splitlines()
    assert lines[0] == "newsbrief: annotating: 30/100 articles (30%), 5.0 articles/s, about 14 s left"
    assert len(lines) == 4  # at 6, 12 and 18 s, then the end
    assert lines[-1] == "newsbrief: annotating: 100/100 articles (100%), 5.0 articles/s, done in 20 s"


def test_log_progress_is_silent_on_short_work() -> None:
    clock, out = Clock(), io.StringIO()
    tick = LogProgress("annotating", 3, interval=5, stream=out, clock=clock)
    clock.now = 1.0
    tick(3)
    assert out.getvalue() == ""


def test_log_progress_counts_briefings_and_long_durations() -> None:
    clock, out = Clock(), io.StringIO()
    tick = LogProgress("briefings per entity", 1000, unit="briefing", interval=5, stream=out, clock=clock)
    clock.now = 10.0
    tick(1)
    assert out.getvalue().strip() == (
        "newsbrief: briefings per entity: 1/1,000 briefings (0%), 0.1 briefings/s, about 2 h 46 min left")


def test_progress_factory_picks_lines_when_not_a_terminal_and_nothing_when_quiet() -> None:
    assert progress_factory(False) is None
    make = progress_factory(True, tty=False)
    assert make is not None
    assert isinstance(make("annotating", 10), LogProgress)
    bar = progress_factory(True, tty=True)
    assert bar is not None and not isinstance(bar("annotating", 1), LogProgress)
