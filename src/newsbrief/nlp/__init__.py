"""NLP: the spaCy pipeline and what newsbrief adds to it (entities, quotes, sentiment, tone)."""

#: Name of newsbrief's paragraph component (registered by :mod:`newsbrief.nlp.paragraphs`).
PARAGRAPHS_COMPONENT = "newsbrief_paragraphs"
#: Name of newsbrief's look-up version of the model's attribute ruler (:mod:`newsbrief.nlp.attributes`).
ATTRIBUTES_COMPONENT = "newsbrief_attribute_ruler"
#: Name of newsbrief's cached version of the model's rule lemmatizer (:mod:`newsbrief.nlp.lemmas`).
LEMMAS_COMPONENT = "newsbrief_lemmatizer"
