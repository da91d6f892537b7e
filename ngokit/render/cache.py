"""The kit's templates, compiled once per computer rather than once per process.

Compiling a kit's Jinja templates to Python takes most of a cold build's time. Jinja's
bytecode cache keeps the compiled code in ngokit's cache folder, one file per template, and
uses it only while the template's source is the same (its checksum is in the file). The cache
is an optimisation, never a condition: a folder that cannot be made, that is a link, that
another user owns or that others may write to is not used; a file that cannot be read or
written is skipped; ``NGOKIT_NO_CACHE=1`` turns it off. Whatever happens, the kit is built,
the same as without it.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable

from jinja2 import __version__ as jinja_version
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache

from ngokit.files import NO_CACHE_VARIABLE, private_cache

__all__ = ["NO_CACHE_VARIABLE", "template_cache"]


class _QuietCache(FileSystemBytecodeCache):
    """Jinja's file cache, which a full disk or a vanished file never turns into an error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a cache file that cannot be read is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # the build goes on; the next process compiles again
            super().dump_bytecode(bucket)


def template_cache(settings: Iterable[object]) -> BytecodeCache | None:
    """Return the cache for templates compiled with these settings (the environment's class,
    extensions and options change the compiled code, so each set has a folder of its own), or
    None when there is no private place for it."""
    key = hashlib.sha256(repr((jinja_version, *settings)).encode("utf-8")).hexdigest()[:16]
    folder = private_cache(f"templates/{key}")
    return _QuietCache(str(folder), "%s.jinja") if folder is not None else None
