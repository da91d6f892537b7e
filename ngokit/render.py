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
import sys
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, Undefined
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.exceptions import SecurityError
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ngokit import locales as formats
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
_SANDBOX_BYTECODE = _MemoryBytecodeCache()  # the sandbox compiles bounded operators: never mix the two


class KitExtension(Extension):
    """Jinja extension every kit lists in ``_extensions``: gettext, money, dates, blanks.

    cookiecutter builds its own Jinja environments for a trusted kit; this extension is how
    ngokit reaches them. It installs the documents' translations and the formatting filters
    for the language of the kit being built. (The sandbox installs the same directly.)
    """

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        if not hasattr(environment, "install_gettext_translations"):
            raise KitError('a kit must list "jinja2.ext.i18n" before this extension in _extensions')
        settings = _settings.get(None) or RenderSettings("en", "USD", gettext.NullTranslations())
        install_kit_globals(environment, settings)
        environment.bytecode_cache = _BYTECODE


def install_kit_globals(environment: Environment, settings: RenderSettings) -> None:
    """Give an environment the documents' translations, ngokit's filters and ``blank``/``ref``."""
    environment.install_gettext_translations(settings.translations, newstyle=True)  # type: ignore[attr-defined]
    environment.policies["ext.i18n.trimmed"] = True
    environment.filters.update(_filters(settings))
    environment.globals.update(blank=blank, ref=ref)


class _KitSandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox, with repetition and powers bounded: a kit template from someone else
    can read its variables and call ngokit's filters, nothing else, and cannot eat the memory."""

    intercepted_binops = frozenset({"*", "**"})
    _LIMIT = 1_000_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("powers above 64 are not allowed in a kit")
        if operator == "*" and _repeated_size(left, right) > self._LIMIT:
            raise SecurityError("that repetition is too long for a kit")
        return super().call_binop(context, operator, left, right)


def _repeated_size(left: Any, right: Any) -> int:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) and not isinstance(times, bool):
            return len(sequence) * times
    return 0


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


def render_documents(kit_dir: Path, context: Mapping[str, Any], settings: RenderSettings, *,
                     trusted: bool = False, work_dir: Path | None = None) -> dict[str, str]:  # fmt: skip
    """Return the kit's documents rendered to Markdown: file name → text, in kit order.

    A kit renders in Jinja's sandbox, with no extensions but ngokit's own and no hooks;
    only a trusted kit (``--trust``) goes through cookiecutter, which runs its hooks and
    loads its Jinja extensions: code from the kit, running on this computer.

    Args:
        kit_dir: the kit template (a local cookiecutter template folder).
        context: the private variables to pass (``_answers``, ``_country``...), never rendered.
        settings: the documents' language and translations.
        trusted: render with cookiecutter, hooks and extensions (only for ``--trust``).
        work_dir: an empty folder for cookiecutter's output (needed when trusted).
    """
    if trusted:
        if work_dir is None:
            raise ValueError("a trusted kit renders into a work folder")
        return _read_documents(render_sources(kit_dir, context, work_dir, settings, accept_hooks=True))
    return render_in_sandbox(kit_dir, context, settings)


def render_in_sandbox(kit_dir: Path, context: Mapping[str, Any], settings: RenderSettings) -> dict[str, str]:
    """Return the kit's documents rendered in Jinja's sandbox (see :func:`render_documents`)."""
    from jinja2 import TemplateError

    manifest = read_manifest(kit_dir)
    _check_extensions(manifest, kit_dir)
    project = _project_folder(kit_dir)
    try:
        env = _sandbox(project, kit_dir / "templates", settings, manifest.get("_jinja2_env_vars") or {})
        variables = _cookiecutter_variables(env, manifest, context)
        return {path.name: _bounded(env.get_template(path.name).generate(cookiecutter=variables), path.name)
                for path in sorted(project.glob("*.md"))}  # fmt: skip
    except TemplateError as exc:
        raise KitError(f"the kit template {kit_dir} could not be rendered: {_describe_template_error(exc)}") from exc


def read_manifest(kit_dir: Path) -> dict[str, Any]:
    """Return a kit's ``cookiecutter.json``, or raise KitError naming what is wrong."""
    import json

    path = kit_dir / "cookiecutter.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise KitError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise KitError(f"{path} must hold an object of names and values")
    return data


ALLOWED_EXTENSIONS = frozenset({"jinja2.ext.i18n", "ngokit.render.KitExtension"})
_SAFE_ENV_VARS = frozenset({"trim_blocks", "lstrip_blocks", "keep_trailing_newline"})
MAX_DOCUMENT_CHARS = 5_000_000
_MAX_RANGE = 10_000


def _check_extensions(manifest: Mapping[str, Any], kit_dir: Path) -> None:
    extensions = manifest.get("_extensions") or []
    foreign = [str(e) for e in extensions if e not in ALLOWED_EXTENSIONS]
    settings = manifest.get("_jinja2_env_vars") or {}
    unsafe = [str(k) for k in settings if k not in _SAFE_ENV_VARS] if isinstance(settings, dict) else ["?"]
    if foreign or unsafe:
        what = ", ".join(foreign + unsafe)
        raise KitError(
            f"the kit {kit_dir} loads Jinja extensions or settings ({what}): code that would run on this "
            "computer. Run again with --trust only if you trust whoever made it."
        )


def _project_folder(kit_dir: Path) -> Path:
    """Return the kit's ``{{cookiecutter....}}`` folder, where its documents are."""
    for path in sorted(kit_dir.iterdir()):
        if path.is_dir() and "cookiecutter" in path.name and "{{" in path.name and "}}" in path.name:
            return path
    raise KitError(f"the kit {kit_dir} has no {{{{cookiecutter...}}}} folder of documents")


def _sandbox(project: Path, shared: Path, settings: RenderSettings, options: Mapping[str, bool]) -> Environment:
    from jinja2 import FileSystemLoader, StrictUndefined

    env = _KitSandbox(loader=FileSystemLoader([str(project), str(shared)]), undefined=StrictUndefined,
                      keep_trailing_newline=True, extensions=["jinja2.ext.i18n"],
                      **{k: bool(v) for k, v in options.items()})  # fmt: skip
    install_kit_globals(env, settings)
    env.globals["range"] = _bounded_range
    env.bytecode_cache = _SANDBOX_BYTECODE
    return env


def _cookiecutter_variables(env: Environment, manifest: Mapping[str, Any],
                            context: Mapping[str, Any]) -> dict[str, Any]:  # fmt: skip
    """Return the ``cookiecutter`` variables as cookiecutter would make them without input:
    private values verbatim (ours override the kit's), defaults rendered, a choice's first."""
    variables: dict[str, Any] = {}
    for key, value in manifest.items():
        if key.startswith("_"):
            variables[key] = context.get(key, value)
        else:
            variables[key] = _default(env, value, variables)
    variables.update({k: v for k, v in context.items() if k not in variables})
    return variables


def _default(env: Environment, value: Any, variables: Mapping[str, Any]) -> Any:
    if isinstance(value, str):
        return env.from_string(value).render(cookiecutter=variables)
    if isinstance(value, list):
        return _default(env, value[0], variables) if value else ""
    if isinstance(value, dict):
        return {k: _default(env, v, variables) for k, v in value.items()}
    return value


def _bounded(chunks: Iterator[str], name: str) -> str:
    """Return the rendered text, stopping a template that writes more than any kit needs."""
    parts, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_DOCUMENT_CHARS:
            raise KitError(f"{name} renders to more than {MAX_DOCUMENT_CHARS:,} characters; is there a runaway loop?")
        parts.append(chunk)
    return "".join(parts)


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > _MAX_RANGE:
        from jinja2.exceptions import SecurityError

        raise SecurityError(f"range is limited to {_MAX_RANGE} items in a kit")
    return numbers


def _read_documents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def _describe_template_error(exc: Exception) -> str:
    where = ""
    if getattr(exc, "lineno", None):
        where = f"{getattr(exc, 'filename', None) or getattr(exc, 'name', None) or 'template'}, line {exc.lineno}: "  # type: ignore[attr-defined]
    return f"{where}{getattr(exc, 'message', None) or exc}"


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
    folder.mkdir(parents=True, exist_ok=True)
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
