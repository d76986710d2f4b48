"""What a reader gets: render the seed, three unseen articles of about 150, 800 and 3,000 words and the sample
corpus, then measure each PDF and its findings (the figures of docs/briefing.md).

    PYTHONPATH=src .venv/bin/python benchmarks/briefing_layout.py [--shared ../shared] [--out /tmp/layout]
    PYTHONPATH=src .venv/bin/python benchmarks/briefing_layout.py --measure-only --out /tmp/layout   # re-measure
    PYTHONPATH=src .venv/bin/python benchmarks/briefing_layout.py --more ...   # and ten further unseen pages

Per briefing: words of the article, pages (and the limit: 1 page up to 400 words, 2 up to 1,500, 3 above, 6 for a
corpus), the fill of each page (share of the printable height above the lowest ink; a page before the last must be
at least half full), headings left at the foot of a page, the smallest text and the smallest chart text in points,
how many finding numbers were compared with the table beside them and how many differ, tone findings within noise
and extreme sentences that are not whole sentences.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pypdf

import printed

ROOT = Path(__file__).resolve().parents[1]
#: name -> (input, relative to ../shared unless it is the project's own params file; page limit)
CASES: dict[str, tuple[str, int]] = {
    "seed-article": ("params/seed-article.yaml", 1),
    "short": ("pages/readability/tmz-1/source.html", 1),
    "medium": ("pages/readability/nytimes-1/source.html", 2),
    "long": ("pages/readability/quanta-1/source.html", 3),
    "sample-corpus": ("params/sample-corpus.yaml", 6),
}
#: With ``--more``: ten further unseen pages (their limit from the words of the article read).
MORE: tuple[str, ...] = ("cnn", "webmd-1", "bbc-1", "guardian-1", "wapo-1", "nytimes-3", "salon-1", "engadget",
                         "breitbart", "telegraph")


def page_limit(words: int) -> int:
    """Pages an article briefing may take: 1 up to 400 words, 2 up to 1,500, 3 above."""
    return 1 if words <= 400 else 2 if words <= 1500 else 3


def render(out: Path, shared: Path, cases: dict[str, tuple[str, int]]) -> None:
    from newsbrief.params import load_params
    from newsbrief.render.report import run_report

    for name, (source, _) in cases.items():
        if source.startswith("params/"):
            params = load_params(ROOT / source)
        else:
            path = out / f"{name}.yaml"
            path.write_text(f"input: {shared / source}\nname: {name}\n", encoding="utf-8")
            params = load_params(path)
        run_report(params, output_dir=out)


def words(folder: Path) -> int:
    import duckdb

    files = str(folder / "data" / "*" / "articles" / "**" / "*.parquet")
    return int(duckdb.sql(f"SELECT sum(n_words) FROM read_parquet('{files}')").fetchall()[0][0])


def measure(out: Path, cases: dict[str, tuple[str, int]]) -> int:
    print("| briefing | words | pages (limit) | page fill | orphaned headings | smallest text pt | smallest chart "
          "text pt | finding numbers checked | differing | tone findings in noise | fragment extremes |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    failures = 0
    for name, (_, limit) in cases.items():
        folder = out / name
        limit = limit or page_limit(words(folder))
        pdf, markup = folder / "briefing.pdf", (folder / "briefing.html").read_text(encoding="utf-8")
        pages = len(pypdf.PdfReader(pdf).pages)
        with tempfile.TemporaryDirectory() as tmp:
            fill = printed.filled(pdf, Path(tmp))
        orphans = printed.orphaned_headings(pdf, printed.h2_headings(markup))
        charts = printed.chart_fonts(folder / "briefing.ipynb", pdf)
        checked, wrong = printed.findings_against_tables(markup)
        noisy, fragments = printed.noisy_tone_findings(markup), printed.fragment_extremes(markup)
        text_pt = printed.smallest_text(pdf)
        chart_pt = min(charts) if charts else float("nan")
        print(f"| {name} | {words(folder):,} | {pages} ({limit}) | {' '.join(f'{f:.2f}' for f in fill)} | "
              f"{len(orphans)} | {text_pt:.1f} | {chart_pt:.1f} | {checked} | {len(wrong)} | {len(noisy)} | "
              f"{len(fragments)} |")
        for line in wrong + noisy + fragments:
            print(f"    - {line}", file=sys.stderr)
        bad = (pages > limit or any(f < 0.5 for f in fill[:-1]) or orphans or text_pt < 7 or chart_pt < 7 or wrong
               or noisy or fragments)
        failures += bool(bad)
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newsbrief-layout")
    parser.add_argument("--measure-only", action="store_true", help="measure briefings already rendered in --out")
    parser.add_argument("--more", action="store_true", help="ten further unseen pages of pages/readability")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    cases = dict(CASES)
    if args.more:
        cases.update({name: (f"pages/readability/{name}/source.html", 0) for name in MORE})
    if not args.measure_only:
        render(args.out, args.shared, cases)
    sys.exit(1 if measure(args.out, cases) else 0)


if __name__ == "__main__":
    main()
