"""The development pages of ``../shared/pages`` as one list, with a deterministic train/dev/test split.

Pages: the 181 of the article-extraction benchmark (``aeb/html/<id>.html.gz`` + ``aeb/browser-copy/<id>.txt``,
hand-checked body in ``ground-truth.json``) and the 26 of Mozilla Readability (``readability/<name>/source.html``
+ ``browser-copy.txt``, Readability's body in ``expected.html``).

Split rule: an aeb page in ``gold.json`` keeps its ``split`` (dev or test); every other page goes by the first
8 hex digits of the SHA-256 of its id (the aeb id, or the readability folder name) modulo 10: 0-5 train, 6-7
dev, 8-9 test. The rule never looks at a page's content, so a new page never moves another.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "pages"
AEB = SHARED / "aeb"
READABILITY = SHARED / "readability"


@dataclass(frozen=True)
class Page:
    id: str
    corpus: str  # aeb or readability
    split: str  # train, dev or test
    html: Path  # may be gzip-compressed (.gz)
    copy: Path
    body: str  # the reference article body
    url: str | None
    gold: dict[str, Any] | None  # hand gold of title, published, source, author (aeb gold.json), else None

    @property
    def site(self) -> str:
        """The page's site: its address's domain, or the Readability folder without its number."""
        from newsbrief.ingest.sources import domain_label

        return domain_label(self.url) or re.sub(r"-\d+$", "", self.id)

    def html_text(self) -> str:
        data = gzip.decompress(self.html.read_bytes()) if self.html.suffix == ".gz" else self.html.read_bytes()
        return data.decode("utf-8", "replace")


def seen_sites() -> frozenset[str]:
    """The sites of the train and dev pages (a test page of another site is of a site never seen in tuning)."""
    return frozenset(page.site for page in pages() if page.split in ("train", "dev"))


def split_of(page_id: str) -> str:
    bucket = int(hashlib.sha256(page_id.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


def _readability_body(folder: Path) -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from page_text import expected_text

    return expected_text(folder)


@lru_cache(maxsize=1)
def pages() -> tuple[Page, ...]:
    """Every page, aeb first; raises SystemExit when ../shared is absent."""
    if not AEB.is_dir():
        raise SystemExit(f"{SHARED} is absent: the pages live in ../shared beside the repository")
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {g["page"]: g for g in json.loads((AEB / "gold.json").read_text(encoding="utf-8"))}
    out: list[Page] = []
    for page_id, entry in sorted(truth.items()):
        g = gold.get(page_id)
        out.append(Page(id=page_id, corpus="aeb", split=g["split"] if g else split_of(page_id),
                        html=AEB / "html" / f"{page_id}.html.gz", copy=AEB / "browser-copy" / f"{page_id}.txt",
                        body=entry.get("articleBody") or "", url=entry.get("url"), gold=g))
    for folder in sorted(p for p in READABILITY.iterdir() if (p / "source.html").is_file()):
        out.append(Page(id=folder.name, corpus="readability", split=split_of(folder.name),
                        html=folder / "source.html", copy=folder / "browser-copy.txt",
                        body=_readability_body(folder), url=None, gold=None))
    return tuple(out)


@lru_cache(maxsize=1)
def scorer() -> ModuleType:
    """aeb's own ``evaluate.py`` (4-gram shingle F1), loaded from ../shared."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", AEB / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def body_f1(pairs: list[tuple[str, str]]) -> float:
    """aeb's F1 over (reference, prediction) pairs: precision and recall averaged over pages, then F1."""
    if not pairs:
        return float("nan")
    ev = scorer()
    return float(ev.metrics_from_tp_fp_fns([ev.string_shingle_matching(true=t, pred=p) for t, p in pairs])["f1"])


def norm_words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))
