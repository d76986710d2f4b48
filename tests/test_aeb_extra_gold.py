"""Our own hand gold of aeb pages outside the benchmark's gold (``benchmarks/data/aeb_extra_gold.json``):
well-formed, about pages that exist, and read by ``benchmarks/entities_pages.py --sets aeb-extra``."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "aeb_extra_gold.json"
TYPES = {"person", "organisation", "place"}


def _pages() -> list[dict[str, Any]]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["pages"]


def _aeb(shared: Path) -> Path:
    aeb = shared / "pages" / "aeb"
    if not (aeb / "ground-truth.json").is_file():
        pytest.skip("../shared/pages/aeb is absent (it sits beside the project on developer and CI machines only)")
    return aeb


def _occurrences(form: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text))


def _alone(forms: list[str], text: str) -> set[str]:
    """The forms found outside a longer form of the list (longest first), without a possessive ending."""
    taken = [False] * len(text)
    found = set()
    for form in sorted(set(forms), key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if not any(taken[m.start():m.end()]):
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                found.add(form.removesuffix("'s").removesuffix("’s").removesuffix("'").removesuffix("’"))
    return found


def test_every_page_is_a_train_page_with_typed_counted_entities_and_speakers() -> None:
    pages = _pages()
    assert len(pages) >= 25
    assert len({p["page"] for p in pages}) == len(pages)
    for page in pages:
        assert re.fullmatch(r"[0-9a-f]{64}", page["page"]), page["page"]
        assert page["split"] == "train"
        names = [e["name"] for e in page["entities"]]
        assert len(set(names)) == len(names), (page["page"][:12], Counter(names).most_common(1))
        for ent in page["entities"]:
            where = (page["page"][:12], ent["name"])
            assert ent["type"] in TYPES, where
            assert ent["aliases"] and all(isinstance(a, str) and a.strip() for a in ent["aliases"]), where
            assert isinstance(ent["mentions"], int) and ent["mentions"] >= 1, where
        assert all(isinstance(s, str) and s for s in page["not_entities"])
        for sp in page["speakers"]:
            where = (page["page"][:12], sp["name"])
            assert isinstance(sp["named"], bool), where
            assert isinstance(sp["quotes"], int) and sp["quotes"] >= 1, where
            assert sp["aliases"] and all(isinstance(a, str) and a for a in sp["aliases"]), where


def test_gold_pages_exist_in_shared_and_are_not_in_the_benchmarks_own_gold(shared: Path) -> None:
    aeb = _aeb(shared)
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    theirs = {g["page"] for g in json.loads((aeb / "gold.json").read_text(encoding="utf-8"))}
    for page in _pages():
        assert page["page"] in truth, page["page"][:12]
        assert page["page"] not in theirs, page["page"][:12]


def test_every_form_is_in_the_article_and_counts_cover_the_forms_found(shared: Path) -> None:
    """Each alias of an entity occurs in the body; an entity is counted at least once per distinct alias found
    outside a longer one; a named speaker's name or an alias is in the body (a speaker's alias may differ in case)."""
    truth = json.loads((_aeb(shared) / "ground-truth.json").read_text(encoding="utf-8"))
    for page in _pages():
        text = truth[page["page"]]["articleBody"]
        for ent in page["entities"]:
            where = (page["page"][:12], ent["name"])
            found = [a for a in dict.fromkeys(ent["aliases"]) if _occurrences(a, text)]
            assert found == list(dict.fromkeys(ent["aliases"])), where
            assert ent["mentions"] >= len(_alone(found, text)), where
        lower = text.lower()
        for sp in page["speakers"]:
            if sp["named"]:
                assert any(f.lower() in lower for f in [sp["name"], *sp["aliases"]]), (page["page"][:12], sp["name"])


def test_the_page_benchmark_reads_the_set_and_reports_its_train_row(shared: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _aeb(shared)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import entities_pages

    assert "aeb-extra" in entities_pages.SETS
    pages, texts = entities_pages.load_set("aeb-extra")
    assert set(pages) == {p["page"] for p in _pages()} == set(texts)
    assert all(g["split"] == "train" and texts[p] for p, g in pages.items())
    some = next(g for g in pages.values() if g["speakers"])
    assert {"name", "type", "forms", "mentions"} <= set(some["entities"][0])
    assert all({"name", "statements", "forms"} <= set(sp) for sp in some["speakers"])
    entities_pages.report("aeb-extra", {some["page"]: Counter(gold=4, type_ok=3)}, {some["page"]: "train"})
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[1].split()[:4] == ["aeb-extra", "train", "1", "4"]
    assert out[1].split()[5] == "0.750"
