"""The sentences behind an entity's tone as HTML: the scored mention in <mark>, everything else escaped."""

from __future__ import annotations

import pandas as pd
import pytest

from newsbrief.present.evidence import evidence_block, highlight


def rows(*items: tuple[str, int, int, float]) -> pd.DataFrame:
    return pd.DataFrame([{
        "published": pd.Timestamp("2021-04-06 12:29", tz="UTC"), "source": "WION", "title": "A <b>title</b>",
        "article_id": "a", "sent_id": i, "sentence": s, "mark_start": a, "mark_end": b, "mention": s[a:b], "tone": t,
        "basis": "target"} for i, (s, a, b, t) in enumerate(items)])


def test_highlight_keeps_the_spaces_around_the_mention() -> None:
    assert highlight("Kyiv said\n  NATO  must act.", 12, 16) == {"before": "Kyiv said ", "mention": "NATO",
                                                                "after": " must act."}
    assert highlight("NATO.", 0, 4) == {"before": "", "mention": "NATO", "after": "."}
    cut = highlight("x" * 500 + " NATO " + "y" * 500, 501, 505, context=20)
    assert cut["before"] == "\u2026" + "x" * 18 + " " and cut["after"] == " " + "y" * 18 + "\u2026"


def test_the_mark_sits_on_the_scored_mention_of_several_in_one_sentence() -> None:
    s = "NATO met; NATO and Russia’s NATO envoy — «NATO» — spoke."
    starts = [i for i in range(len(s)) if s.startswith("NATO", i)]
    assert len(starts) == 4
    block = evidence_block(rows(*[(s, a, a + 4, t) for a, t in zip(starts, [0.1, -0.2, 0.3, -0.45])]))
    markup = block.markup
    assert markup.count("<mark>") == 4
    assert "<td><mark>NATO</mark> met; NATO and Russia’s NATO envoy — «NATO» — spoke.</td>" in markup
    assert "<td>NATO met; <mark>NATO</mark> and Russia’s NATO envoy — «NATO» — spoke.</td>" in markup
    assert "<td>NATO met; NATO and Russia’s <mark>NATO</mark> envoy — «NATO» — spoke.</td>" in markup
    assert "<td>NATO met; NATO and Russia’s NATO envoy — «<mark>NATO</mark>» — spoke.</td>" in markup
    tones = [line.rsplit("\t", 1)[1] for line in block.text.splitlines()[1:]]
    assert tones == ["+0.10", "\u22120.20", "+0.30", "\u22120.45"]
    assert "[[NATO]] met;" in block.text


def test_non_ascii_mentions_are_marked_exactly() -> None:
    s = "Зеленський закликав НАТО: «Зеленський» — Zelenskyy’s word."
    a = s.index("НАТО")
    b = s.rindex("Зеленський")
    markup = evidence_block(rows((s, a, a + 4, -0.3), (s, b, b + 10, 0.2))).markup
    assert "Зеленський закликав <mark>НАТО</mark>: «Зеленський»" in markup
    assert "закликав НАТО: «<mark>Зеленський</mark>» — Zelenskyy’s word." in markup


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "<mark onmouseover=x>", "a & b \"q\" 'r'"])
def test_article_text_is_escaped_everywhere(hostile: str) -> None:
    s = f"{hostile} NATO {hostile}"
    a = s.index("NATO")
    markup = evidence_block(rows((s, a, a + 4, 0.0)), caption=f"About {hostile}", note=hostile).markup
    assert "<script" not in markup and "<mark onmouseover" not in markup
    assert markup.count("<mark>") == 1 and "<mark>NATO</mark>" in markup
    assert "A &lt;b&gt;title&lt;/b&gt;" in markup
    hostile_mention = "<i>NATO</i>"
    s2 = f"Say {hostile_mention} now."
    escaped = evidence_block(rows((s2, 4, 4 + len(hostile_mention), 0.5))).markup
    assert "<mark>&lt;i&gt;NATO&lt;/i&gt;</mark>" in escaped


def test_caption_counts_and_limits() -> None:
    many = rows(*[("NATO spoke.", 0, 4, 0.1)] * 5)
    block = evidence_block(many, caption="Sentences behind NATO", limit=2)
    assert "Sentences behind NATO (first 2 of 5)" in block.markup and block.markup.count("<mark>") == 2
    empty = evidence_block(many.iloc[0:0], caption="Sentences behind NATO", tone_header="tone towards it")
    assert "(0)" in empty.markup and "tone towards it" in empty.markup
