"""The styles the writer needs in a reference.docx, the multilevel clause numbering, and what
the writer sets through the styles for a whole document: its language and direction."""

from __future__ import annotations

from typing import cast

from docx.oxml.ns import qn
from docx.oxml.styles import CT_Style, CT_Styles
from docx.oxml.xmlchemy import BaseOxmlElement

from ngokit.writer import ooxml

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
        child = ooxml.element(tag)
        parent.insert(index, child)
    return child


# Children of w:pPr that come after w:bidi in the schema (CT_PPrBase is a sequence).
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
               "w:pPrChange")  # fmt: skip


def make_right_to_left(styles: CT_Styles, base_style_id: str) -> None:
    """Make every paragraph right-to-left through the styles, for Arabic, Persian, Hebrew...

    The base paragraph style (``base_style_id``: Normal's) gets ``w:bidi`` (every other style
    inherits it), and no style keeps a physical left or right alignment, which Word and
    LibreOffice read differently on right-to-left paragraphs (start-aligned is right there).
    """
    for props in styles.xpath("w:style/w:pPr"):
        jc = props.find(qn("w:jc"))
        if jc is not None and jc.get(qn("w:val")) in ("left", "right"):
            props.remove(jc)
    base = cast(CT_Style, styles.get_by_id(base_style_id)).get_or_add_pPr()
    if base.find(qn("w:bidi")) is None:
        base.insert_element_before(ooxml.element("w:bidi"), *_AFTER_BIDI)
