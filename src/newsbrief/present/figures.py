"""One Chart type: a matplotlib figure rendered once to PNG, shown by Jupyter, exporters and email alike."""

from __future__ import annotations

import base64
import io
from typing import Any

from matplotlib.figure import Figure


class Chart:
    """PNG bytes with alt text and the size to show them at."""

    def __init__(self, png: bytes, *, alt: str, width: int, height: int) -> None:
        self.png = png
        self.alt = alt
        self.width = width
        self.height = height

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict[str, Any], dict[str, Any]]:
        data = {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": f"<Chart: {self.alt}>"}
        meta = {"image/png": {"width": self.width, "height": self.height, "alt": self.alt}}
        return data, meta

    def __repr__(self) -> str:
        return f"<Chart: {self.alt}>"


def to_chart(fig: Figure, *, dpi: int = 150) -> Chart:
    """Render ``fig`` to PNG (``dpi``, shown at 100 dpi size) and free it."""
    import matplotlib.pyplot as plt
    from PIL import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    axes = fig.get_axes()
    titles = [axes[0].get_title(loc=loc) for loc in ("left", "center", "right")] if axes else []
    alt = next((t for t in titles if t), "chart")
    plt.close(fig)
    buffer.seek(0)
    with Image.open(buffer) as image:
        width, height = image.size
    scale = 100 / dpi
    return Chart(buffer.getvalue(), alt=alt, width=round(width * scale), height=round(height * scale))
