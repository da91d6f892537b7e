"""PDF copies of the documents through LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ngokit.errors import NgokitError, ToolMissingError

INSTALL_HINT = (
    "PDF export needs LibreOffice. Install it and run the command again: on Debian or Ubuntu "
    "`sudo apt-get install libreoffice-writer-nogui`, on macOS `brew install --cask libreoffice`, "
    "on Windows from https://www.libreoffice.org/download/. Or build without --pdf and print "
    "the Word files to PDF yourself."
)


def find_soffice() -> str | None:
    """Return the path of LibreOffice's soffice program, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: Sequence[Path], out_dir: Path, profile: Path) -> list[Path]:
    """Write a PDF beside each document with one LibreOffice run; return the PDFs."""
    soffice = find_soffice()
    if soffice is None:
        raise ToolMissingError(INSTALL_HINT)
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.resolve().as_uri()}",
               "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, documents)]  # fmt: skip
    try:
        subprocess.run(command, capture_output=True, timeout=300, check=False)
    except subprocess.TimeoutExpired as exc:
        raise NgokitError("LibreOffice took more than 5 minutes to make the PDFs; try again") from exc
    pdfs = [out_dir / f"{d.stem}.pdf" for d in documents]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:  # soffice exits 0 even when it fails, so look for the files
        raise NgokitError(f"LibreOffice did not make {', '.join(missing)}; open the .docx files to check them")
    return pdfs
