"""Interactive exploration (notebooks/explore.ipynb in JupyterLab) and SQL over an annotation store."""

from .explore import ExploreApp, Explorer, explore
from .focus import (
    Filters,
    filter_tables,
    focus_sentences,
    make_filters,
    periods,
    quotes_about,
    quotes_by,
    sentences_at,
    timeline,
    tone,
)
from .query import QueryError, sql
from .slices import Focus, date_bounds, entity_choices, find_focus, source_choices, speaker_choices
from .stores import annotate_into, latest_run_store, resolve_store
from .view import View, make_view

__all__ = [
    "ExploreApp", "Explorer", "Filters", "Focus", "QueryError", "View", "annotate_into", "date_bounds",
    "entity_choices", "explore", "filter_tables", "find_focus", "focus_sentences", "latest_run_store",
    "make_filters", "make_view", "periods", "quotes_about", "quotes_by", "resolve_store", "sentences_at", "sql",
    "source_choices", "speaker_choices", "timeline", "tone",
]
