"""The briefing's speaker table over invented articles run through annotation: the person each article is
about stays its top named speaker when unnamed voices ("the expert", "the reporter", "the doctor") speak
between that person's quotes (issue 21, docs/speakers.md "Second review fixes")."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief import analysis
from newsbrief.annotate import annotate_articles
from newsbrief.annotate.runner import assemble
from newsbrief.ingest import Article

_ARTICLES = {
    "reporter": "Tom Hadley sat down with the Gazette on Monday to talk about the budget.\n\n"
                '"Do you regret the cuts?" the reporter asked.\n\n"Not for a second," he said.',
    "expert": "Tom Hadley, the health minister, defended the new rules on Monday.\n\n"
              '"They come far too late," the expert said.\n\n"We acted as soon as we had the data," he said.',
    "doctor": "Health minister Tom Hadley visited the hospital on Monday.\n\n"
              '"We need more beds," the doctor said.\n\n"The money is on its way," he said.',
    "player": "Coach Tom Hadley praised his team after the win on Saturday.\n\n"
              '"We played for him," the player said.\n\n"I am proud of them," he said.',
}


@pytest.mark.slow
def test_the_person_an_article_is_about_stays_the_top_speaker(tmp_path: Path) -> None:
    arts = [Article(article_id=k, text=v) for k, v in _ARTICLES.items()]
    annotate_articles(arts, store=tmp_path, engine="local", workers=1)
    tables = assemble(arts, store=tmp_path)
    share = analysis.speaker_share(analysis.as_database(tables), examples=False)
    top = share.sort_values("quotes", ascending=False).iloc[0]
    assert top["speaker"] == "Tom Hadley" and bool(top["named"])
    assert int(top["quotes"]) == 4 and int(top["articles"]) == 4
    assert "reporter" not in set(share[share["quotes"] > 1]["speaker"])
