"""One HTML rendering serves the page and the PDF; the nbconvert PDF exporter prints the same page."""

from __future__ import annotations

import nbformat

from newsbrief.render.exporters import BriefingPDFExporter, html_and_pdf


def notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A briefing\n\nSome *findings*.")]
    nb.metadata["title"] = "A briefing"
    return nb


def test_page_and_pdf_from_one_rendering() -> None:
    markup, pdf = html_and_pdf(notebook(), paper="Letter")
    assert '<style media="print">' in markup and "size: letter" in markup  # inert on screen
    assert "<h1" in markup and "findings" in markup
    assert pdf.startswith(b"%PDF")


def test_pdf_exporter_prints_with_the_paper_size() -> None:
    pdf, resources = BriefingPDFExporter(paper="A4").from_notebook_node(notebook())
    assert pdf.startswith(b"%PDF") and resources["output_extension"] == ".pdf"
