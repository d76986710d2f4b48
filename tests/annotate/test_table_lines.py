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


def test_sentence_rows_look_for_tables_exactly_when_the_entity_layer_does() -> None:
    from newsbrief.nlp.entities.cues import skip_spans

    # a line of table words whose only figure is a superscript: str.isdigit says digit, a decimal digit it is not
    story = ("Acme Corp said its results improved sharply in the fourth quarter.\n\n"
             "Oper shr profit vs loss net revs²\n\n"
             "The company said it expects a good year.")
    line = story.index("Oper")
    skipped_for_entities = any(a <= line < b for a, b in skip_spans(story))
    sentences = annotate_batch([("h", story)], Settings())["sentences"]["text"].tolist()
    kept_as_prose = any("Oper shr" in s for s in sentences)
    assert kept_as_prose is not skipped_for_entities
