"""Pipe tables → Word tables: column widths from their text, a repeating header row, and rows
with an empty cell high enough to write in by hand."""

from __future__ import annotations

from collections.abc import Mapping

from docx.oxml.section import CT_SectPr
from docx.oxml.table import CT_Tbl
from docx.shared import Emu
from markdown_it.token import Token

from ngokit.errors import ReferenceDocxError
from ngokit.writer import ooxml
from ngokit.writer.inline import InlineWriter

HEADER_FILL = "DCE6F0"
_EMU_PER_TWIP = 635


def add_table(end: CT_SectPr, tokens: list[Token], style_ids: Mapping[str, str], inline: InlineWriter,
              right_to_left: bool = False) -> CT_Tbl:  # fmt: skip
    """Return a new table made of a pipe table's tokens, added just before the body's final
    section properties ``end``, whose page gives the width to share between the columns."""
    rows = table_rows(tokens)
    widths = [int(w) // _EMU_PER_TWIP for w in column_widths(rows, text_width(end))]
    writing = [r for r, cells in enumerate(rows) if r and (len(cells) < len(widths) or any(_empty(c) for c in cells))]
    table = ooxml.add_table(end, style_ids["Table Grid"], widths, len(rows), style_ids["Table Text"], HEADER_FILL,
                            writing)  # fmt: skip
    if right_to_left:
        ooxml.make_table_right_to_left(table)
    for r, cells in enumerate(rows):
        for cell, paragraph in zip(cells, ooxml.row_paragraphs(table, r), strict=False):  # a short row: empty cells
            inline.add_inline(paragraph, cell, bold=r == 0)
    return table


def _empty(cell: Token) -> bool:
    """Return True for a cell left empty for someone to write in: no text but spaces (templates
    write ``&nbsp;`` to keep a row)."""
    return all(child.type == "text" and not child.content.strip() for child in cell.children or ())


def table_rows(tokens: list[Token]) -> list[list[Token]]:
    """Return the inline token of each cell, row by row (the header row first)."""
    rows: list[list[Token]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(token)
    return rows


def column_widths(rows: list[list[Token]], total: int) -> list[Emu]:
    """Return column widths in proportion to their text, no column narrower than 12%."""
    weights = [_weight([r[c].content for r in rows if c < len(r)]) for c in range(max(len(r) for r in rows))]
    floor = 0.12 * total
    raw = [total * w / sum(weights) for w in weights]
    widths = [max(floor, w) for w in raw]
    scale = total / sum(widths)
    return [Emu(int(w * scale)) for w in widths]


def _weight(texts: list[str]) -> float:
    """Return how wide a column wants to be: its mean text length, or room for its longest word."""
    longest_word = max((len(w) for text in texts for w in text.split()), default=4)
    return max(sum(len(t) for t in texts) / max(len(texts), 1), longest_word * 1.5, 6)


def text_width(section: CT_SectPr) -> int:
    """Return the width between a section's margins, in EMU."""
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        raise ReferenceDocxError("the reference document's page has no width or no margins")
    return int(width - left - right)
