"""PDF export without LibreOffice: a plain message saying how to install it."""

from __future__ import annotations

import pytest

import ngokit.pdf
from ngokit.errors import ToolMissingError
from ngokit.pdf import convert_to_pdf


def test_pdf_needs_libreoffice_message(tmp_path, monkeypatch):

    monkeypatch.setattr(ngokit.pdf, "find_soffice", lambda: None)
    with pytest.raises(ToolMissingError, match="libreoffice-writer-nogui"):
        convert_to_pdf([tmp_path / "x.docx"], tmp_path, tmp_path / "profile")
