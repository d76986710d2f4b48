"""One error hierarchy: every exception class lives in errors.py, and no module raises a bare built-in error a
user could meet (they would see a traceback, not a message that names the file, row or field and the fix)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "newsbrief"
BUILTIN = {"ValueError", "TypeError", "KeyError", "RuntimeError", "LookupError", "OSError", "IOError", "Exception",
           "IndexError", "FileNotFoundError", "NotImplementedError"}
#: Raises of built-in errors no user input reaches, each with the reason.
ALLOWED = {
    ("params/schema.py", "ValueError"):
        "pydantic field validators: pydantic turns them into the ParamsError's problems",
    ("nlp/chunks.py", "ValueError"): "a chunk size below 1 is a programming error (sizes are constants)",
    ("analysis/speakers.py", "ValueError"): "`by` is fixed by the calling code, never by a user",
    ("annotate/settings.py", "LookupError"): "caught three lines below (falls back to loading the pipeline)",
}


def modules() -> list[tuple[str, ast.Module]]:
    return [(p.relative_to(PACKAGE).as_posix(), ast.parse(p.read_text(encoding="utf-8")))
            for p in sorted(PACKAGE.rglob("*.py"))]


def test_every_exception_class_is_defined_in_errors_py() -> None:
    outside = []
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and name != "errors.py":
                bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                if any(b.endswith(("Error", "Exception")) for b in bases):
                    outside.append(f"{name}: class {node.name}")
    assert not outside, outside


def test_no_user_reachable_bare_builtin_raise() -> None:
    found = []
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and isinstance(node.exc.func, ast.Name):
                error = node.exc.func.id
                if error in BUILTIN and (name, error) not in ALLOWED:
                    found.append(f"{name}:{node.lineno}: raise {error}")
    assert not found, found
