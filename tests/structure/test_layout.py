"""The house rules as tests: no import circles, small modules, analysis and present free of NLP, SQL only in
analysis and store, one implementation of each analysis, formatting in one place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "newsbrief"
NLP_MODULES = ("spacy", "vaderSentiment", "textblob", "torch", "transformers", "newsbrief.nlp", "newsbrief.annotate")
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports (function-level imports too), resolved to absolute names."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - (node.level - 1)] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def internal_edges(name: str, path: Path) -> set[str]:
    out = set()
    for target in imports(name, path):
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != name and not name.startswith(target + "."):
            out.add(target)
    return out


def test_no_import_cycles() -> None:
    graph = {name: internal_edges(name, path) for name, path in MODULES.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name: str) -> None:
    lines = sum(1 for _ in MODULES[name].open(encoding="utf-8"))
    assert lines <= MAX_LINES, f"{MODULES[name]} has {lines} lines: a room that big holds two concerns"


@pytest.mark.parametrize("room", ["analysis", "present"])
def test_analysis_and_present_import_no_nlp(room: str) -> None:
    offenders = []
    for name, path in MODULES.items():
        if name.startswith(f"newsbrief.{room}"):
            bad = [i for i in imports(name, path) if i.split(".")[0] in NLP_MODULES or i.startswith(NLP_MODULES)]
            if bad:
                offenders.append(f"{name}: {sorted(bad)}")
    assert not offenders, offenders


def test_present_imports_no_render_and_rooms_point_down() -> None:
    """Lower rooms never import higher ones (ingest < nlp < annotate < store-readers < present < render)."""
    order = ["textutil", "errors", "registry", "params", "ingest", "nlp", "store", "annotate", "analysis", "present",
             "render", "deliver", "lab", "cli"]
    rank = {room: i for i, room in enumerate(order)}
    wrong = []
    for name, path in MODULES.items():
        room = name.split(".")[1] if "." in name else ""
        if room not in rank:
            continue
        for target in internal_edges(name, path):
            other = target.split(".")[1] if "." in target else ""
            if other in rank and rank[other] > rank[room]:
                wrong.append(f"{name} -> {target}")
    assert not wrong, wrong


def test_the_auto_rule_is_decided_once() -> None:
    """No code compares a ``mode`` outside ``params.resolve_kind``: the briefing's kind is resolved once, and the
    article and corpus briefings are two classes (no ``if mode == ...`` branches)."""
    offenders = []
    for name, path in MODULES.items():
        if name == "newsbrief.params.schema":  # resolve_kind and reads_strictly: the mode rules, once
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                operands = [node.left, *node.comparators]
                named = [o.id if isinstance(o, ast.Name) else o.attr for o in operands
                         if isinstance(o, ast.Name | ast.Attribute)]
                if "mode" in named:
                    offenders.append(f"{name}:{node.lineno}")
    assert not offenders, offenders


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module, without docstrings (examples for readers, not code)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_sql_is_written_only_in_analysis_and_store() -> None:
    """The renderer, the briefings, the email and the explorer call functions; they never write a query."""
    query = re.compile(r"\b(SELECT|GROUP BY|CREATE (VIEW|TABLE)|COPY)\b")
    offenders = [f"{name}:{line}" for name, path in MODULES.items()
                 if not name.startswith(("newsbrief.analysis", "newsbrief.store"))
                 for line, text in _strings(path) if query.search(text) and re.search(r"\bFROM\b|\bTO\b", text)]
    assert not offenders, offenders


def test_no_analysis_has_a_twin() -> None:
    """One implementation of each analysis: no ``x`` beside an ``x_db`` (the pandas versions are test oracles)."""
    defined = {node.name for path in MODULES.values() for node in ast.parse(path.read_text(encoding="utf-8")).body
               if isinstance(node, ast.FunctionDef)}
    twins = sorted(name for name in defined if name.endswith("_db") and name.removesuffix("_db") in defined)
    assert not twins, twins


def test_percentages_and_period_names_are_formatted_in_present_formatters() -> None:
    """Shares read the same everywhere (``present.formatters.pct``) and periods are named in one place: no percent
    format and no month name format outside ``present.formatters`` (the CLI's progress percentage aside)."""
    offenders = []
    for name, path in MODULES.items():
        if name == "newsbrief.present.formatters" or not name.startswith(
                ("newsbrief.analysis", "newsbrief.present", "newsbrief.render", "newsbrief.deliver", "newsbrief.lab")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            spec = node.format_spec if isinstance(node, ast.FormattedValue) else None
            texts = [v.value for v in getattr(spec, "values", []) if isinstance(v, ast.Constant)]
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
            if any(t.endswith("%") and re.search(r"\.\d%$", t) or "%B" in t or re.search(r"\{:[^}]*%\}", t)
                   for t in texts):
                offenders.append(f"{name}:{node.lineno}")
    assert not offenders, offenders


#: Where a briefing kind may be compared by name: the rule that resolves it, and the two briefing classes.
KIND_RULES = {"newsbrief.params.schema", "newsbrief.present.article", "newsbrief.present.corpus"}


def test_briefing_kinds_are_compared_only_where_the_kind_is_resolved_or_briefed() -> None:
    """What differs between article and corpus briefings is the briefing classes' (or ``params.KIND_TRAITS``);
    no other module asks whether a mode or kind is "article", "corpus" or "auto"."""
    found = []
    for name, path in MODULES.items():
        if name in KIND_RULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            names = {ast.unparse(s) for s in sides if not isinstance(s, ast.Constant)}
            words = {s.value for s in sides if isinstance(s, ast.Constant)}
            if words & {"article", "corpus", "auto"} and any(re.search(r"\b(mode|kind)\b", n) for n in names):
                found.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    assert not found, found
