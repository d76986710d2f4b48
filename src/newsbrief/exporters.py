"""nbconvert exporters for briefings, registered under the ``nbconvert.exporters`` entry point.

``newsbrief_html``: a code-free, script-free standalone HTML page from the project's template.
``newsbrief_pdf``: that page printed to PDF by WeasyPrint (no LaTeX, no browser), with the
briefing title and page numbers in the footer. Both work with ``jupyter nbconvert --to NAME``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nbconvert.exporters import Exporter, HTMLExporter
from nbformat import NotebookNode
from traitlets import Enum, default

TEMPLATES = Path(__file__).parent / "templates"

_ACTIVE_TAGS = re.compile(r"<\s*(script|iframe|object|embed|applet|base|meta|link)\b[^>]*>.*?<\s*/\s*\1\s*>", re.I | re.S)
_ACTIVE_OPEN = re.compile(r"<\s*/?\s*(script|iframe|object|embed|applet|base|meta|link)\b[^>]*>", re.I)
_EVENT_ATTR = re.compile(r"""\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_JS_URL = re.compile(r"""(href|src|action|formaction|xlink:href)\s*=\s*(["']?)\s*(javascript|vbscript|data:text/html):""", re.I)


def strip_active(markup: str) -> str:
    """Remove executable markup (scripts, frames, event handlers, javascript: URLs).

    A second line of defence: article strings are already escaped where they enter HTML.
    """
    markup = _ACTIVE_TAGS.sub("", markup)
    markup = _ACTIVE_OPEN.sub("", markup)
    markup = _EVENT_ATTR.sub("", markup)
    return _JS_URL.sub(r"\1=\2#blocked:", markup)


def print_css(paper: str) -> str:
    """CSS for paged output: paper size, footer with title and page numbers, no split figures."""
    size = "A4" if paper.upper() == "A4" else "letter"
    return f"""
@page {{ size: {size}; margin: 18mm 16mm 20mm 16mm;
  @bottom-left {{ content: string(doctitle); font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #5b6470; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font-family: "DejaVu Sans", sans-serif;
                  font-size: 8pt; color: #5b6470; }} }}
body {{ font-size: 10.5pt; }}
main.briefing {{ max-width: none; padding: 0; }}
h1 {{ string-set: doctitle content(); font-size: 20pt; }}
h2, section.nb-text {{ break-after: avoid; }}
figure.nb-figure, .nb-header, ul.nb-findings li {{ break-inside: avoid; }}
.nb-table-wrap {{ overflow: visible; }}
table.nb-table {{ table-layout: auto; }}
figure.nb-figure img {{ width: auto; max-width: 100%; }}
table.nb-table tr, table.nb-table thead {{ break-inside: avoid; }}
table.nb-table thead {{ display: table-header-group; }}
details.nb-params > * {{ display: block; }}
details.nb-params summary {{ list-style: none; }}
"""


class BriefingHTMLExporter(HTMLExporter):
    """Standalone briefing HTML without code cells, prompts or scripts."""

    export_from_notebook = "Briefing HTML"

    @default("template_name")
    def _template_name_default(self) -> str:
        return "briefing"

    @default("extra_template_basedirs")
    def _extra_basedirs_default(self) -> list[str]:
        return [str(TEMPLATES)]

    @default("exclude_input")
    def _exclude_input_default(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self) -> bool:
        return True

    def default_filters(self) -> Any:
        yield from super().default_filters()
        yield ("strip_active", strip_active)

    def from_notebook_node(
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        output, resources = super().from_notebook_node(nb, resources, **kw)
        return strip_active_document(output), resources


_DOC_ACTIVE_TAGS = re.compile(r"<\s*(script|iframe|object|embed|applet)\b[^>]*>.*?<\s*/\s*\1\s*>", re.I | re.S)
_DOC_ACTIVE_OPEN = re.compile(r"<\s*/?\s*(script|iframe|object|embed|applet|base)\b[^>]*>", re.I)


def strip_active_document(document: str) -> str:
    """Whole-document pass: no script, frame or handler survives anywhere in a briefing.

    Unlike :func:`strip_active` (for notebook outputs) it keeps the template's own <meta> tags
    (charset, viewport), without which browsers guess the encoding and garble the text.
    """
    document = _DOC_ACTIVE_TAGS.sub("", document)
    document = _DOC_ACTIVE_OPEN.sub("", document)
    document = _EVENT_ATTR.sub("", document)
    return _JS_URL.sub(r"\1=\2#blocked:", document)


class BriefingPDFExporter(Exporter):
    """The briefing HTML printed to PDF by WeasyPrint."""

    export_from_notebook = "Briefing PDF"
    output_mimetype = "application/pdf"
    paper = Enum(["A4", "Letter"], default_value="A4", help="Paper size of the PDF.").tag(config=True)

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    def from_notebook_node(
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        import weasyprint

        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        paper = str(nb.metadata.get("newsbrief", {}).get("paper", self.paper))
        resources["newsbrief_print_css"] = print_css(paper)
        html_exporter = BriefingHTMLExporter(config=self.config, parent=self)
        markup, resources = html_exporter.from_notebook_node(nb_copy, resources)
        pdf = weasyprint.HTML(string=markup, base_url=str(TEMPLATES)).write_pdf()
        resources["output_extension"] = ".pdf"
        return pdf, resources
