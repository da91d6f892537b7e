"""Saving a document so that the same content always gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import cast

from docx.document import Document as DocumentObject
from docx.opc.packuri import PackURI
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter

_EPOCH = (1980, 1, 1, 0, 0, 0)


# Extended properties naming no program and no company: a reference.docx saved by Word
# carries both, and the documents are the network's.
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<TotalTime>0</TotalTime><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


class _FixedTimeZip:
    """The physical package writer python-docx expects, with fixed timestamps.

    python-docx stamps every zip entry with the current time; writing through this object
    instead (in one pass, no second compression) makes the file depend only on its content.
    """

    def __init__(self, stamp: tuple[int, int, int, int, int, int]) -> None:
        self.buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED)
        self._stamp = stamp

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.create_system = 3  # "made by" Unix on every system, so the bytes agree
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def save_reproducibly(document: DocumentObject, path: Path, when: date | None = None) -> None:
    """Save a python-docx document with fixed zip timestamps (the kit date, or 1980-01-01)."""
    stamp = (when.year, when.month, when.day, 0, 0, 0) if when else _EPOCH
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML
    zipped = _FixedTimeZip(stamp)
    writer = cast(PhysPkgWriter, zipped)  # it has the two methods python-docx calls: write and close
    # The same three steps as PackageWriter.write(), which would open its own zip file.
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    zipped.close()
    path.write_bytes(zipped.buffer.getvalue())
