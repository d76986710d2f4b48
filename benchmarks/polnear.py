"""Load PolNeAR attribution gold (brat standoff) from ../shared/gold/polnear.

Each article is ``<split>/text/<name>.txt`` with one or more annotators' files
``<split>/attributions/<name>_<annotator>.ann``; we use the first annotator
listed for the article in ``metadata.tsv`` (falling back to the alphabetically
first file). ``T`` lines are spans (``label start end[;start end...]``), ``E``
lines tie Source, Cue and Content into one attribution.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GoldAttribution", "GoldArticle", "default_root", "load_split"]

logger = logging.getLogger(__name__)

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: content spans, cue and source spans (empty when absent)."""

    content: Spans
    cue: Spans
    source: Spans
    content_text: str
    cue_text: str
    source_text: str


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def default_root() -> Path:
    """``../shared/gold/polnear`` relative to the repository root."""
    return Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "polnear"


def _parse_spans(field: str) -> Spans:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def _parse_ann(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            label, _, offsets = cols[1].partition(" ")
            try:
                spans[cols[0]] = (label, _parse_spans(offsets))
            except ValueError:
                logger.warning("bad span line in %s: %r", path.name, line)
        elif cols[0].startswith("E"):
            roles = {}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                roles[role.rstrip("0123456789")] = ref
            events.append(roles)
    out = []
    for roles in events:
        def get(role: str, roles: dict[str, str] = roles) -> Spans:
            ref = roles.get(role)
            return spans[ref][1] if ref in spans else ()

        content = get("Content")
        if not content:
            continue
        cue, source = get("Cue"), get("Source")

        def txt(s: Spans) -> str:
            return " ".join(text[a:b] for a, b in s)

        out.append(GoldAttribution(content, cue, source, txt(content), txt(cue), txt(source)))
    return tuple(out)


def _first_annotators(root: Path) -> dict[str, str]:
    meta = root / "metadata.tsv"
    if not meta.exists():
        return {}
    with meta.open(encoding="utf-8") as fh:
        return {row["filename"]: row["annotators"].split("|")[0] for row in csv.DictReader(fh, delimiter="\t")}


def load_split(split: str, *, root: Path | None = None, limit: int | None = None) -> list[GoldArticle]:
    """Articles of ``split`` ('train' or 'dev') with their gold attributions, sorted by name."""
    base = root if root is not None else default_root()
    first = _first_annotators(base)
    texts = sorted((base / split / "text").glob("*.txt"))
    if limit is not None:
        texts = texts[:limit]
    articles = []
    for path in texts:
        name = path.stem
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        ann_dir = base / split / "attributions"
        preferred = ann_dir / f"{name}_{first.get(name, '')}.ann"
        candidates = [preferred] if preferred.exists() else sorted(ann_dir.glob(f"{name}_*.ann"))
        if not candidates:
            logger.warning("no annotation for %s", name)
            continue
        articles.append(GoldArticle(name, text, _parse_ann(candidates[0], text)))
    return articles
