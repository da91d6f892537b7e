"""Writing files without losing anyone's: atomic writes, and folders made (and unmade) by path.

ngokit deletes only what it made in this run, by exact path. Files are written to a new,
randomly named file beside the target (created exclusively, so a planted symlink is never
followed) and renamed over it once complete; folders it has to create are remembered so
that a failure removes exactly those, and only while they are still empty.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ngokit.i18n import _

# The permissions a new file gets from the user's umask; mkstemp would give 0600. Read once,
# at import, because reading it means setting it.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def write_atomically(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` in one step: readers see the old file or the new, never half.

    Args:
        path: the file to write; its folder must exist.
        data: the complete contents.
        replace: when False, raise FileExistsError rather than replace an existing file
            (checked at the moment of the rename, so two writers cannot both win).
    """
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, 0o666 & ~_UMASK)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if replace:
            os.replace(partial, path)
        else:
            _link_without_replacing(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def _link_without_replacing(partial: str, path: Path) -> None:
    """Give the finished file its name unless that name exists (atomic where links work)."""
    try:
        os.link(partial, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists() or path.is_symlink():
            raise FileExistsError(path) from None
        os.rename(partial, path)
        return
    os.unlink(partial)


def make_folders(path: Path) -> list[Path]:
    """Create ``path`` and any missing parents; return the folders created, outermost first.

    When one cannot be made, the ones made before it are removed again and the error raised.
    """
    missing = []
    current = path.absolute()
    while not current.exists():
        missing.append(current)
        current = current.parent
    created: list[Path] = []
    try:
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:  # made meanwhile by someone else: not ours to remove
                if not folder.is_dir():
                    raise
                continue
            created.append(folder)
    except BaseException:
        remove_empty_folders(created)
        raise
    return created


def remove_empty_folders(created: list[Path]) -> None:
    """Remove folders this run created, innermost first, each only if it is still empty."""
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()


@contextlib.contextmanager
def folders_made_for(path: Path) -> Iterator[list[Path]]:
    """Create ``path`` (and parents) for the block; if the block fails, remove the ones this
    run created that are still empty."""
    created = make_folders(path)
    try:
        yield created
    except BaseException:
        remove_empty_folders(created)
        raise


def describe_os_error(error: OSError) -> str:
    """Return what went wrong with a file or folder, in words a person can act on.

    A file where a folder should be and a missing folder are named; otherwise the system's
    own words (``Permission denied``, ``No space left on device``).
    """
    path = Path(error.filename) if isinstance(error.filename, (str, os.PathLike)) else None
    if path is not None and error.errno in (errno.ENOTDIR, errno.EEXIST):
        in_the_way = next((p for p in (path, *path.parents) if p.exists()), None)
        if in_the_way is not None and not in_the_way.is_dir():
            return _("{0} is a file, not a folder").format(in_the_way)
    if path is not None and error.errno == errno.ENOENT and not path.parent.is_dir():
        return _("the folder {0} does not exist").format(path.parent)
    return error.strerror or str(error)


def cache_folder() -> Path:
    """Return ngokit's cache folder (``$XDG_CACHE_HOME/ngokit``, else ``~/.cache/ngokit``):
    what can be made again (compiled templates, resume codes), never a kit."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache") / "ngokit"


NO_CACHE_VARIABLE = "NGOKIT_NO_CACHE"


def private_cache(name: str) -> Path | None:
    """Return a folder of ngokit's cache that only this user can use, or None when there is
    none (``NGOKIT_NO_CACHE=1``, or no private place): a cache is never a condition."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    return private_folder(cache_folder() / name)


def private_folder(path: Path) -> Path | None:
    """Return ``path`` made (with its parents) as a folder only this user can read and write,
    or None when that cannot be had: not creatable, a link, another user's, open to others."""
    import stat

    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        found = os.lstat(path)
    except OSError:
        return None
    mine = not hasattr(os, "getuid") or found.st_uid == os.getuid()
    if stat.S_ISDIR(found.st_mode) and mine and not found.st_mode & 0o077:
        return path
    return None
