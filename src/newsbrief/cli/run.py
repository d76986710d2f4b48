"""`newsbrief run`: render a briefing from a params file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import progress_factory, stage_printer
from .email import add_delivery_arguments, cmd_email


def add_parser(sub: Any) -> None:
    run = sub.add_parser("run", help="render a briefing (executed notebook, HTML, PDF) from a params file",
                         description="Render DIR/<name>/briefing.{ipynb,html,pdf} from a params YAML file.")
    run.add_argument("params", type=Path, help="parameter file (YAML), e.g. params/seed-article.yaml")
    run.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a parameter (typed by the schema)")
    run.add_argument("--output-dir", type=Path, default=Path("reports"), help="where run folders go (default: reports)")
    run.add_argument("--each", choices=("source", "entity", "article"), default=None,
                     help="one briefing per source, entity (top_n) or article, plus an index page")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    new = run.add_argument_group("email when there is news (for cron and systemd timers)")
    new.add_argument("--email-if-new", action="store_true",
                     help="after the run, email the briefing (options as for `newsbrief email`) only when it has "
                          "articles the previous run of this name did not have")
    add_delivery_arguments(new, to_required=False)
    run.set_defaults(func=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    from ..params import load_params
    from ..render.report import run_report

    params = load_params(args.params, overrides=args.set or [])
    if args.email_if_new:
        _check_delivery(args)
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
    if args.email_if_new:
        if paths.new_articles == 0:
            print("no new articles since the last run: no email sent")
            return 0
        return cmd_email(argparse.Namespace(**{**vars(args), "report_dir": paths.folder}))
    return 0


def _check_delivery(args: argparse.Namespace) -> None:
    """--email-if-new needs recipients and somewhere to deliver: checked before the run, not after it."""
    from ..deliver.mail import AddressError

    if not args.to:
        raise AddressError("--email-if-new needs --to ADDR", field="to")
    if args.smtp_host is None and args.eml is None:
        raise AddressError("--email-if-new needs --smtp-host to send the briefing, --eml FILE to write it, or both",
                           field="smtp-host")
    if args.each is not None:
        raise AddressError("--email-if-new sends one briefing; it does not apply to --each", field="each")
