"""One Chart type: a matplotlib figure rendered once to PNG, shown by Jupyter, exporters and email alike."""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # matplotlib loads when a chart is drawn, not with the package (the run's CLI process draws none)
    from matplotlib.figure import Figure


class Chart:
    """PNG bytes with alt text and the size to show them at; ``email`` marks the few charts an email carries.

    ``min_font`` is the smallest font size (points) in the figure at its own size, ``dpi`` the PNG's pixels per
    inch: a printed page shows the chart ``width`` CSS pixels wide, so a test can tell the printed size of that
    font from where the PDF draws the image.
    """

    def __init__(self, png: bytes, *, alt: str, width: int, height: int, email: bool = False,
                 min_font: float | None = None, dpi: int = 150) -> None:
        self.png = png
        self.alt = alt
        self.width = width
        self.height = height
        self.email = email
        self.min_font = min_font
        self.dpi = dpi

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict[str, Any], dict[str, Any]]:
        data = {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": f"<Chart: {self.alt}>"}
        meta: dict[str, Any] = {"width": self.width, "height": self.height, "alt": self.alt}
        if self.email:
            meta["email"] = True
        if self.min_font is not None:
            meta["min_font_pt"] = self.min_font
            meta["dpi"] = self.dpi
        return data, {"image/png": meta}

    def __repr__(self) -> str:
        return f"<Chart: {self.alt}>"


#: Colours a chart may keep when palette-quantised; mean error per channel (0..255) allowed for it to stay crisp.
PALETTE_COLOURS = 96
CRISP_ERROR = 1.5


def compact_png(png: bytes, *, colours: int = PALETTE_COLOURS, max_error: float = CRISP_ERROR) -> bytes:
    """``png`` palette-quantised (no dithering) when that keeps it crisp and makes it smaller, else unchanged.

    Crisp: the mean absolute difference per channel from the original stays under ``max_error``.
    """
    from PIL import Image, ImageChops, ImageStat

    with Image.open(io.BytesIO(png)) as original:
        rgb = original.convert("RGB")
    quantised = rgb.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    error = ImageStat.Stat(ImageChops.difference(rgb, quantised.convert("RGB"))).mean
    if sum(error) / len(error) > max_error:
        return png
    out = io.BytesIO()
    quantised.save(out, format="PNG", optimize=True)
    return out.getvalue() if out.tell() < len(png) else png


def to_chart(fig: Figure, *, dpi: int = 150, alt: str | None = None, email: bool = False) -> Chart:
    """Render ``fig`` to a compact PNG (``dpi``, shown at 100 dpi size) and free it.

    ``alt`` defaults to the first axes' title (or the figure's suptitle); ``email`` marks a chart for the email.
    """
    import matplotlib.pyplot as plt
    from PIL import Image

    from .charts.style import smallest_font

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    axes = fig.get_axes()
    titles = [axes[0].get_title(loc=loc) for loc in ("left", "center", "right")] if axes else []
    suptitle = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
    alt = alt or suptitle or next((t for t in titles if t), "chart")
    min_font = smallest_font(fig)
    plt.close(fig)
    buffer.seek(0)
    with Image.open(buffer) as image:
        width, height = image.size
    scale = 100 / dpi
    return Chart(compact_png(buffer.getvalue()), alt=alt, width=round(width * scale), height=round(height * scale),
                 email=email, min_font=min_font, dpi=dpi)
