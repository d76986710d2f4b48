"""Aggregations behind the briefings: pure pandas over the annotation tables."""

from .entities import entity_frequencies, entity_trend
from .findings import key_findings
from .sentiment import article_timeline, corpus_timeline
from .speakers import UNATTRIBUTED, quote_table, speaker_share, speaker_share_by, speaker_share_table_by

__all__ = [
    "UNATTRIBUTED", "article_timeline", "corpus_timeline", "entity_frequencies", "entity_trend", "key_findings",
    "quote_table", "speaker_share", "speaker_share_by", "speaker_share_table_by",
]
