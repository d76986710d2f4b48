"""One error hierarchy for newsbrief.

Every error a user can cause derives from :class:`NewsbriefError` and carries the
file, row and field it concerns, so the CLI can print one precise message and map
the error to an exit code (2 for bad input or parameters, 1 for a failed run).
"""

from __future__ import annotations

from pathlib import Path


class NewsbriefError(Exception):
    """Base class of all newsbrief errors."""

    exit_code: int = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        row: int | str | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.row = row
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(self.path)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class InputError(NewsbriefError):
    """An input file, table or folder cannot be read as articles."""

    exit_code = 2


class ParamsError(NewsbriefError):
    """A parameter file or override is invalid; ``problems`` lists every problem."""

    exit_code = 2

    def __init__(self, message: str, *, problems: list[str] | None = None, path: str | Path | None = None) -> None:
        self.problems = list(problems or [])
        super().__init__(message, path=path)

    def __str__(self) -> str:
        head = super().__str__()
        if not self.problems:
            return head
        return head + "\n" + "\n".join(f"  - {p}" for p in self.problems)


class YamlTooLarge(ParamsError):
    """A YAML file's anchors and aliases expand past the bound of :mod:`newsbrief.yamlfile` ("billion laughs")."""


class RegistryError(NewsbriefError):
    """An unknown name was asked of a registry (engines, scorers, exporters)."""

    exit_code = 2


class ModelError(NewsbriefError):
    """An NLP pipeline or model cannot be loaded."""

    exit_code = 2


class StoreError(NewsbriefError):
    """The annotation store is unreadable or inconsistent."""


class RunError(NewsbriefError):
    """A notebook cell failed or a report could not be rendered."""


class DeliveryError(NewsbriefError):
    """An email could not be built or delivered."""


class StorePointerError(StoreError):
    """A store folder lost its CURRENT file: the message names the newest complete version to restore."""

    exit_code = 2


class QueryError(NewsbriefError):
    """An SQL query is invalid or fails on the store; the message names the problem."""

    exit_code = 2


class ExploreError(NewsbriefError, ValueError):
    """An exploration was asked for something the store does not hold (an unknown entity, speaker or period).

    Also a ValueError, as it was before it joined this hierarchy."""

    exit_code = 2


class MailInputError(DeliveryError, InputError):
    """Bad input to the email command (a report folder, an address): a DeliveryError with exit code 2."""

    exit_code = 2


class ReportFolderError(MailInputError):
    """The report folder or one of its files is missing or unreadable."""


class AddressError(MailInputError):
    """An email address given on the command line is not one (exit code 2)."""
