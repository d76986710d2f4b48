"""nbconvert exporters for briefings, registered under the ``nbconvert.exporters`` entry point.

``newsbrief_html``: a code-free, script-free standalone HTML page from the project's template.
``newsbrief_pdf``: that page printed to PDF by WeasyPrint (no LaTeX, no browser), with the
briefing title and page numbers in the footer. Both work with ``jupyter nbconvert --to NAME``.
:func:`html_and_pdf` renders the page once and prints that same markup (what a run does).
"""

from __future__ import annotations

import threading
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

    def from_notebook_node(  # type: ignore[override]  # a PDF is bytes, as in nbconvert's own PDFExporter
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        paper = str(nb.metadata.get("newsbrief", {}).get("paper", self.paper))
        resources["newsbrief_print_css"] = print_css(paper)
        html_exporter = BriefingHTMLExporter(config=self.config, parent=self)
        markup, resources = html_exporter.from_notebook_node(nb_copy, resources)
        resources["output_extension"] = ".pdf"
        return pdf_from_html(markup), resources


def pdf_from_html(markup: str) -> bytes:
    """Print a briefing page (with its ``media="print"`` style) to PDF with WeasyPrint."""
    import weasyprint

    # No base URL: every resource is inline, and a relative link (appendix.html) stays relative, so a PDF
    # viewer opens it beside the PDF in the run folder.
    return weasyprint.HTML(string=markup, base_url=None).write_pdf()


def html_and_pdf(nb: NotebookNode, *, paper: str) -> tuple[str, bytes]:
    """The briefing page and its PDF from one HTML rendering: the page carries the print CSS
    as a ``media="print"`` style (inert on screen, used by WeasyPrint and by a browser's print)."""
    for thread in _WARMING:
        thread.join()  # import in progress in another thread: let it finish
    _WARMING.clear()
    markup, _ = BriefingHTMLExporter().from_notebook_node(nb, {"newsbrief_print_css": print_css(paper)})
    return markup, pdf_from_html(markup)


def _warm_up() -> None:
    import weasyprint  # noqa: F401 - 0.6-0.9 s of imports, done while the kernel runs

    BriefingHTMLExporter().environment.get_template("index.html.j2")


def warm_up_in_background() -> threading.Thread:
    """Import WeasyPrint and load the briefing template in a thread while the kernel executes the
    notebook (this process only waits for the kernel then); :func:`html_and_pdf` finds them ready."""
    thread = threading.Thread(target=_warm_up, name="newsbrief-render-warm-up", daemon=True)
    _WARMING.append(thread)
    thread.start()
    return thread


_WARMING: list[threading.Thread] = []
