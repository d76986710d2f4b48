"""What a printed briefing looks like, measured from its PDF: page fill, orphaned headings, the smallest text and
the smallest chart text, and the findings beside their tables (shared by the layout tests)."""

from __future__ import annotations

import base64
import html
import io
import re
import subprocess
from pathlib import Path

import nbformat
from pypdf import PdfReader

#: Printable area of the print CSS (mm): top and bottom page margins.
TOP_MM, BOTTOM_MM = 14, 16


def filled(pdf: Path, tmp: Path) -> list[float]:
    """Per page, the share of the printable height above the lowest ink (footer excluded), from a raster."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(tmp / "pg")], check=True)
    out = []
    for page in sorted(tmp.glob("pg-*.png")):
        with Image.open(page) as image:
            width, height = image.size
            top, bottom = round(height * TOP_MM / 297), round(height * (297 - BOTTOM_MM) / 297)
            body = image.crop((0, top, width, bottom)).point(lambda v: 255 if v < 200 else 0)
            box = body.getbbox()
            out.append(0.0 if box is None else box[3] / (bottom - top))
    return out


def text_runs(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Per page, (y of the baseline in points from the bottom, printed font size in points, text) of each run."""
    pages = []
    for page in PdfReader(pdf).pages:
        runs: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, runs=runs):  # noqa: ANN001 - pypdf's visitor signature
            if text.strip():
                scale_y = (tm[2] * cm[1] + tm[3] * cm[3]) if tm[3] else cm[3]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((y, abs(size * scale_y), text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def smallest_text(pdf: Path) -> float:
    """The smallest printed font size (points) of any text drawn as text in the PDF."""
    return min(size for runs in text_runs(pdf) for _, size, _ in runs if size > 0)


def orphaned_headings(pdf: Path, headings: list[str]) -> list[str]:
    """Headings that are the last body text on a page before the last (their content on the next page)."""
    pages = text_runs(pdf)
    out = []
    for runs in pages[:-1]:
        body = [r for r in runs if r[0] > (BOTTOM_MM + 2) * 72 / 25.4]  # above the page footer
        if body:
            lowest = min(body, key=lambda r: r[0])[2]
            out += [h for h in headings if lowest.strip() == h]
    return out


def chart_fonts(notebook: Path, pdf: Path) -> list[float]:
    """The printed size (points) of the smallest font of each chart: the chart's own smallest font scaled by the
    width the PDF draws its image at over the width it was drawn at (pixels / dpi)."""
    from PIL import Image

    nb = nbformat.read(notebook, as_version=4)
    charts = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("image/png", {})
            if "image/png" in output.get("data", {}) and "min_font_pt" in meta:
                png = base64.b64decode(output["data"]["image/png"])
                with Image.open(io.BytesIO(png)) as image:
                    charts[image.size] = (float(meta["min_font_pt"]), float(meta["dpi"]))
    sizes = []
    for page in PdfReader(pdf).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        drawn: list[tuple[str, float]] = []

        def before(op, args, cm, tm, drawn=drawn):  # noqa: ANN001
            if op == b"Do":
                drawn.append((str(args[0]), abs(cm[0])))

        page.extract_text(visitor_operand_before=before)
        for name, width_pt in drawn:
            obj = xobjects[name].get_object() if name in xobjects else None
            if obj is None or obj.get("/Subtype") != "/Image":
                continue
            key = (int(obj["/Width"]), int(obj["/Height"]))
            if key in charts:
                font, dpi = charts[key]
                sizes.append(font * width_pt / (key[0] / dpi * 72))
    return sizes


def findings(markup: str) -> list[str]:
    found = re.search(r'<ul class="nb-findings">(.*?)</ul>', markup, re.S)
    items = re.findall(r"<li>(.*?)</li>", found.group(1), re.S) if found else []
    return [html.unescape(re.sub(r"<[^>]+>", "", i)) for i in items]


def h2_headings(markup: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", h)).strip(" \u00b6\n") for h in re.findall(r"<h2[^>]*>(.*?)</h2>", markup, re.S)]
