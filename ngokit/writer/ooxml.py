"""Small WordprocessingML pieces python-docx has no API for: fields, bookmarks, links."""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import NamespacePrefixedTag, nsdecls, qn
from docx.oxml.parser import oxml_parser


@lru_cache(maxsize=64)
def _clark(tag: str) -> tuple[str, dict[str, str]]:
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


def element(tag: str) -> Any:
    """Return a new element such as ``w:p`` (python-docx's OxmlElement, without re-parsing
    the tag name each time: the writer makes thousands of them)."""
    clark, nsmap = _clark(tag)
    return oxml_parser.makeelement(clark, nsmap=nsmap)


def append_run(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False,
               style_id: str | None = None) -> Any:  # fmt: skip
    """Append a run of plain text (no tabs or line breaks) and return its ``w:r`` element.

    python-docx's ``add_run`` walks the text one character at a time (to turn tabs and line
    breaks into elements); Markdown text has neither, and this is several times faster.
    """
    run = element("w:r")
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
    paragraph._p.append(run)
    return run


def new_paragraph(section_properties: Any, style_id: str) -> Any:
    """Return a new ``w:p`` with a paragraph style, added at the end of a document body
    (just before its final section properties, ``w:sectPr``)."""
    paragraph = element("w:p")
    props = element("w:pPr")
    style = element("w:pStyle")
    style.set(qn("w:val"), style_id)
    props.append(style)
    paragraph.append(props)
    section_properties.addprevious(paragraph)
    return paragraph


def new_table(body: Any, style_id: str, widths: list[int], rows: int, text_style_id: str, header_fill: str) -> Any:
    """Return a new table at the end of a body: fixed column widths (twips), a repeating
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
    table = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook {look}/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{header}{others}</w:tbl>"
    )
    body.sectPr.addprevious(table)
    return table


def row_paragraphs(table: Any, row: int) -> list[Any]:
    """Return the first paragraph of each cell of a table row."""
    return [tc.find(qn("w:p")) for tc in table.findall(qn("w:tr"))[row].findall(qn("w:tc"))]


def add_field(paragraph: Any, instruction: str, cached: str = "") -> None:
    """Append a field (PAGE, NUMPAGES, REF...) whose cached result is ``cached``."""
    begin_field(paragraph, instruction)
    if cached:
        append_run(paragraph, cached)
    end_field(paragraph)


def begin_field(paragraph: Any, instruction: str) -> None:
    """Append the start of a field: begin, instruction, separate (the result follows)."""
    _fld_char(paragraph, "begin")
    text = element("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run = element("w:r")
    run.append(text)
    paragraph._p.append(run)
    _fld_char(paragraph, "separate")


def end_field(paragraph: Any) -> None:
    """Append the end of a field."""
    _fld_char(paragraph, "end")


def _fld_char(paragraph: Any, kind: str) -> None:
    char = element("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run = element("w:r")
    run.append(char)
    paragraph._p.append(run)


def add_bookmark(paragraph: Any, name: str, bookmark_id: int) -> None:
    """Wrap a paragraph's content in a bookmark."""
    start = element("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = element("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    ppr = paragraph._p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def add_hyperlink(paragraph: Any, text: str, *, url: str = "", anchor: str = "",
                  style_id: str | None = None) -> Any:  # fmt: skip
    """Append a hyperlink to a URL or to a bookmark in the document; return its ``w:r``."""
    link = element("w:hyperlink")
    if url:
        link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    else:
        link.set(qn("w:anchor"), anchor)
    run = append_run(paragraph, text, style_id=style_id)
    link.append(run)  # moves the run from the paragraph into the link
    paragraph._p.append(link)
    return run


def suppress_numbering(paragraph: Any) -> None:
    """Switch off numbering that a paragraph would inherit from its style."""
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = 0


def set_numbering(paragraph: Any, num_id: int, level: int = 0) -> None:
    """Number a paragraph with a numbering instance at a level."""
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def complete_zoom(settings: Any) -> None:
    """Give ``w:zoom`` the percentage the schema requires (python-docx's template has none)."""
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


def set_document_language(document: Any, language: str) -> None:
    """Set the proofing language of the whole document (docDefaults), e.g. ``en-GB``."""
    defaults = _get_or_insert(document.styles.element, "w:docDefaults", 0)  # first, as the schema orders it
    rpr = _get_or_insert(_get_or_insert(defaults, "w:rPrDefault", 0), "w:rPr", 0)
    lang = _get_or_insert(rpr, "w:lang", len(rpr))
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def _get_or_insert(parent: Any, tag: str, index: int) -> Any:
    """Return the child with this tag, inserted at ``index`` when there is none."""
    child = parent.find(qn(tag))
    if child is None:
        child = element(tag)
        parent.insert(index, child)
    return child


# A4, with the margins of the kit's reference.docx (twips).
_DEFAULT_SECTION = ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1304" w:bottom="1247" '
                    'w:left="1304" w:header="624" w:footer="624" w:gutter="0"/>')  # fmt: skip


def add_final_section_if_missing(body: Any) -> None:
    """Give a body its final section properties (page size, margins, header and footer).

    Word and LibreOffice always write them; without them python-docx has no section to
    put a header in. The last section break's properties serve, or an A4 page.
    """
    if body.sectPr is not None:
        return
    breaks = body.xpath("./w:p/w:pPr/w:sectPr")
    body.append(
        deepcopy(breaks[-1]) if breaks else parse_xml(f"<w:sectPr {nsdecls('w')}>{_DEFAULT_SECTION}</w:sectPr>")
    )


# Children of w:pPr that come after w:bidi in the schema (CT_PPrBase is a sequence).
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
               "w:pPrChange")  # fmt: skip


def make_right_to_left(document: Any) -> None:
    """Make every paragraph right-to-left through the styles, for Arabic, Persian, Hebrew...

    The base paragraph style gets ``w:bidi`` (every other style inherits it), and no style
    keeps a physical left or right alignment, which Word and LibreOffice read differently on
    right-to-left paragraphs (start-aligned is right there).
    """
    for style in document.styles:
        props = style.element.pPr
        if props is None:
            continue
        jc = props.find(qn("w:jc"))
        if jc is not None and jc.get(qn("w:val")) in ("left", "right"):
            props.remove(jc)
    normal = document.styles["Normal"].element.get_or_add_pPr()
    if normal.find(qn("w:bidi")) is None:
        normal.insert_element_before(element("w:bidi"), *_AFTER_BIDI)


def make_table_right_to_left(table: Any) -> None:
    """Lay a table's columns out from right to left."""
    props = table.find(qn("w:tblPr"))
    props.insert(1, element("w:bidiVisual"))  # after w:tblStyle, as the schema orders it
