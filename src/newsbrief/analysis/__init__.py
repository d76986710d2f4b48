"""The analyses over the annotation tables: counts and timelines in SQL (DuckDB over a store or over an
article's tables in memory, :func:`~newsbrief.analysis.db.as_database`), per-article statistics and findings'
numbers."""

from .db import Db, as_database
from .db_counts import corpus_timeline, entity_frequencies, speaker_share, thin_articles
from .entities import entity_trend, find_entity
from .periods import UNKNOWN_SOURCE, period_start, source_labels
from .sentiment import article_timeline, entity_sentiment, speaker_sentiment
from .speakers import UNATTRIBUTED, quote_table, speaker_share_by, speaker_share_table_by
from .target_tone import EVIDENCE_COLUMNS, SENTENCE, TARGET, entity_tone, has_target_tone, tone_evidence, tone_meaning

__all__ = [
    "EVIDENCE_COLUMNS", "SENTENCE", "TARGET", "UNATTRIBUTED", "UNKNOWN_SOURCE", "Db", "article_timeline", "as_database",
    "corpus_timeline", "entity_frequencies", "entity_sentiment", "entity_tone", "entity_trend", "find_entity",
    "has_target_tone", "period_start", "quote_table", "source_labels", "speaker_share", "speaker_share_by",
    "speaker_share_table_by", "speaker_sentiment", "thin_articles", "tone_evidence", "tone_meaning",
]
