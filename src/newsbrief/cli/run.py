"""`newsbrief run`: render a briefing from a params file (or from an input with the default parameters)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from .common import progress_factory, stage_printer

#: Suffixes of parameter files; anything else given where a params file goes is read as an input.
PARAMS_SUFFIXES = frozenset({".yaml", ".yml"})


def add_parser(sub: Any) -> None:
    run = sub.add_parser("run", help="render a briefing (executed notebook, HTML, PDF) from a params file",
                         description="Render DIR/<name>/briefing.{ipynb,html,pdf} from a params YAML file. Given an "
                                     "article or corpus (a page, a table, a folder) instead, it is briefed with the "
                                     "default parameters (name: the file's name).")
    run.add_argument("params", type=Path,
                     help="parameter file (YAML), e.g. params/seed-article.yaml; or an input (page, table, folder)")
    run.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a parameter (typed by the schema)")
    run.add_argument("--output-dir", type=Path, default=Path("reports"), help="where run folders go (default: reports)")
    run.add_argument("--each", choices=("source", "entity", "article"), default=None,
                     help="one briefing per source, entity (top_n) or article, plus an index page")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    run.set_defaults(func=cmd_run)


def is_input(path: Path) -> bool:
    """A folder, or a file that is an input newsbrief reads (a page or a table) rather than a YAML params file."""
    from ..ingest import SUPPORTED

    return path.is_dir() or (path.suffix.lower() in SUPPORTED and path.suffix.lower() not in PARAMS_SUFFIXES)


def default_name(path: Path) -> str:
    """A run folder name from an input's name: ``Ünïcode story (1).html`` -> ``nicode-story-1``."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", path.name if path.is_dir() else path.stem).strip("-._")[:100]
    return name or "briefing"


def load_run_params(path: Path, overrides: list[str], *, quiet: bool = False) -> Any:
    """The params of a run: the YAML file at ``path``; or, for an input, the defaults with ``input: path``."""
    from ..params import load_params, with_overrides

    if not is_input(path):
        return load_params(path, overrides=overrides)
    if not quiet:
        print(f"newsbrief: {path} is an input, not a parameter file: briefed with the default parameters (name: "
              f"{default_name(path)}); `newsbrief params` lists what a params file may set", file=sys.stderr)
    return with_overrides({"input": [str(path.resolve())], "name": default_name(path)}, overrides)


def cmd_run(args: argparse.Namespace) -> int:
    from ..render.report import run_report

    params = load_run_params(args.params, args.set or [], quiet=args.quiet)
    tty = sys.stderr.isatty() and not args.quiet
    paths = run_report(params, output_dir=args.output_dir, progress=progress_factory(not args.quiet), stage=stage_printer(args.quiet),
                       progress_bar=tty, each=args.each)
    if paths.children:
        print(paths.html)  # the index page, then every briefing's three files
        for child in paths.children:
            print(child.notebook)
            print(child.html)
            print(child.pdf)
        return 0
    print(paths.notebook)
    print(paths.html)
    print(paths.pdf)
    return 0
