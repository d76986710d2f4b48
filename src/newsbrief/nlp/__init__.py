"""NLP: the spaCy pipeline and what newsbrief adds to it (entities, quotes, sentiment, tone)."""

#: Name of newsbrief's paragraph component (registered by :mod:`newsbrief.nlp.paragraphs`).
PARAGRAPHS_COMPONENT = "newsbrief_paragraphs"
