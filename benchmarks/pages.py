"""Accuracy of ingest on real news pages (``../shared/pages``): HTML and browser copies, dev and test apart.

Body: the article-extraction benchmark's own scorer (``aeb/evaluate.py``, 4-gram shingle F1) on its 181
pages against the hand-checked bodies, for our HTML reader, trafilatura alone, our browser-copy reader and the
raw copy. Metadata (title, date, source, author): every page with hand gold, the 60 aeb pages of ``gold.json``
and the 26 Readability pages (``expected-metadata.json`` corrected by ``benchmarks/pages_truth.py``). The
split of each page is ``benchmarks/pages_data.py``'s rule (aeb gold's own split; others by a hash of the id).

Usage::

    .venv/bin/python benchmarks/pages.py            # the table, dev and test apart
    .venv/bin/python benchmarks/pages.py --verbose  # every page's misses
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsbrief.errors import InputError  # noqa: E402
from newsbrief.ingest import Article, parse_page, read_html_file  # noqa: E402
from newsbrief.ingest.text import decode_bytes  # noqa: E402
from pages_data import Page, body_f1, pages, seen_sites  # noqa: E402
from pages_truth import TRUTH  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "pages" / "readability"
FIELDS = ("title", "date", "source", "author")
WORD = re.compile(r"\w+", re.UNICODE)


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(text or ""))
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "'", text).casefold()
    return re.sub(r"\s+", " ", text).strip(" .!?")


def _key(text: str | None) -> str:
    key = re.sub(r"[^\w]+", "", _norm(text))
    return key[3:] if key.startswith("the") else key


def truth_of(folder: Path, *, form: str) -> dict[str, str | None]:
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    truth: dict[str, str | None] = {
        "title": meta.get("title"), "source": meta.get("siteName"), "author": meta.get("byline"),
        "date": (meta.get("publishedTime") or "")[:10] or None,
    }
    hand = TRUTH.get(folder.name, {})
    truth.update({k: v for k, v in hand.items() if k in FIELDS})
    if form == "browser" and "browser_date" in hand:
        truth["date"] = hand["browser_date"]
    if form == "browser" and "browser_title" in hand:
        truth["title"] = hand["browser_title"]
    if truth["author"]:
        truth["author"] = re.sub(r"^by\s+", "", truth["author"].strip(), flags=re.I)
    return truth


def shown_day(value: datetime | None) -> str | None:
    """The calendar day of a found date, in the offset it was found with (the day the page shows)."""
    return None if value is None else value.date().isoformat()


def correct(field: str, found: Article, want: str | None) -> bool:
    if field == "date":
        # right only when it is the expected day; a date found where the page shows none is wrong,
        # and so is any other day (a modified date, a related story's date)
        return shown_day(found.published) == want
    got = getattr(found, field)
    if want is None:
        return got is None
    if got is None:
        return False
    if field == "title":
        return _norm(got) == _norm(want)
    if field == "source":
        a, b = _key(got), _key(want)
        return bool(a and b) and (a in b or b in a)
    # author: every word of the expected name is in the found byline (and the byline is not a paragraph)
    want_words, got_words = (set(_norm(v).replace(",", " ").replace(".", " ").split()) - {"and"} for v in (want, got))
    return want_words <= got_words and len(got_words) <= len(want_words) + 4



SPLITS = ("dev", "test")
#: The test pages of sites with no train or dev page, counted again apart (the split is by page, not by site).
NEW_SITES = "new"


def gold_of(page: Page, *, form: str) -> dict[str, str | None] | None:
    """The hand gold of a page's title, date, source and author (None: the page has none)."""
    if page.gold is not None:
        g = page.gold
        return {"title": g.get("title"), "date": (g.get("published") or "")[:10] or None,
                "source": g.get("source"), "author": g.get("author")}
    if page.corpus == "readability":
        return truth_of(page.html.parent, form=form)
    return None


def read_both(page: Page, workdir: Path) -> dict[str, Article | None]:
    """Our article of the page's HTML and of its browser copy (None when the reader gives up)."""
    out: dict[str, Article | None] = {}
    html_path = workdir / f"{page.id}.html"
    html_path.write_text(page.html_text(), encoding="utf-8")
    for form, read in (("html", lambda: read_html_file(html_path, article_id=page.id)),
                       ("browser", lambda: parse_page(decode_bytes(page.copy.read_bytes(), path=page.copy),
                                                      article_id=page.id, origin=str(page.copy)))):
        try:
            out[form] = read()
        except InputError:
            out[form] = None
    html_path.unlink()
    return out


def trafilatura_alone(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html_text(), include_comments=False) or ""


def run(*, verbose: bool, splits: tuple[str, ...] = SPLITS) -> dict[str, Any]:
    import tempfile

    bodies: dict[tuple[str, str], list[tuple[str, str]]] = {}
    hits: dict[tuple[str, str], Counter[str]] = {}
    counted: Counter[tuple[str, str]] = Counter()
    seen = seen_sites()
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages():
            if page.split not in splits:
                continue
            groups = [page.split] + ([NEW_SITES] if page.split == "test" and page.site not in seen else [])
            found = read_both(page, Path(tmp))
            if page.corpus == "aeb":
                raw = page.copy.read_text(encoding="utf-8")
                for system, text in (("html", found["html"].text if found["html"] else ""),
                                     ("trafilatura", trafilatura_alone(page)),
                                     ("browser", found["browser"].text if found["browser"] else ""),
                                     ("raw copy", raw)):
                    for group in groups:
                        bodies.setdefault((system, group), []).append((page.body, text))
            for form in ("html", "browser"):
                gold = gold_of(page, form=form)
                if gold is None:
                    continue
                for group in groups:
                    counted[(form, group)] += 1
                article = found[form]
                misses = []
                for field in FIELDS:
                    if article is not None and correct(field, article, gold[field]):
                        for group in groups:
                            hits.setdefault((form, group), Counter())[field] += 1
                    else:
                        got = None if article is None else (article.published.isoformat() if field == "date" and
                                                            article.published else getattr(article, field, None)
                                                            if field != "date" else None)
                        misses.append(f"{field}: {got!r} (want {gold[field]!r})")
                if verbose and misses:
                    print(f"  {page.split:4} {form:7} {page.id[:16]:16} " + "; ".join(misses))
    return {"bodies": bodies, "hits": hits, "counted": counted}


def summary(r: dict[str, Any]) -> dict[str, dict[str, dict[str, float]]]:
    """``{form: {split: {body_f1, title, date, source, author}}}`` of :func:`run`'s counts (form html or browser)."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for form in ("html", "browser"):
        for s in SPLITS:
            n = r["counted"][(form, s)]
            tally = r["hits"].get((form, s), Counter())
            out.setdefault(form, {})[s] = {"body_f1": body_f1(r["bodies"][(form, s)])} | {
                f: tally[f] / n if n else float("nan") for f in FIELDS}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every page's misses")
    parser.add_argument("--splits", nargs="+", default=list(SPLITS), choices=SPLITS,
                        help="splits to read (tune with dev alone; read test once)")
    args = parser.parse_args()
    if not PAGES.is_dir():
        raise SystemExit(f"{PAGES} is absent: the pages live in ../shared beside the repository")
    r = run(verbose=args.verbose, splits=tuple(args.splits))
    splits = tuple(args.splits) + ((NEW_SITES,) if "test" in args.splits else ())
    print("Body F1 (aeb scorer, aeb pages)")
    sizes = {s: len(r["bodies"].get(("html", s), [])) for s in splits}
    print(f"{'system':22} " + " ".join(f"{s + ' (' + str(sizes[s]) + ')':>10}" for s in splits))
    for system, label in (("html", "HTML, newsbrief"), ("trafilatura", "HTML, trafilatura alone"),
                          ("browser", "copy, newsbrief"), ("raw copy", "copy, raw text")):
        print(f"{label:22} " + " ".join(f"{body_f1(r['bodies'].get((system, s), [])):10.3f}" for s in splits))
    print()
    print("Metadata right (pages with hand gold: aeb gold.json + Readability)")
    print(f"{'form':8} {'split':5} {'pages':>5} " + " ".join(f"{f:>7}" for f in FIELDS))
    for form in ("html", "browser"):
        for s in splits:
            n = r["counted"][(form, s)]
            tally = r["hits"].get((form, s), Counter())
            print(f"{form:8} {s:5} {n:5d} " + " ".join(f"{tally[f] / n if n else float('nan'):7.2f}" for f in FIELDS))
    if NEW_SITES in splits:
        print(f"({NEW_SITES}: the test pages of sites with no train or dev page; the split is by page, not by site)")


if __name__ == "__main__":
    main()
