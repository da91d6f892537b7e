"""Rendering: a kit template (a cookiecutter template) + answers → Markdown sources.

This is the only module that imports cookiecutter. It runs cookiecutter in-process with no
input, no hooks (unless a kit is trusted) and replay and cache folders inside a work folder,
so nothing is written outside the build. Answers reach the templates through the private
``_answers`` variable, which cookiecutter passes through without rendering it as Jinja.
"""

from __future__ import annotations

import contextlib
import gettext
import re
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, Undefined
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.ext import Extension

from ngokit import formats
from ngokit.errors import KitError

_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not str.split(): keep no-break spaces in amounts
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&^\"'=:$%])")


@dataclass(frozen=True)
class RenderSettings:
    """What the template filters need to know: the documents' language and translations."""

    language: str
    currency: str
    translations: gettext.NullTranslations


_settings: ContextVar[RenderSettings] = ContextVar("ngokit_render_settings")


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by name and source checksum.

    cookiecutter makes new Jinja environments for every kit, so without this each build of a
    batch would compile every template again (most of a warm build's time).
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

    cookiecutter builds its own Jinja environments; this extension is how ngokit reaches
    them. It installs the documents' translations and the formatting filters for the
    language of the kit being built.
    """

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        if not hasattr(environment, "install_gettext_translations"):
            raise KitError('a kit must list "jinja2.ext.i18n" before this extension in _extensions')
        settings = _settings.get(None) or RenderSettings("en", "USD", gettext.NullTranslations())
        environment.install_gettext_translations(settings.translations, newstyle=True)  # type: ignore[attr-defined]
        environment.policies["ext.i18n.trimmed"] = True
        environment.filters.update(_filters(settings))
        environment.globals.update(blank=blank, ref=ref)
        environment.bytecode_cache = _BYTECODE


def _filters(settings: RenderSettings) -> dict[str, Any]:
    def money(amount: Any, label: str = "") -> str:
        if amount is None or isinstance(amount, Undefined):
            return blank(label or settings.translations.gettext("amount"))
        return md_escape(formats.format_money(amount, settings.currency, settings.language))

    def long_date(value: Any, label: str = "") -> str:
        if value is None or isinstance(value, Undefined):
            return blank(label or settings.translations.gettext("date"))
        return md_escape(formats.format_long_date(date.fromisoformat(str(value)), settings.language))

    def number(value: Any) -> str:
        return md_escape(formats.format_number(value, settings.language))

    return {
        "money": money,
        "long_date": long_date,
        "number": number,
        "month_name": lambda m: formats.month_name(int(m), settings.language),
        "country_name": lambda code: md_escape(formats.country_name(code, settings.language)),
        "currency_name": lambda code: formats.currency_name(code, settings.language),
        "md": md_escape,
        "labels": lambda values, names: [names[v] for v in values or ()],
    }


def blank(label: str) -> str:
    """Return Markdown for a blank the network fills in by hand, e.g. a date or signature."""
    return f"[{label.replace(']', ')').replace('[', '(')}](blank:)"


def ref(anchor: str) -> str:
    """Return Markdown for a cross-reference to a clause, e.g. ``see clause {{ ref('quorum') }}``."""
    return f"[](#{anchor})"


def md_escape(text: Any) -> str:
    """Return text with every Markdown-active character escaped, so it reads literally."""
    return _MD_SPECIAL.sub(r"\\\1", _ASCII_SPACE.sub(" ", str(text)).strip())


@contextlib.contextmanager
def render_settings(settings: RenderSettings) -> Iterator[None]:
    """Make the language and translations visible to :class:`KitExtension` while rendering."""
    token = _settings.set(settings)
    try:
        yield
    finally:
        _settings.reset(token)


def render_sources(
    kit_dir: Path,
    context: Mapping[str, Any],
    work_dir: Path,
    settings: RenderSettings,
    *,
    accept_hooks: bool = False,
) -> Path:
    """Return the folder of Markdown sources rendered from a kit template.

    Uses cookiecutter's generation API (context, prompts without input, file generation)
    rather than its ``cookiecutter()`` entry point, which also writes a replay file and
    imports an HTTP client that a local kit does not need.

    Args:
        kit_dir: the kit template (a local cookiecutter template folder).
        context: the private variables to pass (``_answers``, ``_country``...), never rendered.
        work_dir: an empty folder for the output.
        settings: the documents' language and translations.
        accept_hooks: run the kit's pre- and post-generation hooks (only for a trusted kit).
    """
    from cookiecutter.exceptions import CookiecutterException
    from cookiecutter.generate import generate_context, generate_files
    from cookiecutter.prompt import prompt_for_config
    from jinja2 import TemplateError

    out = work_dir / "sources"
    try:
        with render_settings(settings), _importable(kit_dir), _temporary_files_in(work_dir):
            full = generate_context(str(kit_dir / "cookiecutter.json"), {}, dict(context))
            full["_cookiecutter"] = {k: v for k, v in full["cookiecutter"].items() if not k.startswith("_")}
            full["cookiecutter"].update(prompt_for_config(full, no_input=True))
            full["cookiecutter"].update(_template=str(kit_dir), _repo_dir=str(kit_dir),
                                        _output_dir=str(out), _checkout=None)  # fmt: skip
            project = generate_files(str(kit_dir), full, output_dir=str(out), accept_hooks=accept_hooks)
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
    folder.mkdir(exist_ok=True)
    previous, tempfile.tempdir = tempfile.tempdir, str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = previous


@contextlib.contextmanager
def _importable(kit_dir: Path) -> Iterator[None]:
    """Let a kit's own Jinja extensions (Python files in the kit folder) be imported."""
    sys.path.insert(0, str(kit_dir))
    try:
        yield
    finally:
        sys.path.remove(str(kit_dir))


def fetch_kit(source: str, work_dir: Path) -> Path:
    """Return a local folder holding the kit at a zip file or git URL (as cookiecutter resolves it)."""
    from cookiecutter.exceptions import CookiecutterException
    from cookiecutter.repository import determine_repo_dir

    try:
        repo_dir, cleanup = determine_repo_dir(
            template=source,
            abbreviations={},
            clone_to_dir=str(work_dir / "cookiecutters"),
            checkout=None,
            no_input=True,
        )
    except (CookiecutterException, OSError, ValueError) as exc:
        raise KitError(f"cannot fetch the kit {source}: {exc}") from exc
    if not cleanup:
        return Path(repo_dir)
    # cookiecutter unzips into the system's temporary folder: move the kit into our work
    # folder, which the build removes, so that nothing is left behind.
    unzipped = Path(repo_dir)
    kept = work_dir / "fetched" / unzipped.name
    shutil.copytree(unzipped, kept)
    shutil.rmtree(unzipped.parent, ignore_errors=True)
    return kept
