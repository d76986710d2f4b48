"""A browser copy's headline is the story's own: its words open the story, it sits by the byline, it is no caption,
no section label in capitals and no teaser of another story."""

from __future__ import annotations

from newsbrief.ingest.browser import read_browser_copy
from newsbrief.ingest.copy_headline import title_like

STORY = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace its deck, "
         "a decision residents have argued about for a decade.")
LATER = ("Shops on the east bank said they expected fewer customers, and the council promised a shuttle bus that will "
         "run every ten minutes while the works last.")


def _copy(header: list[str]) -> list[str]:
    return ["Home", "News", "Sport", *header, STORY, *[LATER] * 5, "Related stories", "Council budget approved"]


def test_the_headline_whose_words_open_the_story_beats_a_teaser_beside_the_byline() -> None:
    found = read_browser_copy(_copy(["Bridge to close to cars for two years",
                                     "Markets slide as oil prices jump on supply fears", "By Jane Doe",
                                     "19 November 2019"]))
    assert found is not None and found.title == "Bridge to close to cars for two years"


def test_a_section_label_in_capitals_is_no_headline_when_a_written_one_is_there() -> None:
    found = read_browser_copy(_copy(["Bridge to close to cars for two years", "CITY ROADS AND BRIDGES SPECIAL",
                                     "By Jane Doe", "19 November 2019"]))
    assert found is not None and found.title == "Bridge to close to cars for two years"


def test_a_caption_with_its_credit_in_brackets_is_no_headline() -> None:
    assert not title_like("Fleas live on rodents like rats and rabbits ( JANE DOE/EXAMPLE PHOTO LIBRARY)", None)
    assert title_like("Three cases of plague diagnosed in China", None)


def test_a_byline_with_its_outlet_and_a_social_handle_are_no_headline() -> None:
    assert not title_like("Jane Doe, Example Insider", None)
    assert not title_like("Follow us @examplenews for more", None)
    assert title_like("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play", None)
    assert title_like("Introducing Jane Doe, New CEO at Example", None)


def test_a_long_standfirst_under_the_headline_is_no_headline() -> None:
    standfirst = ("The council voted on Tuesday to close the old bridge to cars while engineers replace its deck, a "
                  "decision residents have argued about")
    for header in (["Bridge to close to cars for two years", standfirst],
                   ["Bridge to close to cars for two years", "Editorial", standfirst]):
        found = read_browser_copy(_copy([*header, "By Jane Doe", "19 November 2019"]))
        assert found is not None and found.title == "Bridge to close to cars for two years"


def test_a_video_headline_with_a_verb_is_a_headline_but_a_video_teaser_label_is_not() -> None:
    assert title_like("Video shows the old bridge closing to cars", None)
    assert not title_like("Video Jane Doe opens the new bridge", None)
    assert not title_like("Watch: the council votes on the bridge", None)


def test_a_caption_with_its_credit_glued_on_is_no_headline() -> None:
    assert not title_like("The old bridge is closing for two years.Jane Doe/Example Images", None)


def test_a_short_caption_between_the_date_line_and_the_byline_is_no_headline() -> None:
    found = read_browser_copy(_copy(["Entertainment", "Bridge to close to cars for two years",
                                     "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", "The old bridge at dusk.",
                                     "By Jane Doe, Example.com"]))
    assert found is not None and found.title == "Bridge to close to cars for two years"


def test_a_crosshead_under_the_story_s_first_paragraph_is_no_headline() -> None:
    found = read_browser_copy(["Home", "News", "Sport", "Bridge to close to cars while engineers replace its deck",
                               "Jane Doe", "Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM", STORY,
                               "What Does The Bridge Closure Mean?", *[LATER] * 5, "Related stories"])
    assert found is not None and found.title == "Bridge to close to cars while engineers replace its deck"


def test_a_breadcrumb_is_no_headline() -> None:
    assert not title_like("BLOG > Bridges > Bridge Closures", None)
    assert not title_like("Notícias » Cidade » Ponte fecha para carros", None)
    assert not title_like("Home › Software ›", None)
    assert title_like("Bridge to close to cars for two years", None)
    assert title_like("Shares > $100 for the first time as oil jumps", None)
    assert title_like("Le maire de Ferrow : « Le vieux pont fermera aux voitures »", None)  # quotation marks
    assert title_like("« Le vieux pont fermera aux voitures » selon le maire de Ferrow", None)
    assert not title_like("Actualités › Ferrow", None) and not title_like("Notícias » Cidade", None)


def test_the_breadcrumb_under_a_headline_gives_way_to_it() -> None:
    found = read_browser_copy(_copy(["Drivers face two years of detours", "NEWS > City > Old Bridge Closures",
                                     "November 19, 2019 | BY: Jane Doe"]))
    assert found is not None and found.title == "Drivers face two years of detours"


MENU = ["Menu", "Notícias", "Cidade", "Esporte", "Cultura", "Contato", "Ouvidoria", "Protocolo", "Agenda", "Fotos",
        "Vídeos", "Serviços", "Turismo", "Eventos"]


def test_a_copy_without_a_story_takes_the_headline_above_its_date_line_not_its_first_menu_word() -> None:
    from newsbrief.ingest import parse_page

    raw = "\n".join(["Siga @exemplo", *MENU, "Ponte fecha para carros", "terça-feira, 19 de novembro de 2019 às 20:13",
                     "A ponte velha fecha.", "Tabela", "1 Ferrow 20", "2 Harbor 18", "Contato"])
    assert parse_page(raw, article_id="x").title == "Ponte fecha para carros"


def test_a_copy_without_a_story_keeps_no_menu_word_as_its_headline_above_a_date() -> None:
    from newsbrief.ingest import parse_page

    raw = "\n".join(["Siga @exemplo", *MENU, "Arquivo", "05/10/2018 - Publicado por: Ana Ruiz", "Contato"])
    assert parse_page(raw, article_id="x").title is None  # no headline: no menu word, no social handle


def test_the_headline_candidates_are_handed_out_with_one_value_per_feature_and_the_chosen_one_scores_best() -> None:
    from newsbrief.ingest.copy_headline import FEATURES, HAND_WEIGHTS

    lines = _copy(["Bridge to close to cars for two years", "Markets slide as oil prices jump on supply fears",
                   "By Jane Doe", "19 November 2019"])
    candidates: list[tuple[int, list[float]]] = []
    found = read_browser_copy(lines, candidates=candidates)
    assert found is not None and len(candidates) >= 2 and all(len(x) == len(FEATURES) for _, x in candidates)
    scores = {lines[i]: sum(w * v for w, v in zip(HAND_WEIGHTS, x)) for i, x in candidates}
    assert max(scores, key=lambda line: scores[line]) == found.title


def test_a_short_byline_or_label_is_no_headline_of_a_copy_without_a_story() -> None:
    from newsbrief.ingest.copy_headline import headline_like

    assert headline_like("Ponte fecha") and headline_like("Kindle for PCをショートカットキーで立ち上がらなくする方法")
    assert not headline_like("By Ana") and not headline_like("Siga @exemplo") and not headline_like("Arquivo")
    assert not headline_like("Publicado em:")


def test_a_french_headline_in_guillemets_keeps_its_byline_under_it() -> None:
    found = read_browser_copy(_copy(["Le maire de Ferrow : « Le vieux pont fermera aux voitures »", "Par Claire Martin",
                                     "19 novembre 2019 à 18h30"]))
    assert found is not None and found.title == "Le maire de Ferrow : « Le vieux pont fermera aux voitures »"
    assert found.author == "Claire Martin"


def test_a_headline_with_one_section_the_page_shows_before_it_is_the_headline_without_the_section() -> None:
    found = read_browser_copy(_copy(["Sport » Council votes to close the old bridge to cars", "By Jane Doe",
                                     "November 19, 2019"]))
    assert found is not None and found.title == "Council votes to close the old bridge to cars"
    found = read_browser_copy(_copy(["Review", "Review › 'The Bridge' is a quiet triumph of small-town drama",
                                     "By Jane Doe", "November 19, 2019"]))
    assert found is not None and found.title == "'The Bridge' is a quiet triumph of small-town drama"
    from newsbrief.ingest import parse_page  # the line classifier's headline too

    raw = "\n".join(_copy(["Review", "Review › 'The Bridge' is a quiet triumph of small-town drama", "By Jane Doe",
                            "November 19, 2019"]))
    assert parse_page(raw, article_id="x").title == "'The Bridge' is a quiet triumph of small-town drama"


BRIDGE = "Le vieux pont ferme aux voitures"
TABLE = ["Tableau", "1 Ferrow 20", "2 Harbor 18", "Contact"]


def test_the_headline_above_a_date_line_is_found_past_a_name_a_label_or_a_breadcrumb() -> None:
    from newsbrief.ingest import parse_page

    for between in (["Jane Doe"], ["Local News"], ["Photo gallery", "Latest Galleries"], ["Actualités › Ferrow"]):
        raw = "\n".join([*MENU, BRIDGE, *between, "19 novembre 2019", *TABLE])
        assert parse_page(raw, article_id="x").title == BRIDGE, between


def test_a_lone_time_and_a_year_first_dotted_date_are_date_lines_of_a_copy_without_a_story() -> None:
    from newsbrief.ingest import parse_page

    raw = "\n".join([*MENU, BRIDGE, "Live coverage", "9:41 AM", "Barriers are up at both ends.", "Key events",
                     "November 19, 2019 9:30 AM", *TABLE])
    assert parse_page(raw, article_id="x").title == BRIDGE
    raw = "\n".join(["MENU", "ホーム", "ニュース", "地域", "スポーツ", "ホーム >",
                     "古い橋が二年間車両通行止めになります", "by 山田花子 ／ 2019.11.19", "工事は春に始まります。",
                     "関連記事", "こちらの記事も合わせてどうぞ", "2019年10月01日", "フェリーが朝の便を二便増やします"])
    assert parse_page(raw, article_id="x").title == "古い橋が二年間車両通行止めになります"


def test_a_date_inside_a_sentence_is_no_date_line() -> None:
    from newsbrief.ingest.copy_headline import date_line

    assert date_line("March 3, 2020 at 7:00 PM") and date_line("2019.11.19") and date_line("9:41 AM")
    assert date_line("terça-feira, 19 de novembro de 2019 às 20:13")
    assert not date_line("The vote on the budget is set for March 3, 2020.")
    assert not date_line("Sales at the market rose 5 percent in 2019.")
