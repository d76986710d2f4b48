"""Annotation types entities with the model's token vectors the shipped weights were fit on (issue 21)."""

from __future__ import annotations

from newsbrief.annotate import Settings, annotate_batch
from newsbrief.nlp.entities.typer import Typer, shipped_typer, use_typer
from newsbrief.nlp.entities.vectors import PREFIX

TEXT = ("Officials in Velmora said on Monday that Zorbatek would hire 300 people.\n\n"
        "Ana Ruiz, its chief executive, said Zorbatek had grown fast. Ruiz declined to say more.")


class RecordingTyper(Typer):
    """The shipped weights, keeping the features of every decision they make."""

    def __init__(self, base: Typer) -> None:
        super().__init__(base.classes, base.weights, parse=base.parse, vectors=base.vectors, tok2vec=base.tok2vec)
        self.seen: list[dict[str, float]] = []

    def predict(self, feats: dict[str, float], *, drop_at: float = 0.0) -> str:
        self.seen.append(feats)
        return super().predict(feats, drop_at=drop_at)


def test_annotation_types_each_entity_with_its_token_vectors() -> None:
    recording = RecordingTyper(shipped_typer())
    assert recording.vectors
    use_typer(recording)
    try:
        rows = annotate_batch([("h", TEXT)], Settings())
    finally:
        use_typer(None)
    assert len(rows["mentions"]) and recording.seen
    width = recording.tok2vec["width"]
    for feats in recording.seen:
        vec = [k for k in feats if k.startswith(PREFIX)]
        assert sorted(vec) == sorted(f"{PREFIX}{i}" for i in range(width))
        assert any(feats[k] != 0.0 for k in vec)


def test_weights_fit_on_another_pipelines_vectors_give_way_to_the_plain_weights(caplog) -> None:
    import logging

    base = shipped_typer()
    use_typer(Typer(base.classes, base.weights, vectors=True, tok2vec={**base.tok2vec, "version": "0.0.1"}))
    try:
        with caplog.at_level(logging.WARNING, logger="newsbrief"):
            rows = annotate_batch([("h", TEXT)], Settings())
    finally:
        use_typer(None)
    assert "typed with the weights trained without them" in caplog.text
    assert {"Velmora", "Zorbatek"} <= set(rows["mentions"]["text"])
