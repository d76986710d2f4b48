"""Parameter values shown as a user writes them in a params file (the briefing's "Run parameters")."""

from __future__ import annotations

import pytest
import yaml

from newsbrief.yamlfile import yaml_value


@pytest.mark.parametrize(("value", "shown"), [
    (None, "null"), (True, "true"), (False, "false"), ("news", "news"), (["en", "de"], "[en, de]"),
    (1000000, "1000000"), ("2017-01-01", "'2017-01-01'"), ("a: b", "'a: b'"), ("Zürich", "Zürich"),
])
def test_a_value_is_shown_as_yaml_not_as_python(value: object, shown: str) -> None:
    assert yaml_value(value) == shown


@pytest.mark.parametrize("value", [None, "null", "yes", "12", "x" * 300, ["a", None], {"k": [1, 2]}])
def test_what_is_shown_reads_back_as_the_same_value(value: object) -> None:
    assert yaml.safe_load(yaml_value(value)) == value
