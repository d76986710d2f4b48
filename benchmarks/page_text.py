"""Plain text of a Readability test page's ``expected.html`` (its article body), for entity benchmarks.

Block elements become paragraphs separated by a blank line; inline markup is flattened.
Kept apart from ingest so the entity figures do not move when ingest changes.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "td", "th", "dd", "dt"}


def expected_text(folder: str | Path) -> str:
    """Paragraphs of ``folder/expected.html`` joined by blank lines."""
    tree = lxml.html.fromstring(Path(folder, "expected.html").read_bytes().decode("utf-8", "replace"))
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    paras: list[str] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        if any(isinstance(a.tag, str) and a.tag in _BLOCKS for a in el.iterancestors()):
            continue
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if text:
            paras.append(text)
    return "\n\n".join(paras)
