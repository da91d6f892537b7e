"""PDF copies of the documents through LibreOffice, when it is installed."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
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


TIMEOUT = 300.0
"""Seconds LibreOffice may take for one kit's PDFs."""


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
    _run_in_own_group(command, timeout=TIMEOUT)
    pdfs = [out_dir / f"{d.stem}.pdf" for d in documents]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:  # soffice exits 0 even when it fails, so look for the files
        raise NgokitError(f"LibreOffice did not make {', '.join(missing)}; open the .docx files to check them")
    return pdfs


def _run_in_own_group(command: list[str], timeout: float) -> None:
    """Run a program in a process group of its own; on a timeout or Ctrl-C, stop the whole
    group (soffice is a script that starts soffice.bin, which would otherwise keep running)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _stop_group(process)
        raise NgokitError(f"LibreOffice took more than {timeout / 60:g} minutes to make the PDFs; try again") from exc
    except BaseException:
        _stop_group(process)
        raise


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # Windows has no process groups to signal
            process.kill()
    process.wait()
