"""Interactive exploration of an annotation store (notebooks/explore.ipynb, in JupyterLab).

Pick an entity or a speaker, a date range and sources; see the entity's mentions (or the speaker's
quotes) over time, its tone (of the sentences that name it, or of the speaker's words), the quotes
by and about it, and the sentences behind any point of the timeline.

Everything the widgets show comes from plain functions (:func:`filter_tables`, :func:`find_focus`,
:func:`timeline`, :func:`tone`, :func:`sentences_at`, :func:`make_view`) built on :mod:`newsbrief.analysis`,
the functions the briefing uses, so the numbers match the briefing and tests reach the logic without a
browser. The store defaults to the latest run's (:func:`resolve_store`). The store is never read whole: the
pick lists come from SQL over it and the views from the chosen focus's slice (:mod:`.slices`).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from ..analysis.db import Db
from ..errors import ExploreError, NewsbriefError
from ..present import HTMLBlock
from .focus import FREQS, Filters, make_filters
from .slices import (
    Focus,
    date_bounds,
    entity_choices,
    find_focus,
    open_database,
    read_slice,
    source_choices,
    speaker_choices,
    store_counts,
)
from .stores import resolve_store
from .view import View, make_view

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------- the explorer
@dataclass
class Explorer:
    """A store (on disk, behind DuckDB) plus the current choice; :meth:`app` builds the widgets.

    Memory is bounded by the focus, not by the store: the pick lists and the overview are SQL aggregates, and
    :attr:`tables` holds only the current focus's slice (:func:`~newsbrief.lab.slices.read_slice`), on which
    the views are computed with the plain functions of :mod:`.focus`.
    """

    store: Path
    db: Db
    focus: Focus
    filters: Filters = field(default_factory=Filters)
    freq: str = "W"
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls, store: str | Path | None = None, *, entity: str | None = None, speaker: str | None = None,
        start: Any = None, end: Any = None, sources: Iterable[str] | str | None = None, freq: str = "W",
    ) -> Explorer:
        """Open ``store`` (``None``: see :func:`resolve_store`) and make the initial choice."""
        if freq not in FREQS.values():
            raise ExploreError(f"freq must be one of {', '.join(FREQS.values())}, not {freq!r}")
        path = resolve_store(store)
        db = open_database(path)
        focus = find_focus(db, entity=entity, speaker=speaker)
        return cls(store=path, db=db, focus=focus, filters=make_filters(start=start, end=end, sources=sources),
                   freq=freq)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The current focus's slice of the store: the rows its views read (articles without their text)."""
        return self.slice_of(self.focus)

    def slice_of(self, focus: Focus) -> dict[str, pd.DataFrame]:
        """The slice of ``focus``, read once and kept until another focus is chosen (one slice in memory)."""
        held = self._cache.get("slice")
        if held is None or held[0] != focus:
            self._cache["slice"] = None  # let the old slice go before reading the new one
            self._cache["slice"] = (focus, read_slice(self.db, focus))
        return self._cache["slice"][1]

    def _memo(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def entity_choices(self) -> list[tuple[str, str]]:
        return self._memo("entities", lambda: entity_choices(self.db))

    def speaker_choices(self) -> list[tuple[str, str]]:
        return self._memo("speakers", lambda: speaker_choices(self.db))

    def source_choices(self) -> list[str]:
        return self._memo("sources", lambda: source_choices(self.db))

    def date_bounds(self) -> tuple[date | None, date | None]:
        return self._memo("bounds", lambda: date_bounds(self.db))

    def find(self, *, entity: str | None = None, speaker: str | None = None) -> Focus:
        """The focus a user means (see :func:`~newsbrief.lab.slices.find_focus`), without changing the choice."""
        return find_focus(self.db, entity=entity, speaker=speaker)

    def overview(self) -> HTMLBlock:
        n = self._memo("counts", lambda: store_counts(self.db))
        first, last = self.date_bounds()
        text = (f"Store {self.store}: {n['articles']:,} articles from {n['sources']:,} source(s), "
                f"{f'{first} to {last}' if first else 'all undated'}; {n['entities']:,} entities, "
                f"{n['quotes']:,} quotes, {n['sentences']:,} sentences.")
        return HTMLBlock(f"<p>{html.escape(text)}</p>", text)

    def choose(self, *, entity: str | None = None, speaker: str | None = None) -> Focus:
        self.focus = self.find(entity=entity, speaker=speaker)
        return self.focus

    def view(self) -> View:
        return make_view(self.tables, self.focus, filters=self.filters, freq=self.freq)

    def sql(self, query: str) -> pd.DataFrame:
        """SQL over this store's tables (see :mod:`newsbrief.query`)."""
        from .query import sql

        return sql(query, store=self.store)

    def app(self) -> ExploreApp:
        return ExploreApp(self)


class ExploreApp:
    """The ipywidgets front end of an :class:`Explorer`; display it as a cell's value.

    Callbacks only translate widget values into :class:`Filters` / :class:`Focus` and call
    :func:`make_view`; every computation happens in the plain functions above.
    """

    def __init__(self, explorer: Explorer) -> None:
        import ipywidgets as w

        self.explorer = explorer
        self._quiet = True  # no refresh while the controls are being built or refilled
        first, last = self._bounds = explorer.date_bounds()
        f = explorer.filters
        layout = w.Layout(width="auto")
        self.kind = w.ToggleButtons(options=[("Entity", "entity"), ("Speaker", "speaker")],
                                    value=explorer.focus.kind, description="Explore")
        self.item = w.Dropdown(description="Who/what", layout=w.Layout(width="28em"))
        self.start = w.DatePicker(description="From", value=f.start or first)
        self.end = w.DatePicker(description="To", value=f.end or last)
        sources = explorer.source_choices()
        self.sources = w.SelectMultiple(options=sources, value=[s for s in f.sources if s in sources],
                                        description="Sources", rows=min(6, max(2, len(sources))),
                                        layout=w.Layout(width="28em"))
        self.freq = w.Dropdown(options=list(FREQS.items()), value=explorer.freq, description="Period")
        self.point = w.Dropdown(description="Point", layout=w.Layout(width="28em"))
        self.status = w.HTML()
        self.summary_out = w.Output()
        self.chart_out = w.Output()
        self.sentences_out = w.Output()
        self.quotes_out = w.Output()
        self._fill_items()
        self.item.value = explorer.focus.key
        tabs = w.Tab(children=[w.VBox([self.point, self.sentences_out]), self.quotes_out])
        tabs.set_title(0, "Sentences behind a point")
        tabs.set_title(1, "Quotes by and about")
        self.widget = w.VBox([
            self.kind, w.HBox([self.item, self.freq], layout=layout),
            w.HBox([self.start, self.end], layout=layout), self.sources, self.status,
            self.summary_out, self.chart_out, tabs,
        ])
        self.view: View | None = None
        self.kind.observe(self._on_kind, names="value")
        for control in (self.item, self.start, self.end, self.sources, self.freq):
            control.observe(self._on_change, names="value")
        self.point.observe(self._on_point, names="value")
        self._quiet = False
        self.refresh()

    # callbacks -------------------------------------------------------------------------------
    def _fill_items(self) -> None:
        ex = self.explorer
        options = ex.entity_choices() if self.kind.value == "entity" else ex.speaker_choices()
        self.item.options = options
        if options and self.item.value not in {v for _, v in options}:
            self.item.value = options[0][1]

    def _on_kind(self, _change: Mapping[str, Any]) -> None:
        self._quiet = True
        try:
            self._fill_items()
        finally:
            self._quiet = False
        self.refresh()

    def _on_change(self, _change: Mapping[str, Any]) -> None:
        if not self._quiet:
            self.refresh()

    def _on_point(self, change: Mapping[str, Any]) -> None:
        if not self._quiet:
            self.show_point(change["new"])

    # state -> view -----------------------------------------------------------------------------
    def current(self) -> tuple[Focus | None, Filters, str]:
        """The choice the widgets express (focus ``None`` when nothing can be chosen)."""
        ex = self.explorer
        focus = None
        if self.item.value is not None:
            kind = self.kind.value
            focus = ex.find(entity=self.item.value if kind == "entity" else None,
                            speaker=self.item.value if kind == "speaker" else None)
        start, end = self.start.value, self.end.value
        if start is not None and end is not None and start > end:
            start, end = end, start
        # The pickers open on the store's first and last day: that is no bound (undated articles stay in).
        first, last = self._bounds
        start = None if start == first else start
        end = None if end == last else end
        filters = Filters(start=start, end=end, sources=tuple(self.sources.value))
        return focus, filters, self.freq.value

    def refresh(self) -> View | None:
        """Recompute the view from the controls and render it (rendering only inside a kernel)."""
        focus, filters, freq = self.current()
        ex = self.explorer
        ex.filters, ex.freq = filters, freq
        self.view = None
        if focus is None:
            self.status.value = "<p>Nothing to explore: the store has no entity or speaker.</p>"
            _render(self.summary_out)
            _render(self.chart_out)
            _render(self.quotes_out)
            _render(self.sentences_out)
            return None
        ex.focus = focus
        try:
            view = ex.view()
        except (NewsbriefError, ValueError) as e:
            log.warning("cannot show %s: %s", focus.name, e)
            self.status.value = f"<p><b>Cannot show {html.escape(focus.name)}:</b> {html.escape(str(e))}</p>"
            return None
        self.view = view
        self.status.value = ""
        _render(self.summary_out, view.summary)
        _render(self.chart_out, view.chart)
        _render(self.quotes_out, view.quotes_by_table, view.quotes_about_table)
        self._quiet = True
        try:
            self.point.options = [("every point", None), *view.points]
            self.point.value = view.points[0][1] if len(view.points) == 1 else None
        finally:
            self._quiet = False
        self.show_point(self.point.value)
        return view

    def show_point(self, period: str | None) -> None:
        """List the sentences behind the point ``period`` (``None``: behind every point)."""
        view = self.view
        if view is not None:
            _render(self.sentences_out, lambda: view.sentences_table(period))

    def _ipython_display_(self) -> None:
        _display(self.widget)


def _in_kernel() -> bool:
    from IPython.core.interactiveshell import InteractiveShell

    return InteractiveShell.initialized()


def _render(out: Any, *makers: Callable[[], Any]) -> None:
    """Replace an Output widget's content with the displayed results of ``makers``.

    Outside a kernel (tests, scripts) nothing is rendered: there is nowhere to show it, and the
    view itself is already computed and inspectable as ``app.view``.
    """
    if not _in_kernel():
        return
    from IPython.display import display

    out.clear_output(wait=True)
    with out:
        for make in makers:
            display(make())


def _display(obj: Any) -> None:
    if _in_kernel():
        from IPython.display import display

        display(obj)


def explore(store: str | Path | None = None, **choice: Any) -> ExploreApp:
    """Load a store and build the app in one call (``choice``: see :meth:`Explorer.load`)."""
    return Explorer.load(store, **choice).app()
