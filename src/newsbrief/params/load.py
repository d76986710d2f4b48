"""Loading run parameters: YAML files, ``--set key=value`` overrides, paths, alias files, every problem at once.

Every problem (unknown keys, wrong types, missing input paths) is collected and raised at once as one
:class:`~newsbrief.errors.ParamsError`. Relative paths in a YAML file are resolved against that file's folder;
paths given with ``--set`` against the current folder.
"""

from __future__ import annotations

import contextlib
import difflib
import glob
import logging
import os
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import ParamsError, YamlTooLarge
from ..yamlfile import load_yaml
from .schema import COMPARE_WORDS, DATE_RANGE, PATH_FIELDS, AnnotationParams, Params, default_name, is_url

log = logging.getLogger(__name__)


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
        raise ParamsError("invalid override", problems=[f"--set {unknown_key(key)}"])
    if _field_is_str(key):
        return key, raw
    if key in ("input", "entities", "languages") and not raw.lstrip().startswith("["):
        return key, [part.strip() for part in raw.split(",") if part.strip()]
    try:
        return key, yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError as e:
        raise ParamsError("invalid override", problems=[f"--set {key}: {e}"]) from e


def unknown_key(key: str) -> str:
    """``tpo_n: unknown key (did you mean top_n? valid keys: ...)``: the one message for a key the schema lacks,
    in a params file or a ``--set``."""
    close = difflib.get_close_matches(key, list(Params.model_fields), n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    return f"{key}: unknown key ({hint}valid keys: {', '.join(Params.model_fields)})"


def _looks_like_path(value: str) -> bool:
    """A ``compare`` value written as a path (``../runs/data``, ``~/store``, ``/srv/x``), not as a word."""
    return "/" in value or os.sep in value or value.startswith((".", "~"))


def _resolve(value: str, base: Path) -> str:
    path = Path(value).expanduser()
    return os.path.normpath(path if path.is_absolute() else base / path)  # "data/x", never "params/../data/x"


def _resolve_paths(data: dict[str, Any], base: Path) -> dict[str, Any]:
    out = dict(data)
    for key in PATH_FIELDS:
        value = out.get(key)
        if isinstance(value, str):
            resolved = value if key == "input" and is_url(value) else _resolve(value, base)  # a URL is not a path
            out[key] = [resolved] if key == "input" else resolved
        elif key == "input" and isinstance(value, list):
            out[key] = [_resolve(v, base) if isinstance(v, str) and not is_url(v) else v for v in value]
    compare = out.get("compare")
    if isinstance(compare, str) and compare not in COMPARE_WORDS and not DATE_RANGE.match(compare):
        folder = _resolve(compare, base)  # a word that is no folder stays as written: its error names the word
        if _looks_like_path(compare) or Path(folder).is_dir():
            out["compare"] = folder
    options = out.get("sentiment_options")
    if isinstance(options, dict) and isinstance(options.get("model_path"), str):
        out["sentiment_options"] = dict(options, model_path=_resolve(options["model_path"], base))
    return out


def _format_error(err: Any) -> str:
    loc = ".".join(str(p) for p in err["loc"]) or "(file)"
    err = dict(err, msg=str(err["msg"]).removeprefix("Value error, "))
    if err["type"] == "extra_forbidden":
        return unknown_key(loc)
    if err["type"] == "missing":
        return f"{loc}: required"
    if isinstance(err.get("input"), str) and err["input"] in err["msg"]:  # the message names the value already
        return f"{loc}: {err['msg']}"
    return f"{loc}: {err['msg']} (got {err.get('input')!r})"


class AliasFile(BaseModel):
    """The shape of an alias file (``aliases:``): names are strings; numbers are read as names."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    merge: dict[str, list[str]] = Field(default_factory=dict,
                                        description="a mapping of each name to a list of its variants")
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
        data = load_yaml(text)
    except YamlTooLarge as e:
        return None, [f"aliases: {path}: {e}"]
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
    problems = [] if params.input else ["input: empty: give at least one file, folder, glob or URL"]
    for item in params.input:
        if is_url(item):
            continue
        if any(c in item for c in "*?["):
            if not glob.glob(item, recursive=True):
                problems.append(f"input: no file matches {item}")
        elif not Path(item).exists():
            loop = Path(item).is_symlink()
            what = "a symlink loop (the link leads back to itself)" if loop else "no such file or folder"
            problems.append(f"input: {what}: {item}")
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
            with contextlib.suppress(Exception):  # malformed input is already reported above
                problems += _missing_paths(Params.model_construct(input=Params._one_or_many(inputs), aliases=None))
        raise ParamsError("invalid parameters", problems=problems, path=source) from e
    problems = _missing_paths(params)
    if problems:
        raise ParamsError("invalid parameters", problems=problems, path=source)
    return params


def load_params(path: str | Path, *, overrides: list[str] | tuple[str, ...] = ()) -> Params:
    """Load a params YAML file, apply ``key=value`` overrides, validate."""
    path = Path(path)
    try:
        loaded = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ParamsError("no such parameter file", path=path) from e
    except IsADirectoryError as e:
        raise ParamsError("a folder, not a parameter file", path=path) from e
    except UnicodeDecodeError as e:
        raise ParamsError(f"not a UTF-8 text file (byte 0x{e.object[e.start]:02x} at position {e.start}): a "
                          "parameter file is YAML text", path=path) from e
    except YamlTooLarge as e:
        raise ParamsError(str(e), path=path) from e
    except yaml.YAMLError as e:
        raise ParamsError(f"not valid YAML: {e}", path=path) from e
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise ParamsError("a parameter file must be a mapping of keys to values", path=path)
    return with_overrides(_resolve_paths(loaded, path.resolve().parent), overrides, source=path)


def with_overrides(data: dict[str, Any], overrides: list[str] | tuple[str, ...] = (), *,
                   source: str | Path | None = None) -> Params:
    """Validate ``data`` (paths resolved) with ``key=value`` overrides applied (their paths against the current
    folder); one ParamsError lists every problem, those of ``--set`` values named as such."""
    data = dict(data)
    cwd = Path.cwd()
    problems: list[str] = []
    overridden: set[str] = set()
    for item in overrides:  # every bad --set is reported, with the file's problems, in one error
        try:
            key, value = parse_override(item)
        except ParamsError as e:
            problems += e.problems
            continue
        overridden.add(key)
        data.update(_resolve_paths({key: value}, cwd))
    # a file's title describes the file's input: another input is not titled by it (an article briefing takes its
    # article's headline, a corpus briefing "News briefing"), unless --set title gives one
    retitled = source is not None and "input" in overridden and "title" not in overridden
    dropped = data.pop("title", None) if retitled else None
    # so does its name (the run folder, e.g. sample-corpus): another input names its own, as a run of it alone would
    renamed = source is not None and "input" in overridden and "name" not in overridden
    old_name = data.pop("name", None) if renamed else None
    if old_name is not None and isinstance(data.get("input"), list) and data["input"]:
        data["name"] = default_name(data["input"][0])
    try:
        params = build_params(data, source=source)
    except ParamsError as e:
        problems += [_blame(p, overridden) for p in e.problems]
    if problems:
        if source is None or all(p.startswith("--set ") for p in problems):  # the file is fine: do not name it
            raise ParamsError("invalid --set value(s)" if overrides else "invalid parameters", problems=problems)
        raise ParamsError("invalid parameters", problems=problems, path=source)
    if dropped is not None:
        log.warning("%s: its title %r describes its own input, not the one given with --set input: left out "
                    "(--set title=... gives one)", source, dropped)
    if old_name is not None and old_name != params.name:
        log.warning("%s: its name %r names its own input's run folder, not the one given with --set input: the run "
                    "is named %r (--set name=... gives one)", source, old_name, params.name)
    return params


def _blame(problem: str, overridden: set[str]) -> str:
    """A problem of a key given with ``--set`` names ``--set``, not the params file."""
    key = re.split(r"[.:]", problem, maxsplit=1)[0]
    return f"--set {problem}" if key in overridden else problem
