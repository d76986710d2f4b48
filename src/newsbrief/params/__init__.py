"""Run parameters: one typed schema (:mod:`.schema`) and its loading from YAML and ``--set`` overrides
(:mod:`.load`), every problem listed at once."""

from .load import (
    AliasFile,
    alias_problems,
    build_annotation_params,
    build_params,
    load_alias_file,
    load_params,
    parse_override,
    with_overrides,
)
from .schema import (
    COMPARE_WORDS,
    DATE_RANGE,
    DEFAULT_TOP_N,
    KIND_TRAITS,
    LAST_RUN_DIR,
    PATH_FIELDS,
    AnnotationParams,
    AnnotationSettings,
    BriefingOptions,
    ComputeParams,
    FetchParams,
    InputParams,
    Kind,
    KindTraits,
    Params,
    ShapeParams,
    default_name,
    is_url,
    params_table,
    reads_strictly,
    relative_path,
    resolve_kind,
)

__all__ = [
    "COMPARE_WORDS", "DEFAULT_TOP_N", "LAST_RUN_DIR", "DATE_RANGE", "PATH_FIELDS", "AliasFile", "AnnotationParams",
    "AnnotationSettings", "BriefingOptions", "ComputeParams", "FetchParams", "InputParams", "KIND_TRAITS", "Kind",
    "KindTraits", "Params", "ShapeParams", "alias_problems", "build_annotation_params", "build_params", "default_name",
    "is_url",
    "load_alias_file", "load_params", "params_table", "parse_override", "reads_strictly", "relative_path",
    "resolve_kind", "with_overrides"
]
