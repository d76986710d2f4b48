"""Everything a run can know is wrong before it starts: checked before any folder, lock or annotation.

The annotation settings (:mod:`newsbrief.annotate.preflight`), store inputs that lost their CURRENT file, and the
``compare`` baseline (a folder must be an annotation store). One ParamsError lists every problem.
"""

from __future__ import annotations

from pathlib import Path

from ..annotate.preflight import annotation_problems, store_input_problems
from ..errors import ParamsError
from ..params import COMPARE_WORDS, DATE_RANGE, Params
from ..store import is_store, lost_current


def compare_problem(compare: str) -> str | None:
    if compare in COMPARE_WORDS or DATE_RANGE.match(compare) or is_store(compare):
        return None
    lost = lost_current(compare)
    if lost is not None:
        return f"compare: {compare}: {lost}"
    return (f"compare: {compare} is not an annotation store (a run's data/ folder or `newsbrief annotate` output); "
            "use previous, corpus, last-run, a date range like 2017-08-01..2017-08-31, or a store folder")


def run_problems(params: Params) -> list[str]:
    problems = annotation_problems(params) + store_input_problems(params.input)
    problem = compare_problem(params.compare)
    if problem:
        problems.append(problem)
    if params.store and Path(params.store).exists() and not Path(params.store).is_dir():
        problems.append(f"store: {params.store} is a file, not a folder")
    return problems


def check_run(params: Params) -> None:
    """Raise one ParamsError listing every problem a run would meet before its work; nothing is written."""
    problems = run_problems(params)
    if problems:
        raise ParamsError("invalid parameters", problems=problems)
