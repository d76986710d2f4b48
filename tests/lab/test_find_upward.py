"""Where the explorer looks for the project's ``reports/``: up from the current folder, no further than the checkout."""

from __future__ import annotations

from pathlib import Path

from newsbrief.lab.stores import find_upward


def test_a_notebook_folder_finds_the_reports_beside_it(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    (checkout / "notebooks").mkdir(parents=True)
    (checkout / "reports").mkdir()
    (checkout / "pyproject.toml").write_text("[project]\n")
    assert find_upward("reports", start=checkout / "notebooks") == checkout / "reports"


def test_a_reports_folder_above_the_checkout_is_not_taken(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()  # someone else's, above the checkout
    checkout = tmp_path / "work" / "checkout"
    (checkout / "notebooks").mkdir(parents=True)
    (checkout / ".git").mkdir()
    assert find_upward("reports", start=checkout / "notebooks") == checkout / "notebooks" / "reports"


def test_outside_a_checkout_the_search_stops_below_the_home_folder(tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    (home / "reports").mkdir(parents=True)  # the user's unrelated reports
    analysis = home / "analysis" / "notebooks"
    analysis.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert find_upward("reports", start=analysis) == analysis / "reports"
    (home / "analysis" / "reports").mkdir()
    assert find_upward("reports", start=analysis) == home / "analysis" / "reports"


def test_a_user_without_a_home_folder_still_finds_the_reports(tmp_path: Path, monkeypatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    (tmp_path / "reports").mkdir()
    (tmp_path / "notebooks").mkdir()
    assert find_upward("reports", start=tmp_path / "notebooks") == tmp_path / "reports"
