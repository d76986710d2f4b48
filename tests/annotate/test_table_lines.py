"""Table lines of a results story are not prose: no sentence sentiment, no entities (issue 11)."""

from __future__ import annotations

from newsbrief.annotate import Settings, annotate_batch

STORY = (
    "Acme Corp said its results improved sharply in the fourth quarter.\n"
    "    Oper shr profit 34 cts vs loss seven cts\n"
    "    Revs 32.7 mln vs 49.6 mln\n"
    "    Avg shrs 12.1 mln vs 11.9 mln\n"
    "The company said it expects a good year."
)


def test_table_lines_get_no_sentiment_and_no_entities() -> None:
    rows = annotate_batch([("h", STORY)], Settings())
    sentences = rows["sentences"]["text"].tolist()
    assert sentences and not any(" vs " in s for s in sentences)
    assert not any(any(ch.isdigit() for ch in t) for t in rows["mentions"]["text"])
