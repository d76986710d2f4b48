"""Pure pandas over the annotation tables: frequencies, speaker share, timelines, findings."""

from .entities import entity_frequencies, entity_trend, find_entity
from .periods import UNKNOWN_SOURCE, period_start, source_labels
from .sentiment import article_timeline, corpus_timeline, entity_sentiment, speaker_sentiment
from .speakers import UNATTRIBUTED, quote_table, speaker_share, speaker_share_by, speaker_share_table_by
from .target_tone import EVIDENCE_COLUMNS, SENTENCE, TARGET, entity_tone, has_target_tone, tone_evidence, tone_meaning
from .thin import thin_articles, without_articles

__all__ = [
    "EVIDENCE_COLUMNS", "SENTENCE", "TARGET", "UNATTRIBUTED", "UNKNOWN_SOURCE", "article_timeline", "corpus_timeline",
    "entity_frequencies", "entity_sentiment", "entity_tone", "entity_trend", "find_entity", "has_target_tone",
    "period_start", "quote_table", "source_labels", "speaker_share", "speaker_share_by",
    "speaker_share_table_by", "speaker_sentiment", "thin_articles", "tone_evidence", "tone_meaning", "without_articles",
]
