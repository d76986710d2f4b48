"""A page's structured data: JSON-LD ``NewsArticle``/``Article`` and OpenGraph / ``article:`` meta tags."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

ARTICLE_TYPES = frozenset({"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                           "opinionnewsarticle", "reviewnewsarticle", "report", "webpage", "liveblogposting"})


@dataclass(frozen=True)
class PageData:
    headline: str | None = None
    body: str | None = None
    published: str | None = None
    author: str | None = None
    publisher: str | None = None
    og_title: str | None = None
    og_site: str | None = None
    meta_published: str | None = None
    page_title: str | None = None
    item_published: tuple[str, ...] = ()
    h1: str | None = None  # the headline as shown: the page's one <h1>, or the first in its <article>/<main>


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        names = [t for t in (_text(v) for v in value) if t]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, str):
        text = re.sub(r"<[^>]+>", " ", html.unescape(value))
        return re.sub(r"[ \t]+", " ", text).strip() or None
    return None


def _objects(data: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(data, list):
        for item in data:
            found.extend(_objects(item))
    elif isinstance(data, dict):
        found.append(data)
        if "@graph" in data:
            found.extend(_objects(data["@graph"]))
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def read_structured(raw: str) -> PageData:
    """Structured data of a page; empty fields when the page has none or it does not parse."""
    try:
        tree = lxml_html.fromstring(raw.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return PageData()
    best: dict[str, Any] = {}
    dates: list[str] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content().strip() or "null", strict=False)
        except (json.JSONDecodeError, ValueError):
            continue
        for obj in _objects(data):
            kinds = _types(obj)
            if kinds & ARTICLE_TYPES and ("headline" in obj or "articleBody" in obj):
                if isinstance(obj.get("datePublished"), str):
                    dates.append(obj["datePublished"])
                if not best or ("articleBody" in obj and "articleBody" not in best):
                    best = obj
    meta: dict[str, str] = {}
    for tag in tree.xpath("//meta[@content]"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key and key not in meta:
            meta[key] = tag.get("content", "").strip()
    item_published = tuple(tag.get("content", "").strip() for tag in tree.xpath('//*[@itemprop="datePublished"]')
                           if tag.get("content"))
    h1s = [t for t in (_text(h.text_content()) for h in tree.xpath("//article//h1|//main//h1") or tree.xpath("//h1"))
           if t]
    h1 = h1s[0] if h1s and (len(h1s) == 1 or tree.xpath("//article//h1|//main//h1")) else None
    titles = tree.xpath("//title")
    page_title = _text(titles[0].text_content()) if titles else None
    body = _text(best.get("articleBody")) if best else None
    if best and isinstance(best.get("articleBody"), str):
        raw_body = html.unescape(best["articleBody"])
        raw_body = re.sub(r"</p>|<br\s*/?>", "\n\n", raw_body, flags=re.I)
        body = re.sub(r"<[^>]+>", "", raw_body).strip() or None
    return PageData(
        headline=_text(best.get("headline")) if best else None,
        body=body,
        published=min(dates, key=_sortable) if dates else None,
        author=_text(best.get("author")) if best else None,
        publisher=_text(best.get("publisher")) if best else None,
        og_title=meta.get("og:title") or meta.get("twitter:title") or None,
        og_site=meta.get("og:site_name") or meta.get("application-name") or None,
        meta_published=meta.get("article:published_time") or meta.get("datepublished") or None,
        page_title=page_title,
        item_published=item_published,
        h1=h1,
    )


def _sortable(value: str) -> str:
    """ISO-like dates sort as text once the zone is ignored; others sort last."""
    return value if re.match(r"\d{4}-\d{2}-\d{2}", value) else "9999" + value


def clean_title(title: str | None, *, site: str | None = None) -> str | None:
    """A title without its site suffix: "Story | DW | 19.01.2020" -> "Story"; "Story - Site" -> "Story"."""
    if not title:
        return title
    title = re.sub(r"\s+", " ", title).strip()
    parts = re.split(r"\s+[|–—]\s+|\s+-\s+|\s+::\s+|\s+»\s+", title)
    if len(parts) < 2:
        return title
    head = parts[0]
    # keep the longest leading part when the rest is short (site names, dates, sections, authors)
    rest = parts[1:]
    if all(len(p.split()) <= 4 for p in rest) and len(head.split()) >= 3:
        return head
    if site and any(site.casefold() in p.casefold() for p in rest) and len(head.split()) >= 3:
        return head
    return title
