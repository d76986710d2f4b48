"""Charts are compact: palette PNGs where that keeps them crisp, the original where it would not."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from newsbrief.present.charts.entities import entity_chart
from newsbrief.present.figures import compact_png, to_chart


def test_a_chart_becomes_a_smaller_palette_png_and_keeps_its_email_mark() -> None:
    import pandas as pd

    freq = pd.DataFrame({"name": ["Ann", "Bob", "Oslo"], "type": ["person", "person", "place"], "mentions": [9, 5, 3]})
    chart = to_chart(entity_chart(freq), email=True)
    with Image.open(io.BytesIO(chart.png)) as image:
        assert image.mode == "P"
    data, meta = chart._repr_mimebundle_()
    assert meta["image/png"]["email"] is True and data["image/png"]


def test_a_photograph_like_image_is_left_alone() -> None:
    noise = np.random.default_rng(0).integers(0, 255, size=(64, 64, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(noise).save(buffer, format="PNG")
    assert compact_png(buffer.getvalue()) == buffer.getvalue()
