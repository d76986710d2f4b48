"""Share of voice says how much of each source shown is agency copy (the `wire` column)."""

from __future__ import annotations

import pandas as pd

from newsbrief.analysis import db_spikes as dsp
from newsbrief.analysis.db import as_database
from newsbrief.present.sections import share_of_voice, wire_note


def _articles(wire: bool = True) -> pd.DataFrame:
    rows = [("Times Union", "AP"), ("Times Union", "AP"), ("Times Union", "Reuters"), ("Times Union", None),
            ("Times Union", None), ("Example Post", None), ("Example Post", None), ("Example Post", ""),
            ("Tiny Gazette", "AP")]
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(rows))],
                          "source": [s for s, _ in rows], "wire": [w for _, w in rows],
                          "published": pd.to_datetime(["2024-05-01"] * len(rows), utc=True),
                          "n_words": [100] * len(rows), "title": ["t"] * len(rows), "text": ["x"] * len(rows)})
    return frame if wire else frame.drop(columns="wire")


def test_each_shown_source_counts_its_agency_copy_by_agency() -> None:
    table = dsp.wire_of_sources(as_database({"articles": _articles()}))
    assert list(table["source"]) == ["Times Union", "Example Post"]  # a source under 3 articles is not shown
    union = table.set_index("source").loc["Times Union"]
    assert (union["articles"], union["wire"], union["agencies"]) == (5, 3, "AP, Reuters")
    assert table.set_index("source").loc["Example Post", "wire"] == 0  # a blank wire is no agency


def test_a_store_without_the_wire_column_gives_no_wire_note() -> None:
    table = dsp.wire_of_sources(as_database({"articles": _articles(wire=False)}))
    assert table.empty and wire_note(table) is None


def test_the_note_names_only_sources_that_ran_agency_copy() -> None:
    table = pd.DataFrame({"source": ["Times Union", "Example Post"], "articles": [40, 25], "wire": [12, 0],
                          "agencies": ["AP, Reuters", ""]})
    note = wire_note(table)
    assert note is not None and "Times Union 12 of 40 articles (AP, Reuters)" in note and "Example Post" not in note
    assert wire_note(table.assign(wire=0)) is None


def test_share_of_voice_shows_the_wire_note_under_its_heading() -> None:
    shares = pd.DataFrame({"Jane Doe": [0.5, 0.2]}, index=pd.Index(["Times Union", "Example Post"], name="source"))
    wire = pd.DataFrame({"source": ["Times Union", "Example Post"], "articles": [5, 3], "wire": [3, 0],
                         "agencies": ["AP, Reuters", ""]})
    parts = share_of_voice(shares, pd.DataFrame(), wire=wire)
    assert parts is not None
    assert "Times Union 3 of 5 articles (AP, Reuters)" in parts.parts[0].text
