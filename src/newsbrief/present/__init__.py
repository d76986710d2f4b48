"""Presentation: charts (one visual style), formatters, HTML blocks from Jinja templates, the briefing."""

from .blocks import HTMLBlock, table_block
from .figures import Chart, to_chart
from .formatters import UNDATED, fmt_date, fmt_day, fmt_source, header_rows

__all__ = ["UNDATED", "Chart", "HTMLBlock", "fmt_date", "fmt_day", "fmt_source", "header_rows", "table_block",
           "to_chart"]
