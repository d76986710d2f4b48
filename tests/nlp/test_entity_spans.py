"""Span boundaries of names: organisations cut at an "of" chain joined, events and storms dropped (invented
names only)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsbrief.nlp.entities.mentions import candidates, doc_mentions
from newsbrief.nlp.entities.spans import join_of_chains
from newsbrief.nlp.entities.titles import defined_terms, is_title_of_work, storm_name


def _doc(nlp: Language, words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in ents]
    return doc


def _texts(spans: list[Span]) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in spans]


def test_an_organisation_head_before_of_joins_the_name_the_model_tagged_after_it(nlp: Language) -> None:
    words = "The General Staff of the Armed Forces of Belarvia said so .".split()
    doc = _doc(nlp, words, [(4, 9, "ORG")])
    assert _texts(join_of_chains(doc, list(doc.ents))) == [("General Staff of the Armed Forces of Belarvia", "ORG")]


def test_a_chain_of_heads_joins_a_country_the_model_tagged_alone_over_non_breaking_spaces(nlp: Language) -> None:
    words = ["The", "General", "Staff", "of", "the", "Armed", "Forces", "of", "\u00a0", "Belarvia", "\u00a0", "said"]
    spaces = [True, True, True, True, True, True, True, False, False, False, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, 9, 10, label="GPE")]
    joined = join_of_chains(doc, list(doc.ents))
    assert [(s.text, s.label_) for s in joined] == [("General Staff of the Armed Forces of\u00a0Belarvia", "ORG")]


def test_a_head_after_of_belongs_to_a_title_and_joins_nothing(nlp: Language) -> None:
    words = "The Chief of Staff of the Armed Forces of Belarvia spoke .".split()
    doc = _doc(nlp, words, [(5, 10, "ORG")])
    assert _texts(join_of_chains(doc, list(doc.ents))) == [("the Armed Forces of Belarvia", "ORG")]


def test_a_place_head_tagged_alone_takes_the_name_after_of(nlp: Language) -> None:
    words = "Boats crossed the Gulf of Ostravia at dawn .".split()
    doc = _doc(nlp, words, [(3, 4, "LOC"), (5, 6, "GPE")])
    assert _texts(join_of_chains(doc, list(doc.ents))) == [("Gulf of Ostravia", "LOC")]


def test_an_organisation_ending_in_a_head_takes_an_of_chain_after_it(nlp: Language) -> None:
    words = "the Supreme Court of the State of Ostravia ruled .".split()
    doc = _doc(nlp, words, [(1, 3, "ORG"), (7, 8, "GPE")])
    assert _texts(join_of_chains(doc, list(doc.ents))) == [("Supreme Court of the State of Ostravia", "ORG")]


def test_a_person_of_a_place_stays_two_names_when_the_surname_is_a_head_word(nlp: Language) -> None:
    words = "Dorrit Lake of Kelmford Museum spoke .".split()  # "Lake" takes an "of" complement as a place's head
    doc = _doc(nlp, words, [(0, 2, "PERSON"), (3, 5, "ORG")])
    assert _texts(join_of_chains(doc, list(doc.ents))) == [("Dorrit Lake", "PERSON"), ("Kelmford Museum", "ORG")]


def test_a_plural_noun_opening_a_sentence_is_no_head_of_a_name(nlp: Language) -> None:
    words = "Staff of the Kelmford Museum left .".split()
    doc = _doc(nlp, words, [(2, 5, "ORG")])
    assert _texts(join_of_chains(doc, list(doc.ents))) == [("the Kelmford Museum", "ORG")]


def test_names_of_events_and_storms_are_recognised(nlp: Language) -> None:
    def span(text: str) -> Span:
        doc = Doc(nlp.vocab, words=text.split())
        return doc[:]

    for text in ("Kelmford Air Show", "Ostravian Cup 2019", "Quorvex Civil War", "Paralympics",
                 "Kelmford Film Festival"):
        assert is_title_of_work(span(text)), text
    for text in ("Quorvex Games", "Ministry of War", "Kelmford Conference", "Show"):
        assert not is_title_of_work(span(text)), text
    assert not is_title_of_work(span("Dorrit Fair"), label="PERSON")  # "Fair": a common census surname
    assert is_title_of_work(span("Magic Jubilee"), label="PERSON")  # a rare one: the model's PERSON is wrong
    for text in ("Hurricane Quillan", "Tropical Storm Quillan"):
        assert storm_name(span(text)) == "quilan", text
    for text in ("Tropical Quorvex", "Hurricane Drilling Ltd", "Hurricane Quorvex Drilling", "Quillan"):
        assert storm_name(span(text)) is None, text
    assert storm_name(span("Cyclone")) == ""  # the storm word alone: no entity, no bare name to drop


def test_an_article_names_the_organisation_in_full_and_no_event(nlp: Language) -> None:
    text = ("The General Staff of the Armed Forces of Belarvia said in a statement that the drills would start. "
            "Hurricane Quillan hit the coast on Monday, and the Kelmford Air Show was called off.")
    names = {m["text"] for m in doc_mentions(nlp(text))}
    assert "General Staff of the Armed Forces of Belarvia" in names
    assert not any("Quillan" in n or "Air Show" in n for n in names)



def test_a_gulf_named_after_a_country_is_a_place_and_no_body_named_after_it(nlp: Language) -> None:
    from newsbrief.nlp.entities.cues import cue_label

    doc = Doc(nlp.vocab, words="Boats crossed the Gulf of Paraguay while the Bank of Paraguay watched .".split())
    assert cue_label(doc[3:6]) == ("LOC", True)  # not "a body named after its country" ("Air Paraguay")
    assert cue_label(doc[8:11]) == ("ORG", True)
    doc = Doc(nlp.vocab, words="Talks with the Republic of Uruguay went on .".split())
    assert cue_label(doc[3:6]) == ("GPE", True)


def test_a_lower_case_geographic_head_is_no_part_of_the_name(nlp: Language) -> None:
    mentions = doc_mentions(nlp("Fighting spread in Qarvan province on Monday, officials said."))
    assert [(m["text"], m["label"]) for m in mentions] == [("Qarvan", "GPE")]


def test_a_name_before_a_lower_case_building_noun_is_a_building(nlp: Language) -> None:
    from newsbrief.nlp.entities.cues import cue_label

    doc = Doc(nlp.vocab, words="He made a trip to Dorrit Vandersloot hospital on Saturday .".split())
    assert cue_label(doc[5:7]) == ("FAC", True)
    doc = Doc(nlp.vocab, words="He flew out of Paraguay airport .".split())  # a country's airport: still the country
    assert cue_label(doc[4:5]) != ("FAC", True)


def _named(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(m["text"], m["label"]) for m in doc_mentions(nlp(text))]


def test_a_person_after_an_organisations_of_stays_a_person(nlp: Language) -> None:
    named = _named(nlp, "The Ostravian Government of Prime Minister Dorrit Vandersloot said on Monday it would "
                        "raise taxes.")
    assert ("Dorrit Vandersloot", "PERSON") in named
    assert not any("Government" in n and "Vandersloot" in n for n, _ in named)
    named = _named(nlp, "The Kelmford Cabinet of President Imra Kelm met on Monday. Kelm said the meeting went well.")
    assert ("Kelmford Cabinet", "ORG") in named
    assert not any("Cabinet" in n and "Imra" in n for n, _ in named)


def test_a_name_the_model_tagged_after_of_is_not_swallowed_by_the_name_before(nlp: Language) -> None:
    named = _named(nlp, "Dorrit Post of the Kelmford Chamber of Commerce said trade would grow.")
    assert not any("Post" in n and "Chamber" in n for n, _ in named)
    assert "Dorrit Post" in [n for n, _ in named]  # the model's own span (its label is the model's to get right)


def test_a_person_whose_surname_is_a_head_word_stays_a_person(nlp: Language) -> None:
    named = _named(nlp, '"We will not close the clinic," said Dorrit Lake of the Kelmford Institute on Monday.')
    assert ("Dorrit Lake", "PERSON") in named
    assert ("Kelmford Institute", "ORG") in named
    named = _named(nlp, "Police said Dorrit Bay of the Kelmford Times had been arrested.")
    assert not any("Bay" in n and "Times" in n for n, _ in named)
    named = _named(nlp, "Researchers led by Marten Church of the Ostravian Heart Foundation found the drug worked. "
                        "Church said more trials were needed.")
    assert not any("Church" in n and "Foundation" in n for n, _ in named)


def test_a_person_named_like_an_event_is_kept(nlp: Language) -> None:
    named = _named(nlp, '"The results are strong," said Dorrit Fair, the chief executive of Kelmford Mining.')
    assert ("Dorrit Fair", "PERSON") in named
    named = _named(nlp, '"The results are strong," said Dorrit Derby, the chief executive of Kelmford Mining. '
                        "Derby declined to comment further.")
    assert ("Dorrit Derby", "PERSON") in named


def test_an_organisation_named_like_an_event_or_a_storm_is_kept(nlp: Language) -> None:
    named = _named(nlp, "Quorvex Fair magazine reported the deal. Editors at Quorvex Fair said the story was accurate.")
    assert [n for n, _ in named].count("Quorvex Fair") == 2
    named = _named(nlp, "Hurricane Drilling Ltd said on Monday it would cut 300 jobs.")
    assert any(n.startswith("Hurricane Drilling") for n, _ in named)


def test_a_storms_bare_name_keeps_a_person_of_that_surname(nlp: Language) -> None:
    named = _named(nlp, "Hurricane Quillan hit the coast on Monday. Tomas Quillan, the mayor, said power was out. "
                        "Quillan said repairs would take weeks.")
    assert [n for n, _ in named] == ["Tomas Quillan", "Quillan"]
    named = _named(nlp, "Hurricane Quillan hit the coast on Monday. Later Quillan weakened over land.")
    assert not any("Quillan" in n for n, _ in named)


def test_an_organisation_suffix_outweighs_a_place_head_before_of(nlp: Language) -> None:
    named = _named(nlp, "The Republic of Ostravia Army said its troops had crossed the border.")
    army = [lab for n, lab in named if "Army" in n]
    assert army and all(lab == "ORG" for lab in army)
    named = _named(nlp, "The City of Kelmford Council said on Monday that bins would be collected weekly.")
    council = [lab for n, lab in named if "Council" in n]
    assert council and all(lab == "ORG" for lab in council)


def test_a_person_before_a_building_noun_and_another_noun_stays_a_person(nlp: Language) -> None:
    named = _named(nlp, "The judge upheld the Vandersloot prison sentence on Monday. Vandersloot said she would "
                        "appeal.")
    assert named == [("Vandersloot", "PERSON"), ("Vandersloot", "PERSON")]


def test_common_words_opening_a_sentence_are_no_head_of_a_name(nlp: Language) -> None:
    named = _named(nlp, "Senior Staff of the Kelmford Museum said on Monday the roof leaked.")
    assert ("Kelmford Museum", "ORG") in named
    assert not any("Staff" in n for n, _ in named)


def test_a_person_with_a_given_name_and_a_rare_event_surname_stays_a_person(nlp: Language) -> None:
    named = _named(nlp, '"The archive is incomplete," said Anna Fest, a historian at Kelmford University. '
                        "Fest said more was lost.")
    assert ("Anna Fest", "PERSON") in named
    named = _named(nlp, '"We will appeal," said David Tour, the mayor of Kelmford. Tour said the ruling was unfair.')
    assert ("David Tour", "PERSON") in named


def test_an_organisation_head_before_for_or_of_keeps_a_name_ending_in_an_event_word(nlp: Language) -> None:
    named = _named(nlp, '"The threat is growing," the Ostravian Institute for the Study of War said in a report '
                        "on Monday.")
    assert any("Institute" in n and lab == "ORG" for n, lab in named)
    doc = Doc(nlp.vocab, words="Representation of the People Act".split())
    assert is_title_of_work(doc[:])  # a law: "of" after no organisation's head


def test_a_storm_word_before_a_common_word_names_a_company(nlp: Language) -> None:
    named = _named(nlp, "Cyclone Robotics said on Monday it had raised $20m. Cyclone Robotics shares rose.")
    assert ("Cyclone Robotics", "ORG") in named
    doc = Doc(nlp.vocab, words="Cyclone Robotics".split())
    assert storm_name(doc[:]) is None


def test_a_body_or_street_ending_in_a_word_of_events_is_kept(nlp: Language) -> None:
    named = _named(nlp, "The Ostravian Professional Golf Tour fined him on Monday, and the Tour said the ban would "
                        "stand.")
    assert any(n.endswith("Golf Tour") for n, _ in named)
    named = _named(nlp, "The Ostravian Constitutional Convention voted on Monday to end the monarchy.")
    assert any(n.endswith("Constitutional Convention") for n, _ in named)
    named = _named(nlp, "Two shops on Kelmford Parade were robbed on Monday, police said.")
    assert any(n.endswith("Kelmford Parade") for n, _ in named)


def test_an_era_after_a_year_is_no_organisation(nlp) -> None:
    names = [s.text for s, _, _ in candidates(nlp(
        "The Zorvic temple was built in 480 BC and rebuilt in the 2nd century AD. Zorvic priests ruled until "
        "AD 79, when the Kelmford Academy took over. The BC Lions and the CE Group were founded later."))]
    assert "BC" not in names and "AD" not in names
    assert "Kelmford Academy" in names
    assert "BC Lions" in names and "CE Group" in names


def test_an_era_mark_with_no_year_or_before_a_noun_or_verb_is_kept(nlp) -> None:
    names = [s.text for s, _, _ in candidates(nlp("The museum holds coins from 300 BC, and BC Hydro said the "
                                                  "BC government would pay."))]
    assert names.count("BC") == 1 and "BC Hydro" in names  # "300 BC," a date; "the BC government" no year
    for text in ("In 2021 B.C. recorded 500 wildfire deaths, the province said.",
                 "About 300 B.C. residents were evacuated on Monday, officials in British Columbia said."):
        assert "B.C." in [s.text for s, _, _ in candidates(nlp(text))]
    names = [s.text for s, _, _ in candidates(nlp("The site dates from 480 B.C. to AD 79, the Kelmford Academy "
                                                  "said."))]
    assert "B.C." not in names and "Kelmford Academy" in names


def test_an_acronym_defined_by_lower_case_words_is_no_name_and_one_of_an_unknown_name_stays(nlp) -> None:
    assert defined_terms("Quorvex will merge with a special purpose acquisition company (SPAC) soon.", []) == {"SPAC"}
    assert defined_terms("Investors poured $2bn into the exchange-traded fund (ETF) last week.", []) == {"ETF"}
    assert defined_terms("People for Quorvex Rights (PQR) marched on Monday.", []) == set()
    names = [s.text for s, _, _ in candidates(nlp(
        "People for Quorvex Rights (PQR) marched on Monday. PQR leader Anna Vellacott said the march was peaceful."))]
    assert "PQR" in names


def test_an_acronym_the_text_defines_by_a_term_is_no_organisation(nlp) -> None:
    names = [s.text for s, _, _ in candidates(nlp(
        "Most homes in Zorvia use the Compact Fluorescent Light (CFL) now; a CFL costs little. The Kelmford "
        "Widget Association (KWA) agrees, and the Kelmford Space Agency (KSA) launched a probe. The KWA said so."))]
    assert "CFL" not in names
    assert "KWA" in names and "KSA" in names  # defined by an organisation's name


def test_defined_terms_need_the_initials_and_no_name_over_the_words() -> None:
    text = "Zorvia's gross domestic product (GDP) fell, and the Widget Board (WB) met. A big fine (XYZ) came."
    assert defined_terms(text, []) == {"GDP"}  # a Board is an organisation; XYZ spells no words before it
    assert defined_terms(text, [(text.index("gross"), text.index(" (GDP)"))]) == set()  # the model's name
