"""Accuracy of ingest on real news pages: HTML files and browser copies, measured separately.

For each of the 26 pages in ``../shared/pages/readability`` (Mozilla Readability's test pages) this
reads ``source.html`` and ``browser-copy.txt`` through :func:`newsbrief.ingest.read_file` and compares:

* title, date, source, author with ``expected-metadata.json`` where it is given, else with the
  hand-checked values in ``benchmarks/pages_truth.py`` (which also corrects noisy fields);
* the body, as word-overlap F1 (bag of lower-cased words) against Readability's ``expected.html``.

Usage::

    .venv/bin/python benchmarks/pages.py            # summary per form
    .venv/bin/python benchmarks/pages.py --verbose  # every page, every miss
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages_truth import TRUTH  # noqa: E402

from newsbrief.ingest import Article, read_file  # noqa: E402

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


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in WORD.findall(text))


def body_f1(found: str, expected: str) -> float:
    got, want = words(found), words(expected)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def expected_body(folder: Path) -> str:
    raw = (folder / "expected.html").read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


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
    want_words, got_words = set(_norm(want).replace(",", " ").split()), set(_norm(got).replace(",", " ").split())
    return want_words <= got_words and len(got_words) <= len(want_words) + 4


def run(*, verbose: bool) -> dict[str, dict[str, float]]:
    if not PAGES.is_dir():
        raise SystemExit(f"{PAGES} is absent: the pages live in ../shared beside the repository")
    results: dict[str, dict[str, float]] = {}
    for form, name in (("html", "source.html"), ("browser", "browser-copy.txt")):
        hits: Counter[str] = Counter()
        f1s: list[float] = []
        folders = sorted(p for p in PAGES.iterdir() if (p / name).is_file())
        for folder in folders:
            try:
                (article,) = read_file(folder / name, article_id=folder.name)
            except Exception as e:  # a failed page scores zero on every field
                print(f"  {form:7} {folder.name}: FAILED {e}")
                f1s.append(0.0)
                continue
            truth = truth_of(folder, form=form)
            f1 = body_f1(article.text, expected_body(folder))
            f1s.append(f1)
            misses = []
            for field in FIELDS:
                if correct(field, article, truth[field]):
                    hits[field] += 1
                else:
                    got = article.published.isoformat() if field == "date" and article.published else \
                        getattr(article, field, None) if field != "date" else None
                    misses.append(f"{field}: {got!r} (want {truth[field]!r})")
            if verbose:
                print(f"  {form:7} {folder.name:26} F1 {f1:.3f}  " + ("; ".join(misses) or "all fields right"))
        n = len(folders)
        results[form] = {field: hits[field] / n for field in FIELDS} | {"body_f1": sum(f1s) / n, "pages": n}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every page and its misses")
    args = parser.parse_args()
    results = run(verbose=args.verbose)
    print(f"{'form':10} {'pages':>5} {'title':>6} {'date':>6} {'source':>6} {'author':>6} {'body F1':>8}")
    for form, r in results.items():
        print(f"{form:10} {int(r['pages']):5d} {r['title']:6.2f} {r['date']:6.2f} {r['source']:6.2f} "
              f"{r['author']:6.2f} {r['body_f1']:8.3f}")


if __name__ == "__main__":
    main()
