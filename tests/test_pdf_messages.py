"""PDF export without LibreOffice: a plain message saying how to install it."""

from __future__ import annotations

import pytest

import ngokit.output.pdf
from ngokit.errors import NgokitError, ToolMissingError
from ngokit.output.pdf import convert_to_pdf


def test_pdf_needs_libreoffice_message(tmp_path, monkeypatch):

    monkeypatch.setattr(ngokit.output.pdf, "find_soffice", lambda: None)
    with pytest.raises(ToolMissingError, match="libreoffice-writer-nogui"):
        convert_to_pdf([tmp_path / "x.docx"], tmp_path, tmp_path / "profile")


def test_a_hung_libreoffice_is_stopped_with_its_children(tmp_path, monkeypatch):
    import time
    from pathlib import Path

    pids = tmp_path / "pids"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pids}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(ngokit.output.pdf, "find_soffice", lambda: str(fake))
    monkeypatch.setattr(ngokit.output.pdf, "TIMEOUT", 1.0)
    with pytest.raises(NgokitError, match="took more than"):
        convert_to_pdf([tmp_path / "x.docx"], tmp_path, tmp_path / "profile")
    child = int(pids.read_text())
    time.sleep(0.2)
    stat = Path(f"/proc/{child}/stat")
    assert not stat.exists() or stat.read_text().split()[2] == "Z"  # the grandchild is gone (or a zombie)
