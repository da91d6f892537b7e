"""The styles the writer needs in a reference.docx, and the multilevel clause numbering."""

from __future__ import annotations

PARAGRAPH_STYLES = (
    "Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
    "List Bullet 2", "List Number", "List Number 2", "Header", "Footer", "TOC Heading",
    "Guidance", "Cover Detail", "Table Text", "toc 1", "toc 2",
)  # fmt: skip
CHARACTER_STYLES = ("Blank", "Hyperlink")
TABLE_STYLES = ("Table Grid",)

NUMBERED_HEADING_LEVELS = ("%1.", "%1.%2", "%1.%2.%3")
"""How clause headings are numbered: 1. / 1.1 / 1.1.1 (Word renders these, never typed)."""

LIST_LEVELS = (("lowerLetter", "(%1)"), ("lowerRoman", "(%2)"), ("decimal", "%3."))
"""How numbered lists inside clauses read: (a) / (i) / 1."""


def heading_number(counters: list[int], level: int, as_shown: bool = False) -> str:
    """Return a heading's clause number, e.g. ``"7.2"`` for counters [7, 2].

    With ``as_shown`` the number is exactly what Word shows before the heading (``"7."``);
    otherwise it reads well inside a sentence ("see clause 7").
    """
    text = NUMBERED_HEADING_LEVELS[level - 1]
    for i, value in enumerate(counters[:level], start=1):
        text = text.replace(f"%{i}", str(value))
    return text if as_shown else text.rstrip(".")
