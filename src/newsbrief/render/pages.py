"""Pages the package writes around briefings (fan-out index, print CSS), from Jinja templates."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from ..present.blocks import environment as templates

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> jinja2.Environment:
    """The package's Jinja environment (:func:`newsbrief.present.blocks.environment`) over the renderer's templates."""
    return templates(TEMPLATES)


def print_css(paper: str) -> str:
    """CSS for paged output: paper size, footer with title and page numbers, no split figures."""
    size = "A4" if paper.upper() == "A4" else "letter"
    return environment().get_template("pages/print.css.j2").render(size=size)


def index_page(title: str, rows: list[tuple[str, str, int]], *, notes: list[str] | None = None) -> str:
    """A plain, script-free index linking every briefing of a fan-out run, under the run's ``notes`` (pages and
    links that could not be read, dates left out: said once here, not in every briefing)."""
    css = (TEMPLATES / "briefing" / "briefing.css").read_text(encoding="utf-8")
    items = [{"label": label, "folder": folder, "articles": f"{n:,}"} for label, folder, n in rows]
    page = environment().get_template("pages/index.html.j2")
    return page.render(title=title, css=Markup(css), rows=items, notes=notes or [])
