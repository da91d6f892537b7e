"""Removing what a reference.docx tells about whoever made it.

Every document is made from the reference, so its author's traces would end up in every
document of every kit: custom properties (often an e-mail address or a client number), the
path of the template Word attached (``C:\\Users\\<name>\\...``), mail-merge data sources,
document variables, comments and the people who wrote them, SharePoint metadata (customXml),
building blocks and a thumbnail of the first page. The documents are the network's, so
these go. Core and extended properties are written afresh from the kit (frame.py, package.py).
"""

from __future__ import annotations

from typing import cast

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart

# Relationship types, by the end of their URI (Word 2010 and later use their own namespaces).
_PACKAGE_TRACES = ("/custom-properties", "/metadata/thumbnail")
_DOCUMENT_TRACES = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people",
                    "/customXml", "/glossaryDocument")  # fmt: skip
_SETTINGS_TRACES = ("w:attachedTemplate", "w:mailMerge", "w:docVars", "w:saveThroughXslt")
_COMMENT_MARKS = ("w:commentRangeStart", "w:commentRangeEnd")


def remove_personal_traces(part: DocumentPart) -> None:
    """Remove the parts and settings of a reference document that name people, paths or data."""
    _drop_relationships(part.package, _PACKAGE_TRACES)
    _drop_relationships(part, _DOCUMENT_TRACES)
    for rel in list(part.rels.values()):
        if rel.reltype == RT.SETTINGS:
            _remove_settings_traces(cast(XmlPart, rel.target_part))
        elif rel.reltype in (RT.HEADER, RT.FOOTER):
            _remove_comment_marks(cast(XmlPart, rel.target_part).element)


def _drop_relationships(source: OpcPackage | Part, endings: tuple[str, ...]) -> None:
    """Drop the relationships of a part or package whose type ends so; the parts go with them."""
    for rel_id, rel in list(source.rels.items()):
        if rel.reltype.endswith(endings):
            del source.rels[rel_id]


def _remove_settings_traces(settings_part: XmlPart) -> None:
    """Remove the attached template, mail merge, document variables and XSLT, with their links."""
    settings = settings_part.element
    for tag in _SETTINGS_TRACES:
        for child in settings.findall(qn(tag)):
            settings.remove(child)
    used = set(settings.xpath("//@r:id"))
    for rel_id in [r for r in settings_part.rels if r not in used]:
        del settings_part.rels[rel_id]


def _remove_comment_marks(story: BaseOxmlElement) -> None:
    """Remove the marks of comments from a header or footer: the comments themselves are gone."""
    for mark in story.xpath(" | ".join(f".//{tag}" for tag in _COMMENT_MARKS)):
        mark.getparent().remove(mark)
    for run in story.xpath(".//w:r[w:commentReference]"):
        run.getparent().remove(run)
