"""Spreadsheets in: .xlsx (openpyxl) and .csv as real tools export them.

Reading finds the header row of question names (or prompts), skips blank rows, and
returns each row's non-empty cells by question name, with its row number as a person sees
it in the spreadsheet. Values stay as typed: validation does the rest. A value under no
header stops the reading: it is a shifted row, not something to drop. The file formats'
own traps (a stray quote mark, a hidden sheet, a formula without its result, sizes) are
caught in ``csvsheet`` and ``xlsxsheet``, within the bounds of ``limits``.

Exports of form tools are read too: the columns Google Forms, Microsoft Forms and
KoboToolbox or ODK add (timestamps, e-mail, ``_uuid``, ``start``...) are left out with a note,
and Kobo's group prefixes (``group_org/network_name``) are dropped. Any other column that is
not a question stops the batch with the list, unless ``--ignore-columns`` names it. The
template's example row (its network name starts with "(example)") is never built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ngokit.batch.csvsheet import read_csv_table
from ngokit.batch.limits import check_file_size
from ngokit.errors import NgokitError
from ngokit.i18n import _
from ngokit.questions.questionnaire import Questionnaire

SHEET_NAME = "Networks"


EXAMPLE_MARK = "(example)"
"""A row whose network name starts with this is the template's example, never built."""
FORM_TOOL_COLUMNS = frozenset({
    # Google Forms
    "timestamp", "email address", "score",
    # Microsoft Forms
    "id", "start time", "completion time", "email", "name", "last modified time", "total points",
    "quiz feedback",
    # KoboToolbox and ODK
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
    "audit", "instanceid", "deprecatedid", "_id", "_uuid", "_submission_time", "_validation_status",
    "_notes", "_status", "_submitted_by", "__version__", "_version_", "_tags", "_index",
    "_attachments", "_geolocation", "uuid",
})  # fmt: skip
"""Columns that form tools add to their exports: not questions, left out with a note."""


@dataclass(frozen=True)
class SheetRow:
    """One network's answers from a spreadsheet row (number as shown in the spreadsheet)."""

    number: int
    answers: dict[str, Any]


@dataclass(frozen=True)
class Sheet:
    """The rows of answers in a spreadsheet, and what reading it left out, for the pre-flight."""

    rows: tuple[SheetRow, ...]
    notes: tuple[str, ...] = ()


def read_rows(path: Path, questionnaire: Questionnaire) -> list[SheetRow]:
    """Return the rows of answers in an .xlsx or .csv file, or raise NgokitError."""
    return list(read_sheet(path, questionnaire).rows)


def read_sheet(path: Path, questionnaire: Questionnaire, ignore: tuple[str, ...] = ()) -> Sheet:
    """Return the rows of answers in an .xlsx or .csv file and the notes of what was left out
    (form-tool columns, ignored columns, the template's example row), or raise NgokitError."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise NgokitError(_("{0}: file not found").format(path))
    if suffix not in (".xlsx", ".csv"):
        raise NgokitError(_("{0}: use an .xlsx or a .csv file").format(path))
    check_file_size(path)
    if suffix == ".xlsx":
        from ngokit.batch.xlsxsheet import read_xlsx_table

        table = read_xlsx_table(path, SHEET_NAME)
        place: Callable[[int], str] = lambda index: _("row {0}").format(index + 1)  # noqa: E731
    else:
        table, lines = read_csv_table(path)
        place = lambda index: _("line {0}").format(lines[index])  # noqa: E731
    header_index, columns, skipped = _header(table, questionnaire, path.name, ignore)
    notes = [_("Left out: {0} (columns a form tool adds, or ignored)").format(", ".join(skipped))] if skipped else []
    rows = []
    for row in _rows(table, header_index, columns, path.name, place):
        if str(row.answers.get("network_name", "")).startswith(EXAMPLE_MARK):
            notes.append(_("Left out: row {0}, the template's example").format(row.number))
        else:
            rows.append(row)
    return Sheet(tuple(rows), tuple(notes))


def _rows(table: list[list[Any]], header_index: int, columns: dict[int, str | None], name: str,
          place: Callable[[int], str]) -> Iterator[SheetRow]:  # fmt: skip
    for index in range(header_index + 1, len(table)):
        answers = {}
        for c, value in enumerate(table[index]):
            value = _cell(value)
            if value is not None and c not in columns:
                raise _no_header(name, place(index), c, value)
            question = columns.get(c)
            if value is not None and question is not None:  # None: a column left out
                answers[question] = value
        if answers:
            yield SheetRow(number=index + 1, answers=answers)


def _no_header(name: str, place: str, column: int, value: Any) -> NgokitError:
    from openpyxl.utils.cell import get_column_letter

    return NgokitError(_("{0}, {1}: a value in column {2} ({3}), which has no header. Either it is in the wrong "
                         "column, or (in a CSV file) a comma without quote marks around it or a stray quote mark "
                         "has shifted the cells").format(name, place, get_column_letter(column + 1),
                                                          repr(str(value)[:30])))  # fmt: skip


def _header(table: list[list[Any]], questionnaire: Questionnaire, name: str,
            ignore: tuple[str, ...]) -> tuple[int, dict[int, str | None], list[str]]:  # fmt: skip
    """Return the header row's index, column → question name (None for a column left out),
    and the names of the columns left out.

    A header cell may hold the question's name or its prompt; the template has both, prompts
    above names, and the last of consecutive header rows is the one used.
    """
    found: tuple[int, dict[int, str | None], list[str]] | None = None
    for index, cells in enumerate(table[:6]):
        columns, unknown, skipped = _header_cells(cells, questionnaire, ignore)
        if not any(columns.values()) or len(columns) - len(skipped) < len(unknown):
            if found:
                break
            continue
        if unknown:
            raise NgokitError(_("{0}: these columns are not questions of the kit: {1}. Rename them to the "
                                "question names (`ngokit questions`), or leave them out with --ignore-columns "
                                "\"{2}\"").format(name, ", ".join(unknown), ",".join(unknown)))  # fmt: skip
        found = index, columns, skipped
    if found is None:
        raise NgokitError(_("{0}: no header row of question names found in the first rows; start from "
                            "`ngokit batch-template`").format(name))  # fmt: skip
    return found


def _header_cells(cells: list[Any], questionnaire: Questionnaire,
                  ignore: tuple[str, ...]) -> tuple[dict[int, str | None], list[str], list[str]]:  # fmt: skip
    by_prompt = {q.prompt.casefold(): q.name for q in questionnaire}
    ignored = {i.strip().casefold() for i in ignore}
    columns: dict[int, str | None] = {}
    unknown: list[str] = []
    skipped: list[str] = []
    for c, cell in enumerate(cells):
        text = str(cell).strip() if cell is not None else ""
        bare = text.rsplit("/", 1)[-1].strip()  # Kobo's group prefix: group_org/network_name
        if bare in questionnaire.names:
            columns[c] = bare
        elif text.casefold() in by_prompt:
            columns[c] = by_prompt[text.casefold()]
        elif text and (bare.casefold() in FORM_TOOL_COLUMNS or text.casefold() in ignored):
            columns[c] = None
            skipped.append(text)
        elif text:
            unknown.append(text)
    return columns, unknown, skipped


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
