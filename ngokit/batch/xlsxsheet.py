"""Reading the networks' sheet of an .xlsx workbook: a visible sheet, within bounds, every value saved.

openpyxl trusts the workbook: it reads a hidden sheet like any other, builds every cell of the
range the sheet claims (A1:XFD1048576 is 17 billion), and gives None for a formula whose
result was never saved (a file written by a program, not by a spreadsheet). So the sheet's
XML is scanned first, streaming: where its last value is, which formulas have no saved
result, which cells show an error. openpyxl then reads only that range.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from ngokit.batch.limits import MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED_BYTES, bounds_text
from ngokit.errors import NgokitError
from ngokit.i18n import _

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SHEET_DATA, _ROW, _CELL = _MAIN + "sheetData", _MAIN + "row", _MAIN + "c"
_VALUE, _FORMULA, _INLINE = _MAIN + "v", _MAIN + "f", _MAIN + "is"
_SHOWN = 5  # cells named in one message


@dataclass
class SheetScan:
    """What the scan found: the used range, and the cells that cannot be read as typed."""

    last_row: int = 0
    last_column: int = 0
    beyond: str = ""  # the first cell with a value outside the bounds
    unsaved: list[str] = field(default_factory=list)  # formulas with no saved result
    errors: list[str] = field(default_factory=list)  # cells showing an error, e.g. "B3 (#N/A)"


def read_xlsx_table(path: Path, sheet_name: str) -> list[list[Any]]:
    """Return the rows of the networks' sheet (the visible one called ``sheet_name``, or the only
    visible sheet), or raise NgokitError naming the sheet, the cell and what to do."""
    _check_unpacked_size(path)
    book = _open_workbook(path)
    try:
        sheet = choose_sheet(book.worksheets, path.name, sheet_name)
        scan = _scan_part(path, sheet._worksheet_path)  # openpyxl has no public name for a sheet's part
        _check_scan(scan, _("{0}, sheet {1}").format(path.name, sheet.title))
        if not scan.last_row:
            return []
        sheet.reset_dimensions()  # the range the file claims is not to be trusted
        rows = sheet.iter_rows(min_row=1, max_row=scan.last_row, max_col=scan.last_column, values_only=True)
        return [list(row) for row in rows]
    finally:
        book.close()


def _check_unpacked_size(path: Path) -> None:
    """Raise NgokitError unless the file is a zip that unpacks to a sane size (a zip bomb does not)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise NgokitError(_("{0} is not a readable Excel file: {1}").format(path, exc)) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise NgokitError(_("{0} unpacks to more than {1} MB; ngokit reads workbooks of up to {1} MB unpacked. "
                            "Save the networks' sheet alone in a new workbook").format(
            path.name, MAX_UNPACKED_BYTES // 2**20))  # fmt: skip


def _open_workbook(path: Path) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise NgokitError(_("{0} is not a readable Excel file: {1}").format(path, exc)) from exc


def choose_sheet(sheets: list[Any], name: str, sheet_name: str) -> Any:
    """Return the visible sheet called ``sheet_name`` (in any case), else the only visible sheet.

    A hidden sheet is never read: people check what they see, and a hidden copy may be old.
    """
    wanted = [s for s in sheets if s.title.casefold() == sheet_name.casefold()]
    visible = [s for s in sheets if s.sheet_state == "visible"]
    if wanted and wanted[0].sheet_state != "visible":
        raise NgokitError(_('{0}: the sheet "{1}" is hidden, and ngokit reads only sheets you can see. Unhide it '
                            "(right-click a sheet tab, Unhide) and save, or delete it if the networks are on "
                            "another sheet").format(name, wanted[0].title))  # fmt: skip
    if wanted:
        return wanted[0]
    if len(visible) == 1:
        return visible[0]
    titles = ", ".join(s.title for s in visible) or _("none visible")
    raise NgokitError(_('{0}: no sheet called "{1}", and more than one sheet to choose from ({2}). Rename the '
                        'sheet with the networks to "{1}"').format(name, sheet_name, titles))  # fmt: skip


def _scan_part(path: Path, part: str) -> SheetScan:
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as source:
            return scan_sheet(source)
    except (zipfile.BadZipFile, KeyError, OSError, ParseError) as exc:
        raise NgokitError(_("{0} is not a readable Excel file: {1}").format(path, exc)) from exc


def scan_sheet(source: Any) -> SheetScan:
    """Return what a worksheet's XML holds, streaming; stop at the first value out of bounds."""
    scan = SheetScan()
    row = column = 0
    sheet_data = None
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":
            if element.tag == _ROW:
                row, column = int(element.get("r") or row + 1), 0
            elif element.tag == _SHEET_DATA:
                sheet_data = element
        elif element.tag == _CELL:
            row, column = _position(element.get("r"), row, column + 1)
            if _note_cell(scan, element, row, column):
                return scan
            element.clear()
        elif element.tag == _ROW and sheet_data is not None:
            sheet_data.clear()  # keep memory flat however many rows
    return scan


def _position(reference: str | None, row: int, column: int) -> tuple[int, int]:
    """Return a cell's (row, column) from its reference, or the next column when it has none."""
    if not reference:
        return row, column
    from openpyxl.utils.cell import coordinate_to_tuple

    return coordinate_to_tuple(reference)


def _note_cell(scan: SheetScan, cell: Any, row: int, column: int) -> bool:
    """Add the cell to the scan; return True when it is a value outside the bounds."""
    value, formula = cell.find(_VALUE), cell.find(_FORMULA)
    saved = (value is not None and bool(value.text)) or cell.find(_INLINE) is not None
    if not saved and formula is None:
        return False  # an empty cell, maybe formatted: not data
    from openpyxl.utils.cell import get_column_letter

    reference = f"{get_column_letter(column)}{row}"
    if row > MAX_ROWS or column > MAX_COLUMNS:
        scan.beyond = reference
        return True
    scan.last_row, scan.last_column = max(scan.last_row, row), max(scan.last_column, column)
    kind = cell.get("t", "n")
    if formula is not None and (value is None or (not saved and kind != "str")):  # an empty text result is saved
        scan.unsaved.append(reference)
    if kind == "e":
        scan.errors.append(f"{reference} ({value.text if value is not None else '#ERROR'})")
    return False


def _check_scan(scan: SheetScan, where: str) -> None:
    if scan.beyond:
        raise NgokitError(_("{0}: cell {1} has a value, but ngokit reads {2} (A1:{3}). Delete what is outside "
                            "the table of networks, or split the networks into several files").format(
            where, scan.beyond, bounds_text(), _corner()))  # fmt: skip
    if scan.unsaved:
        text = _("cell {0} holds a formula") if len(scan.unsaved) == 1 else _("cells {0} hold formulas")
        raise NgokitError(_("{0}: {1} with no saved result (the file was written by a program, not saved by a "
                            "spreadsheet): open it in Excel or LibreOffice and save it, or type the values "
                            "instead of formulas").format(where, text.format(_cells(scan.unsaved))))  # fmt: skip
    if scan.errors:
        text = _("cell {0} shows an error") if len(scan.errors) == 1 else _("cells {0} show errors")
        raise NgokitError(_("{0}: {1}; correct the formulas or type the values").format(
            where, text.format(_cells(scan.errors))))  # fmt: skip


def _cells(references: list[str]) -> str:
    shown = ", ".join(references[:_SHOWN])
    if len(references) > _SHOWN:
        shown += _(" and {0} more").format(len(references) - _SHOWN)
    return shown


def _corner() -> str:
    from openpyxl.utils.cell import get_column_letter

    return f"{get_column_letter(MAX_COLUMNS)}{MAX_ROWS}"
