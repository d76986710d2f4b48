"""Language detectors compared on the aeb pages: accuracy against each page's declared language, and speed.

The reference is the ``<html lang>`` of each saved page in ``../shared/pages/aeb/html`` (151 of 181 pages declare
one: English, Russian, Portuguese, Korean, Italian, Indonesian, Japanese, German); the text scored is the page's
hand-checked article body (``ground-truth.json``) and, apart, its browser copy. Detectors not installed are
listed as absent (py3langid is the project's; langdetect and lingua-language-detector can be put on the path with
``--extra DIR`` after ``pip install --target DIR langdetect lingua-language-detector``).

Usage::

    .venv/bin/python benchmarks/languages.py [--extra /tmp/langbench]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AEB = ROOT.parent / "shared" / "pages" / "aeb"
LANG = re.compile(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2})", re.IGNORECASE)


def declared() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted((AEB / "html").glob("*.html.gz")):
        with gzip.open(path) as handle:
            match = LANG.search(handle.read()[:20000])
        if match:
            out[path.name.removesuffix(".html.gz")] = match.group(1).decode().lower()
    return out


def detectors() -> dict[str, Callable[[str], str] | None]:
    found: dict[str, Callable[[str], str] | None] = {}
    try:
        from newsbrief.ingest.language import detect_language

        found["newsbrief (py3langid)"] = lambda text: detect_language(text) or "?"
    except ImportError:
        found["newsbrief (py3langid)"] = None
    try:
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        found["langdetect"] = detect
    except ImportError:
        found["langdetect"] = None
    try:
        from lingua import LanguageDetectorBuilder

        lingua = LanguageDetectorBuilder.from_all_languages().build()

        def _lingua(text: str) -> str:
            lang = lingua.detect_language_of(text)
            return lang.iso_code_639_1.name.lower() if lang else "?"

        found["lingua"] = _lingua
    except ImportError:
        found["lingua"] = None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", help="a folder of detectors installed with pip --target")
    args = parser.parse_args()
    if args.extra:
        sys.path.append(args.extra)
    if not AEB.is_dir():
        raise SystemExit(f"{AEB} is absent: the pages live in ../shared beside the repository")
    truth = declared()
    bodies = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    forms = {
        "body": {k: bodies[k]["articleBody"] for k in truth},
        "browser copy": {k: (AEB / "browser-copy" / f"{k}.txt").read_text(encoding="utf-8") for k in truth},
    }
    print(f"{len(truth)} pages with a declared language; non-English: "
          f"{sum(v != 'en' for v in truth.values())}")
    print(f"{'detector':24} {'form':13} {'accuracy':>8} {'non-en':>7} {'ms/page':>8}  errors")
    for name, detect in detectors().items():
        if detect is None:
            print(f"{name:24} absent")
            continue
        detect("warm up the model")
        for form, texts in forms.items():
            start = time.perf_counter()
            got = {k: detect(t) for k, t in texts.items()}
            ms = 1000 * (time.perf_counter() - start) / len(texts)
            right = sum(got[k] == truth[k] for k in truth)
            foreign = [k for k in truth if truth[k] != "en"]
            right_foreign = sum(got[k] == truth[k] for k in foreign)
            errors = sorted(f"{truth[k]}->{got[k]}" for k in truth if got[k] != truth[k])
            print(f"{name:24} {form:13} {right / len(truth):8.3f} {right_foreign:3d}/{len(foreign):<3d} {ms:8.2f}  "
                  f"{', '.join(errors[:8])}")


if __name__ == "__main__":
    main()
