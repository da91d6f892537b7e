"""Markdown source → Word document, with styles from a reference.docx.

This package is the only place that imports python-docx. One :class:`DocumentWriter`
writes one document: the cover block, the table of contents, headings (numbered as clauses
by the heading styles' multilevel list), paragraphs, lists, tables, guidance boxes and blanks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.section import CT_SectPr
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm, Emu
from markdown_it.token import Token

from ngokit.errors import ReferenceDocxError
from ngokit.writer import ooxml
from ngokit.writer.frame import FrameWriter
from ngokit.writer.numbering import (
    add_heading_numbering_if_missing,
    add_list,
    get_or_add_list_numbering,
    get_or_add_numbering,
)
from ngokit.writer.package import save_reproducibly
from ngokit.writer.reference import open_reference, style_ids
from ngokit.writer.source import Source, heading_anchor, strip_anchor

_HEADER_FILL = "DCE6F0"


@dataclass(frozen=True)
class Labels:
    """Words the writer adds around the content, already in the documents' language."""

    guidance: str = "Guidance for drafters:"
    contents: str = "Contents"
    status: str = "Status"
    date: str = "Date"
    version: str = "Version"
    page_of: str = "Page {page} of {pages}"


@dataclass(frozen=True)
class DocumentMeta:
    """What the writer needs besides the Markdown: names, dates and the words it adds."""

    title: str
    network: str
    subject: str
    language: str
    kit_date: date
    status: str
    version: str
    labels: Labels = field(default_factory=Labels)
    guidance: bool = True
    keywords: str = ""
    blanks: Sequence[str] = ()
    date_text: str = ""
    right_to_left: bool = False


def write_docx(source: Source, path: Path, meta: DocumentMeta, reference: Path) -> None:
    """Write one Word document from a parsed Markdown source."""
    writer = DocumentWriter(open_reference(reference), meta, source)
    writer.write()
    save_reproducibly(writer.doc, path, meta.kit_date)


class DocumentWriter(FrameWriter):
    """Writes the blocks of one Markdown source into a document opened from the reference."""

    def __init__(self, doc: DocumentObject, meta: DocumentMeta, source: Source) -> None:
        self.doc = doc
        self.meta = meta
        self.source = source
        self._style_ids = style_ids(doc)
        self._lists: list[tuple[str, int]] = []  # (kind, num_id) of each open list
        self._quote_depth = 0
        self._first_in_quote = False
        self._item_paragraphs = 0
        self._break_before_next = False  # a thematic break (---) starts the next block on a new page
        self._section_end: CT_SectPr = doc.element.body.sectPr  # new blocks go just before it

    # -- the whole document -------------------------------------------------------------

    def write(self) -> None:
        """Write cover, contents, body, header, footer and properties."""
        self.doc.element.body.clear_content()  # all but the final section properties
        styles = self.doc.styles.element
        ooxml.set_document_language(styles, self.meta.language)
        if self.source.numbered:
            heading_ids = [self._style_ids[f"Heading {n}"] for n in (1, 2, 3)]
            add_heading_numbering_if_missing(get_or_add_numbering(self.doc.part), styles, heading_ids)
        if self.meta.right_to_left:
            ooxml.make_right_to_left(styles, self._style_ids["Normal"])
        if self.source.front.get("cover", True):
            self._cover()
        if self.source.front.get("toc", False):
            self._contents()
        self._blocks(self.source.tokens)
        self._header_footer()
        self._properties()

    def _paragraph(self, style: str, text: str = "") -> CT_P:
        paragraph = ooxml.add_paragraph(self._section_end, self._style_ids[style])
        if text:
            ooxml.add_run(paragraph, text)
        if self._break_before_next:
            paragraph.get_or_add_pPr().pageBreakBefore_val = True
            self._break_before_next = False
        return paragraph

    # -- blocks ---------------------------------------------------------------------------

    def _blocks(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            i = self._block(tokens, i) + 1

    def _block(self, tokens: list[Token], i: int) -> int:
        """Write the block that starts at tokens[i]; return the index of its last token."""
        token = tokens[i]
        kind = token.type
        if kind == "blockquote_open" and not self.meta.guidance:
            return _matching_close(tokens, i)
        if kind == "heading_open":
            self._heading(tokens[i + 1], i)
            return i + 2
        if kind == "paragraph_open":
            self._body_paragraph(tokens[i + 1])
            return i + 2
        if kind == "table_open":
            end = _matching_close(tokens, i)
            self._table(tokens[i : end + 1])
            return end
        handler = self._structure.get(kind)
        if handler is not None:
            handler(self, token)
        elif kind in ("fence", "code_block"):
            self._paragraph("Normal", token.content.rstrip())
        elif kind == "hr":
            self._break_before_next = True
        return i

    def _heading(self, inline: Token, position: int) -> None:
        heading = self.source.heading_at(position)
        if heading is None:  # a heading inside guidance: a bold line of the note
            self._guidance_heading(inline)
            return
        if heading.anchor:
            strip_anchor(inline, heading.anchor)
        paragraph = self._paragraph(f"Heading {heading.level}")
        if not self.source.numbered:
            ooxml.suppress_numbering(paragraph)
        self._inline(paragraph, inline)
        ooxml.add_bookmark(paragraph, heading.bookmark, heading.index)

    def _guidance_heading(self, inline: Token) -> None:
        anchor = heading_anchor(inline)
        if anchor:
            strip_anchor(inline, anchor)
        self._inline(self._guidance_paragraph(), inline, bold=True)

    def _guidance_paragraph(self) -> CT_P:
        paragraph = self._paragraph("Guidance")
        if self._first_in_quote:
            ooxml.add_run(paragraph, self.meta.labels.guidance + " ", bold=True)
            self._first_in_quote = False
        return paragraph

    def _body_paragraph(self, inline: Token) -> None:
        if self._blank_list_marker(inline):
            return
        if self._quote_depth:
            paragraph = self._guidance_paragraph()
        elif self._lists:
            paragraph = self._list_paragraph()
        else:
            paragraph = self._paragraph("Normal")
        self._inline(paragraph, inline)

    def _list_paragraph(self) -> CT_P:
        kind, num_id = self._lists[-1]
        level = len(self._lists)
        self._item_paragraphs += 1
        if self._item_paragraphs > 1:  # a second paragraph in the same item: indented, no marker
            paragraph = self._paragraph("Normal")
            paragraph.get_or_add_pPr().ind_left = Cm(1.0 * level)
            return paragraph
        if kind == "bullet":
            return self._paragraph("List Bullet" if level == 1 else "List Bullet 2")
        paragraph = self._paragraph("List Number" if level == 1 else "List Number 2")
        ooxml.set_numbering(paragraph, num_id, min(level - 1, 2))
        return paragraph

    def _blank_list_marker(self, inline: Token) -> bool:
        """Expand a paragraph holding only ``[](ngokit:blanks)`` into the list of blanks."""
        if inline.content.strip() != "[](ngokit:blanks)":
            return False
        for blank in self.meta.blanks:
            self._paragraph("List Bullet", blank)
        return True

    def _open_bullet_list(self, token: Token) -> None:
        self._lists.append(("bullet", 0))

    def _open_ordered_list(self, token: Token) -> None:
        if self._lists and self._lists[-1][0] == "ordered":
            self._lists.append(("ordered", self._lists[-1][1]))  # nested: same list, next level
            return
        numbering = get_or_add_numbering(self.doc.part)
        num = add_list(numbering, get_or_add_list_numbering(numbering))
        self._lists.append(("ordered", cast(int, num.numId)))

    def _close_list(self, token: Token) -> None:
        self._lists.pop()

    def _open_item(self, token: Token) -> None:
        self._item_paragraphs = 0

    def _open_quote(self, token: Token) -> None:
        self._quote_depth += 1
        self._first_in_quote = True

    def _close_quote(self, token: Token) -> None:
        self._quote_depth -= 1
        ooxml.add_paragraph(self._section_end).get_or_add_pPr().spacing_after = 0

    _structure = {
        "bullet_list_open": _open_bullet_list,
        "ordered_list_open": _open_ordered_list,
        "bullet_list_close": _close_list,
        "ordered_list_close": _close_list,
        "list_item_open": _open_item,
        "blockquote_open": _open_quote,
        "blockquote_close": _close_quote,
    }

    # -- tables ---------------------------------------------------------------------------

    def _table(self, tokens: list[Token]) -> None:
        if self._break_before_next:  # a table cannot start a page by itself: break before it
            self._paragraph("Normal").get_or_add_pPr().spacing_after = 0
        rows: list[list[Token]] = []
        for token in tokens:
            if token.type == "tr_open":
                rows.append([])
            elif token.type == "inline":
                rows[-1].append(token)
        columns = max(len(r) for r in rows)
        widths = [int(w) // 635 for w in _column_widths(rows, columns, self._text_width())]  # EMU → twips
        table = ooxml.add_table(self._section_end, self._style_ids["Table Grid"], widths, len(rows),
                                self._style_ids["Table Text"], _HEADER_FILL)  # fmt: skip
        if self.meta.right_to_left:
            ooxml.make_table_right_to_left(table)
        for r, cells in enumerate(rows):
            for c, paragraph in enumerate(ooxml.row_paragraphs(table, r)):
                if c < len(cells):
                    self._inline(paragraph, cells[c], bold=r == 0)
        self._paragraph("Normal").get_or_add_pPr().spacing_after = 0

    def _text_width(self) -> int:
        section = self._section_end
        width, left, right = section.page_width, section.left_margin, section.right_margin
        if width is None or left is None or right is None:
            raise ReferenceDocxError("the reference document's page has no width or no margins")
        return int(width - left - right)

    # -- inline content -------------------------------------------------------------------

    def _inline(self, paragraph: CT_P, inline: Token, bold: bool = False) -> None:
        state: dict[str, Any] = {"bold": bold, "base_bold": bold, "italic": False, "link": None, "link_text": []}
        for child in inline.children or ():
            self._inline_token(paragraph, child, state)

    def _inline_token(self, paragraph: CT_P, child: Token, state: dict[str, Any]) -> None:
        kind = child.type
        if kind in ("strong_open", "strong_close"):
            state["bold"] = kind == "strong_open" or bool(state.get("base_bold"))
        elif kind in ("em_open", "em_close"):
            state["italic"] = kind == "em_open"
        elif kind == "link_open":
            state["link"], state["link_text"] = child.attrs.get("href", ""), []
        elif kind == "link_close":
            self._link(paragraph, str(state["link"]), "".join(state["link_text"]))
            state["link"] = None
        elif state["link"] is not None and kind in ("text", "code_inline"):
            state["link_text"].append(child.content)
        elif kind in ("text", "code_inline"):
            ooxml.add_run(paragraph, child.content, bold=state["bold"], italic=state["italic"])
        elif kind == "softbreak":
            ooxml.add_run(paragraph, " ")
        elif kind == "hardbreak":
            ooxml.add_break(paragraph)

    def _link(self, paragraph: CT_P, href: str, text: str) -> None:
        if href == "blank:":
            label = f"[{text}: ________________]" if text else "[________________]"
            ooxml.add_run(paragraph, label, style_id=self._style_ids["Blank"])
        elif href.startswith("#"):
            heading = self.source.heading_for(href[1:])
            if heading is None or not heading.number:
                raise ReferenceDocxError(f"{self.meta.title}: the cross-reference {href} names no clause")
            ooxml.add_field(paragraph, f"REF {heading.bookmark} \\r \\h", text or heading.number)
        else:
            r_id = self.doc.part.relate_to(href, RT.HYPERLINK, is_external=True) if href else ""
            ooxml.add_hyperlink(paragraph, text or href, r_id=r_id, style_id=self._style_ids["Hyperlink"])


def _matching_close(tokens: list[Token], start: int) -> int:
    depth = 0
    for i in range(start, len(tokens)):
        depth += tokens[i].nesting
        if depth == 0:
            return i
    return len(tokens) - 1


def _column_widths(rows: list[list[Token]], columns: int, total: int) -> list[Emu]:
    """Return column widths in proportion to their text, no column narrower than 12%."""
    weights = []
    for c in range(columns):
        lengths = [len(r[c].content) for r in rows if c < len(r)]
        longest_word = max((len(w) for r in rows if c < len(r) for w in r[c].content.split()), default=4)
        weights.append(max(sum(lengths) / max(len(lengths), 1), longest_word * 1.5, 6))
    floor = 0.12 * total
    raw = [total * w / sum(weights) for w in weights]
    widths = [max(floor, w) for w in raw]
    scale = total / sum(widths)
    return [Emu(int(w * scale)) for w in widths]
