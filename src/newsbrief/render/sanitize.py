"""The one HTML sanitizer: nh3 (ammonia) with an allow-list, applied to markup, never to text.

Notebook outputs and rendered Markdown pass through :func:`sanitize` before they enter a briefing;
the page around them comes from our own templates, where article text is autoescaped. Only
``http``/``https``/``mailto`` links survive, and ``data:`` URLs only as images.
"""

from __future__ import annotations

import base64

import nh3

TAGS: frozenset[str] = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "title", "lang", "dir"},
    "a": {"href"},
    "h2": {"id"},  # in-page anchors of the appendix
    "h3": {"id"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "ol": {"start"},
    "time": {"datetime"},
}
IMAGE_DATA = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;", "data:image/svg+xml;")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("href", "src") and value.strip().lower().startswith("data:"):
        return value if tag == "img" and attribute == "src" and value.strip().lower().startswith(IMAGE_DATA) else None
    return value


def sanitize(markup: str) -> str:
    """``markup`` with everything executable or foreign removed (scripts, handlers, frames, styles, forms)."""
    return nh3.clean(
        markup, tags=set(TAGS), attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto", "data"},
        attribute_filter=_attribute_filter, link_rel="noopener noreferrer", strip_comments=True,
    )


def svg_image(svg: str) -> str:
    """An SVG as a ``data:`` URL for an ``<img>``: shown as a picture, its scripts never run."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
