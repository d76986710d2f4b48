"""textutil.fold: the name key every entity layer matches by (its ASCII shortcut gives the same keys)."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from newsbrief.textutil import fold


def _fold_by_definition(name: str) -> str:
    """The key as its docstring defines it, every step applied to every name (no ASCII shortcut)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("\u2019", "'")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", text)
    text = re.sub(r"(?:iy|yy|ij)\b", "y", text)
    return re.sub(r"([a-z])\1+", r"\1", text)


@pytest.mark.parametrize(("name", "key"), [
    ("U.S.", "us"), ("Zelenskiy", "zelensky"), ("Zelenskyy", "zelensky"), ("Donbass", "donbas"),
    ("São Paulo", "sao paulo"), ("O\u2019Neill", "o neil"), ("Ｔｏｋｙｏ", "tokyo"), ("ﬁnance", "finance"), ("", ""),
])
def test_variants_of_a_name_share_a_key(name: str, key: str) -> None:
    assert fold(name) == key


def test_ascii_and_unicode_names_get_the_key_of_the_definition() -> None:
    rnd = random.Random(7)
    alphabet = "aAbByYiIjJ .-'\u2019\u0301éÉßİıﬁ1２Ⅻǅ"
    names = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))) for _ in range(20_000)]
    names += ["Mr. J. P. Morgan", "K.K.R.", "A-B c.d", "Bass   Strait", "Ilyich", "İstanbul", "Straße", "ΣΑΣ"]
    assert [fold(n) for n in names] == [_fold_by_definition(n) for n in names]
