"""How much of a spreadsheet ngokit reads: far more than any workshop, far less than fills memory.

A workshop has tens of networks, a national programme hundreds; the kit has 55 questions.
Without bounds, a 5 KB workbook with one cell at XFD1048576 makes the reader build 17
billion cells, and a stray quote mark makes one CSV cell of the rest of the file.
"""

from __future__ import annotations

from pathlib import Path

from ngokit.errors import NgokitError
from ngokit.i18n import _

MAX_ROWS = 5_000  # spreadsheet rows, headers included: a batch of 5,000 kits is hours of building
MAX_COLUMNS = 256  # column IV, the old Excel limit: room for every question and a kit's own
MAX_FILE_BYTES = 20 * 1024 * 1024  # a full 5,000-row sheet is about 3 MB as CSV, less as .xlsx
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an .xlsx is a zip: what it unpacks to, all parts together


def check_file_size(path: Path) -> None:
    """Raise NgokitError when the file is larger than ngokit reads."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise NgokitError(_("{0} is larger than {1} MB ({2:.0f} MB); ngokit reads spreadsheets of up to {1} MB. "
                            "Delete what is not a network's answers, or split the networks into several files")
                          .format(path.name, MAX_FILE_BYTES // 2**20, size / 2**20))  # fmt: skip


def bounds_text() -> str:
    """Return the limits as a person reads them, e.g. ``at most 5,000 rows and 256 columns``."""
    return _("at most {0:,} rows and {1} columns").format(MAX_ROWS, MAX_COLUMNS)
