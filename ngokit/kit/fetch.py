"""Bringing a kit that is not a local folder onto this computer: a .zip (file or URL) or git.

Everything lands in a temporary folder that the caller creates and removes by its exact
path. A zip is unpacked here, entry by entry, not by cookiecutter: its entry names are
checked (no absolute paths, no ``..``), and its size and file count are bounded, so that a
hostile archive can neither write outside that folder nor fill the disk.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path, PurePosixPath

from ngokit.errors import KitError

MAX_KIT_FILES = 2_000
MAX_KIT_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024
_S_IFLNK = 0o120000


def fetch_kit(source: str, work_dir: Path) -> Path:
    """Return the folder of the kit at a .zip file or URL, or a git URL, inside ``work_dir``."""
    if source.lower().endswith(".zip"):
        archive = _download(source, work_dir) if _is_url(source) else Path(source).expanduser()
        if not archive.is_file():
            raise KitError(f"the kit {source} does not exist")
        return kit_root(unzip_kit(archive, work_dir / "unzipped"), source)
    if _is_repository(source):
        return kit_root(_clone(source, work_dir), source)
    raise KitError(f"the kit {source} is not a folder, a .zip file or a git URL")


def unzip_kit(archive: Path, into: Path) -> Path:
    """Return ``into`` holding the unpacked archive, or raise KitError for an unsafe one."""
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = bundle.infolist()
            _check_size(members, archive)
            into.mkdir(parents=True)
            written = 0
            for member in members:
                written += _extract(bundle, member, into, written)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise KitError(f"the kit {archive} cannot be unpacked: {exc}") from exc
    return into


def kit_root(folder: Path, source: str) -> Path:
    """Return the folder that holds ``cookiecutter.json``: the top, or its only sub-folder."""
    if (folder / "cookiecutter.json").is_file():
        return folder
    found = [d for d in sorted(folder.iterdir()) if d.is_dir() and (d / "cookiecutter.json").is_file()]
    if len(found) != 1:
        raise KitError(f"the kit {source} holds no kit template: put cookiecutter.json at its top or in its one folder")
    return found[0]


def _check_size(members: list[zipfile.ZipInfo], archive: Path) -> None:
    if len(members) > MAX_KIT_FILES:
        raise KitError(f"the kit {archive} holds {len(members)} files; a kit may hold at most {MAX_KIT_FILES}")
    if sum(m.file_size for m in members) > MAX_KIT_BYTES:
        raise KitError(f"the kit {archive} unpacks to more than {MAX_KIT_BYTES // 2**20} MB; a kit is smaller")


def _extract(bundle: zipfile.ZipFile, member: zipfile.ZipInfo, into: Path, written: int) -> int:
    """Write one entry under ``into``; return the bytes written (the limit counts real bytes,
    not the sizes the archive declares, which can lie)."""
    parts = _safe_parts(member.filename)
    if not parts or (member.external_attr >> 16) & 0o170000 == _S_IFLNK:
        return 0  # the archive's top folder ("./", "/"), or a symbolic link: nothing to write
    target = into.joinpath(*parts)
    if member.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with bundle.open(member) as source, target.open("xb") as sink:
        while chunk := source.read(_CHUNK):
            count += len(chunk)
            if written + count > MAX_KIT_BYTES:
                raise ValueError(f"it unpacks to more than {MAX_KIT_BYTES // 2**20} MB")
            sink.write(chunk)
    return count


def _safe_parts(name: str) -> tuple[str, ...]:
    """Return an entry's path parts, or raise ValueError for one that points outside."""
    path = PurePosixPath(name.replace("\\", "/"))
    parts = tuple(p for p in path.parts if p not in ("", ".", "/"))
    if path.is_absolute() and parts or ".." in parts or any(":" in p for p in parts):
        raise ValueError(f"the entry {name!r} points outside the kit")
    return parts


def _is_url(source: str) -> bool:
    return source.lower().startswith(("https://", "http://"))


def _is_repository(source: str) -> bool:
    from cookiecutter.repository import is_repo_url

    return is_repo_url(source)


def _download(url: str, work_dir: Path) -> Path:
    """Return the zip at a URL, downloaded into the work folder (at most MAX_KIT_BYTES)."""
    import urllib.request

    target = work_dir / "kit.zip"
    try:
        with urllib.request.urlopen(url, timeout=60) as response, target.open("xb") as sink:  # noqa: S310
            copied = 0
            while chunk := response.read(_CHUNK):
                copied += len(chunk)
                if copied > MAX_KIT_BYTES:
                    raise KitError(f"the kit at {url} is larger than {MAX_KIT_BYTES // 2**20} MB")
                sink.write(chunk)
    except OSError as exc:
        raise KitError(f"cannot download the kit {url}: {exc}") from exc
    return target


def _clone(url: str, work_dir: Path) -> Path:
    from cookiecutter.exceptions import CookiecutterException
    from cookiecutter.vcs import clone

    if shutil.which("git") is None:
        raise KitError(f"the kit {url} is a git repository, and git is not installed")
    try:
        return Path(clone(url, clone_to_dir=str(work_dir / "cloned"), no_input=True))
    except (CookiecutterException, OSError, ValueError) as exc:
        raise KitError(f"cannot fetch the kit {url}: {exc}") from exc
