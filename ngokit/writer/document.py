"""Markdown source → Word document, with styles from a reference.docx.

This package is the only place that imports python-docx. :func:`write_docx` opens the
reference, and a :class:`DocumentWriter` walks the source's blocks: frame.py writes the cover
and contents; blocks.py the headings (numbered as clauses by the heading styles' multilevel
list), paragraphs, lists and guidance notes; tables.py the tables; inline.py the runs, links,
blanks and cross-references inside them; letterhead.py fills the header and footer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from docx.document import Document as DocumentObject
from docx.oxml.document import CT_Document
from docx.oxml.styles import CT_Styles
from markdown_it.token import Token

from ngokit.writer import frame
from ngokit.writer.blocks import BlockWriter
from ngokit.writer.letterhead import set_header_footer
from ngokit.writer.meta import DocumentMeta, Labels
from ngokit.writer.numbering import add_heading_numbering_if_missing, get_or_add_numbering
from ngokit.writer.package import save_reproducibly
from ngokit.writer.reference import get_or_add_final_section, open_reference, style_ids
from ngokit.writer.source import Source
from ngokit.writer.styles import make_right_to_left, set_document_language

__all__ = ["DocumentMeta", "DocumentWriter", "Labels", "write_docx"]


def write_docx(source: Source, path: Path, meta: DocumentMeta, reference: Path) -> None:
    """Write one Word document from a parsed Markdown source."""
    document, ids = open_reference(reference)
    DocumentWriter(document, meta, source, ids).write()
    save_reproducibly(document, path, meta.kit_date)


class DocumentWriter:
    """Writes one Markdown source into a document opened from the reference."""

    def __init__(self, document: DocumentObject, meta: DocumentMeta, source: Source,
                 ids: dict[str, str] | None = None) -> None:  # fmt: skip
        self.document = document
        self.meta = meta
        self.source = source
        self.style_ids = ids if ids is not None else style_ids(document)
        self.body = cast(CT_Document, document.element).body
        end = get_or_add_final_section(self.body)
        self.blocks = BlockWriter(end, document.part, self.style_ids, meta, source)

    def write(self) -> None:
        """Write cover, contents, body, header, footer and properties."""
        self._prepare()
        if self.source.front.get("cover", True):
            frame.add_cover(self.blocks, self.meta)
        if self.source.front.get("toc", False):
            frame.add_contents(self.blocks, self.source.headings, self.meta.labels.contents, self.meta.labels.annex)
        self._add_blocks(self.source.tokens)
        set_header_footer(self.document.sections[0], self.meta, self.style_ids)
        frame.set_properties(self.document.core_properties, self.meta)

    def _prepare(self) -> None:
        """Give the styles the document's language, clause numbers and direction (the reference's body is empty)."""
        styles = cast(CT_Styles, self.document.styles.element)
        set_document_language(styles, self.meta.language)
        if self.source.numbered:
            heading_ids = [self.style_ids[f"Heading {n}"] for n in (1, 2, 3)]
            add_heading_numbering_if_missing(get_or_add_numbering(self.document.part), styles, heading_ids)
        if self.meta.right_to_left:
            make_right_to_left(styles, self.style_ids["Normal"])

    def _add_blocks(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            i = self._add_block(tokens, i) + 1

    def _add_block(self, tokens: list[Token], i: int) -> int:
        """Add the block that starts at tokens[i]; return the index of its last token."""
        token, blocks = tokens[i], self.blocks
        if token.type == "blockquote_open" and not self.meta.guidance:
            return _matching_close(tokens, i)
        if token.type == "heading_open":
            blocks.add_heading(tokens[i + 1], i)
            return i + 2
        if token.type == "paragraph_open":
            blocks.add_text(tokens[i + 1])
            return i + 2
        if token.type == "table_open":
            end = _matching_close(tokens, i)
            blocks.add_table(tokens[i : end + 1])
            return end
        if token.type in ("fence", "code_block"):
            blocks.add_paragraph("Normal", token.content.rstrip())
        elif token.type in _STRUCTURE:
            _STRUCTURE[token.type](blocks)
        return i


_STRUCTURE: dict[str, Callable[[BlockWriter], None]] = {
    "bullet_list_open": BlockWriter.open_bullet_list,
    "ordered_list_open": BlockWriter.open_ordered_list,
    "bullet_list_close": BlockWriter.close_list,
    "ordered_list_close": BlockWriter.close_list,
    "list_item_open": BlockWriter.open_item,
    "blockquote_open": BlockWriter.open_quote,
    "blockquote_close": BlockWriter.close_quote,
    "hr": BlockWriter.break_page,
}
"""Tokens that open or close a structure, or mark a break: they change where the walk stands."""


def _matching_close(tokens: list[Token], start: int) -> int:
    """Return the index of the token that closes the one at ``start``."""
    depth = 0
    for i in range(start, len(tokens)):
        depth += tokens[i].nesting
        if depth == 0:
            return i
    return len(tokens) - 1
