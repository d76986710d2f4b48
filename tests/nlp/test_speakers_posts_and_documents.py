"""Posts and documents as sources: an embedded post's text is its signer's words, and a document of a named body
speaks for that body. Made-up text, one case per shape."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsbrief.nlp.quotes import Quote, extract_quotes


def _said(text: str, rows: list[Quote]) -> list[tuple[str, str | None, bool]]:
    return [(q.content, text[q.speaker_ref_start : q.speaker_ref_end] if q.speaker_ref_start is not None else None,
             q.speaker_is_entity) for q in rows]


@pytest.mark.parametrize("post", [
    "Our streets are finally safe again, thanks to everyone who helped. pic.twitter.com/abC12dEf\n\n"
    "— Mara Telvin (@maratelvin) March 3, 2021",
    "Our streets are finally safe again, thanks to everyone who helped.\n\n"
    "— Mara Telvin (@maratelvin) March 3, 2021",
    "Our streets are finally safe again, thanks to everyone who helped. https://t.co/x1Y2z3 "
    "- Mara Telvin (@maratelvin) Mar. 3, 2021",
])
def test_an_embedded_post_is_a_statement_of_its_signer(nlp: Language, post: str) -> None:
    text = "The mayor wrote on Sunday night.\n\n" + post + "\n\nShe deleted the post an hour later."
    rows = extract_quotes(nlp(text))
    assert ("Our streets are finally safe again, thanks to everyone who helped.", "Mara Telvin", True) in _said(
        text, rows
    )


def test_a_post_signed_by_no_person_or_organisation_has_no_named_speaker(nlp: Language) -> None:
    text = ("The council met on Monday.\n\nWe will not stop until every child has a school place\n\n"
            "— brightsidenews (@bsn) June 12, 2020")
    assert not any(named for _c, _r, named in _said(text, extract_quotes(nlp(text))))


@pytest.mark.parametrize(("text", "body"), [
    ("A report by the Kelmford Institute found that rents rose by a fifth last year.", "the Kelmford Institute"),
    ("Findings from the Arlow Society show that most owls nest in towns.", "the Arlow Society"),
    ("Tests by Brannock Labs reveal that the phone overheats under load.", "Brannock Labs"),
])
def test_a_document_by_a_named_body_speaks_for_the_body(nlp: Language, text: str, body: str) -> None:
    assert [ref for _c, ref, _n in _said(text, extract_quotes(nlp(text)))] == [body]


@pytest.mark.parametrize("text", [
    "The Kelmford Institute's study says that rents rose by a fifth last year.",
    "According to the Dunmore Trust's annual review, most branches lost money in 2021.",
])
def test_a_named_bodys_own_document_speaks_for_the_body(nlp: Language, text: str) -> None:
    rows = _said(text, extract_quotes(nlp(text)))
    assert len(rows) == 1 and rows[0][2] and rows[0][1] is not None and "'s" not in rows[0][1].replace("’s", "'s")[-3:]


@pytest.mark.parametrize("text", [
    "The agency's report says that rents rose by a fifth last year.",
    "A survey of Kelmford voters found that most want lower taxes.",
    "A study found that most owls nest in towns.",
    "The Arlow Society's survey found no link between owls and towns.",
    "A study by the Arlow Society and the Dunmore Trust found that most owls nest in towns.",
])
def test_a_document_of_no_named_author_gives_no_named_speaker(nlp: Language, text: str) -> None:
    assert not any(named for _c, _r, named in _said(text, extract_quotes(nlp(text))))
