"""Opening a reference.docx: read and checked once, fitted for writing each time it is opened.

A TA organisation's reference may have been saved by Word or LibreOffice rather than made by
scripts/make_reference_docx.py. Fitting gives every document what the schema and the writer
need, whatever the reference holds, and nothing of whoever saved it: its body (a style sample,
a letter) goes, a style it lacks gets a plain default, and the person is warned, never stopped.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import cast

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.document import CT_Body, CT_Document
from docx.oxml.ns import nsdecls, qn
from docx.oxml.section import CT_SectPr
from docx.oxml.settings import CT_Settings
from docx.oxml.styles import CT_Styles
from docx.parts.document import DocumentPart

from ngokit.errors import ReferenceDocxError
from ngokit.writer.defaults import add_missing_styles
from ngokit.writer.numbering import order_levels
from ngokit.writer.package import save_reproducibly
from ngokit.writer.stylenames import LIBREOFFICE_NAMES, STYLE_TYPES, find_styles
from ngokit.writer.traces import remove_personal_traces

# Relationships that only the body uses: once it is emptied, those left unused go, with their parts.
_BODY_RELATIONSHIPS = ("/image", "/hyperlink", "/header", "/footer", "/oleObject", "/package", "/chart",
                       "/diagramData", "/diagramLayout", "/diagramQuickStyle", "/diagramColors", "/video",
                       "/audio", "/media", "/control", "/subDocument")  # fmt: skip


@dataclass(frozen=True)
class _Reference:
    """A reference document as read from its file, with what the person should know about it,
    and the same document fitted for writing (saved once, opened for each document)."""

    data: bytes
    warnings: tuple[str, ...]
    fitted: bytes = b""
    style_ids: tuple[tuple[str, str], ...] = ()


def check_reference(reference: Path) -> tuple[str, ...]:
    """Return warnings for the person about a reference.docx (the styles it lacks, which get a
    plain default); raise ReferenceDocxError when it cannot be read."""
    return _read(reference).warnings


def open_reference(reference: Path) -> tuple[DocumentObject, dict[str, str]]:
    """Return a new python-docx document opened from the reference, fitted for writing (an
    empty body, every style the writer needs and no trace of whoever saved it), and the id of
    each style the writer needs. The fitting is done once per reference and process."""
    read = _read(reference)
    return Document(io.BytesIO(read.fitted)), dict(read.style_ids)


def style_ids(document: DocumentObject) -> dict[str, str]:
    """Return the id of each style the writer needs that the document has, by its name in
    styles.py (see stylenames.py for how a style is recognised)."""
    return find_styles(cast(CT_Styles, document.styles.element))


def write_reference_copy(reference: Path, path: Path) -> None:
    """Write a copy of the reference, body and all, without the traces of whoever saved it:
    the copy a kit keeps so that a rebuild has the same look. The same reference gives the
    same bytes."""
    document = Document(io.BytesIO(_read(reference).data))
    remove_personal_traces(document.part)
    props, stamp = document.core_properties, datetime(1980, 1, 1, tzinfo=timezone.utc)
    for name in ("author", "category", "comments", "content_status", "identifier", "keywords", "language",
                 "last_modified_by", "subject", "title", "version"):  # fmt: skip
        setattr(props, name, "")
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    save_reproducibly(document, path)


def _fit(document: DocumentObject) -> None:
    """Add what the schema and the writer need (document defaults are added as the language
    is set), empty the body, put numbering levels in order and remove the traces of whoever
    saved the file."""
    body = cast(CT_Document, document.element).body
    get_or_add_final_section(body)
    _complete_zoom(cast(CT_Settings, document.settings.element))
    body.clear_content()  # all but the final section properties
    _drop_unused_relationships(document.part)
    styles = cast(CT_Styles, document.styles.element)
    add_missing_styles(styles, document.part, find_styles(styles))
    order_levels(document.part)
    remove_personal_traces(document.part)


def _drop_unused_relationships(part: DocumentPart) -> None:
    """Drop what only the emptied body used: its pictures, links and other sections' headers."""
    used = set(part.element.xpath("//@r:id | //@r:embed | //@r:link"))
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith(_BODY_RELATIONSHIPS) and rel_id not in used:
            del part.rels[rel_id]


def _complete_zoom(settings: CT_Settings) -> None:
    """Give ``w:zoom`` the percentage the schema requires (python-docx's template has none)."""
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


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


def _read(reference: Path) -> _Reference:
    return _read_once(reference, reference.stat().st_mtime_ns if reference.exists() else 0)


@lru_cache(maxsize=8)
def _read_once(reference: Path, _mtime: int) -> _Reference:
    try:
        data = reference.read_bytes()
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a broken file
        raise ReferenceDocxError(f"cannot read the reference document {reference}: {exc}") from exc
    found = style_ids(document)
    missing = [_shown(name) for name in STYLE_TYPES if name not in found]
    _fit(document)
    fitted = io.BytesIO()
    document.save(fitted)
    ids = tuple(style_ids(document).items())
    if not missing:
        return _Reference(data, (), fitted.getvalue(), ids)
    styles = f"style {missing[0]}" if len(missing) == 1 else f"styles {', '.join(missing)}"
    return _Reference(data, (
        f"the reference document {reference} has no {styles}: the documents use a plain look instead. "
        "To choose that look, add the style to your reference, or start again from the kit's own "
        "reference.docx, which has every style.",
    ), fitted.getvalue(), ids)  # fmt: skip


def _shown(name: str) -> str:
    """Return a style's name as a person finds it in Word, and in LibreOffice when that differs."""
    other = LIBREOFFICE_NAMES.get(name)
    return f'"{name}" ("{other}" in LibreOffice)' if other else f'"{name}"'
