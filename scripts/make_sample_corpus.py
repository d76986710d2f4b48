"""Build data/samples/hyperpartisan-2017q3.jsonl from ../shared/corpora/hyperpartisan (CC BY 4.0).

The sample: every article of the SemEval-2019 Task 4 by-article set published from 1 August to
31 October 2017 (a dense quarter: weekly timelines have points), body from its <p> elements,
outlet = host of its URL in truth.xml. Rerun: `.venv/bin/python scripts/make_sample_corpus.py`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora" / "hyperpartisan"


def paragraphs(article: ET.Element) -> list[str]:
    out = []
    for p in article.iter("p"):
        text = re.sub(r"\s+", " ", "".join(p.itertext())).strip()
        if text:
            out.append(text)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--start", default="2017-08-01")
    parser.add_argument("--end", default="2017-10-31")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "samples" / "hyperpartisan-2017q3.jsonl")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to build", file=sys.stderr)
        return 1
    urls = {a.get("id"): a.get("url") for a in ET.parse(SHARED / "truth.xml").getroot()}
    rows = []
    for article in ET.parse(SHARED / "articles.xml").getroot():
        published = article.get("published-at") or ""
        if not (args.start <= published[:10] <= args.end):
            continue
        body = paragraphs(article)
        if len(" ".join(body).split()) < 50:
            continue
        url = urls.get(article.get("id"))
        host = (urlparse(url).hostname or "") if url else ""
        rows.append(
            {
                "article_id": f"hp-{article.get('id')}",
                "title": article.get("title"),
                "published": published,
                "source": host.removeprefix("www."),
                "url": url,
                "text": "\n\n".join(body),
            }
        )
    rows.sort(key=lambda r: (r["published"], r["article_id"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
