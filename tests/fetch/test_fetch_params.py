"""URL inputs and fetch limits in params: validated with the rest, URLs never taken for paths."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from newsbrief.errors import ParamsError
from newsbrief.fetch import FetchOptions, article_id_for, is_source, url_list
from newsbrief.params import load_params, params_table


def test_url_inputs_and_fetch_limits_load(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("input: [https://example.org/feed.xml, links.urls]\nmax_pages: 50\n"
                                     "max_age: 36h\nper_host_rate: 0.5\noffline: true\ncompare: last-run\n")
    (tmp_path / "links.urls").write_text("https://example.org/a\n")
    params = load_params(tmp_path / "p.yaml")
    assert params.input == ["https://example.org/feed.xml", str(tmp_path / "links.urls")]
    assert params.max_age == timedelta(hours=36) and params.compare == "last-run"
    options = FetchOptions.from_params(params)
    assert (options.max_pages, options.per_host_rate, options.offline) == (50, 0.5, True)
    assert ("input", "https://example.org/feed.xml, links.urls") in params_table(params)


@pytest.mark.parametrize(("value", "expected"), [("2d", timedelta(days=2)), ("1w", timedelta(weeks=1)),
                                                 ("90m", timedelta(minutes=90)), ("P1D", timedelta(days=1)),
                                                 (3600, timedelta(hours=1))])
def test_max_age_reads_short_durations(tmp_path: Path, value: object, expected: timedelta) -> None:
    (tmp_path / "p.yaml").write_text(f"input: https://example.org/feed.xml\nmax_age: {value}\n")
    assert load_params(tmp_path / "p.yaml").max_age == expected


def test_bad_fetch_limits_are_listed_at_once(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("input: https://example.org/feed.xml\nmax_pages: 0\nper_host_rate: 0\n"
                                     "max_age: soon\n")
    with pytest.raises(ParamsError) as info:
        load_params(tmp_path / "p.yaml")
    assert {p.split(":")[0] for p in info.value.problems} == {"max_pages", "per_host_rate", "max_age"}


def test_a_text_file_of_urls_is_a_source_and_a_saved_page_is_not(tmp_path: Path) -> None:
    (tmp_path / "links.txt").write_text("# to follow\nhttps://example.org/a\n\nhttp://example.org/b\n")
    (tmp_path / "page.txt").write_text("A headline\n\nhttps://example.org/a is where it was first said.\n")
    assert url_list(tmp_path / "links.txt") == ["https://example.org/a", "http://example.org/b"]
    assert is_source(tmp_path / "links.txt") and is_source("https://example.org/")
    assert not is_source(tmp_path / "page.txt") and url_list(tmp_path / "page.txt") is None


def test_article_ids_from_urls_are_readable_and_distinct() -> None:
    a = article_id_for("https://example.org/2024/05/council-votes-on-buses.html")
    b = article_id_for("https://example.org/2024/06/council-votes-on-buses.html")
    assert a.startswith("council-votes-on-buses-") and a != b
