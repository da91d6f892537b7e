"""Inline Markdown → runs: bold and italic text, links, blanks to fill and cross-references."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.text.paragraph import CT_P
from docx.parts.document import DocumentPart
from markdown_it.token import Token

from ngokit.errors import KitError
from ngokit.writer import ooxml
from ngokit.writer.source import Source

_TEXT = ("text", "code_inline")
KIT_LINK = "kit:"
"""How a link names a clause of another document: ``[](kit:constitution#quorum)``."""


@dataclass
class _Marks:
    """Where the walk through one paragraph's inline tokens stands: emphasis and the open link."""

    base_bold: bool  # a table's header row is bold throughout
    bold: bool
    italic: bool = False
    link: str | None = None  # the target of the link being read, whose text is gathered
    link_text: list[str] = field(default_factory=list)

    def follow(self, kind: str) -> None:
        """Turn bold or italic on or off at a ``strong_*`` or ``em_*`` token."""
        if kind in ("strong_open", "strong_close"):
            self.bold = kind == "strong_open" or self.base_bold
        elif kind in ("em_open", "em_close"):
            self.italic = kind == "em_open"


class InlineWriter:
    """Adds the runs of inline Markdown to paragraphs of one document.

    A link is a blank to fill (``blank:``), a cross-reference to a clause (``#anchor``, a REF
    field showing the clause number from the source's outline) or a hyperlink.
    """

    def __init__(self, part: DocumentPart, style_ids: Mapping[str, str], source: Source, title: str,
                 clauses: Mapping[str, Mapping[str, str]] | None = None) -> None:  # fmt: skip
        self._part = part  # holds the hyperlinks' relationships
        self._style_ids = style_ids
        self._source = source
        self._title = title
        self._clauses = clauses or {}  # other documents' clause numbers, by document id and anchor

    def add_inline(self, paragraph: CT_P, inline: Token, *, bold: bool = False) -> None:
        """Add the runs of an inline token (the text of a paragraph, heading or cell) to a paragraph."""
        marks = _Marks(base_bold=bold, bold=bold)
        for child in inline.children or ():
            self._add_token(paragraph, child, marks)

    def _add_token(self, paragraph: CT_P, child: Token, marks: _Marks) -> None:
        kind = child.type
        if kind == "link_open":
            marks.link, marks.link_text = str(child.attrs.get("href", "")), []
        elif kind == "link_close":
            self._add_link(paragraph, marks.link or "", "".join(marks.link_text))
            marks.link = None
        elif kind in _TEXT and marks.link is not None:
            marks.link_text.append(child.content)
        elif kind in _TEXT:
            ooxml.add_run(paragraph, child.content, bold=marks.bold, italic=marks.italic)
        elif kind == "softbreak":
            ooxml.add_run(paragraph, " ")
        elif kind == "hardbreak":
            ooxml.add_break(paragraph)
        else:
            marks.follow(kind)

    def _add_link(self, paragraph: CT_P, href: str, text: str) -> None:
        if href == "blank:":
            self._add_blank(paragraph, text)
        elif href.startswith("#"):
            self._add_cross_reference(paragraph, href, text)
        elif href.startswith(KIT_LINK):
            self._add_reference_to_document(paragraph, href, text)
        else:
            self._add_hyperlink(paragraph, href, text)

    def _add_blank(self, paragraph: CT_P, label: str) -> None:
        text = f"[{label}: ________________]" if label else "[________________]"
        ooxml.add_run(paragraph, text, style_id=self._style_ids["Blank"])

    def _add_cross_reference(self, paragraph: CT_P, href: str, text: str) -> None:
        """Add a REF field to the heading's bookmark, showing its clause number until Word updates it
        (an annex's clause, which Word does not number, as plain text)."""
        heading = self._source.heading_for(href[1:])
        if heading is None or not heading.number:
            raise KitError(f"{self._title}: the cross-reference {href} names no clause")
        if heading.annex:
            ooxml.add_run(paragraph, text or heading.number)
        else:
            ooxml.add_field(paragraph, f"REF {heading.bookmark} \\r \\h", text or heading.number)

    def _add_reference_to_document(self, paragraph: CT_P, href: str, text: str) -> None:
        """Add the number of a clause of another document of the kit (``kit:constitution#quorum``),
        as text: a field cannot reach into another file."""
        document, _, anchor = href[len(KIT_LINK) :].partition("#")
        number = self._clauses.get(document, {}).get(anchor)
        if not number:
            where = f"no clause of {document}" if document in self._clauses else f"no document {document!r} in this kit"
            raise KitError(f"{self._title}: the reference to {document}#{anchor} finds {where}")
        ooxml.add_run(paragraph, text or number)

    def _add_hyperlink(self, paragraph: CT_P, href: str, text: str) -> None:
        r_id = self._part.relate_to(href, RT.HYPERLINK, is_external=True) if href else ""
        ooxml.add_hyperlink(paragraph, text or href, r_id=r_id, style_id=self._style_ids["Hyperlink"])
