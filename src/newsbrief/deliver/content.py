"""What an emailed briefing says: read a report folder and build the plain-text and HTML bodies.

The numbers are those the briefing computed and recorded in the executed notebook
(:mod:`newsbrief.present.record`): the email recomputes nothing, so it shows what the briefing shows.
Charts are the PNG outputs of the executed notebook (never ``data:`` URIs: the HTML refers to them as
``cid:`` parts). Every article string reaches the HTML through an autoescaping Jinja2 environment; links are
only made of ``http(s)`` URLs.
"""

from __future__ import annotations

import base64
import binascii
import html
import logging
import re
import struct
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.utils import make_msgid
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import DeliveryError, ReportFolderError
from ..present.blocks import environment
from ..present.formatters import clip, pct
from ..present.record import read_record

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates" / "email"
#: Gmail clips HTML bodies above ~102 KB; stay under this many bytes.
HTML_BUDGET = 100_000
#: The whole message (text, HTML and images, encoded) stays under this many bytes.
MESSAGE_BUDGET = 300_000
#: Width of the message body and of the widest image in it (px).
BODY_WIDTH = 680
IMAGE_WIDTH = 640


@dataclass(frozen=True)
class InlineImage:
    """One PNG output of the executed notebook, referenced from the HTML as ``cid:{cid}``."""

    png: bytes
    heading: str
    alt: str
    cid: str  # without angle brackets
    width: int
    height: int
    email: bool = False  # marked by the briefing as one of the few charts an email carries

    @property
    def shown_width(self) -> int:
        return min(self.width, IMAGE_WIDTH)

    @property
    def shown_height(self) -> int:
        return round(self.height * self.shown_width / self.width) if self.width else 0


@dataclass
class Section:
    """A notebook section (a ``##`` heading), its first paragraph and its charts."""

    heading: str
    intro: str = ""
    charts: list[InlineImage] = field(default_factory=list)
    kind: str = "other"  # entities, speakers, tone or other: where the tables go


@dataclass
class ReportContent:
    """Everything the email shows, already computed; the renderers only lay it out."""

    folder: Path
    title: str
    label: str  # the kicker above the title: Article briefing, Corpus briefing
    meta: list[tuple[str, str]]
    url: str | None
    findings: list[str]
    entities: pd.DataFrame
    speakers: pd.DataFrame
    quotes: pd.DataFrame
    quotes_total: int
    sections: list[Section]
    warnings: list[str] = field(default_factory=list)  # the briefing's header notes (too little text)
    full_url: str | None = None  # the full briefing online, when a base URL is configured
    left_out: list[str] = field(default_factory=list)  # sections of the briefing this email does not carry
    appendix: str | None = None  # the briefing's appendix link (corpus briefings)

    @property
    def charts(self) -> list[InlineImage]:
        return [c for s in self.sections for c in s.charts]


# ---------------------------------------------------------------------------------------------- reading
def _png_size(png: bytes) -> tuple[int, int]:
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return (0, 0)
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def _section_kind(heading: str) -> str:
    h = heading.lower()
    if any(w in h for w in ("speak", "quote", "voice")):
        return "speakers"
    if any(w in h for w in ("tone", "sentiment")):
        return "tone"
    if any(w in h for w in ("who and what", "who is in it", "entit", "people", "in the news")):
        return "entities"
    return "other"


def _plain(markdown: str) -> str:
    """First paragraph of a markdown cell as plain text (our own prose; escaped later anyway)."""
    text = re.sub(r"[*_`]+", "", markdown).strip()
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


def notebook_sections(notebook: Path) -> list[Section]:
    """The executed notebook's ``##`` sections with their PNG chart outputs, in order."""
    import nbformat

    try:
        nb = nbformat.read(notebook, as_version=4)
    except (OSError, ValueError) as e:
        raise ReportFolderError(f"cannot read the executed notebook: {e}", path=notebook) from e
    sections: list[Section] = [Section(heading="")]
    for cell in nb.cells:
        for output in cell.get("outputs", []):  # section headings written by the briefing's own blocks
            markup = output.get("data", {}).get("text/html", "")
            for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", str(markup), re.S):
                text = html.unescape(re.sub(r"<[^>]+>", "", heading)).strip()
                intro = re.search(r'<p class="nb-intro">(.*?)</p>', str(markup), re.S)
                sections.append(Section(heading=text, kind=_section_kind(text),
                                        intro=html.unescape(re.sub(r"<[^>]+>", "", intro.group(1))) if intro else ""))
        if cell.cell_type == "markdown":
            lines = cell.source.strip().splitlines()
            if lines and re.match(r"^#{1,2}\s", lines[0]):
                rest = "\n".join(lines[1:]).strip().split("\n\n")[0]
                heading = lines[0].lstrip("#").strip()
                sections.append(Section(heading=heading, intro=_plain(rest), kind=_section_kind(heading)))
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" not in data:
                continue
            try:
                png = base64.b64decode(str(data["image/png"]), validate=False)
            except (binascii.Error, ValueError) as e:
                raise ReportFolderError(f"a chart output is not valid base64 PNG: {e}", path=notebook) from e
            width, height = _png_size(png)
            meta = output.get("metadata", {}).get("image/png", {})
            if isinstance(meta, dict) and meta.get("width"):  # retina figures declare their display size
                width = int(meta["width"])
                height = int(meta.get("height") or height * width / max(1, _png_size(png)[0]))
            heading = sections[-1].heading
            given = str((meta.get("alt") if isinstance(meta, dict) else None)
                        or output.get("metadata", {}).get("alt") or "")
            alt = (given if given and given.lower() != "chart"
                   else (f"InlineImage: {heading}" if heading else "InlineImage"))
            cid = make_msgid(idstring="chart", domain="newsbrief.invalid")[1:-1]
            flagged = bool(isinstance(meta, dict) and meta.get("email"))
            sections[-1].charts.append(InlineImage(png=png, heading=heading, alt=alt, cid=cid, width=width,
                                                   height=height, email=flagged))
    return [s for s in sections if s.heading or s.charts]


def _safe_url(value: Any) -> str | None:
    if value is None or pd.isna(value):
        return None
    text = str(value).strip()
    return text if re.match(r"^https?://[^\s<>\"']+$", text, re.I) else None


def _choose_charts(sections: list[Section]) -> list[str]:
    """Keep the charts the briefing marked for email (all when none is marked) within the message budget.

    Returns the headings of the sections whose charts were left out.
    """
    marked = any(c.email for s in sections for c in s.charts)
    left_out: list[str] = []
    room = MESSAGE_BUDGET - HTML_BUDGET - 20_000  # the HTML part, the text part and headers
    for s in sections:
        kept = []
        for c in s.charts:
            cost = len(c.png) * 4 // 3 + 200  # base64 and part headers
            if (c.email or not marked) and cost <= room:
                kept.append(c)
                room -= cost
        if len(kept) < len(s.charts) and s.heading:
            left_out.append(s.heading)
        s.charts = kept
    return left_out


def load_report(folder: str | Path, *, base_url: str | None = None) -> ReportContent:
    """Read ``folder`` (a ``newsbrief run`` output) into a :class:`ReportContent`: what the executed notebook
    recorded (the briefing's :class:`~newsbrief.present.record.Record`, its options, its charts)."""
    import nbformat

    folder = Path(folder)
    if not folder.is_dir():
        raise ReportFolderError("report folder not found (give the folder `newsbrief run` wrote)", path=folder)
    notebook = folder / "briefing.ipynb"
    if not notebook.exists():
        hint = ""
        if (folder / "index.html").is_file():
            subs = sorted(p.parent.name for p in folder.glob("*/briefing.ipynb"))[:3]
            hint = f" (this is a fan-out index: email one of its briefings, e.g. {folder / subs[0]})" if subs else ""
        raise ReportFolderError(f"not a briefing folder: {notebook.name} is missing{hint}", path=notebook)
    try:
        nb = nbformat.read(notebook, as_version=4)
    except (OSError, ValueError) as e:
        raise ReportFolderError(f"cannot read the executed notebook: {e}", path=notebook) from e
    record = read_record(output for cell in nb.cells for output in cell.get("outputs", []))
    if record is None:
        raise ReportFolderError("the executed notebook carries no briefing record (a run of an older newsbrief, "
                                "or a failed one): run the briefing again", path=notebook)
    options = dict(nb.metadata.get("papermill", {}).get("parameters", {}).get("options") or {})
    sections = notebook_sections(notebook)
    left_out = _choose_charts(sections)
    base = base_url or dict(options.get("params") or {}).get("base_url")
    full_url = _safe_url(f"{str(base).rstrip('/')}/{folder.resolve().name}/briefing.html") if base else None
    return ReportContent(
        folder=folder, title=record.title, label=record.label, meta=record.facts, url=_safe_url(record.url),
        findings=record.findings, entities=record.entities, speakers=record.speakers, quotes=record.quotes,
        quotes_total=record.quotes_total, sections=_place_tables(sections), full_url=full_url, left_out=left_out,
        warnings=record.notes, appendix=record.appendix,
    )


def _place_tables(sections: list[Section]) -> list[Section]:
    """The entity table goes under the first entity section, speakers and quotes under the first speaker one."""
    seen: set[str] = set()
    for s in sections:
        if s.kind in seen:
            s.kind = "other"
        seen.add(s.kind)
    sections = [s for s in sections if s.charts or s.kind in ("entities", "speakers")]  # findings: ours come first
    if "entities" not in seen:
        sections.append(Section(heading="Who and what is in the news", kind="entities"))
    if "speakers" not in seen:
        sections.append(Section(heading="Who gets to speak", kind="speakers"))
    return sections


# ---------------------------------------------------------------------------------------------- text
def _cell(value: Any, width: int) -> str:
    return clip(value, width, words=False)


def text_table(rows: Sequence[Sequence[Any]], headers: Sequence[str], *, widths: Sequence[int]) -> str:
    """A small fixed-width table; numbers right-aligned, long strings cut with an ellipsis."""
    cells = [[_cell(v, w) for v, w in zip(r, widths, strict=True)] for r in rows]
    cols = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [all(re.fullmatch(r"[\d.,%]+", r[i] or "0") for r in cells) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        cells = (v.rjust(c) if n else v.ljust(c) for v, c, n in zip(values, cols, numeric, strict=True))
        return "  ".join(cells).rstrip()

    return "\n".join([line(headers), line(["-" * c for c in cols]), *(line(r) for r in cells)])


def entity_rows(content: ReportContent) -> list[tuple[str, str, str, str]]:
    e = content.entities
    return [(str(r["name"]), str(r["type"]), f"{int(r['mentions']):,}", pct(float(r['share'])))
            for _, r in e.iterrows()]


def speaker_rows(content: ReportContent) -> list[tuple[str, str, str, str]]:
    s = content.speakers
    return [(str(r["speaker"]), f"{int(r['quotes']):,}", f"{int(r['words']):,}", pct(float(r['word_share'])))
            for _, r in s.iterrows()]


def render_text(content: ReportContent, *, notes: Sequence[str] = ()) -> str:
    """The text/plain part: title, facts, key findings, top entities and speakers as small tables."""
    out = [textwrap.fill(content.title, 76), "=" * min(len(content.title), 76), ""]
    out += [textwrap.fill(f"{k}: {v}", 76, subsequent_indent="  ") for k, v in content.meta]
    if content.url:
        out.append(f"URL: {content.url}")
    out += [line for w in content.warnings for line in ("", textwrap.fill(f"Note: {w}", 76))]
    out += ["", "KEY FINDINGS", ""]
    out += [textwrap.fill(f, 76, initial_indent="- ", subsequent_indent="  ") for f in content.findings] or ["(none)"]
    if len(content.entities):
        out += ["", "WHO AND WHAT IS IN THE NEWS", "",
                text_table(entity_rows(content), ["name", "type", "mentions", "share"], widths=[32, 14, 8, 6])]
    if len(content.speakers):
        out += ["", "WHO GETS TO SPEAK", "",
                text_table(speaker_rows(content), ["speaker", "quotes", "words", "share of words"],
                           widths=[32, 6, 6, 6])]
    if content.full_url:
        out += ["", f"Full briefing: {content.full_url}"]
    if content.left_out:
        appendix = "; the appendix with every entity, speaker, quote and article" if content.appendix else ""
        out += ["", textwrap.fill("Left out of this email, in the full briefing: the charts of "
                                  + "; ".join(content.left_out) + appendix + ".", 76)]
    if notes:
        out += ["", *[textwrap.fill(f"Note: {n}", 76) for n in notes]]
    out += ["", "--", "Sent by newsbrief. Charts are in the HTML version of this message."]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------- HTML
@dataclass(frozen=True)
class Shown:
    """Which optional blocks the HTML part shows (dropped in this order to fit the size budget)."""

    quotes: bool = True
    examples: bool = True
    aliases: bool = True
    entities: bool = True
    speakers: bool = True


#: Ever smaller variants of the HTML part, each with the note that says what it leaves out.
REDUCTIONS: tuple[tuple[Shown, str], ...] = (
    (Shown(), ""),
    (Shown(quotes=False), "the quote list"),
    (Shown(quotes=False, examples=False, aliases=False), "the quote list and the longest-quote and spelling columns"),
    (Shown(quotes=False, examples=False, aliases=False, entities=False, speakers=False),
     "the quote list and the entity and speaker tables (they are in the plain-text part)"),
)


def _fmt_aliases(value: Any, *, name: str) -> str:
    """Spellings other than the canonical name, comma-separated."""
    if value is None or isinstance(value, float | int):
        return ""
    items = value.split(", ") if isinstance(value, str) else [str(v) for v in value]
    return ", ".join(dict.fromkeys(v for v in items if v and v != name))


def render_html(content: ReportContent, *, shown: Shown | None = None, notes: Sequence[str] = ()) -> str:
    """The text/html part: a table layout at most BODY_WIDTH px wide, CSS inlined, images as ``cid:``."""
    import css_inline

    shown = shown or Shown()

    entities = [{"name": clip(r["name"], 80), "type": r["type"], "mentions": f"{int(r['mentions']):,}",
                 "share": pct(float(r["share"])),
                 "aliases": clip(_fmt_aliases(r["aliases"], name=str(r["name"])), 160)}
                for _, r in content.entities.iterrows()]
    speakers = [{"speaker": clip(r["speaker"], 80), "quotes": f"{int(r['quotes']):,}", "words": f"{int(r['words']):,}",
                 "word_share": pct(float(r["word_share"])), "example": clip(r["example"], 240)}
                for _, r in content.speakers.iterrows()]
    quotes = [{"quote": clip(r["quote"], 400), "speaker": clip(r["speaker"], 80), "kind": clip(r["kind"], 20)}
              for _, r in content.quotes.iterrows()]
    markup = environment(TEMPLATES).get_template("briefing.html.j2").render(
        c=content, sections=content.sections, entities=entities, speakers=speakers, quotes=quotes,
        more_quotes=max(0, content.quotes_total - len(quotes)), show=shown, notes=list(notes),
        body_width=BODY_WIDTH, folder_name=content.folder.name,
    )
    return str(css_inline.inline(markup))


def fit_html(content: ReportContent, *, budget: int = HTML_BUDGET) -> tuple[str, list[str]]:
    """The richest HTML variant under ``budget`` bytes, and the notes saying what was left out."""
    size = 0
    for shown, dropped in REDUCTIONS:
        notes = [f"To stay under the {budget // 1000} KB that mail clients show in full, this message leaves out "
                 f"{dropped}; the full briefing is in the report folder."] if dropped else []
        markup = render_html(content, shown=shown, notes=notes)
        size = len(markup.encode("utf-8"))
        if size <= budget:
            if dropped:
                log.warning("HTML part over %d bytes: left out %s", budget, dropped)
            return markup, notes
    raise DeliveryError(f"the HTML part is {size:,} bytes even without tables, over the {budget:,}-byte budget",
                        path=content.folder)
