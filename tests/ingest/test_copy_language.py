"""A browser copy in another language is read with that language's function words: its story, not the whole page."""

from __future__ import annotations

from newsbrief.ingest.browser import read_browser_copy
from newsbrief.ingest.copy_language import stopwords_of
from newsbrief.ingest.copy_patterns import STOPWORDS

STORY_PT = [
    "A prefeitura anunciou nesta terça-feira que a ponte velha ficará fechada para os carros durante dois anos, "
    "enquanto os engenheiros trocam toda a estrutura do tabuleiro, uma decisão "
    "que os moradores discutem há uma década.",
    "Os comerciantes das duas margens disseram que esperam menos clientes e pediram que a prefeitura mantenha um "
    "ônibus gratuito que passe a cada dez minutos enquanto durarem as obras na ponte.",
    "Segundo a secretaria de obras, a primeira pista será fechada no fim do mês e uma passarela provisória vai "
    "permitir que os pedestres atravessem o rio sem ter de dar a volta pela ponte nova.",
    "Os vereadores da oposição criticaram o prazo e disseram que a cidade não tem um plano para os desvios, mas a "
    "maioria aprovou o projeto depois de uma sessão que durou mais de seis horas.",
    "A associação dos moradores disse que vai pedir à justiça que reveja a decisão antes do fim do mês, quando a "
    "primeira pista deve ser fechada, e que vai organizar uma reunião com os comerciantes na próxima semana.",
]
MENU = ["Início", "Notícias", "Esportes", "Economia", "Política", "Cultura", "Entrar", "Assine", "Notícias da Cidade",
        "Classificação", "Calendário", "Últimas", "Mais lidas"]


def test_a_portuguese_copy_is_told_by_portuguese_function_words() -> None:
    lines = [*MENU, "Ponte velha fecha para carros por dois anos", *STORY_PT, *MENU]
    assert stopwords_of(lines) is not STOPWORDS and "para" in stopwords_of(lines)
    found = read_browser_copy(lines)
    assert found is not None
    assert found.body == STORY_PT


def test_an_english_copy_keeps_the_readers_own_function_words() -> None:
    lines = ["Home", "News", "The council voted on Tuesday to close the old bridge to cars for two years while "
             "engineers replace its deck, a decision residents have argued about for a decade."]
    assert stopwords_of(lines) is STOPWORDS


def test_a_short_run_of_foreign_prose_is_no_story() -> None:
    lines = [*MENU, STORY_PT[0], *MENU, *MENU]
    assert read_browser_copy(lines) is None  # a page of links and a teaser: the whole copy is read instead


def test_a_copy_where_no_story_stands_out_still_loses_its_menu_labels() -> None:
    from newsbrief.ingest import parse_page

    menu = ["MENU", "A CIDADE", "Conselhos Municipais", "CMAS", "Galeria", "História da Cidade", "Mapas", "Contato",
            "Ouvidoria", "Notícias", "Serviços", "Acesso à Informação"]
    story = ["Atendimento Domiciliar registra arrombamento em veículos",
             "A equipe do atendimento domiciliar registrou na manhã desta terça-feira o arrombamento de dois veículos "
             "no pátio da unidade."]
    article = parse_page("\n".join(menu + story + ["Contato", "Mapas"]), article_id="x")
    assert "MENU" not in article.text and "CMAS" not in article.text and "Contato" not in article.text
    assert story[1] in article.text
