"""`newsbrief run`: render a briefing from a params file (or from an input with the default parameters)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import progress_factory, stage_printer
from .email import add_delivery_arguments, cmd_email

#: Suffixes of parameter files; anything else given where a params file goes is read as an input.
PARAMS_SUFFIXES = frozenset({".yaml", ".yml"})


def add_parser(sub: Any) -> None:
    run = sub.add_parser("run", help="render a briefing (executed notebook, HTML, PDF) from a params file",
                         description="Render DIR/<name>/briefing.{ipynb,html,pdf} from a params YAML file. Given an "
                                     "article or corpus (a page, a table, a folder) instead, it is briefed with the "
                                     "default parameters (name: the file's name).")
    run.add_argument("params", help="parameter file (YAML), e.g. params/seed-article.yaml; or an input (page, "
                                    "table, folder, URL)")
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


def is_input(item: str | Path) -> bool:
    """A URL, a folder, or a file that is an input newsbrief reads (a page, a table, a URL list) rather than a YAML
    params file."""
    from ..ingest import SUPPORTED
    from ..params import is_url

    if is_url(str(item)):
        return True
    path = Path(item)
    suffix = path.suffix.lower()
    return path.is_dir() or (suffix in (*SUPPORTED, ".urls") and suffix not in PARAMS_SUFFIXES)


def load_run_params(item: str | Path, overrides: list[str], *, quiet: bool = False) -> Any:
    """The params of a run: the YAML file at ``item``; or, for an input, the defaults with ``input: item``."""
    from ..params import default_name, is_url, load_params, with_overrides

    if not is_input(item):
        return load_params(item, overrides=overrides)
    source = str(item) if is_url(str(item)) else str(Path(item).resolve())
    params = with_overrides({"input": [source], "name": default_name(item)}, overrides)  # checked before the note
    if not quiet:
        print(f"newsbrief: {item} is an input, not a parameter file: briefed with the default parameters (name: "
              f"{params.name}); `newsbrief params` lists what a params file may set", file=sys.stderr)
    return params


def cmd_run(args: argparse.Namespace) -> int:
    from ..render.report import run_report

    params = load_run_params(args.params, args.set or [], quiet=args.quiet)
    if args.email_if_new:
        _check_delivery(args)
    tty = sys.stderr.isatty() and not args.quiet
    paths = run_report(params, output_dir=args.output_dir, progress=progress_factory(not args.quiet),
                       stage=stage_printer(args.quiet),
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
    from ..deliver.mail import AddressError, SmtpSettings

    if not args.to:
        raise AddressError("--email-if-new needs --to ADDR", field="to")
    if args.smtp_host is None and args.eml is None:
        raise AddressError("--email-if-new needs --smtp-host to send the briefing, --eml FILE to write it, or both",
                           field="smtp-host")
    if args.each is not None:
        raise AddressError("--email-if-new sends one briefing; it does not apply to --each", field="each")
    if args.smtp_host is not None:  # the login in the environment, checked as `newsbrief email` checks it
        SmtpSettings.from_env(args.smtp_host, port=args.smtp_port, security=args.security, timeout=args.timeout)
