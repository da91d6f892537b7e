"""Reading a CSV file as form tools and spreadsheets export it, and stopping where it is broken.

A stray quote mark does not fail in Python's csv module: it silently joins the lines up to
the next quote mark into one cell, so six networks become four kits. Strict parsing and two
checks catch it: a cell that spans lines and holds the delimiter here, and a value beyond the
header where the rows are read (``sheets``). Every message names the line a text editor shows.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ngokit.batch.limits import MAX_COLUMNS, MAX_ROWS
from ngokit.errors import NgokitError
from ngokit.i18n import _


def read_csv_table(path: Path) -> tuple[list[list[str]], list[int]]:
    """Return the file's records as lists of cells (a blank line as an empty list) and the line
    each record starts on, or raise NgokitError."""
    text = _decode(path)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    table: list[list[str]] = []
    lines: list[int] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            raise _broken(path.name, line, reader.line_num, exc) from None
        if cells is None:
            return table, lines
        used = _used_width(cells)
        _check_record(path.name, line, cells, used, delimiter)
        if used and len(table) >= MAX_ROWS:
            raise NgokitError(_("{0}: more than {1:,} rows; ngokit reads at most {1:,} rows at a time. Split the "
                                "networks into several files").format(path.name, MAX_ROWS))  # fmt: skip
        if len(table) < MAX_ROWS:  # blank lines beyond the limit are read, never kept
            table.append(cells)
            lines.append(line)


def _decode(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NgokitError(_('{0} is not UTF-8 text; save it as "CSV UTF-8"').format(path)) from None


def _used_width(cells: list[str]) -> int:
    """Return how many cells the record has up to its last non-empty one."""
    used = len(cells)
    while used and not cells[used - 1].strip():
        used -= 1
    return used


def _check_record(name: str, line: int, cells: list[str], used: int, delimiter: str) -> None:
    """Raise NgokitError when the record shows a stray quote mark or is wider than ngokit reads."""
    if used > MAX_COLUMNS:
        raise NgokitError(_("{0}, line {1}: more than {2} columns; ngokit reads at most {2}").format(
            name, line, MAX_COLUMNS))  # fmt: skip
    for index, cell in enumerate(cells):
        if "\n" in cell and delimiter in cell:
            start = line + sum(c.count("\n") for c in cells[:index])
            raise NgokitError(_("{0}, line {1}: a quoted cell runs over {2} lines and holds {3}, so a quote mark is "
                                "probably missing or extra (the cell starts: {4}). Put quote marks only around "
                                "a whole cell; if the cell really holds line breaks, remove them").format(
                name, start, cell.count("\n") + 1, _delimiter_name(delimiter), repr(cell[:30])))  # fmt: skip


def _broken(name: str, line: int, error_line: int, exc: csv.Error) -> NgokitError:
    """Return the error for a record the csv module cannot read, in words for a person."""
    if "field larger than field limit" in str(exc):
        return NgokitError(_("{0}, line {1}: a cell longer than {2:,} characters, usually a quote mark that "
                             "opens a cell and never closes").format(name, line, csv.field_size_limit()))  # fmt: skip
    if "unexpected end of data" in str(exc):
        return NgokitError(_("{0}, line {1}: a quote mark opens a cell that never closes; add the closing quote "
                             "mark or remove the stray one").format(name, line))  # fmt: skip
    return NgokitError(_('{0}, line {1}: a quote mark in the wrong place ({2}). Put quote marks only around a '
                         'whole cell, and write a quote mark inside one as two ("")').format(
        name, error_line, exc))  # fmt: skip


def _delimiter_name(delimiter: str) -> str:
    return _("semicolons") if delimiter == ";" else _("commas")
