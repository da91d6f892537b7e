"""What a built kit folder is, so that ngokit replaces only its own.

A kit folder holds ``answers.yaml`` with a ``generated_by`` block naming ngokit, and beside
it only the files ngokit writes there (Word documents, their PDFs). ``--force`` replaces such
a folder and nothing else: a folder that merely has the kit's name (``~/documents`` for a
network called "Documents") or a kit where someone keeps files of their own is left alone,
with a message that says why.
"""

from __future__ import annotations

import stat
import zipfile
from datetime import date
from pathlib import Path

from ngokit.errors import OutputExistsError

ANSWERS_FILE = "answers.yaml"
KIT_SUFFIXES = (".docx", ".pdf")
MAX_ANSWERS_BYTES = 1024 * 1024


def check_replaceable(folder: Path) -> None:
    """Raise OutputExistsError unless ``folder`` is an ngokit kit holding only its own files."""
    if folder.is_symlink() or not folder.is_dir() or not is_kit_answers(folder / ANSWERS_FILE):
        raise OutputExistsError(
            f"{folder} exists and is not a kit ngokit built, so --force will not replace it. "
            "Choose another --out, or move it away."
        )
    open_files = [p.name for p in folder.iterdir() if p.name.startswith(("~$", ".~lock."))]
    if open_files:
        raise OutputExistsError(f"a document of {folder} is open in a word processor; close it and run again")
    foreign = sorted(p.name for p in folder.iterdir() if not _is_kit_file(p))
    if foreign:
        raise OutputExistsError(
            f"{folder} holds files ngokit did not make ({', '.join(foreign)}); --force would delete them. "
            "Move them out of the kit folder and run again."
        )


def check_replaceable_zip(path: Path, kit_name: str) -> None:
    """Raise OutputExistsError unless ``path`` is a kit zip that ngokit wrote for ``kit_name``."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        names = []
    if (
        path.is_symlink()
        or f"{kit_name}/{ANSWERS_FILE}" not in names
        or any(not n.startswith(f"{kit_name}/") for n in names)
    ):
        raise OutputExistsError(f"{path} exists and is not a kit zip ngokit wrote, so --force will not replace it")


def is_kit_answers(path: Path) -> bool:
    """Return True when ``path`` is the answers file of a kit that ngokit built."""
    from ngokit.yamltext import YAMLError, load_yaml

    try:
        if not stat.S_ISREG(path.lstat().st_mode) or path.stat().st_size > MAX_ANSWERS_BYTES:
            return False
        data = load_yaml(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YAMLError, RecursionError):
        return False
    meta = data.get("generated_by") if isinstance(data, dict) else None
    return isinstance(meta, dict) and "ngokit" in meta


def kit_zip_bytes(folder: Path, name: str, kit_date: date) -> bytes:
    """Return a zip of a kit folder, ``name/`` inside, the same bytes on every system."""
    import io

    buffer = io.BytesIO()
    stamp = (kit_date.year, kit_date.month, kit_date.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                info = zipfile.ZipInfo(f"{name}/{file.relative_to(folder).as_posix()}", stamp)
                info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
                info.create_system = 3  # "made by" Unix on every system, so the bytes agree
                archive.writestr(info, file.read_bytes())
    return buffer.getvalue()


def _is_kit_file(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    return path.name == ANSWERS_FILE or (path.suffix.lower() in KIT_SUFFIXES and not path.name.startswith("."))
