"""Compare what two runs' briefings show: every output of the executed notebooks (tables, findings, the record the
email reads; images left out) and the appendix CSV files, run by run.

Usage (from the repository root), e.g. before and after a change::

    .venv/bin/newsbrief run params/seed-article.yaml --output-dir /tmp/before -q   # on the old code
    .venv/bin/newsbrief run params/seed-article.yaml --output-dir /tmp/after -q    # on the new code
    .venv/bin/python benchmarks/briefing_outputs.py /tmp/before /tmp/after

Prints, per run folder found in both, whether its outputs are identical, and the lines that differ.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
from pathlib import Path

CSV = ("entities.csv", "speakers.csv", "quotes.csv", "articles.csv", "sources.csv")


def outputs(notebook: Path) -> list[tuple[str, str]]:
    """(kind, text) of every output of every cell: HTML and text with images cut out, streams, output metadata."""
    out = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for o in cell.get("outputs", []):
            for key in ("text/html", "text/plain", "text/markdown"):
                value = o.get("data", {}).get(key)
                if value is not None:
                    text = "".join(value) if isinstance(value, list) else value
                    text = re.sub(r"<svg.*?</svg>", "SVG", re.sub(r"data:image/[^\"']+", "IMG", text), flags=re.S)
                    out.append((key, text))
            if "text" in o:
                out.append(("stream", "".join(o["text"])))
            if o.get("metadata"):
                out.append(("metadata", json.dumps(o["metadata"], sort_keys=True, default=str)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    differ = 0
    for folder in sorted(p.parent for p in args.before.glob("*/briefing.ipynb")):
        other = args.after / folder.name
        if not (other / "briefing.ipynb").is_file():
            continue
        a, b = outputs(folder / "briefing.ipynb"), outputs(other / "briefing.ipynb")
        print(f"{folder.name}: {len(a)} outputs {'identical' if a == b else 'DIFFER'}")
        for (_, x), (_, y) in zip(a, b):
            if x != y:
                print("".join(difflib.unified_diff(x.splitlines(True), y.splitlines(True), n=0)))
        files = [f for f in CSV if (folder / f).is_file()]
        same = [f for f in files if (other / f).is_file() and (folder / f).read_bytes() == (other / f).read_bytes()]
        print(f"  appendix CSV files identical: {len(same)} of {len(files)}"
              + (f" (differ: {', '.join(sorted(set(files) - set(same)))})" if len(same) < len(files) else ""))
        differ += a != b or len(same) < len(files)
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
