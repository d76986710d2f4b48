"""The note that names the pages a run could not read."""

from __future__ import annotations

from newsbrief.present.formatters import skipped_note


def test_nothing_skipped_gives_no_note() -> None:
    assert skipped_note(None) is None
    assert skipped_note({"pages": 3, "skipped": []}) is None


def test_the_note_counts_and_names_the_pages_as_skipped_csv_does() -> None:
    record = {"pages": 64, "skipped": [{"page": "a.html", "reason": "the file is empty"},
                                       {"page": "2019/b.txt", "reason": "in Korean (ko)"}]}
    want = "2 of 64 pages could not be read: a.html (the file is empty); 2019/b.txt (in Korean (ko))."
    assert skipped_note(record) == want


def test_an_absolute_path_of_an_older_record_is_shown_by_its_name() -> None:
    record = {"pages": 2, "skipped": [{"page": "/home/x/in/a.html", "reason": "the file is empty"}]}
    assert skipped_note(record) == "1 of 2 pages could not be read: a.html (the file is empty)."


def test_a_long_list_is_cut_and_points_to_the_table() -> None:
    record = {"pages": 10, "skipped": [{"page": f"p{i}.txt", "reason": "empty"} for i in range(8)]}
    note = skipped_note(record, limit=3)
    assert note is not None and note.count("(empty)") == 3 and "and 5 more (skipped.csv" in note


def test_flagged_dates_are_named_with_their_date_and_why() -> None:
    from newsbrief.present.formatters import flagged_dates_note

    record = {"flagged_dates": [{"page": "/x/pages/video.html", "date": "2010-01-01",
                                 "reason": "far outside the other dates (2012-03-01 to 2017-01-14)"}]}
    note = flagged_dates_note(record)
    assert note == ("1 article's date was left out of the period and timeline as implausible (the articles count, "
                    "undated): video.html: 2010-01-01 (far outside the other dates (2012-03-01 to 2017-01-14)).")
    assert flagged_dates_note({"flagged_dates": []}) is None and flagged_dates_note(None) is None
