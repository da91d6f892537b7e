"""Markdown blocks → paragraphs: headings, body text, lists, guidance notes, and tables between spacers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, cast

from docx.oxml.section import CT_SectPr
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.parts.document import DocumentPart
from docx.shared import Cm
from markdown_it.token import Token

from ngokit.writer import ooxml
from ngokit.writer.inline import InlineWriter
from ngokit.writer.meta import DocumentMeta
from ngokit.writer.numbering import add_list, get_or_add_list_numbering, get_or_add_numbering
from ngokit.writer.outline import shown_label, without_attributes
from ngokit.writer.source import Source
from ngokit.writer.tables import add_table

BLANKS_MARKER = "[](ngokit:blanks)"
"""A paragraph holding only this becomes the list of blanks to fill in the other documents."""


class _List(NamedTuple):
    ordered: bool
    num_id: int  # the numbering instance of an ordered list, which its nested levels share


class BlockWriter:
    """Adds blocks, each in its style, to the end of one document's body.

    It knows where the walk through the source stands: which lists and guidance notes are
    open, and whether a thematic break (``---``) starts the next block on a new page.
    """

    def __init__(self, end: CT_SectPr, part: DocumentPart, style_ids: Mapping[str, str], meta: DocumentMeta,
                 source: Source) -> None:  # fmt: skip
        self._end = end  # the body's final section properties: blocks go just before them
        self._part = part
        self._style_ids = style_ids
        self._meta = meta
        self._source = source
        self.inline = InlineWriter(part, style_ids, source, meta.title, meta.clauses)
        self._lists: list[_List] = []
        self._list_numbering: int | None = None  # the abstract numbering of lettered lists
        self._quote_depth = 0
        self._first_in_quote = False
        self._item_paragraphs = 0
        self._break_before_next = False

    def add_paragraph(self, style: str, text: str = "") -> CT_P:
        """Return a new paragraph in a style (by its name in styles.py), on a new page after a break."""
        paragraph = ooxml.add_paragraph(self._end, self._style_ids[style])
        if text:
            ooxml.add_run(paragraph, text)
        if self._break_before_next:
            paragraph.get_or_add_pPr().pageBreakBefore_val = True
            self._break_before_next = False
        return paragraph

    def break_page(self) -> None:
        """Start the next block on a new page."""
        self._break_before_next = True

    def add_heading(self, inline: Token, position: int) -> CT_P:
        """Return a new heading: a bookmarked clause of the outline, or a bold line of a guidance note."""
        heading = self._source.heading_at(position)
        if heading is None:  # a heading inside guidance
            return self._add_guidance_heading(inline)
        inline = without_attributes(inline)
        if heading.annex and heading.level == 1:
            self.break_page()
        paragraph = self.add_paragraph(f"Heading {heading.level}")
        if heading.annex or not self._source.numbered:
            ooxml.suppress_numbering(paragraph)
        label = shown_label(heading, self._meta.labels.annex)
        if label:
            ooxml.add_run(paragraph, label)
        self.inline.add_inline(paragraph, inline)
        ooxml.add_bookmark(paragraph, heading.bookmark, heading.index)
        return paragraph

    def _add_guidance_heading(self, inline: Token) -> CT_P:
        inline = without_attributes(inline)
        paragraph = self._add_guidance_paragraph()
        self.inline.add_inline(paragraph, inline, bold=True)
        return paragraph

    def _add_guidance_paragraph(self) -> CT_P:
        paragraph = self.add_paragraph("Guidance")
        if self._first_in_quote:
            ooxml.add_run(paragraph, self._meta.labels.guidance + " ", bold=True)
            self._first_in_quote = False
        return paragraph

    def add_text(self, inline: Token) -> None:
        """Add a paragraph of Markdown to the guidance note or list item it is in, or to the body."""
        if inline.content.strip() == BLANKS_MARKER:
            for blank in self._meta.blanks:
                self.add_paragraph("List Bullet", blank)
            return
        if self._quote_depth:
            paragraph = self._add_guidance_paragraph()
        elif self._lists:
            paragraph = self._add_list_paragraph()
        else:
            paragraph = self.add_paragraph("Normal")
        self.inline.add_inline(paragraph, inline)

    def _add_list_paragraph(self) -> CT_P:
        current, level = self._lists[-1], len(self._lists)
        self._item_paragraphs += 1
        if self._item_paragraphs > 1:  # a second paragraph in the same item: indented, no marker
            paragraph = self.add_paragraph("Normal")
            paragraph.get_or_add_pPr().ind_left = Cm(1.0 * level)
            return paragraph
        if not current.ordered:
            return self.add_paragraph("List Bullet" if level == 1 else "List Bullet 2")
        paragraph = self.add_paragraph("List Number" if level == 1 else "List Number 2")
        ooxml.set_numbering(paragraph, current.num_id, min(level - 1, 2))
        return paragraph

    def add_table(self, tokens: list[Token]) -> CT_Tbl:
        """Return a new table made of a pipe table's tokens, with a tight empty paragraph after it
        (and before it after a break: a table cannot start a page by itself)."""
        if self._break_before_next:
            self._add_tight_paragraph()
        table = add_table(self._end, tokens, self._style_ids, self.inline, self._meta.right_to_left)
        self._add_tight_paragraph()
        return table

    def _add_tight_paragraph(self) -> CT_P:
        paragraph = self.add_paragraph("Normal")
        paragraph.get_or_add_pPr().spacing_after = 0
        return paragraph

    def open_bullet_list(self) -> None:
        """Start a bulleted list, or a level of one."""
        self._lists.append(_List(ordered=False, num_id=0))

    def open_ordered_list(self) -> None:
        """Start a lettered list that counts from (a) again, or the next level of the one open."""
        if self._lists and self._lists[-1].ordered:
            self._lists.append(self._lists[-1])
            return
        numbering = get_or_add_numbering(self._part)
        if self._list_numbering is None:  # found once per document: every lettered list uses it
            self._list_numbering = get_or_add_list_numbering(numbering)
        num = add_list(numbering, self._list_numbering)
        self._lists.append(_List(ordered=True, num_id=cast(int, num.numId)))

    def close_list(self) -> None:
        """End the innermost list."""
        self._lists.pop()

    def open_item(self) -> None:
        """Start a list item: its first paragraph carries the marker."""
        self._item_paragraphs = 0

    def open_quote(self) -> None:
        """Start a guidance note: its first paragraph opens with the guidance label."""
        self._quote_depth += 1
        self._first_in_quote = True

    def close_quote(self) -> None:
        """End a guidance note with an empty paragraph (no space after it): a note that follows is a box of its own."""
        self._quote_depth -= 1
        ooxml.add_paragraph(self._end).get_or_add_pPr().spacing_after = 0
