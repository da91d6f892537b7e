"""Plain styles for those a reference lacks, so that any Word file can serve as a reference.

Each paragraph style is based on the reference's Normal, so it takes the reference's font and
colour, and adds only what makes it do its job: a heading is bold and in the outline, a bullet
has a bullet, a guidance note is a box, a blank is shaded, a table has borders. The person who
chose the reference is told which styles it lacked (see reference.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.styles import CT_Styles
from docx.parts.document import DocumentPart
from docx.styles import BabelFish

from ngokit.writer.numbering import get_or_add_bullet_numbering, get_or_add_numbering
from ngokit.writer.stylenames import STYLE_TYPES

_BOX = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="4" w:color="808080"/>'
               for side in ("top", "left", "bottom", "right"))  # fmt: skip
_GRID = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV"))  # fmt: skip


def _heading(level: int, size: int) -> str:
    return ('<w:next w:val="{normal}"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>'
            f'<w:spacing w:before="{240 if level == 1 else 160}" w:after="80"/><w:outlineLvl w:val="{level - 1}"/>'
            f'</w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')  # fmt: skip


def _bullet(level: int) -> str:
    return (f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{{bullets}}"/></w:numPr>'
            '<w:spacing w:after="60"/></w:pPr>')  # fmt: skip


DEFAULTS: Mapping[str, str] = {
    "Normal": "<w:qFormat/>",
    "Title": '<w:next w:val="{normal}"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr>'
             '<w:rPr><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr>',
    "Subtitle": '<w:next w:val="{normal}"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr>'
                '<w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>',
    "Heading 1": _heading(1, 32),
    "Heading 2": _heading(2, 26),
    "Heading 3": _heading(3, 24),
    "List Bullet": _bullet(0),
    "List Bullet 2": _bullet(1),
    "List Number": '<w:pPr><w:spacing w:after="60"/></w:pPr>',
    "List Number 2": '<w:pPr><w:spacing w:after="60"/></w:pPr>',
    "Header": '<w:pPr><w:spacing w:after="0"/></w:pPr>',
    "Footer": '<w:pPr><w:spacing w:after="0"/></w:pPr>',
    "TOC Heading": '<w:next w:val="{normal}"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>'
                   '<w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>',
    "Guidance": f'<w:pPr><w:keepLines/><w:pBdr>{_BOX}</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
                '<w:spacing w:after="0"/><w:ind w:left="170" w:right="170"/></w:pPr>',
    "Cover Detail": '<w:pPr><w:spacing w:after="40"/></w:pPr>',
    "Table Text": '<w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>',
    "toc 1": '<w:pPr><w:spacing w:after="40"/></w:pPr>',
    "toc 2": '<w:pPr><w:spacing w:after="40"/><w:ind w:left="340"/></w:pPr>',
    "Blank": '<w:rPr><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/></w:rPr>',
    "Hyperlink": '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>',
    "Table Grid": f"<w:tblPr><w:tblBorders>{_GRID}</w:tblBorders></w:tblPr>",
}  # fmt: skip
"""What each style the writer needs is, at least: the XML inside ``w:style`` after its name
and base (``{normal}`` is Normal's id, ``{bullets}`` the bulleted lists' numbering)."""


def add_missing_styles(styles: CT_Styles, part: DocumentPart, found: Mapping[str, str]) -> dict[str, str]:
    """Return the id of every style the writer needs, adding a plain one for each missing from ``found``."""
    ids = dict(found)
    taken = {str(s) for s in styles.xpath("w:style/@w:styleId")}
    for name in (n for n in STYLE_TYPES if n not in ids):  # Normal first, as styles.py lists it
        ids[name] = _free_id(name, taken)
        values = {"normal": ids["Normal"], "bullets": ""}
        if name.startswith("List Bullet"):
            values["bullets"] = str(get_or_add_bullet_numbering(get_or_add_numbering(part)))
        styles.append(parse_xml(_style_xml(name, ids[name], ids["Normal"], DEFAULTS[name].format(**values))))
    return ids


def _style_xml(name: str, style_id: str, normal_id: str, body: str) -> str:
    kind = STYLE_TYPES[name]
    default = ' w:default="1"' if name == "Normal" else ""
    based_on = f'<w:basedOn w:val="{normal_id}"/>' if kind == "paragraph" and name != "Normal" else ""
    return (f'<w:style {nsdecls("w")} w:type="{kind}"{default} w:styleId="{style_id}">'
            f'<w:name w:val="{BabelFish.ui2internal(name)}"/>{based_on}{body}</w:style>')  # fmt: skip


def _free_id(name: str, taken: set[str]) -> str:
    """Return an id made of the name ("TOC1" for "toc 1"... "Heading1") that no style has yet."""
    base = "".join(word[:1].upper() + word[1:] for word in name.split())
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}{number}"
    taken.add(candidate)
    return candidate
