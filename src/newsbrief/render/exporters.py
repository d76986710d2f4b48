"""nbconvert exporters for briefings, registered under the ``nbconvert.exporters`` entry point.

``newsbrief_html``: a code-free, script-free standalone HTML page from the project's template.
``newsbrief_pdf``: that page printed to PDF by WeasyPrint (no LaTeX, no browser), with the
briefing title and page numbers in the footer. Both work with ``jupyter nbconvert --to NAME``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbconvert.exporters import Exporter, HTMLExporter
from nbformat import NotebookNode
from traitlets import Enum, default

from .pages import print_css
from .sanitize import sanitize, svg_image

TEMPLATES = Path(__file__).parent / "templates"

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
        yield ("sanitize", sanitize)
        yield ("svg_image", svg_image)


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
        # No base URL: every resource is inline, and a relative link (appendix.html) stays relative, so a PDF
        # viewer opens it beside the PDF in the run folder.
        pdf = weasyprint.HTML(string=markup, base_url=None).write_pdf()
        resources["output_extension"] = ".pdf"
        return pdf, resources
