"""Small WordprocessingML pieces python-docx has no API for: fields, bookmarks, links."""

from __future__ import annotations

import re
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_BOOKMARK_SAFE = re.compile(r"[^A-Za-z0-9_]")


def append_run(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False,
               style_id: str | None = None) -> Any:  # fmt: skip
    """Append a run of plain text (no tabs or line breaks) and return its ``w:r`` element.

    python-docx's ``add_run`` walks the text one character at a time (to turn tabs and line
    breaks into elements); Markdown text has neither, and this is several times faster.
    """
    run = OxmlElement("w:r")
    if bold or italic or style_id:
        props = OxmlElement("w:rPr")
        for tag, wanted in (("w:rStyle", style_id), ("w:b", bold), ("w:i", italic)):
            if wanted:
                child = OxmlElement(tag)
                if tag == "w:rStyle":
                    child.set(qn("w:val"), str(style_id))
                props.append(child)
        run.append(props)
    text_element = OxmlElement("w:t")
    text_element.text = text
    if text != text.strip():
        text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    paragraph._p.append(run)
    return run


def new_paragraph(body: Any, style_id: str) -> Any:
    """Return a new ``w:p`` with a paragraph style, added at the end of a document body."""
    paragraph = OxmlElement("w:p")
    props = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    props.append(style)
    paragraph.append(props)
    body.sectPr.addprevious(paragraph)
    return paragraph


def add_field(paragraph: Any, instruction: str, cached: str = "") -> None:
    """Append a field (PAGE, NUMPAGES, REF...) whose cached result is ``cached``."""
    begin_field(paragraph, instruction)
    if cached:
        paragraph.add_run(cached)
    end_field(paragraph)


def begin_field(paragraph: Any, instruction: str) -> None:
    """Append the start of a field: begin, instruction, separate (the result follows)."""
    _fld_char(paragraph, "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    paragraph.add_run()._r.append(text)
    _fld_char(paragraph, "separate")


def end_field(paragraph: Any) -> None:
    """Append the end of a field."""
    _fld_char(paragraph, "end")


def _fld_char(paragraph: Any, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def bookmark_name(anchor: str) -> str:
    """Return a Word-safe bookmark name for an anchor (letters, digits, _; at most 40)."""
    return ("_Ref_" + _BOOKMARK_SAFE.sub("_", anchor))[:40]


def add_bookmark(paragraph: Any, name: str, bookmark_id: int) -> None:
    """Wrap a paragraph's content in a bookmark."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    ppr = paragraph._p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def add_hyperlink(paragraph: Any, text: str, *, url: str = "", anchor: str = "",
                  style_id: str | None = None) -> Any:  # fmt: skip
    """Append a hyperlink to a URL or to a bookmark in the document; return its run."""
    link = OxmlElement("w:hyperlink")
    if url:
        link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    else:
        link.set(qn("w:anchor"), anchor)
    run = paragraph.add_run(text)
    if style_id:
        run._r.get_or_add_rPr().style = style_id
    link.append(run._r)
    paragraph._p.append(link)
    return run


def mark_header_row(row: Any) -> None:
    """Mark a table row as a header that repeats on every page (and for screen readers)."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    trpr.insert(0, cant_split)


def shade_cell(cell: Any, fill: str) -> None:
    """Give a table cell a background colour."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


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


def set_document_language(document: Any, language: str) -> None:
    """Set the proofing language of the whole document (docDefaults), e.g. ``en-GB``."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)
