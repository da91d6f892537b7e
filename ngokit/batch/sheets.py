"""Spreadsheets in and out: .xlsx (openpyxl) and .csv as real tools export them.

Reading finds the header row of question names (or prompts), skips blank rows, and
returns each row's non-empty cells by question name, with its row number as a person sees
it in the spreadsheet. Values stay as typed: validation does the rest. A value under no
header stops the reading: it is a shifted row, not something to drop. The file formats'
own traps (a stray quote mark, a hidden sheet, a formula without its result, sizes) are
caught in ``sheet_csv`` and ``sheet_xlsx``, within the bounds of ``sheet_limits``.
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


@dataclass(frozen=True)
class SheetRow:
    """One network's answers from a spreadsheet row (number as shown in the spreadsheet)."""

    number: int
    answers: dict[str, Any]


def read_rows(path: Path, questionnaire: Questionnaire) -> list[SheetRow]:
    """Return the rows of answers in an .xlsx or .csv file, or raise NgokitError."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise NgokitError(_("{0}: file not found").format(path))
    if suffix not in (".xlsx", ".csv"):
        raise NgokitError(_("{0}: use an .xlsx or a .csv file").format(path))
    check_file_size(path)
    if suffix == ".xlsx":
        from ngokit.batch.xlsxsheet import read_xlsx_table

        table = read_xlsx_table(path, SHEET_NAME)
        return list(_rows(table, questionnaire, path.name, lambda index: _("row {0}").format(index + 1)))
    table, lines = read_csv_table(path)
    return list(_rows(table, questionnaire, path.name, lambda index: _("line {0}").format(lines[index])))


def _rows(table: list[list[Any]], questionnaire: Questionnaire, name: str,
          place: Callable[[int], str]) -> Iterator[SheetRow]:  # fmt: skip
    header_index, columns = _header(table, questionnaire, name)
    for index in range(header_index + 1, len(table)):
        cells = table[index]
        answers = {}
        for c, value in enumerate(cells):
            value = _cell(value)
            if value is not None and c not in columns:
                raise _no_header(name, place(index), c, value)
            if value is not None:
                answers[columns[c]] = value
        if answers:
            yield SheetRow(number=index + 1, answers=answers)


def _no_header(name: str, place: str, column: int, value: Any) -> NgokitError:
    from openpyxl.utils.cell import get_column_letter

    return NgokitError(_("{0}, {1}: a value in column {2} ({3}), which has no header. Either it is in the wrong "
                         "column, or (in a CSV file) a comma without quote marks around it or a stray quote mark "
                         "has shifted the cells").format(name, place, get_column_letter(column + 1),
                                                          repr(str(value)[:30])))  # fmt: skip


def _header(table: list[list[Any]], questionnaire: Questionnaire, name: str) -> tuple[int, dict[int, str]]:
    """Return the header row's index and column → question name.

    A header cell may hold the question's name or its prompt; the template has both, prompts
    above names, and the last of consecutive header rows is the one used.
    """
    found: tuple[int, dict[int, str]] | None = None
    for index, cells in enumerate(table[:6]):
        columns, unknown = _header_cells(cells, questionnaire)
        if not columns or len(columns) < len(unknown):
            if found:
                break
            continue
        if unknown:
            raise NgokitError(_("{0}: these columns are not questions of the kit: {1}").format(
                name, ", ".join(unknown)))  # fmt: skip
        found = index, columns
    if found is None:
        raise NgokitError(_("{0}: no header row of question names found in the first rows; start from "
                            "`ngokit batch-template`").format(name))  # fmt: skip
    return found


def _header_cells(cells: list[Any], questionnaire: Questionnaire) -> tuple[dict[int, str], list[str]]:
    by_prompt = {q.prompt.casefold(): q.name for q in questionnaire}
    columns: dict[int, str] = {}
    unknown: list[str] = []
    for c, cell in enumerate(cells):
        text = str(cell).strip() if cell is not None else ""
        if text in questionnaire.names:
            columns[c] = text
        elif text.casefold() in by_prompt:
            columns[c] = by_prompt[text.casefold()]
        elif text:
            unknown.append(text)
    return columns, unknown


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
