"""Opening a reference.docx: read and checked once, fitted for writing each time it is opened.

A TA organisation's reference may have been saved by Word or LibreOffice rather than made by
scripts/make_reference_docx.py. Fitting gives every document what the schema and the writer
need, whatever the reference holds, and nothing of whoever saved it.
"""

from __future__ import annotations

import io
from copy import deepcopy
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

from ngokit.errors import ReferenceDocxError
from ngokit.writer.numbering import order_levels
from ngokit.writer.styles import CHARACTER_STYLES, PARAGRAPH_STYLES, TABLE_STYLES
from ngokit.writer.traces import remove_personal_traces

NEEDED_STYLES = (*PARAGRAPH_STYLES, *CHARACTER_STYLES, *TABLE_STYLES)


def check_reference(reference: Path) -> None:
    """Raise ReferenceDocxError when a reference.docx cannot be read or lacks a style."""
    open_reference(reference)


def open_reference(reference: Path) -> DocumentObject:
    """Return a new python-docx document opened from the reference, fitted for writing."""
    data = _reference_bytes(reference, reference.stat().st_mtime_ns if reference.exists() else 0)
    document = Document(io.BytesIO(data))
    _fit(document)
    return document


def style_ids(document: DocumentObject) -> dict[str, str]:
    """Return the style id of each style the writer needs that the document has, by its name in styles.py.

    Names match whatever their case, as in Word: LibreOffice saves Word's "toc 1" as "TOC 1".
    """
    by_name: dict[str, str] = {}
    for style in document.styles:  # of two names that differ only in case, the first wins
        by_name.setdefault((style.name or "").lower(), style.style_id)
    return {name: by_name[name.lower()] for name in NEEDED_STYLES if name.lower() in by_name}


def _fit(document: DocumentObject) -> None:
    """Add what the schema and the writer need (document defaults are added as the language
    is set), put numbering levels in order and remove the traces of whoever saved the file."""
    get_or_add_final_section(cast(CT_Document, document.element).body)
    _complete_zoom(cast(CT_Settings, document.settings.element))
    order_levels(document.part)
    remove_personal_traces(document.part)


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


@lru_cache(maxsize=8)
def _reference_bytes(reference: Path, _mtime: int) -> bytes:
    try:
        data = reference.read_bytes()
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a broken file
        raise ReferenceDocxError(f"cannot read the reference document {reference}: {exc}") from exc
    found = style_ids(document)
    missing = [name for name in NEEDED_STYLES if name not in found]
    if missing:
        raise ReferenceDocxError(
            f"the reference document {reference} lacks styles the kit needs: "
            f"{', '.join(missing)}. Add them (apply each once in Word and delete the text), "
            "or start from the kit's own reference.docx."
        )
    return data
