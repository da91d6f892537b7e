"""The one exception tree of ngokit.

Every failure a person can cause (a bad answers file, a missing kit, an existing output
folder) is an :class:`NgokitError` whose message is written for that person. The CLI catches
this one class, prints ``Error: <message>`` and exits with :attr:`NgokitError.exit_code`.
"""

from __future__ import annotations

from dataclasses import dataclass


class NgokitError(Exception):
    """Base class of every expected failure; the message is for a person."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a set of answers, tied to the question (or row) it concerns."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class AnswersError(NgokitError, ValueError):
    """The answers are not valid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem], source: str = "answers") -> None:
        self.problems = list(problems)
        self.source = source
        lines = "\n".join(f"  - {p}" for p in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{source} has {count} {noun}:\n{lines}")


class KitError(NgokitError):
    """A kit template cannot be found, loaded or rendered."""


class OutputExistsError(NgokitError, FileExistsError):
    """The output folder exists and --force was not given."""


class ReferenceDocxError(NgokitError):
    """The reference.docx lacks a style or cannot be read."""


class ToolMissingError(NgokitError):
    """An optional outside program (LibreOffice) is needed but not installed."""


class UsageError(NgokitError):
    """The command was called the wrong way (exit code 2, like click's usage errors)."""

    exit_code = 2


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a service stopping), handled as Ctrl-C is: work in progress is
    cleaned up or finished, and the exit code says which signal stopped it (143)."""
