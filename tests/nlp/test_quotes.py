"""Quote extraction: one tiny made-up case per pattern, and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsbrief.nlp.quotes import Quote, extract_quotes

# The seed article ships in data/samples/ (a copy of ../shared/seed, source named in README).
SEED = Path(__file__).resolve().parents[2] / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"


def _ref(text: str, q: Quote) -> str | None:
    if q.speaker_ref_start is None or q.speaker_ref_end is None:
        return None
    return text[q.speaker_ref_start : q.speaker_ref_end]


def _check_offsets(text: str, rows: list[Quote]) -> None:
    for q in rows:
        assert text[q.content_start : q.content_end] == q.content
        if q.speaker_text is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        else:
            assert q.speaker_start is None and q.speaker_end is None


# (text, content fragment, kind, speaker_text, resolved ref text, is_entity)
CASES = [
    pytest.param(
        '"We will win this election," Smith said.',
        "We will win this election", "direct", "Smith", "Smith", True, id="direct-straight",
    ),
    pytest.param(
        "“We will win this election,” Maria Lopez said on Monday.",
        "We will win this election", "direct", "Maria Lopez", "Maria Lopez", True, id="direct-curly",
    ),
    pytest.param(
        'Senator Tom Baker told the crowd: "The plan is dead and we all know it."',
        "The plan is dead", "direct", "Senator Tom Baker", "Tom Baker", True, id="direct-cue-before-colon",
    ),
    pytest.param(
        '"The budget is a disaster for families. It has to go. Nobody wants it," said Anne Hall.',
        "Nobody wants it", "direct", "Anne Hall", "Anne Hall", True, id="multi-sentence",
    ),
    pytest.param(
        "Mayor John Reed said the city would raise taxes next year.",
        "the city would raise taxes next year", "indirect", "Mayor John Reed", "John Reed", True, id="said-clause",
    ),
    pytest.param(
        "Mayor John Reed said that the city would raise taxes next year.",
        "the city would raise taxes next year", "indirect", "Mayor John Reed", "John Reed", True, id="said-that",
    ),
    pytest.param(
        "The city will raise taxes next year, Mayor John Reed said on Tuesday.",
        "The city will raise taxes next year", "indirect", "Mayor John Reed", "John Reed", True, id="clause-X-said",
    ),
    pytest.param(
        "Governor Ann Cole told reporters on Friday that the bridge would reopen in May.",
        "the bridge would reopen in May", "indirect", "Governor Ann Cole", "Ann Cole", True, id="told-reporters",
    ),
    pytest.param(
        "Union leader Mark Diaz on Monday urged workers to strike, saying wages had fallen for a decade.",
        "wages had fallen for a decade", "indirect", "Union leader Mark Diaz", "Mark Diaz", True, id="urged-saying",
    ),
    pytest.param(
        "The Finance Ministry said in a statement that inflation would slow in the spring.",
        "inflation would slow in the spring", "indirect", "The Finance Ministry", "Finance Ministry", True,
        id="said-in-a-statement",
    ),
    pytest.param(
        "Unemployment rose sharply in March, according to the Labour Department.",
        "Unemployment rose sharply in March", "indirect", "the Labour Department", "Labour Department", True,
        id="according-to",
    ),
    pytest.param(
        'Green said the reform was "a betrayal of everything we fought for" and vowed to resist it.',
        "a betrayal of everything we fought for", "mixed", "Green", "Green", True, id="mixed",
    ),
    pytest.param(
        'Senator Ruth Mills called the deal "a betrayal of working families" on Monday.',
        "a betrayal of working families", "mixed", "Senator Ruth Mills", "Ruth Mills", True, id="naming-verb",
    ),
    pytest.param(
        "Farm owners were more likely to say the drought had cut their income.",
        "the drought had cut their income", "indirect", "Farm owners", "Farm owners", False, id="likely-to-say",
    ),
    pytest.param(
        "Local health officials said the outbreak was under control.",
        "the outbreak was under control", "indirect", "Local health officials", "Local health officials", False,
        id="unnamed-group",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker", "ref", "is_entity"), CASES)
def test_patterns(
    nlp: Language, text: str, fragment: str, kind: str, speaker: str, ref: str, is_entity: bool
) -> None:
    rows = extract_quotes(nlp(text))
    _check_offsets(text, rows)
    hits = [q for q in rows if fragment in q.content]
    assert hits, f"no quote containing {fragment!r} in {rows}"
    q = hits[0]
    assert q.kind == kind
    assert q.speaker_text == speaker
    assert ref in (_ref(text, q) or "")
    assert q.speaker_is_entity is is_entity
    assert q.cue


def test_split_quote_shares_group(nlp: Language) -> None:
    text = '"The talks failed," Prime Minister Sara Ek said, "but we will try again next week."'
    rows = extract_quotes(nlp(text))
    _check_offsets(text, rows)
    assert [q.content for q in rows] == ["The talks failed,", "but we will try again next week."]
    assert rows[0].group == rows[1].group
    assert {_ref(text, q) for q in rows} == {"Sara Ek"}


def test_multi_paragraph_quote_opening_without_closing(nlp: Language) -> None:
    text = (
        'Coach Ben Ortiz said: "We played badly in the first half and the fans saw it.\n\n'
        '"In the second half we fixed the defence and scored twice."\n\n'
        "The club is third in the table."
    )
    rows = extract_quotes(nlp(text))
    _check_offsets(text, rows)
    assert len(rows) == 2
    assert rows[0].group == rows[1].group
    assert rows[1].content.startswith("In the second half")
    assert all(_ref(text, q) == "Ben Ortiz" for q in rows)
    assert not any("third in the table" in q.content for q in rows)


def test_floating_quote_continues_previous_speaker(nlp: Language) -> None:
    text = (
        'Chancellor Eva Brandt said the deal was "good for everyone involved in the talks."\n\n'
        '"We have waited ten years for this moment. Now it is done."'
    )
    rows = extract_quotes(nlp(text))
    _check_offsets(text, rows)
    floating = [q for q in rows if q.content.startswith("We have waited")]
    assert floating and floating[0].kind == "direct"
    assert _ref(text, floating[0]) == "Eva Brandt"


def test_pronoun_resolves_to_earlier_name(nlp: Language) -> None:
    text = (
        "Senator Paula Grant visited the flooded town on Monday.\n\n"
        "She said the state would pay for the repairs."
    )
    rows = extract_quotes(nlp(text))
    _check_offsets(text, rows)
    assert len(rows) == 1
    assert rows[0].speaker_text == "She"
    assert _ref(text, rows[0]) == "Paula Grant"
    assert rows[0].speaker_is_entity


def test_role_description_resolves_to_person(nlp: Language) -> None:
    text = (
        "French President Emmanuel Macron met union leaders in Paris on Monday.\n\n"
        "Britain's prime minister stayed in London.\n\n"
        "France's president said the pension reform would go ahead."
    )
    rows = extract_quotes(nlp(text))
    _check_offsets(text, rows)
    assert len(rows) == 1
    assert rows[0].speaker_text == "France's president"
    assert _ref(text, rows[0]) == "Emmanuel Macron"


def test_headline_skipped_by_default(nlp: Language) -> None:
    text = "Smith says the plan will fail\n\nThe plan was unveiled on Monday by the council."
    assert extract_quotes(nlp(text)) == []
    assert extract_quotes(nlp(text), include_headline=True)


def test_scare_quote_alone_is_not_a_quote(nlp: Language) -> None:
    text = "The so-called 'reform' was passed on Monday by a narrow margin."
    assert extract_quotes(nlp(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        '"',
        '""""""',
        "“ ” “ ‘ ’ ' ' \" « »",
        'He said "yes and no and maybe, said she.',
        "It's the voters' choice, isn't it? 'Tis said ’90s rock.",
        '"Unclosed quote said nobody\n\n"Another unclosed\n\nplain paragraph',
        "said said said told according to according to",
        "” he said, “",
    ],
)
def test_odd_marks_never_raise(nlp: Language, text: str) -> None:
    rows = extract_quotes(nlp(text))
    _check_offsets(text, rows)


def test_unparsed_doc_returns_nothing(nlp: Language) -> None:
    assert extract_quotes(nlp.make_doc('"Hello there, friends," she said.')) == []


# -- the seed article --------------------------------------------------------------------
def _seed_body(raw: str) -> str:
    """The article body as the ingest step hands it over (title, chrome and highlights removed)."""
    after = raw.split("Story highlights", 1)[1]
    paras = [p.strip() for p in after.split("\n\n") if p.strip()]
    paras = paras[1:]  # the highlight paragraph repeats the first body paragraph
    return "\n\n".join(p for p in paras if not p.startswith("(With inputs"))


@pytest.fixture(scope="module")
def seed_body() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed is absent (it sits beside the project on developer and CI machines only)")
    return _seed_body(SEED.read_text(encoding="utf-8"))


ZELENSKY = {"Volodymyr Zelensky", "Zelensky", "Volodymyr Zelenskiy", "Zelenskiy"}

# (content starts with, expected ref check, is_entity)
SEED_EXPECTED = [
    ("a signal needed to be sent to Russia", ZELENSKY, True),
    ("Kiev was committed to defence reforms", ZELENSKY, True),
    ("But reforms alone will not stop Russia", ZELENSKY, True),
    ("NATO is the only way to end the war in Donbas", ZELENSKY, True),
    ("he had received assurances from US", ZELENSKY, True),
    ("We discussed the situation in Donbass", ZELENSKY, True),
    ("it was concerned about a Russian military buildup", {"NATO"}, True),
    ("Ukraine", {"Ukrainian defence officials"}, False),
    ("the drills would involve more than 1,000", {"General Staff of the Armed Forces of Ukraine"}, True),
    ("Ukraine's NATO membership would only 'worsen' situation", {"Kremlin"}, True),
    ("the situation at the contact line", {"Dmitry Peskov"}, True),
]


@pytest.mark.parametrize("nbsp", [False, True], ids=["nbsp-kept", "nbsp-as-space"])
def test_seed_article(nlp: Language, seed_body: str, nbsp: bool) -> None:
    text = seed_body.replace("\u00a0", " ") if nbsp else seed_body
    rows = extract_quotes(nlp(text))
    _check_offsets(text, rows)
    assert len(rows) == 11, [q.content[:40] for q in rows]
    norm = [q.content.replace("\u00a0", " ") for q in rows]
    for (start, refs, is_entity), q, content in zip(SEED_EXPECTED, rows, norm):
        assert content.startswith(start), (start, content)
        ref = (_ref(text, q) or "").replace("\u00a0", " ")
        if refs == {"General Staff of the Armed Forces of Ukraine"}:
            assert "General Staff of the Armed Forces of Ukraine" in ref
        else:
            assert ref in refs, (start, ref)
        assert q.speaker_is_entity is is_entity
    # 3 and 4 are one split quote; the Biden assurance stays inside Zelensky's quote 6
    assert rows[2].group == rows[3].group
    assert "President Biden assured me" in rows[5].content
    assert not any(q.speaker_text and "Biden" in q.speaker_text for q in rows)
    # quote 8 is the drills sentence, quote 11 was told to reporters
    assert norm[7].startswith("Ukraine and Britain will conduct joint military drills")
    assert rows[10].cue == "told reporters"
    assert rows[0].kind == "indirect" and rows[2].kind == "direct" and rows[5].kind == "direct"
