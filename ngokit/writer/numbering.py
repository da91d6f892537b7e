"""The numbering the writer needs: clause numbers on headings and (a)/(i) lettered lists.

The kit's reference.docx holds both. A reference saved by LibreOffice renumbers the abstract
numbering definitions and drops those that no paragraph uses (the lists' among them); one
made elsewhere may have no numbering part at all. So the writer finds the definitions by
their shape, and adds them, shaped by styles.py, when they are missing.
"""

from __future__ import annotations

from typing import cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.numbering import CT_Num, CT_Numbering
from docx.oxml.styles import CT_Style, CT_Styles
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart

from ngokit.writer.styles import LIST_LEVELS, NUMBERED_HEADING_LEVELS

# The children of w:lvl in the order the schema requires (CT_Lvl is a sequence).
_LEVEL_ORDER = ("start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId",
                "legacy", "lvlJc", "pPr", "rPr")  # fmt: skip


def get_or_add_numbering(part: DocumentPart) -> CT_Numbering:
    """Return the ``w:numbering`` element of a document, adding a numbering part if it has none."""
    if not _has_numbering_part(part):
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        part.relate_to(NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package),
                       RT.NUMBERING)  # fmt: skip
    return cast(CT_Numbering, part.numbering_part.element)


def order_levels(part: DocumentPart) -> None:
    """Put the children of every numbering level in schema order (LibreOffice writes
    ``w:pStyle`` before ``w:numFmt``, which the schema, and so Word, does not allow)."""
    if not _has_numbering_part(part):
        return
    for level in part.numbering_part.element.xpath(".//w:lvl"):
        level[:] = sorted(level, key=_level_rank)


def get_or_add_list_numbering(numbering: CT_Numbering) -> int:
    """Return the id of the abstract numbering of lettered lists: (a) / (i) / 1., added if missing.

    Whichever definition has the kit's number formats in its first levels serves, so a
    reference whose list punctuation was changed (``a)`` for ``(a)``) keeps it.
    """
    wanted = [number_format for number_format, _ in LIST_LEVELS]
    for abstract_id in numbering.xpath("w:abstractNum/@w:abstractNumId"):
        if _number_formats(numbering, abstract_id, len(wanted)) == wanted:
            return int(abstract_id)
    return _add_abstract(numbering, list_levels_xml())


def get_or_add_bullet_numbering(numbering: CT_Numbering) -> int:
    """Return the id of a numbering instance whose first two levels are bullets, added if missing
    (for the bulleted-list styles a reference lacks)."""
    for abstract_id in numbering.xpath("w:abstractNum/@w:abstractNumId"):
        if _number_formats(numbering, abstract_id, 2) == ["bullet", "bullet"]:
            num_ids = numbering.xpath(f'w:num[w:abstractNumId/@w:val="{abstract_id}"]/@w:numId')
            if num_ids:
                return int(num_ids[0])
    return cast(int, numbering.add_num(_add_abstract(numbering, bullet_levels_xml())).numId)


def add_list(numbering: CT_Numbering, abstract_id: int) -> CT_Num:
    """Return a new numbering instance (``w:num``) of a list that starts again at (a)."""
    num: CT_Num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num


def add_heading_numbering_if_missing(numbering: CT_Numbering, styles: CT_Styles, heading_style_ids: list[str]) -> None:
    """Number the heading styles 1. / 1.1 / 1.1.1 unless each already has a numbering that exists."""
    headings = [cast(CT_Style, styles.get_by_id(style_id)) for style_id in heading_style_ids]
    if all(_has_numbering(numbering, style) for style in headings):
        return
    abstract_id = _add_abstract(numbering, heading_levels_xml(heading_style_ids))
    num_id = numbering.add_num(abstract_id).numId
    for level, style in enumerate(headings):
        numpr = style.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = level
        numpr.get_or_add_numId().val = num_id


def _number_formats(numbering: CT_Numbering, abstract_id: str, levels: int) -> list[str]:
    """Return the number format (``lowerLetter``...) of the first levels of an abstract numbering."""
    abstract = f'w:abstractNum[@w:abstractNumId="{abstract_id}"]'
    return [numbering.xpath(f'string({abstract}/w:lvl[@w:ilvl="{i}"]/w:numFmt/@w:val)') for i in range(levels)]


def _has_numbering_part(part: DocumentPart) -> bool:
    return any(rel.reltype == RT.NUMBERING for rel in part.rels.values())


def _level_rank(child: BaseOxmlElement) -> int:
    name = child.tag.rpartition("}")[2]
    return _LEVEL_ORDER.index(name) if name in _LEVEL_ORDER else len(_LEVEL_ORDER)


def _has_numbering(numbering: CT_Numbering, style: CT_Style) -> bool:
    num_ids = style.xpath("w:pPr/w:numPr/w:numId/@w:val")
    if not num_ids or num_ids[0] == "0":
        return False
    abstract_ids = numbering.xpath(f'w:num[@w:numId="{num_ids[0]}"]/w:abstractNumId/@w:val')
    return bool(abstract_ids) and bool(numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract_ids[0]}"]'))


def _add_abstract(numbering: CT_Numbering, levels: str) -> int:
    """Return the id of a new multilevel abstract numbering, placed before the instances."""
    abstract_id = max((int(i) for i in numbering.xpath("w:abstractNum/@w:abstractNumId")), default=-1) + 1
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')  # fmt: skip
    numbering.insert_element_before(abstract, "w:num", "w:numIdMacAtCleanup")
    return abstract_id


def list_levels_xml() -> str:
    """Return the ``w:lvl`` elements of lettered lists, indented one step a level."""
    return "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{567 * (i + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(LIST_LEVELS)
    )


def bullet_levels_xml() -> str:
    """Return the ``w:lvl`` elements of bulleted lists: a bullet, then a white bullet, indented one step a level."""
    return "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, text in enumerate(("\u2022", "\u25e6"))
    )


def heading_levels_xml(style_ids: list[str]) -> str:
    """Return the ``w:lvl`` elements of clause numbers, each linked to its heading style."""
    return "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{style_ids[i]}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{680 + 170 * i}"/></w:tabs>'
        f'<w:ind w:left="{680 + 170 * i}" w:hanging="{680 + 170 * i}"/></w:pPr></w:lvl>'
        for i, text in enumerate(NUMBERED_HEADING_LEVELS)
    )
