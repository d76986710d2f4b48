"""`newsbrief run`: render a briefing from a params file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import progress_factory, stage_printer


def add_parser(sub: Any) -> None:
    run = sub.add_parser("run", help="render a briefing (executed notebook, HTML, PDF) from a params file",
                         description="Render DIR/<name>/briefing.{ipynb,html,pdf} from a params YAML file.")
    run.add_argument("params", type=Path, help="parameter file (YAML), e.g. params/seed-article.yaml")
    run.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a parameter (typed by the schema)")
    run.add_argument("--output-dir", type=Path, default=Path("reports"), help="where run folders go (default: reports)")
    run.add_argument("--each", choices=("source", "entity", "article"), default=None,
                     help="one briefing per source, entity (top_n) or article, plus an index page")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    run.set_defaults(func=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    from ..params import load_params
    from ..render.report import run_report

    params = load_params(args.params, overrides=args.set or [])
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
