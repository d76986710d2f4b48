"""HTML blocks for notebooks: markup comes only from the Jinja templates in ``templates/`` (autoescaped)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from ..textutil import minus

TEMPLATES = Path(__file__).parent / "templates"


@functools.lru_cache(maxsize=8)
def environment(folder: str | Path = TEMPLATES) -> jinja2.Environment:
    """The one Jinja setup of the package, over the templates in ``folder`` (by default the block templates;
    the renderer's pages and the email have their own folders): HTML autoescaped (article text can never become
    markup), an undefined name an error, block tags taking their line with them."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)),
                              autoescape=jinja2.select_autoescape(["html", "html.j2"]),
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


class HTMLBlock:
    """Ready, escaped HTML for notebook display (with a plain-text fallback)."""

    def __init__(self, markup: str, text: str, *, metadata: Mapping[str, Any] | None = None) -> None:
        self.markup = markup
        self.text = text
        self.metadata = dict(metadata or {})

    def with_metadata(self, metadata: Mapping[str, Any]) -> HTMLBlock:
        """This block with ``metadata`` recorded beside its output in the executed notebook."""
        return HTMLBlock(self.markup, self.text, metadata={**self.metadata, **metadata})

    @classmethod
    def from_template(cls, template: str, *, text: str, **context: Any) -> HTMLBlock:
        return cls(render(template, **context), text)

    @classmethod
    def plain(cls, message: str) -> HTMLBlock:
        """A one-paragraph message."""
        return cls.from_template("message.html.j2", text=message, message=message)

    def _repr_html_(self) -> str:
        return self.markup

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict[str, str], dict[str, Any]]:
        return {"text/html": self.markup, "text/plain": self.text}, self.metadata

    def __repr__(self) -> str:
        return self.text


#: How a column's values read: a format string (``"{:+.2f}"``) or a function (``pct``).
Format = str | Callable[[Any], str]


def _cell(value: Any, fmt: Format | None) -> str:
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    if fmt:
        return minus(fmt(value) if callable(fmt) else fmt.format(value))
    if isinstance(value, str):
        return " ".join(value.split())  # a newline inside a cell reads as one line
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return minus(f"{value:g}")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return str(value)


def table_rows(frame: pd.DataFrame, formats: Mapping[str, Format] | None = None) -> list[list[str]]:
    formats = formats or {}
    columns = list(frame.columns)
    return [[_cell(v, formats.get(c)) for c, v in zip(columns, row)] for row in frame.itertuples(index=False)]


def table_block(
    frame: pd.DataFrame, *, caption: str | None = None, formats: Mapping[str, Format] | None = None
) -> HTMLBlock:
    """A DataFrame as an escaped HTML table (article strings never become markup)."""
    rows = table_rows(frame, formats)
    headers = [str(c) for c in frame.columns]
    markup = render("table.html.j2", caption=caption, headers=headers, rows=rows)
    text = "\n".join(["\t".join(headers), *("\t".join(r) for r in rows)])
    return HTMLBlock(markup, text)


class Parts:
    """Several outputs shown in order by one notebook cell (a section: heading block, chart, table...)."""

    def __init__(self, *parts: HTMLBlock | Any | None) -> None:
        self.parts = [p for p in parts if p is not None]

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for part in self.parts:
            display(part)

    def __repr__(self) -> str:
        return "\n\n".join(repr(p) for p in self.parts)
