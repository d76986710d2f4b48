"""YAML files users write (params, aliases), read with a bound on what anchors and aliases expand to.

``yaml.safe_load`` shares aliased nodes, but everything that walks the result (validation, error messages)
walks the expansion: nine anchors of nine aliases ("billion laughs") are 387 million values. A file whose
expansion passes :data:`MAX_VALUES` is refused before it is loaded.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import YamlTooLarge

#: Values (scalars, lists, mappings) a user's YAML file may expand to: far above any params or alias file.
MAX_VALUES = 100_000


def _expanded_size(root: yaml.Node, limit: int) -> int:
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 1  # a node that contains itself counts once (safe_load refuses it anyway)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        total = min(total, limit + 1)
        sizes[id(node)] = total
        return total

    return size(root)


def load_yaml(text: str, *, limit: int = MAX_VALUES) -> Any:
    """``yaml.safe_load(text)``, or :class:`YamlTooLarge` when anchors and aliases expand past ``limit`` values
    (a ``yaml.YAMLError`` for text that is not YAML, as from safe_load)."""
    if "*" in text:  # aliases are rare in users' files: only then is the node graph measured
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if root is not None and _expanded_size(root, limit) > limit:
            raise YamlTooLarge(f"its anchors and aliases (&name, *name) expand to more than {limit:,} values; "
                               "write the values out")
    return yaml.safe_load(text)


def yaml_value(value: Any) -> str:
    """``value`` written as a user writes it in a params file: ``null``, ``true``, ``[en, de]``, ``news``."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    return text.removesuffix("...").strip()
