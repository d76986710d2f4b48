"""textutil.thin_reason: too short, a caption, mostly page chrome."""

from __future__ import annotations

from newsbrief.textutil import THIN_WORDS, thin_reason

PROSE = ("The council voted on Tuesday to expand the bus network across the northern districts, officials said, "
         "after a long debate about the cost of the plan and the number of drivers it would need.")


def test_a_caption_with_its_credit() -> None:
    assert thin_reason("Protesters gather outside parliament on Monday. (AP Photo/Jane Doe)").startswith("looks like")


def test_a_short_teaser() -> None:
    reason = thin_reason(" ".join([PROSE] * 2))
    assert reason is not None and reason.startswith("only") and str(THIN_WORDS) not in reason


def test_mostly_chrome() -> None:
    menu = "\n".join(["Home", "World news", "Sign in", "Business", "Sport today", "Video", "Weather", "Podcasts",
                      "Culture", "Travel deals", "Opinion", "More sections"] * 3)
    reason = thin_reason(f"{menu}\n{PROSE} {PROSE}")
    assert reason is not None and reason.startswith("mostly page chrome")


def test_an_article_is_enough() -> None:
    assert thin_reason("\n\n".join([PROSE] * 4)) is None
    # crossheads between long paragraphs are not chrome
    assert thin_reason("\n\n".join([f"Crosshead {i}\n\n{PROSE} {PROSE}" for i in range(6)])) is None
