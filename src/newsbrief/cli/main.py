"""The newsbrief command line: the only place that prints. Exit codes: 0 ok, 2 bad input, 1 failure.

Each command lives in its own module with ``add_parser(subparsers)``; COMMANDS lists them.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..errors import NewsbriefError

#: Command modules in the order `newsbrief --help` lists them.
COMMANDS: tuple[str, ...] = ("run", "email", "annotate", "params")
#: Libraries whose warnings restate, in their own words, what newsbrief reports once (shown with --verbose).
QUIET_LIBRARIES: tuple[str, ...] = ("weasyprint", "trafilatura", "htmldate", "courlan", "justext", "py.warnings")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbrief",
                                     description="Analytical briefings for news articles and corpora.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    parser.add_argument("--version", action="version", version=f"newsbrief {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"newsbrief.cli.{name}").add_parser(sub)
    return parser


def disk_full(error: OSError) -> bool:
    """True for "no space left" and "quota exceeded", also from pyarrow (which gives no errno)."""
    return error.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in str(error)


def output_of(args: argparse.Namespace) -> str:
    """Where a command writes: the output folder (run), the store (annotate), the .eml file (email)."""
    for name in ("output_dir", "out", "eml"):
        value = getattr(args, name, None)
        if value is not None:
            return str(Path(value).resolve())
    return str(Path.cwd())


def _skip_iri_format_checker() -> None:
    """Keep jsonschema from importing its optional IRI format checker in this process.

    nbformat imports jsonschema, whose ``iri`` format check imports ``rfc3987_syntax`` when installed
    (Jupyter installs it), and that module compiles 38 Lark grammars at import: 1.2-1.5 s on every
    run, a third of a cached briefing. No notebook schema uses the ``iri`` format; jsonschema treats
    the module as absent (its import is optional), and nothing else in the CLI process needs it.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    _skip_iri_format_checker()
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="newsbrief: %(levelname)s: %(message)s")
    # Python warnings of libraries (dateutil's UnknownTimezoneWarning, ...) go through logging, in our format.
    logging.captureWarnings(True)
    if not args.verbose:
        # WeasyPrint reports every CSS property it does not support (screen-only rules); trafilatura says
        # "discarding data: None" for a page it cannot read (ingest names the page and why): noise for users.
        for name in QUIET_LIBRARIES:
            logging.getLogger(name).setLevel(logging.ERROR)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    try:
        return int(args.func(args))
    except NewsbriefError as e:
        print(f"newsbrief: error: {e}", file=sys.stderr)
        return e.exit_code
    except OSError as e:
        if disk_full(e):  # a failure of the run, not of the input: name where it was writing
            where = e.filename or output_of(args)
            print(f"newsbrief: error: {where}: no space left on the device (free some space and run again)",
                  file=sys.stderr)
            return 1
        # A path the user gave cannot be written or read (permissions, a missing parent folder).
        where = f"{e.filename}: " if e.filename else ""
        print(f"newsbrief: error: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsbrief: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
