"""WordprocessingML elements: paragraphs, runs, fields, bookmarks, links and tables.

Every function here takes and returns python-docx's element classes (``CT_P``, ``CT_R``...),
never its API objects: the writer speaks to this one layer. ``add_*`` returns the new element.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import cast

from docx.oxml import parse_xml
from docx.oxml.ns import NamespacePrefixedTag, nsdecls, qn
from docx.oxml.numbering import CT_NumPr
from docx.oxml.parser import oxml_parser
from docx.oxml.table import CT_Tbl
from docx.oxml.text.hyperlink import CT_Hyperlink
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R, CT_Br
from docx.oxml.xmlchemy import BaseOxmlElement


@lru_cache(maxsize=64)
def _clark(tag: str) -> tuple[str, dict[str, str]]:
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


def element(tag: str) -> BaseOxmlElement:
    """Return a new element such as ``w:p``, of its python-docx class (``CT_P``).

    The same as python-docx's OxmlElement, without re-parsing the tag name each time: the
    writer makes thousands of them.
    """
    clark, nsmap = _clark(tag)
    return cast(BaseOxmlElement, oxml_parser.makeelement(clark, nsmap=nsmap))


def add_paragraph(end: BaseOxmlElement, style_id: str | None = None) -> CT_P:
    """Return a new paragraph, with a paragraph style if one is given, added just before ``end``.

    In a document body ``end`` is its final section properties (``w:sectPr``), which must
    stay last; holding on to it spares a search through a long body for every paragraph.
    """
    paragraph = cast(CT_P, element("w:p"))
    if style_id is not None:
        props = element("w:pPr")
        style = element("w:pStyle")
        style.set(qn("w:val"), style_id)
        props.append(style)
        paragraph.append(props)
    end.addprevious(paragraph)
    return paragraph


def add_run(parent: CT_P | CT_Hyperlink, text: str, *, bold: bool = False, italic: bool = False,
            style_id: str | None = None) -> CT_R:  # fmt: skip
    """Return a new run of plain text (no tabs or line breaks) added at the end of ``parent``.

    python-docx's ``CT_R.text`` walks the text one character at a time (to turn tabs and
    line breaks into elements); Markdown text has neither, and this is several times faster.
    """
    run = cast(CT_R, element("w:r"))
    if bold or italic or style_id:
        run.append(_run_properties(style_id, bold, italic))
    text_element = element("w:t")
    text_element.text = text
    if text != text.strip():
        text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    parent.append(run)
    return run


def _run_properties(style_id: str | None, bold: bool, italic: bool) -> BaseOxmlElement:
    props = element("w:rPr")
    if style_id:
        style = element("w:rStyle")
        style.set(qn("w:val"), style_id)
        props.append(style)
    for tag, wanted in (("w:b", bold), ("w:i", italic)):
        if wanted:
            props.append(element(tag))
    return props


def add_text(paragraph: CT_P, text: str) -> CT_R:
    """Return a new run of any text added at the end of a paragraph: tabs and line breaks
    become elements, as python-docx writes them. Empty text gives an empty run."""
    run = paragraph.add_r()
    run.text = text
    return run


def add_break(paragraph: CT_P, kind: str | None = None) -> CT_Br:
    """Return a new break (a line break, or ``"page"``) added at the end of a paragraph in a run of its own."""
    brk = paragraph.add_r().add_br()
    if kind is not None:
        brk.type = kind
    return brk


def add_field(paragraph: CT_P, instruction: str, cached: str = "") -> None:
    """Add a field (PAGE, NUMPAGES, REF...) whose cached result is ``cached`` to the end of a paragraph."""
    begin_field(paragraph, instruction)
    if cached:
        add_run(paragraph, cached)
    end_field(paragraph)


def begin_field(paragraph: CT_P, instruction: str) -> None:
    """Add the start of a field to a paragraph: begin, instruction, separate (the result follows)."""
    _add_field_char(paragraph, "begin")
    text = element("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run = element("w:r")
    run.append(text)
    paragraph.append(run)
    _add_field_char(paragraph, "separate")


def end_field(paragraph: CT_P) -> None:
    """Add the end of a field to a paragraph."""
    _add_field_char(paragraph, "end")


def _add_field_char(paragraph: CT_P, kind: str) -> None:
    char = element("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run = element("w:r")
    run.append(char)
    paragraph.append(run)


def add_bookmark(paragraph: CT_P, name: str, bookmark_id: int) -> BaseOxmlElement:
    """Return the ``w:bookmarkStart`` of a new bookmark wrapped around a paragraph's content."""
    start = element("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = element("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    props = paragraph.pPr
    if props is not None:
        props.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(end)
    return start


def add_hyperlink(paragraph: CT_P, text: str, *, r_id: str = "", anchor: str = "",
                  style_id: str | None = None) -> CT_Hyperlink:  # fmt: skip
    """Return a new hyperlink added at the end of a paragraph: to the target of the relationship
    ``r_id`` (a URL), or else to a bookmark in the document."""
    link = cast(CT_Hyperlink, element("w:hyperlink"))
    if r_id:
        link.set(qn("r:id"), r_id)
    else:
        link.set(qn("w:anchor"), anchor)
    add_run(link, text, style_id=style_id)
    paragraph.append(link)
    return link


def suppress_numbering(paragraph: CT_P) -> None:
    """Switch off numbering that a paragraph would inherit from its style."""
    set_numbering(paragraph, 0, 0)


def set_numbering(paragraph: CT_P, num_id: int, level: int = 0) -> None:
    """Number a paragraph with a numbering instance at a level."""
    props = paragraph.pPr
    if props is not None and all(child.tag == _PSTYLE for child in props):
        # The usual case, a new paragraph with only its style: numbering follows the style
        # (the schema's order), without python-docx's search for where each child belongs.
        new = element("w:numPr")
        for tag, value in (("w:ilvl", level), ("w:numId", num_id)):
            child = element(tag)
            child.set(_VAL, str(value))
            new.append(child)
        props.append(new)
        return
    numpr: CT_NumPr = paragraph.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


_PSTYLE, _VAL = qn("w:pStyle"), qn("w:val")


_TABLE_LOOK = 'w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"'


def add_table(end: BaseOxmlElement, style_id: str, widths: list[int], rows: int, text_style_id: str,
              header_fill: str, writing_rows: Collection[int] = ()) -> CT_Tbl:  # fmt: skip
    """Return a new table added just before ``end``: fixed column widths (twips), a repeating
    header row that screen readers know as such, and an empty styled paragraph in each cell.
    The rows in ``writing_rows`` are at least high enough to write in by hand."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header = _row_xml(widths, text_style_id, header=True, fill=header_fill)
    others = "".join(_row_xml(widths, text_style_id, tall=r in writing_rows) for r in range(1, rows))
    table = cast(CT_Tbl, parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook {_TABLE_LOOK}/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{header}{others}</w:tbl>"
    ))  # fmt: skip
    end.addprevious(table)
    return table


WRITING_HEIGHT = 397  # twips: 7 mm, the line spacing of ruled paper: room for handwriting or a signature


def _row_xml(widths: list[int], text_style_id: str, *, header: bool = False, fill: str = "",
             tall: bool = False) -> str:  # fmt: skip
    """Return a table row that never splits across pages; a header row repeats on each page;
    a tall row is at least as high as a handwritten line."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{shading}</w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{text_style_id}"/></w:pPr></w:p></w:tc>'
        for w in widths
    )
    repeat = "<w:tblHeader/>" if header else ""
    height = f'<w:trHeight w:val="{WRITING_HEIGHT}" w:hRule="atLeast"/>' if tall else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{height}{repeat}</w:trPr>{cells}</w:tr>"


def row_paragraphs(table: CT_Tbl, row: int) -> list[CT_P]:
    """Return the first paragraph of each cell of a table row."""
    return [cast(CT_P, tc.find(qn("w:p"))) for tc in table.tr_lst[row].tc_lst]


def make_table_right_to_left(table: CT_Tbl) -> None:
    """Lay a table's columns out from right to left."""
    table.tblPr.insert(1, element("w:bidiVisual"))  # after w:tblStyle, as the schema orders it
