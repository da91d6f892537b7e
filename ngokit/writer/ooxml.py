"""WordprocessingML elements: paragraphs, runs, fields, bookmarks, links and tables.

Every function here takes and returns python-docx's element classes (``CT_P``, ``CT_R``...),
never its API objects: the writer speaks to this one layer. ``add_*`` returns the new element.
"""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache
from typing import cast

from docx.oxml import parse_xml
from docx.oxml.document import CT_Body
from docx.oxml.ns import NamespacePrefixedTag, nsdecls, qn
from docx.oxml.numbering import CT_NumPr
from docx.oxml.parser import oxml_parser
from docx.oxml.section import CT_SectPr
from docx.oxml.settings import CT_Settings
from docx.oxml.styles import CT_Style, CT_Styles
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
        props = element("w:rPr")
        for tag, wanted in (("w:rStyle", style_id), ("w:b", bold), ("w:i", italic)):
            if wanted:
                child = element(tag)
                if tag == "w:rStyle":
                    child.set(qn("w:val"), str(style_id))
                props.append(child)
        run.append(props)
    text_element = element("w:t")
    text_element.text = text
    if text != text.strip():
        text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    parent.append(run)
    return run


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
    numpr: CT_NumPr = paragraph.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def add_table(end: BaseOxmlElement, style_id: str, widths: list[int], rows: int, text_style_id: str,
              header_fill: str) -> CT_Tbl:  # fmt: skip
    """Return a new table added just before ``end``: fixed column widths (twips), a repeating
    header row that screen readers know as such, and an empty styled paragraph in each cell."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    look = 'w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"'
    header_cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/>'
        f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{text_style_id}"/></w:pPr></w:p></w:tc>'
        for w in widths
    )
    body_cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{text_style_id}"/></w:pPr></w:p></w:tc>'
        for w in widths
    )
    header = f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header_cells}</w:tr>"
    others = f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{body_cells}</w:tr>" * (rows - 1)
    table = cast(CT_Tbl, parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook {look}/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{header}{others}</w:tbl>"
    ))  # fmt: skip
    end.addprevious(table)
    return table


def row_paragraphs(table: CT_Tbl, row: int) -> list[CT_P]:
    """Return the first paragraph of each cell of a table row."""
    return [cast(CT_P, tc.find(qn("w:p"))) for tc in table.tr_lst[row].tc_lst]


def make_table_right_to_left(table: CT_Tbl) -> None:
    """Lay a table's columns out from right to left."""
    table.tblPr.insert(1, element("w:bidiVisual"))  # after w:tblStyle, as the schema orders it


def complete_zoom(settings: CT_Settings) -> None:
    """Give ``w:zoom`` the percentage the schema requires (python-docx's template has none)."""
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


def set_document_language(styles: CT_Styles, language: str) -> None:
    """Set the proofing language of the whole document (docDefaults), e.g. ``en-GB``."""
    defaults = _get_or_insert(styles, "w:docDefaults", 0)  # first, as the schema orders it
    rpr = _get_or_insert(_get_or_insert(defaults, "w:rPrDefault", 0), "w:rPr", 0)
    lang = _get_or_insert(rpr, "w:lang", len(rpr))
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def _get_or_insert(parent: BaseOxmlElement, tag: str, index: int) -> BaseOxmlElement:
    """Return the child with this tag, inserted at ``index`` when there is none."""
    child = parent.find(qn(tag))
    if child is None:
        child = element(tag)
        parent.insert(index, child)
    return child


# A4, with the margins of the kit's reference.docx (twips).
_DEFAULT_SECTION = ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1304" w:bottom="1247" '
                    'w:left="1304" w:header="624" w:footer="624" w:gutter="0"/>')  # fmt: skip


def get_or_add_final_section(body: CT_Body) -> CT_SectPr:
    """Return a body's final section properties (page size, margins, header and footer), added if missing.

    Word and LibreOffice always write them; without them python-docx has no section to
    put a header in. The last section break's properties serve, or an A4 page.
    """
    if body.sectPr is not None:
        return body.sectPr
    breaks = body.xpath("./w:p/w:pPr/w:sectPr")
    body.append(
        deepcopy(breaks[-1]) if breaks else parse_xml(f"<w:sectPr {nsdecls('w')}>{_DEFAULT_SECTION}</w:sectPr>")
    )
    return cast(CT_SectPr, body.sectPr)


# Children of w:pPr that come after w:bidi in the schema (CT_PPrBase is a sequence).
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
               "w:pPrChange")  # fmt: skip


def make_right_to_left(styles: CT_Styles, base_style_id: str) -> None:
    """Make every paragraph right-to-left through the styles, for Arabic, Persian, Hebrew...

    The base paragraph style (``base_style_id``, Normal) gets ``w:bidi`` (every other style inherits it), and no style
    keeps a physical left or right alignment, which Word and LibreOffice read differently on
    right-to-left paragraphs (start-aligned is right there).
    """
    for props in styles.xpath("w:style/w:pPr"):
        jc = props.find(qn("w:jc"))
        if jc is not None and jc.get(qn("w:val")) in ("left", "right"):
            props.remove(jc)
    base = cast(CT_Style, styles.get_by_id(base_style_id)).get_or_add_pPr()
    if base.find(qn("w:bidi")) is None:
        base.insert_element_before(element("w:bidi"), *_AFTER_BIDI)
