"""The language detector: py3langid's model decompressed once into the user's cache, with the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.ingest import language

TEXTS = [
    "The central bank raised interest rates on Tuesday, saying inflation had stayed above its target for a year.",
    "Die Zentralbank hat am Dienstag die Zinsen erhöht, weil die Inflation seit einem Jahr über dem Ziel liegt.",
    "La banque centrale a relevé mardi ses taux, l'inflation restant au-dessus de sa cible depuis un an.",
    "El banco central subió los tipos el martes porque la inflación lleva un año por encima de su objetivo.",
    "Центральный банк во вторник повысил ставки, так как инфляция уже год держится выше цели.",
    "menu home login",
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    language._identifier.cache_clear()
    yield tmp_path / "cache"
    language._identifier.cache_clear()


def test_the_decompressed_copy_answers_as_the_packaged_model(fresh: Path) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    packaged = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ours = language._identifier()
    assert list((fresh / language.CACHE_FOLDER).glob("model-*.npz"))  # written once into the cache
    for text in TEXTS:
        assert ours.classify(text) == packaged.classify(text), text
    assert [language.detect_language(t) for t in TEXTS] == ["en", "de", "fr", "es", "ru", None]


def test_a_later_process_reads_the_copy_without_decompressing(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    language._identifier()
    copy = next((fresh / language.CACHE_FOLDER).glob("model-*.npz"))
    stamp = copy.stat().st_mtime_ns
    language._identifier.cache_clear()

    def no_xz(*args: object, **kwargs: object) -> None:
        raise AssertionError("the packaged model was decompressed again")

    monkeypatch.setattr(language.lzma, "open", no_xz)
    assert language.detect_language(TEXTS[1]) == "de"
    assert copy.stat().st_mtime_ns == stamp


def test_an_unwritable_cache_falls_back_to_the_packaged_model(fresh: Path) -> None:
    fresh.parent.mkdir(parents=True, exist_ok=True)
    fresh.write_text("a file where the cache folder would be", encoding="utf-8")
    assert language.detect_language(TEXTS[2]) == "fr"


@pytest.mark.parametrize("damage", ["truncated", "flipped"])
def test_a_damaged_copy_is_noticed_removed_and_written_again(fresh: Path, damage: str,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    language._identifier()
    copy = next((fresh / language.CACHE_FOLDER).glob("model-*.npz"))
    good = copy.read_bytes()
    if damage == "truncated":  # a copy cut short (a full disk, a killed copy by hand)
        copy.write_bytes(good[: len(good) // 2])
    else:  # one byte changed inside the largest array: the member's CRC no longer matches
        data = bytearray(good)
        data[len(data) // 2] ^= 0xFF
        copy.write_bytes(bytes(data))
    language._identifier.cache_clear()
    assert [language.detect_language(t) for t in TEXTS] == ["en", "de", "fr", "es", "ru", None]
    assert "damaged" in caplog.text and str(copy) in caplog.text
    assert copy.read_bytes() == good  # written again, whole
