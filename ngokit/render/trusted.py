"""Rendering a trusted kit (``--trust``) through cookiecutter: its hooks run and its Jinja
extensions load. Code from the kit, on this computer: only when the person says so."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.ext import Extension

from ngokit.errors import KitError
from ngokit.render.filters import install_kit_globals


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by name and source checksum.

    cookiecutter makes new Jinja environments for every kit, so without this each trusted
    build of a batch would compile every template again.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecodeCache()


class KitExtension(Extension):
    """Jinja extension every kit lists in ``_extensions``: gettext, money, dates, blanks.

    cookiecutter builds its own Jinja environments for a trusted kit; this extension is how
    ngokit's filters and translations reach them. (The sandbox installs the same directly.)
    """

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        if not hasattr(environment, "install_gettext_callables"):
            raise KitError('a kit must list "jinja2.ext.i18n" before this extension in _extensions')
        install_kit_globals(environment)
        environment.bytecode_cache = _BYTECODE


def render_with_cookiecutter(kit_dir: Path, context: Mapping[str, Any], work_dir: Path) -> Path:
    """Return the folder of Markdown documents cookiecutter rendered from a trusted kit, hooks run.

    Uses cookiecutter's generation API (context, prompts without input, file generation)
    rather than its ``cookiecutter()`` entry point, which also writes a replay file and
    imports an HTTP client that a local kit does not need.
    """
    from cookiecutter.exceptions import CookiecutterException
    from cookiecutter.generate import generate_context, generate_files
    from cookiecutter.prompt import prompt_for_config
    from jinja2 import TemplateError

    out = work_dir / "sources"
    try:
        with _importable(kit_dir), _temporary_files_in(work_dir):
            full = generate_context(str(kit_dir / "cookiecutter.json"), {}, {})
            full["cookiecutter"].update(context)  # private values verbatim, as the sandbox passes them
            full["_cookiecutter"] = {k: v for k, v in full["cookiecutter"].items() if not k.startswith("_")}
            full["cookiecutter"].update(prompt_for_config(full, no_input=True))
            full["cookiecutter"].update(_template=str(kit_dir), _repo_dir=str(kit_dir),
                                        _output_dir=str(out), _checkout=None)  # fmt: skip
            project = generate_files(str(kit_dir), full, output_dir=str(out), accept_hooks=True)
    except (CookiecutterException, TemplateError, OSError, ValueError) as exc:
        raise KitError(f"the kit template {kit_dir} could not be rendered: {_describe(exc)}") from exc
    return Path(project)


def _describe(exc: Exception) -> str:
    """Return a short account of a rendering error (cookiecutter's includes the whole context)."""
    error = getattr(exc, "error", None)
    if error is not None:
        where = f" ({error.filename}, line {error.lineno})" if getattr(error, "lineno", None) else ""
        return f"{getattr(exc, 'message', '')} {getattr(error, 'message', error)}{where}".strip()
    return str(exc)


@contextlib.contextmanager
def _temporary_files_in(work_dir: Path) -> Iterator[None]:
    """Keep temporary files inside the work folder: cookiecutter writes each hook script it
    runs to a temporary file and never deletes it."""
    import tempfile

    folder = work_dir / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    previous, tempfile.tempdir = tempfile.tempdir, str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = previous


@contextlib.contextmanager
def _importable(kit_dir: Path) -> Iterator[None]:
    """Let a trusted kit's own Jinja extensions (Python files in the kit folder) be imported."""
    sys.path.insert(0, str(kit_dir))
    try:
        yield
    finally:
        sys.path.remove(str(kit_dir))
