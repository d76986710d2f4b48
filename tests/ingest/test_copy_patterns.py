"""The patterns of a copy's lines: one word splitter for every module, dates without a year only as such."""

from __future__ import annotations


def test_a_month_and_day_are_never_read_from_a_longer_day_number() -> None:
    from newsbrief.ingest.copy_patterns import DATE_NO_YEAR

    assert DATE_NO_YEAR.search("Nov. 19 at noon")
    assert not DATE_NO_YEAR.search("Nov. 19, 2019")
    assert not DATE_NO_YEAR.search("Nov. 1999 archive")


def test_every_copy_module_splits_words_with_the_one_function_of_copy_patterns() -> None:
    from newsbrief.ingest import browser, copy_dates, copy_patterns, copy_teasers, lines

    for module in (browser, copy_dates, copy_teasers, lines):
        splitters = [getattr(module, name) for name in ("words", "_words") if hasattr(module, name)]
        assert splitters == [copy_patterns.words], module.__name__
