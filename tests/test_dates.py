"""Publication dates: only what the input states is stored; news zone names are read by the date they apply to."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime

import pytest

from newsbrief.dates import parse_date, read_date


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize("text, why", [
    ("2017", "year only"),
    ("August 2017", "no day"),
    ("2017-08", "no day"),
    ("Monday", "no year"),
    ("12", "no year"),
    ("99", "year only"),
    ("August 13", "no year"),
    ("8:01 AM ET", "no year"),
])
def test_a_partial_date_is_missing_with_a_reason_never_completed_from_today(text: str, why: str) -> None:
    reading = read_date(text)
    assert reading.value is None
    assert reading.problem is not None and why in reading.problem
    assert parse_date(text) is None


@pytest.mark.parametrize("text, want", [
    ("2017-08-13", utc(2017, 8, 13)),
    ("2017-08-13T10:00:00+02:00", utc(2017, 8, 13, 8)),
    ("August 13, 2017", utc(2017, 8, 13)),
    ("Sun, 13 Aug 2017 10:00:00 GMT", utc(2017, 8, 13, 10)),
    # US zone names: the daylight-saving reading on a summer date, the standard one in winter
    ("August 13, 2017 8:01 AM ET", utc(2017, 8, 13, 12, 1)),
    ("January 13, 2017 8:01 AM ET", utc(2017, 1, 13, 13, 1)),
    ("Aug. 13, 2017 8:01 a.m. ET", utc(2017, 8, 13, 12, 1)),
    ("August 13, 2017 8:01 AM EDT", utc(2017, 8, 13, 12, 1)),
    ("January 13, 2017 5:00 PM EST", utc(2017, 1, 13, 22)),
    ("August 13, 2017 8:00 AM PT", utc(2017, 8, 13, 15)),
    ("August 13, 2017 8:00 AM PDT", utc(2017, 8, 13, 15)),
    ("January 13, 2017 8:00 AM PST", utc(2017, 1, 13, 16)),
    ("August 13, 2017 8:00 AM CT", utc(2017, 8, 13, 13)),
    ("August 13, 2017 8:00 BST", utc(2017, 8, 13, 7)),
    ("Jan 13, 2017 | 5:00 PM PT", utc(2017, 1, 14, 1)),
    ("13 Aug 2017 • 10:00 GMT", utc(2017, 8, 13, 10)),
    ("Aug. 13, 2017 at 8:01 a.m. ET", utc(2017, 8, 13, 12, 1)),
    # "UTC+2" is two hours east of Greenwich in news (dateutil alone reads it the POSIX way, two hours west)
    ("Aug 13 2017 10:00 UTC+2", utc(2017, 8, 13, 8)),
    ("13 August 2017, 10:00 GMT-05:00", utc(2017, 8, 13, 15)),
    # Unix time, as JSON exports of APIs write it: seconds, milliseconds, numbers or strings
    (1502618400, utc(2017, 8, 13, 10)),
    (1502618400000, utc(2017, 8, 13, 10)),
    ("1502618400", utc(2017, 8, 13, 10)),
    (1502618400.0, utc(2017, 8, 13, 10)),
])
def test_full_dates_and_news_zone_names(text: object, want: datetime) -> None:
    assert parse_date(text) == want


def test_an_unknown_zone_name_is_a_problem_not_a_library_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning that escapes fails the test
        reading = read_date("August 13, 2017 8:01 AM XYZT")
    assert reading.value == utc(2017, 8, 13, 8, 1)
    assert reading.problem is not None and "XYZT" in reading.problem


def test_datetimes_pass_through_as_utc() -> None:
    assert parse_date(datetime(2017, 8, 13, 10)) == utc(2017, 8, 13, 10)
    assert parse_date(None) is None and parse_date("") is None and parse_date("nan") is None


def _table(tmp_path, dates: list[str | None]):  # type: ignore[no-untyped-def]
    import pandas as pd

    path = tmp_path / "c.csv"
    pd.DataFrame({"text": [f"Story number {i} about the budget." for i in range(len(dates))],
                  "published": [d or "" for d in dates]}).to_csv(path, index=False)
    return path


def test_partial_dates_in_a_table_stay_missing_with_one_warning_each(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.ingest import read_inputs

    result = read_inputs(_table(tmp_path, ["2017", "Monday", "12", "99", "2017-08-13"]))
    assert [a.published for a in result.articles] == [None, None, None, None, utc(2017, 8, 13)]
    assert len(result.warnings) == 4 and all("partial date" in w for w in result.warnings)
    assert "row 1, field 'published': '2017'" in result.warnings[0]
    assert "4 date problem(s)" in caplog.text


def test_dates_far_outside_a_corpus_are_left_out_and_listed(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.ingest import read_inputs

    corpus = [f"2014-{m:02d}-15" for m in range(1, 13)] + ["2015-01-14", "2010-01-01", "1900-01-01", "2999-01-01"]
    result = read_inputs(_table(tmp_path, corpus))
    dated = [a.published for a in result.articles if a.published is not None]
    assert min(dated) == utc(2014, 1, 15) and max(dated) == utc(2015, 1, 14)
    assert len(result.flagged_dates) == 3
    assert "row 14: 2010-01-01 (far outside the other dates" in str(result.flagged_dates[0])
    assert "1900-01-01 (before 1990-01-01)" in str(result.flagged_dates[1])
    assert "2999-01-01 (in the future)" in str(result.flagged_dates[2])
    assert "3 date(s) left out of the period and timeline" in caplog.text


def test_a_corpus_of_one_week_keeps_an_article_of_the_month_before(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.ingest import read_inputs

    result = read_inputs(_table(tmp_path, ["2017-08-01", "2017-08-02", "2017-08-03", "2017-08-04", "2017-08-05",
                                           "2017-07-01"]))
    assert not result.flagged_dates and all(a.published is not None for a in result.articles)


def test_an_archive_corpus_keeps_its_early_dates_and_flags_only_its_outliers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.ingest import read_inputs

    reuters = [f"1987-{m:02d}-{d:02d}" for m in (2, 3, 4, 5, 6) for d in (10, 20)] + ["1900-01-01"]
    result = read_inputs(_table(tmp_path, reuters))
    assert sum(a.published is not None for a in result.articles) == 10
    assert len(result.flagged_dates) == 1 and "1900-01-01 (far outside the other dates" in str(result.flagged_dates[0])


def test_a_lone_placeholder_date_is_flagged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.ingest import read_inputs

    result = read_inputs(_table(tmp_path, ["1970-01-01"]))
    assert result.articles[0].published is None and "before 1990-01-01" in str(result.flagged_dates[0])


def test_a_parquet_column_of_timestamps_with_gaps_is_read_without_warnings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from newsbrief.ingest import read_inputs

    path = tmp_path / "c.parquet"
    pd.DataFrame({"text": ["One story.", "Another story."],
                  "published": pd.to_datetime(["2017-08-13T10:00:00Z", None], utc=True)}).to_parquet(path)
    result = read_inputs(path)
    assert [a.published for a in result.articles] == [utc(2017, 8, 13, 10), None]
    assert not result.warnings and not result.flagged_dates


def test_a_few_old_stories_spread_over_months_are_content_not_outliers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.ingest import read_inputs

    recent = [f"2019-{m:02d}-{d:02d}" for m in range(1, 13) for d in (5, 20)]
    old = ["2014-06-21", "2014-09-15", "2015-03-30"]  # three stories of one year: kept
    placeholder = ["2010-01-01", "2010-01-01"]  # two pages with one placeholder date: alone on their day, flagged
    result = read_inputs(_table(tmp_path, recent + old + placeholder))
    assert [f.date for f in result.flagged_dates] == ["2010-01-01", "2010-01-01"]
    assert sum(a.published is not None for a in result.articles) == len(recent) + len(old)


def test_a_left_out_date_names_its_page_as_skipped_pages_are_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.ingest import read_inputs

    folder = tmp_path / "in"
    (folder / "2014").mkdir(parents=True)
    days = [f"2014-{m:02d}-15" for m in range(1, 9)] + ["2010-01-01"]
    for i, day in enumerate(days):
        (folder / "2014" / f"p{i}.txt").write_text(
            f"Council story number {i}\nPublished: {day}\n"
            f"The council met on the budget for the {i}th time and voted on the plan for the town's schools.\n",
            encoding="utf-8")
    result = read_inputs(folder.resolve())
    assert [(f.page, f.date) for f in result.flagged_dates] == [("2014/p8.txt", "2010-01-01")]
    assert result.record()["flagged_dates"][0]["page"] == "2014/p8.txt"
