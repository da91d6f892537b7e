"""Text from answers and sheets made harmless for the tools people read it in.

Answers are data. In a document they are escaped for Markdown (see ``render.md_escape``);
on a terminal, control and escape characters would move the cursor, clear the screen or
forge lines, so they are shown as visible codes; in a spreadsheet, a cell that starts like
a formula would run as one when staff open the report in Excel.
"""

from __future__ import annotations

import os
import re

# C0 and C1 control characters, DEL, and the bidirectional overrides and isolates that can
# reorder what a terminal shows. Tab and line feed are kept only where asked for.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Excel splits a CSV file on the list separator of the computer's region (a comma, or a
# semicolon in much of Europe and Latin America) before it looks at quotes the way Python
# wrote them, so a formula can also start after either, or after a line break.
_FORMULA_AFTER_SEPARATOR = re.compile("(?<=[,;\t\n])(?=[=+\\-@\uff1d\uff0b\uff0d\uff20])")


def for_terminal(text: object, *, keep_line_breaks: bool = False) -> str:
    """Return text with every control character shown as a visible code, e.g. ``\\x1b``.

    Line feeds and tabs are kept with ``keep_line_breaks`` (a message of several lines);
    otherwise they are shown as codes too, so one value stays on one line.
    """
    pattern = _CONTROL if keep_line_breaks else _CONTROL_OR_BREAK
    return pattern.sub(_visible, str(text))


def for_spreadsheet(text: object) -> str:
    """Return text that a spreadsheet shows as text, never runs as a formula.

    A cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or line break before one)
    gets a leading apostrophe, as OWASP advises for CSV files, and so does one of those after
    a comma, semicolon, tab or line break inside the text (``Net;=1+1`` → ``Net;'=1+1``);
    control characters are shown as visible codes.
    """
    value = _FORMULA_AFTER_SEPARATOR.sub("'", for_terminal(text, keep_line_breaks=True))
    return "'" + value if value.startswith(_FORMULA_START) else value


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def command(arguments: str) -> str:
    """Return an ngokit command as the person can type it: ``uv run ngokit ...`` when ngokit
    was started by ``uv run`` (a bare ``ngokit`` is then not on the PATH), else ``ngokit ...``."""
    return f"{'uv run ngokit' if os.environ.get('UV') else 'ngokit'} {arguments}"
