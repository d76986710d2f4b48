"""The probe list: odd, hostile or mistaken use of the command line, one case per class of failure found.

Each probe runs the real CLI in a fresh folder and checks the exit code, a message that names the problem and
the fix, no traceback, and (for refused input or params) that nothing was written: the folder's listing after
equals the listing before. Add a probe here for every new class found (docs/reliability.md lists them all).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsbrief.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "params" / "seed-article.yaml"
PAGE = "Minister Anna Berg said on Monday that the budget was fair and would pass next week. " * 8


@dataclass(frozen=True)
class Probe:
    name: str
    argv: Callable[[Path], list[str]]  # the command line, given the probe's folder
    exit: int
    says: tuple[str, ...]  # fragments the message must hold
    never: tuple[str, ...] = ("Traceback",)  # fragments it must not hold
    writes_nothing: bool = True


def _page(work: Path) -> Path:
    path = work / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def _bomb(work: Path) -> Path:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{i}: &l{i} [{','.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 8)]
    path = work / "aliases.yaml"
    path.write_text("\n".join(lines) + "\nmerge: {Boom: *l7}\n", encoding="utf-8")
    return path


def _loop(work: Path) -> Path:
    path = work / "loop.txt"
    path.symlink_to(path)
    return path


def _strings_array(work: Path) -> Path:
    path = work / "corpus.json"
    path.write_text(json.dumps(["one article", "another article"]), encoding="utf-8")
    return path


def _store_without_current(work: Path) -> Path:
    from newsbrief.store import CURRENT, write_dataset
    from storedata import corpus

    store = work / "store"
    version = write_dataset(store, corpus(), manifest={"probe": True})
    (store / CURRENT).unlink()
    (work / "version.txt").write_text(version.name, encoding="utf-8")
    return store


def _binary(work: Path) -> Path:
    path = work / "params.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    return path


def _empty(work: Path) -> Path:
    (work / "empty").mkdir()
    return work / "empty"


def _bad_jsonl(work: Path) -> Path:
    path = work / "corpus.jsonl"
    path.write_text(json.dumps({"text": PAGE}) + "\n{\"text\": oops}\n", encoding="utf-8")
    return path


def _no_text(work: Path) -> Path:
    path = work / "corpus.csv"
    path.write_text("body,published\nSome text.,2017-08-01\n", encoding="utf-8")
    return path


def _params(work: Path, text: str) -> Path:
    path = work / "params.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _file(work: Path, name: str) -> Path:
    (work / name).write_text("not a folder", encoding="utf-8")
    return work


def _reports(work: Path) -> Path:
    (work / "reports").mkdir()
    return work


def run(*extra: str) -> Callable[[Path], list[str]]:
    return lambda work: ["run", str(SEED), "--output-dir", str(work / "reports"), "-q", *extra]


PROBES: list[Probe] = [
    Probe("all --set problems at once, each named as --set",
          run("--set", "top_n=abc", "--set", "nmae=x"), 2,
          ("--set nmae: unknown key (did you mean name?", "--set top_n: Input should be a valid integer")),
    Probe("a missing --set input is not blamed on the params file",
          run("--set", "input=missing.txt"), 2, ("--set input: no such file or folder",), ("seed-article.yaml",)),
    Probe("unknown sentiment scorer refused before any folder or lock", run("--set", "sentiment=nope"), 2,
          ("unknown sentiment scorer 'nope'", "valid: ")),
    Probe("unknown spaCy model refused before annotation", run("--set", "model=no_such_model"), 2,
          ("spaCy pipeline 'no_such_model' is not installed", "pip install")),
    Probe("an alias bomb (YAML billion laughs) refused at once",
          lambda w: run("--set", f"aliases={_bomb(w)}")(w), 2, ("expand to more than 100,000 values",)),
    Probe("compare: /etc (not a store) refused before annotation", run("--set", "compare=/etc"), 2,
          ("compare: /etc is not an annotation store",)),
    Probe("an unreachable Dask scheduler fails fast from run, before the notebook",
          run("--set", "engine=dask", "--set", "scheduler=tcp://127.0.0.1:1"), 2,
          ("cannot reach the Dask scheduler at tcp://127.0.0.1:1", "dask scheduler")),
    Probe("an unreachable Dask scheduler fails fast from annotate",
          lambda w: ["annotate", str(_page(w)), "--out", str(w / "store"), "-q", "--engine", "dask",
                     "--scheduler", "tcp://127.0.0.1:1"], 2, ("cannot reach the Dask scheduler",)),
    Probe("all annotate option problems at once",
          lambda w: ["annotate", str(_page(w)), "--out", str(w / "store"), "--column", "text", "--column", "colour=x",
                     "--sentiment-option", "novalue", "--model", "no_such_model", "--max-pages", "0"], 2,
          ("OURS=THEIRS", "--column colour: unknown column", "--sentiment-option takes KEY=VALUE",
           "spaCy pipeline 'no_such_model' is not installed", "--max-pages: at least 1")),
    Probe("a symlink loop given as the input", lambda w: ["annotate", str(_loop(w)), "--out", str(w / "store")], 2,
          ("symlink loop",)),
    Probe("a JSON array of strings", lambda w: ["annotate", str(_strings_array(w)), "--out", str(w / "store")], 2,
          ("item 0 of the JSON array is a str", "object with a \"text\" field"), ("found: 0",)),
    Probe("a store that lost its CURRENT file, as run input",
          lambda w: run("--set", f"input={_store_without_current(w)}")(w), 2,
          ("lost its CURRENT file", "the newest complete version is v-", "printf v-"), ("no 'text' column",)),
    Probe("a store that lost its CURRENT file, as annotate input",
          lambda w: ["annotate", str(_store_without_current(w)), "--out", str(w / "out")], 2,
          ("lost its CURRENT file",), ("no 'text' column",)),
    Probe("an empty input folder: no output folder, no lock file",
          lambda w: run("--set", f"input={_empty(w)}")(w), 2, ("the folder holds no .txt, .html",)),
    Probe("a bad JSON line, into an output folder that exists: no lock file left",
          lambda w: run("--set", f"input={_bad_jsonl(w)}")(_reports(w)), 2, ("row 2", "invalid JSON")),
    Probe("a table without a text column names the mapping to use",
          lambda w: run("--set", f"input={_no_text(w)}")(w), 2, ("no 'text' column (found: body", "columns: {text:")),
    Probe("an empty input list in a params file", lambda w: ["run", str(_params(w, "input: []\n"))], 2,
          ("input: empty: give at least one file",)),
    Probe("an empty --set input", run("--set", "input="), 2, ("--set input: empty",)),
    Probe("an output folder that is a file", lambda w: run()(_file(w, "reports")), 2,
          ("reports is a file, not a folder",)),
    Probe("an annotate store that is a file",
          lambda w: ["annotate", str(_page(w)), "--out", str(_file(w, "store") / "store")], 2,
          ("store is a file, not a folder",)),
    Probe("a params file that is not text", lambda w: ["run", str(_binary(w))], 2, ("not a UTF-8 text file",)),
    Probe("no such params file", lambda w: ["run", str(w / "nothing.yaml")], 2, ("no such parameter file",)),
]


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("probe", PROBES, ids=[p.name for p in PROBES])
def test_probe(probe: Probe, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    argv = probe.argv(tmp_path)
    before = listing(tmp_path)
    assert main(argv) == probe.exit
    err = capsys.readouterr().err
    for fragment in probe.says:
        assert fragment in err, err
    for fragment in probe.never:
        assert fragment not in err, err
    if probe.writes_nothing:
        assert listing(tmp_path) == before


def test_the_store_probe_names_the_version_the_manifests_show(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    store = _store_without_current(tmp_path)
    version = (tmp_path / "version.txt").read_text(encoding="utf-8")
    assert main(["annotate", str(store), "--out", str(tmp_path / "out")]) == 2
    assert f"the newest complete version is {version}" in capsys.readouterr().err
    (store / "CURRENT").write_text(version, encoding="utf-8")  # the recovery the message gives works
    from newsbrief.store import read_dataset

    assert len(read_dataset(store)["articles"]) == 8


def test_version() -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0

