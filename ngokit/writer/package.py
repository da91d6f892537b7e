"""Saving a document so that the same content always gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

_EPOCH = (1980, 1, 1, 0, 0, 0)


def save_reproducibly(document: Any, path: Path, when: date | None = None) -> None:
    """Save a python-docx document with fixed zip timestamps (the kit date, or 1980-01-01)."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = (when.year, when.month, when.day, 0, 0, 0) if when else _EPOCH
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    path.write_bytes(out.getvalue())
