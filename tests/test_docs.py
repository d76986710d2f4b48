"""README.md and docs/*.md name only things that exist, and their Python examples run.

Checked in code (fenced and indented blocks, inline code spans): every ``newsbrief COMMAND`` and its ``--options``
(against the command's ``--help``), every ``newsbrief.x.y`` module or attribute and ``from newsbrief... import``,
every repository path (``src/``, ``tests/``, ``benchmarks/``, ...; ``../shared/...`` when it is present) and
path inside the package (``ingest/lines.py``), the options given to a ``benchmarks/`` or ``scripts/`` script, the
``-p`` parameters given to ``papermill NB.ipynb``, every ``make`` target; in the text: every relative link and its
``#anchor``. Python blocks run: ``>>>`` blocks as doctests, others as scripts in a folder where
each ``reports/<name>/data`` they name is a real store (the bundled seed article, annotated by
``newsbrief annotate``). A block preceded by ``<!-- docs-test: skip: REASON -->`` is not run.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

#: Top-level folders and files of the repository whose paths the docs may name.
REPO_PREFIXES = ("src/", "tests/", "benchmarks/", "scripts/", "data/", "params/", "notebooks/", "docs/", ".ci/")
REPO_FILES = ("Makefile", "pyproject.toml", "environment.yml", "LICENSE", "README.md")
#: Paths that runs write (not in a checkout).
GENERATED = ("reports/", "benchmarks/.cache", ".venv/")
PYTHON = ("python", "py", "pycon")
SKIP_MARK = re.compile(r"<!--\s*docs-test:\s*skip:\s*\S.*-->")


@dataclass(frozen=True)
class Code:
    """A piece of code in a doc: a fenced block (``lang`` its info string) or an inline span (``lang`` None)."""

    line: int
    text: str
    lang: str | None
    skip: bool = False


@dataclass(frozen=True)
class Doc:
    path: Path
    text: str
    codes: tuple[Code, ...]
    prose: str  # the text with fenced blocks blanked (line numbers kept)


def parse(path: Path, text: str | None = None) -> Doc:
    text = path.read_text(encoding="utf-8") if text is None else text
    lines = text.split("\n")
    codes: list[Code] = []
    prose = list(lines)
    i = 0
    while i < len(lines):
        fence = re.match(r"^\s*(`{3,}|~{3,})\s*([\w+-]*)", lines[i])
        if not fence:
            i += 1
            continue
        start, marker = i, fence.group(1)
        skip = any(SKIP_MARK.search(lines[j]) for j in range(max(0, i - 2), i))
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(marker):
            i += 1
        codes.append(Code(start + 2, "\n".join(lines[start + 1:i]), fence.group(2) or "", skip))
        for j in range(start, min(i + 1, len(lines))):
            prose[j] = ""
        i += 1
    for k, line in enumerate(prose):  # indented code blocks: 4 spaces, after a blank line or another such line
        if line.startswith("    ") and line.strip() and k and not prose[k - 1].strip() and not _in_list(prose, k):
            end = k
            while end < len(prose) and (prose[end].startswith("    ") or not prose[end].strip()):
                end += 1
            codes.append(Code(k + 1, "\n".join(x[4:] for x in prose[k:end]).rstrip(), ""))
            prose[k:end] = [""] * (end - k)
    joined = "\n".join(prose)
    for m in re.finditer(r"`((?:[^`\n]|\n(?![ \t]*\n))+)`", joined):
        codes.append(Code(joined.count("\n", 0, m.start()) + 1, re.sub(r"\s*\n\s*", " ", m.group(1)), None))
    return Doc(path, text, tuple(sorted(codes, key=lambda c: c.line)), joined)


def _in_list(lines: list[str], k: int) -> bool:
    """Whether line ``k`` continues a list item (the nearest earlier unindented text line is one)."""
    for line in reversed(lines[:k]):
        if line.strip() and not line.startswith(" "):
            return bool(re.match(r"([-*+]|\d+\.)\s", line))
    return False


# ------------------------------------------------------------------------------------------------ commands
def help_text(argv: list[str]) -> str | None:
    """``newsbrief ARGV --help`` through the real entry point; None when it does not parse."""
    from newsbrief.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([*argv, "--help"])
        except SystemExit as e:
            return out.getvalue() if e.code in (0, None) else None
    return out.getvalue()


def command_lines(code: Code) -> list[tuple[int, str]]:
    """Each shell-like command of a piece of code as one line (continuations joined), with its line number."""
    out: list[tuple[int, str]] = []
    if code.lang in PYTHON:
        return out
    for k, raw in enumerate(code.text.split("\n")):
        line = re.split(r"(?:^|\s)#", raw)[0] if code.lang is not None else raw
        if out and (raw.startswith((" ", "\t")) or out[-1][1].endswith("\\")):
            out[-1] = (out[-1][0], out[-1][1].rstrip("\\") + " " + line.strip())
        else:
            out.append((code.line + k, line))
    return out


#: ``newsbrief`` (or ``.venv/bin/newsbrief``) and its words, up to ``;``, ``&&``, a pipe or a comment.
ARGS = r"((?:[ \t]+(?!(?:\||&&|\|\||#)(?:\s|$))[^\s;`]+)*)"
NEWSBRIEF_CMD = re.compile(r"(?:^|[\s;&|(])(?:\S*/)?newsbrief" + ARGS)


def check_commands(doc: Doc) -> list[str]:
    problems = []
    for code in doc.codes:
        for line, command in command_lines(code):
            for m in NEWSBRIEF_CMD.finditer(command):
                words = m.group(1).split()
                if not words:
                    continue
                if not re.match(r"[a-z][\w-]*$|-", words[0]):
                    continue  # a placeholder or output ("newsbrief <version>"), not a command
                argv = [words[0]] if not words[0].startswith("-") else []
                helped = help_text(argv)
                name = " ".join(["newsbrief", *argv])
                if helped is None:
                    problems.append(f"{doc.path.name}:{line}: `{name}` is not a newsbrief command")
                    continue
                known = set(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", helped))
                for flag in re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", " ".join(words)):
                    if flag.split("=")[0] not in known:
                        problems.append(f"{doc.path.name}:{line}: `{name}` has no option {flag}")
    return problems


SCRIPT_CMD = re.compile(r"(?<![\w/.-])((?:benchmarks|scripts)/[\w/-]+\.py)" + ARGS)


def check_script_options(doc: Doc) -> list[str]:
    problems = []
    for code in doc.codes:
        for line, command in command_lines(code):
            for m in SCRIPT_CMD.finditer(command):
                script = ROOT / m.group(1)
                if not script.is_file():
                    continue  # reported by check_paths
                source = script.read_text(encoding="utf-8")
                for flag in re.findall(r"(?<![\w-])(--[A-Za-z][\w-]*)", m.group(2)):
                    if f'"{flag}"' not in source and f"'{flag}'" not in source:
                        problems.append(f"{doc.path.name}:{line}: {m.group(1)} has no option {flag}")
    return problems


PAPERMILL_CMD = re.compile(r"(?:^|[\s;&|(])(?:\S*/)?papermill\s+(\S+\.ipynb)" + ARGS)


def check_notebook_parameters(doc: Doc) -> list[str]:
    """``papermill NB.ipynb OUT -p NAME VALUE``: NB exists and NAME is set in its ``parameters`` cell."""
    import nbformat

    problems = []
    for code in doc.codes:
        for line, command in command_lines(code):
            for m in PAPERMILL_CMD.finditer(command):
                path = ROOT / m.group(1)
                if not path.is_file():
                    problems.append(f"{doc.path.name}:{line}: {m.group(1)} does not exist")
                    continue
                cells = [c.source for c in nbformat.read(path, as_version=4).cells
                         if "parameters" in c.get("metadata", {}).get("tags", [])]
                names = set(re.findall(r"^(\w+)\s*=", "\n".join(cells), re.M))
                for name in re.findall(r"(?:^|\s)-[pr]\s+(\w+)", m.group(2)):
                    if name not in names:
                        problems.append(f"{doc.path.name}:{line}: {m.group(1)} has no parameter {name}")
    return problems


# ------------------------------------------------------------------------------------------------ modules
def resolves(dotted: str) -> bool:
    """``newsbrief.a.b.c``: the longest importable module prefix, then attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError as e:
            if e.name is not None and not ".".join(parts[:cut]).startswith(e.name):
                raise  # a module that exists failed to import something else: a real error
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def check_modules(doc: Doc) -> list[str]:
    problems = []
    for code in doc.codes:
        text = code.text
        for m in re.finditer(r"from\s+(newsbrief[\w.]*)\s+import\s+(?:\(([\w\s,]+)\)|([\w ,]+))", text):
            for name in (n.strip().split(" as ")[0] for n in (m.group(2) or m.group(3)).split(",")):
                if name and not resolves(f"{m.group(1)}.{name}"):
                    problems.append(f"{doc.path.name}:{code.line}: `from {m.group(1)} import {name}` fails")
        for m in re.finditer(r"(?<![\w./-])(newsbrief(?:\.[A-Za-z_]\w*)+)", text):
            if not resolves(m.group(1)):
                problems.append(f"{doc.path.name}:{code.line}: `{m.group(1)}` does not exist")
        for m in re.finditer(r"^\s*import\s+(newsbrief[\w.]*)", text, re.M):
            if not resolves(m.group(1)):
                problems.append(f"{doc.path.name}:{code.line}: `import {m.group(1)}` fails")
    return problems


# ------------------------------------------------------------------------------------------------ paths
PATH = re.compile(r"(?<![\w./<-])((?:\.\./shared/|" + "|".join(re.escape(p) for p in REPO_PREFIXES)
                  + r")[\w./=-]*|(?:" + "|".join(re.escape(f) for f in REPO_FILES) + r")(?![\w.-]))")


def check_paths(doc: Doc) -> list[str]:
    problems = []
    for code in doc.codes:
        for m in PATH.finditer(code.text):
            raw = m.group(1).rstrip(".,:;")
            end = m.end(1)
            if code.text[end:end + 1] in ("<", "*", "{") or raw.startswith(GENERATED) or "..." in raw:
                continue  # a pattern or a placeholder, not a path
            if raw.startswith("../shared/"):
                if not SHARED.is_dir():
                    continue
                where = SHARED.parent / raw[3:]
            else:
                where = ROOT / raw
            if not where.exists():
                problems.append(f"{doc.path.name}:{code.line}: {raw} does not exist")
    return problems


#: A file named by its path inside the package (``ingest/lines.py``, ``nlp/data/tone_model.json``).
PACKAGE = ROOT / "src" / "newsbrief"
PACKAGE_PATH = re.compile(r"(?<![\w./<-])((?:" + "|".join(
    sorted(d.name for d in PACKAGE.iterdir() if d.is_dir() and not d.name.startswith("_"))) + r")/[\w./-]*\.\w+)")


def check_package_paths(doc: Doc) -> list[str]:
    problems = []
    for code in doc.codes:
        for m in PACKAGE_PATH.finditer(code.text):
            raw = m.group(1).rstrip(".,:;")
            if code.text[m.end(1):m.end(1) + 1] in ("<", "*", "{"):
                continue
            # a repository folder may share a package folder's name (params/ and newsbrief.params)
            if not (PACKAGE / raw).exists() and not (ROOT / raw).exists():
                problems.append(f"{doc.path.name}:{code.line}: {raw} is not in src/newsbrief/")
    return problems


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*)\s*:", text, re.M))


def check_make(doc: Doc) -> list[str]:
    targets = make_targets()
    problems = []
    for code in doc.codes:
        for m in re.finditer(r"(?:^|[\s;&|(])make\s+([A-Za-z][\w-]*)(?![\w=-])", code.text):
            if m.group(1) not in targets:
                problems.append(f"{doc.path.name}:{code.line}: `make {m.group(1)}` is not a Makefile target")
    return problems


# ------------------------------------------------------------------------------------------------ links
def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*$", parse(path).prose, re.M)}


def check_links(doc: Doc) -> list[str]:
    problems = []
    for m in re.finditer(r"\]\(([^)\s]+)\)", doc.prose):
        target = m.group(1)
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto
        line = doc.prose.count("\n", 0, m.start()) + 1
        file, _, anchor = target.partition("#")
        where = (doc.path.parent / file).resolve() if file else doc.path
        if not where.exists():
            problems.append(f"{doc.path.name}:{line}: link to {target}: {file} does not exist")
        elif anchor and where.suffix == ".md" and anchor not in anchors(where):
            problems.append(f"{doc.path.name}:{line}: link to {target}: no heading #{anchor} in {where.name}")
    return problems


CHECKS = [check_commands, check_script_options, check_notebook_parameters, check_modules, check_paths,
          check_package_paths, check_make, check_links]


# ------------------------------------------------------------------------------------------------ tests
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__.removeprefix("check_"))
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_docs_name_only_what_exists(path: Path, check) -> None:
    problems = check(parse(path))
    assert not problems, "\n".join(problems)


def test_readme_is_a_short_user_guide() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    assert "make test" in text and "make report" in text


def test_readme_lists_every_parameter_of_the_schema() -> None:
    from newsbrief.params import Params

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("## Parameters"):].split("\n## ")[0]
    rows = re.findall(r"^\| `(\w+)` \|", table, re.M)
    assert sorted(rows) == sorted(Params.model_fields), "README's parameter table and the Params schema differ"
    assert "\n\n|" not in table[table.index("| key |"):].rstrip(), "a blank line breaks the parameter table"


BAD = """# Bad

Run `newsbrief query "SELECT 1"` or `newsbrief run p.yaml --no-such-flag`; see `src/newsbrief/nothing.py`
and [missing](docs/none.md), [anchor](#no-such-heading), `make nothing-here`,
`newsbrief.analysis.no_such_function` and `.venv/bin/python benchmarks/quotes.py --no-such-option`;
the rules are in `nlp/no_such_module.py`;
`papermill notebooks/explore.ipynb out.ipynb -p no_such_parameter 1`.

```python
from newsbrief.query import sql
```

`newsbrief --version` prints `newsbrief <version>`. An indented block:

    make no-such-target-either
"""


def test_the_checks_catch_names_that_do_not_exist(tmp_path: Path) -> None:
    (tmp_path / "BAD.md").write_text(BAD, encoding="utf-8")
    doc = parse(tmp_path / "BAD.md")
    found = "\n".join(p for check in CHECKS for p in check(doc))
    for expected in ("`newsbrief query` is not a newsbrief command", "has no option --no-such-flag",
                     "src/newsbrief/nothing.py does not exist", "docs/none.md does not exist",
                     "no heading #no-such-heading", "`make nothing-here` is not a Makefile target",
                     "`newsbrief.analysis.no_such_function` does not exist",
                     "benchmarks/quotes.py has no option --no-such-option",
                     "`from newsbrief.query import sql` fails", "`make no-such-target-either` is not",
                     "nlp/no_such_module.py is not in src/newsbrief/",
                     "notebooks/explore.ipynb has no parameter no_such_parameter"):
        assert expected in found, f"not reported: {expected}\n{found}"
    assert "--version" not in found and "<version>" not in found, found


def python_blocks() -> list[tuple[Path, Code]]:
    return [(path, code) for path in DOCS for code in parse(path).codes
            if code.lang in PYTHON and not code.skip]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled seed article annotated into a store, by the documented command."""
    from newsbrief.cli.main import main

    store = tmp_path_factory.mktemp("docs-store") / "store"
    assert main(["annotate", str(SEED), "--out", str(store), "--workers", "1", "-q"]) == 0
    return store


@pytest.mark.parametrize(("path", "code"), python_blocks(),
                         ids=lambda v: v.name if isinstance(v, Path) else f"line{v.line}")
def test_python_examples_run(path: Path, code: Code, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             request: pytest.FixtureRequest) -> None:
    for name in sorted(set(re.findall(r"reports/([\w-]+)/data", code.text))):
        (tmp_path / "reports" / name).mkdir(parents=True)
        (tmp_path / "reports" / name / "data").symlink_to(request.getfixturevalue("seed_store"))
    monkeypatch.chdir(tmp_path)
    if ">>>" in code.text:
        flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        test = doctest.DocTestParser().get_doctest(code.text, {}, f"{path.name}:{code.line}", str(path), code.line)
        runner = doctest.DocTestRunner(optionflags=flags)
        out = io.StringIO()
        runner.run(test, out=out.write)
        assert runner.failures == 0, out.getvalue()
    else:
        exec(compile(code.text, f"{path.name}:{code.line}", "exec"), {"__name__": "__docs__"})
