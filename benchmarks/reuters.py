"""Reuters-21578 (SGML) as newsbrief articles, for benchmarks and corpus-scale tests.

The files live in ``../shared/corpora/reuters21578/reut2-000..021.sgm`` beside the repository
(research use only; never copied into the project). Decoding follows the corpus notes: latin-1
(``reut2-017`` has a byte that is not UTF-8), ``html.unescape``, the trailing ``Reuter`` + ``\\x03``
stripped, ``DATE`` like ``26-FEB-1987 15:01:01.79`` with junk after the time in a few stories.
Stories without a ``BODY`` (briefs, unprocessed) are skipped.

Usage::

    .venv/bin/python benchmarks/reuters.py --limit 5      # prints a few parsed stories
"""

from __future__ import annotations

import argparse
import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from newsbrief.ingest import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "corpora" / "reuters21578"

_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_DATE = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,2}))?")
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}
_TRAILER = re.compile(r"\s*\bReuter\b[.\s\x03]*$|\s*\x03\s*$")


def _field(tag: str, block: str) -> str | None:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return html.unescape(match.group(1)) if match else None


def parse_date(raw: str | None) -> datetime | None:
    """``26-FEB-1987 15:01:01.79`` (junk after the time ignored) -> aware UTC datetime."""
    if not raw:
        return None
    match = _DATE.search(raw.upper())
    if not match:
        return None
    day, mon, year, hh, mm, ss, frac = match.groups()
    micro = int((frac or "0").ljust(2, "0")) * 10_000
    try:
        return datetime(int(year), _MONTHS[mon], int(day), int(hh), int(mm), int(ss), micro, tzinfo=UTC)
    except (KeyError, ValueError):
        return None


def clean_body(raw: str) -> str:
    """Unescaped body without the ``Reuter`` trailer; hard line wraps kept as the corpus has them."""
    text = html.unescape(raw).replace("\x03", "").replace("\r", "")
    text = _TRAILER.sub("", text)
    return text.strip()


def iter_articles(folder: str | Path = DEFAULT_DIR, *, limit: int | None = None) -> Iterator[Article]:
    """Stories with a body, in file and NEWID order."""
    folder = Path(folder)
    files = sorted(folder.glob("reut2-*.sgm"))
    if not files:
        raise FileNotFoundError(f"no reut2-*.sgm file in {folder}")
    count = 0
    for path in files:
        data = path.read_bytes().decode("latin-1")
        for attrs, block in _STORY.findall(data):
            body = _field("BODY", block)
            if body is None:
                continue
            text = clean_body(body)
            if not text:
                continue
            newid = _NEWID.search(attrs)
            title = _field("TITLE", block)
            yield Article(
                article_id=f"reuters-{newid.group(1) if newid else count}",
                text=text,
                title=" ".join(title.split()) if title else None,
                source="Reuters",
                published=parse_date(_field("DATE", block)),
                origin=str(path),
            )
            count += 1
            if limit is not None and count >= limit:
                return


def load(limit: int | None = None, folder: str | Path = DEFAULT_DIR) -> list[Article]:
    return list(iter_articles(folder, limit=limit))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=3)
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"Reuters-21578 not found at {args.dir}; skipping")
        return 0
    for article in iter_articles(args.dir, limit=args.limit):
        print(article.article_id, article.published, article.title, f"{article.n_words} words")
        print("   ", article.text[:160].replace("\n", " "), "...", repr(article.text[-40:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
