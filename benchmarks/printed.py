"""What a printed briefing looks like, measured from its PDF and HTML: page fill, orphaned headings, the smallest
text and chart text, and whether the findings say what the tables beside them say.

Shared by ``benchmarks/briefing_layout.py`` (the figures in docs/briefing.md) and the layout tests.
"""

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
    return [html.unescape(re.sub(r"<[^>]+>", "", h)).strip(" \u00b6\n")
            for h in re.findall(r"<h2[^>]*>(.*?)</h2>", markup, re.S)]


def html_tables(markup: str) -> list[list[dict[str, str]]]:
    """Every table of the briefing as rows of {header: cell text}."""
    out = []
    for table in re.findall(r'<table class="nb-table">(.*?)</table>', markup, re.S):
        headers = [html.unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<th>(.*?)</th>", table, re.S)]
        rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", re.sub(r"<thead>.*?</thead>", "", table, flags=re.S), re.S):
            cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
            if cells:
                rows.append(dict(zip(headers, cells)))
        out.append(rows)
    return out


def _row(tables: list[list[dict[str, str]]], key: str, name: str, *, needs: str) -> dict[str, str] | None:
    return next((r for t in tables for r in t if r.get(key) == name and needs in r), None)


def _pct(cell: str) -> str:
    """A share as the table prints it (``present.formatters.pct``: 24, 5.5, <0.1), without the percent sign."""
    return cell.strip().rstrip("%")


#: Entity lead: "X is the most mentioned T (N mentions[ in A of M articles], P% of all entity mentions[; K ...])".
ENTITY_LEAD = re.compile(r"(.+?) is the most mentioned \w+ \((\d[\d,]*) mentions?(?: in (\d+) of \d+ articles)?, "
                         r"(<?\d+(?:\.\d)?)% of all entity mentions")
PERSON_LEAD = re.compile(r"The most mentioned person is (.+?) \((\d[\d,]*) mentions?(?: in (\d+) of \d+ articles)?\)")
#: Speaker lead: "X is quoted most: Q of T quotes (P%)[ in A of M articles]".
SPEAKER_LEAD = re.compile(r"(.+?) is quoted most: (\d[\d,]*) of (\d[\d,]*) quotes \((<?\d+(?:\.\d)?)%\)"
                          r"(?: in (\d+) of \d+ articles)?")


def findings_against_tables(markup: str) -> tuple[int, list[str]]:
    """(how many numbers were checked, the findings whose numbers differ from the briefing's own tables).

    Reads each entity and speaker finding and the table beside it (the article's "Who is in it" and "Who speaks",
    the corpus's entities by type and "Most quoted"): mentions, articles, quotes, shares and named or unnamed.
    """
    tables = html_tables(markup)
    checked, wrong = 0, []
    for line in findings(markup):
        for pattern in (ENTITY_LEAD, PERSON_LEAD):
            if m := pattern.match(line):
                row = _row(tables, "name", m.group(1), needs="mentions")
                if row is None:
                    wrong.append(f"no table row for: {line}")
                    continue
                checked += 1
                if row["mentions"].replace(",", "") != m.group(2).replace(",", ""):
                    wrong.append(line)
                if m.group(3) and row.get("articles") and row["articles"] != m.group(3):
                    wrong.append(line)
                if pattern is ENTITY_LEAD and "share" in row and _pct(row["share"]) != m.group(4):
                    wrong.append(line)
        if m := SPEAKER_LEAD.match(line):
            row = _row(tables, "speaker", m.group(1), needs="quotes")
            if row is None:
                wrong.append(f"no table row for: {line}")
                continue
            checked += 1
            share = row.get("share", row.get("share of quotes", ""))
            if (row["quotes"].replace(",", "") != m.group(2).replace(",", "") or row.get("named", "yes") != "yes"
                    or (share and _pct(share) != m.group(4))
                    or (m.group(5) and row.get("articles") and row["articles"] != m.group(5))):
                wrong.append(line)
        if m := re.match(r"Unnamed sources: (\d+) quotes? from (\d+) unnamed [^,]*, led by (.+)\.$", line):
            for name in re.findall(r"([^,]+?) \(\d+\)", m.group(3)):
                row = _row(tables, "speaker", name.strip(), needs="named")  # tables that say named or not
                if row is not None:
                    checked += 1
                    if row["named"] != "no":
                        wrong.append(line)
    return checked, wrong


def noisy_tone_findings(markup: str) -> list[str]:
    """Tone findings about an entity stated without an interval clear of zero or on fewer than 3 mentions."""
    out = []
    for line in findings(markup):
        if re.search(r"treated (most|least) (negatively|positively)", line):
            out.append(line)  # the old wording: a ranking of means, with no interval
        if m := re.search(r"treated (?:negatively|positively) \(mean [^,]+ over (\d+) mentions?.*?95% interval "
                          r"([\u2212+-]?[\d.]+) to ([\u2212+-]?[\d.]+)\)", line):
            low, high = (float(v.replace("\u2212", "-")) for v in m.group(2, 3))
            if int(m.group(1)) < 3 or not (low > 0 or high < 0):
                out.append(line)
    return out


def fragment_extremes(markup: str) -> list[str]:
    """Extreme-sentence findings whose sentence does not open with a capital or close with . ! ? (or a clip)."""
    out = []
    for line in findings(markup):
        if m := re.match(r"The most (?:negative|positive) sentence: \u201c(.*)\u201d", line):
            quoted = m.group(1).strip()
            if not (quoted[:1].isupper() or quoted[:1].isdigit() or quoted[:1] in "\"'\u201c\u2018") or \
                    not quoted.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", "\u2026")):
                out.append(line)
    return out
