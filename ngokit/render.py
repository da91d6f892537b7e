"""Rendering: a kit template (a cookiecutter template) + the document context → Markdown.

Every kit renders in Jinja's sandbox, read the way cookiecutter reads a template (its
``cookiecutter.json``, its ``{{cookiecutter...}}`` folder of documents, its ``templates/``
folder for imports) but with no extensions other than ngokit's and no hooks. Only a kit the
person trusts (``--trust``) goes through cookiecutter itself, which runs its hooks and loads
its Jinja extensions: code from the kit, on this computer. This module and
:mod:`ngokit.kit.fetch` are the only importers of cookiecutter.

Everything a build needs reaches the templates through the context (``cookiecutter._answers``,
``_country``, ``_kit``, ``_locale``): answers are data, never template code, and the
filters and translations read the documents' language and currency from ``_locale``, so one
Jinja environment serves every build.
"""

from __future__ import annotations

import contextlib
import gettext
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, Undefined, pass_context
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.exceptions import SecurityError
from jinja2.ext import Extension
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ngokit import locales
from ngokit.errors import KitError
from ngokit.i18n import translations_for

LOCALE_KEY = "_locale"
"""The context variable with the documents' ``language``, ``currency`` and ``catalogue`` (the
kit's ``locale`` folder)."""
ALLOWED_EXTENSIONS = frozenset({"jinja2.ext.i18n", "ngokit.render.KitExtension"})
MAX_DOCUMENT_CHARS = 5_000_000
_MAX_RANGE = 10_000
_SAFE_ENV_VARS = frozenset({"trim_blocks", "lstrip_blocks", "keep_trailing_newline"})
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not str.split(): keep no-break spaces in amounts
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&^\"'=:$%])")


def render_documents(kit_dir: Path, context: Mapping[str, Any], *, trusted: bool = False,
                     work_dir: Path | None = None) -> dict[str, str]:  # fmt: skip
    """Return the kit's documents rendered to Markdown: file name → text, in kit order.

    Args:
        kit_dir: the kit template (a local cookiecutter template folder).
        context: the private variables to pass (``_answers``, ``_country``, ``_locale``...).
        trusted: render with cookiecutter, its hooks and extensions (only for ``--trust``).
        work_dir: an empty folder for cookiecutter's output (needed when trusted).
    """
    if not trusted:
        return render_in_sandbox(kit_dir, context)
    if work_dir is None:
        raise ValueError("a trusted kit renders into a work folder")
    folder = render_with_cookiecutter(kit_dir, context, work_dir)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def render_in_sandbox(kit_dir: Path, context: Mapping[str, Any]) -> dict[str, str]:
    """Return the kit's documents rendered in Jinja's sandbox (see :func:`render_documents`)."""
    from jinja2 import TemplateError

    manifest = read_manifest(kit_dir)
    _check_extensions(manifest, kit_dir)
    options = manifest.get("_jinja2_env_vars") or {}
    try:
        env = _sandbox(kit_dir.resolve(), tuple(sorted((k, bool(v)) for k, v in options.items())))
        variables = _cookiecutter_variables(env, manifest, context)
        return {name: _bounded(env.get_template(name).generate(cookiecutter=variables), name)
                for name in _document_names(env)}  # fmt: skip
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


# -- what templates see: filters, globals and translations -------------------------------------


def install_kit_globals(environment: Environment) -> None:
    """Give an environment ngokit's filters, ``blank`` and ``ref``, and translations, all
    taking the documents' language and currency from the context's ``_locale``."""
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
    )
    environment.policies["ext.i18n.trimmed"] = True
    environment.filters.update(_FILTERS)
    environment.globals.update(blank=blank, ref=ref)


def _locale_of(context: Context) -> Mapping[str, Any]:
    return context["cookiecutter"][LOCALE_KEY]  # type: ignore[no-any-return]


@lru_cache(maxsize=32)
def _catalogue(folder: str, language: str) -> gettext.NullTranslations:
    return translations_for(Path(folder), language)


def _translations(context: Context) -> gettext.NullTranslations:
    locale = _locale_of(context)
    return _catalogue(str(locale["catalogue"]), str(locale["language"]))


@pass_context
def _gettext(context: Context, message: str) -> str:
    return _translations(context).gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    return _translations(context).ngettext(singular, plural, n)


@pass_context
def _pgettext(context: Context, where: str, message: str) -> str:
    return _translations(context).pgettext(where, message)


@pass_context
def _npgettext(context: Context, where: str, singular: str, plural: str, n: int) -> str:
    return _translations(context).npgettext(where, singular, plural, n)


@pass_context
def _money(context: Context, amount: Any, label: str = "") -> str:
    if amount is None or isinstance(amount, Undefined):
        return blank(label or _translations(context).gettext("amount"))
    locale = _locale_of(context)
    return md_escape(locales.format_money(amount, locale["currency"], locale["language"]))


@pass_context
def _long_date(context: Context, value: Any, label: str = "") -> str:
    if value is None or isinstance(value, Undefined):
        return blank(label or _translations(context).gettext("date"))
    return md_escape(locales.format_long_date(date.fromisoformat(str(value)), _locale_of(context)["language"]))


def _in_language(format_: Callable[[Any, str], str], escape: bool = True) -> Callable[..., str]:
    """Return a filter that writes a value in the documents' language."""

    @pass_context
    def write(context: Context, value: Any) -> str:
        text = format_(value, _locale_of(context)["language"])
        return md_escape(text) if escape else text

    return write


_FILTERS: dict[str, Any] = {
    "money": _money,
    "long_date": _long_date,
    "number": _in_language(locales.format_number),
    "month_name": _in_language(lambda month, language: locales.month_name(int(month), language), escape=False),
    "country_name": _in_language(locales.country_name),
    "currency_name": _in_language(locales.currency_name, escape=False),
    "md": lambda text: md_escape(text),
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


# -- the sandbox ---------------------------------------------------------------------------------


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


@lru_cache(maxsize=8)
def _sandbox(kit_dir: Path, options: tuple[tuple[str, bool], ...]) -> Environment:
    """Return the sandbox for a kit folder, made once per process: it holds nothing of a build,
    so a batch or a server compiles the kit's templates once (Jinja reloads a changed file)."""
    from jinja2 import FileSystemLoader, StrictUndefined

    loader = FileSystemLoader([str(_project_folder(kit_dir)), str(kit_dir / "templates")])
    env = _KitSandbox(loader=loader, undefined=StrictUndefined, keep_trailing_newline=True,
                      extensions=["jinja2.ext.i18n"], **dict(options))  # fmt: skip
    install_kit_globals(env)
    env.globals["range"] = _bounded_range
    return env


def _project_folder(kit_dir: Path) -> Path:
    """Return the kit's ``{{cookiecutter....}}`` folder, where its documents are."""
    for path in sorted(kit_dir.iterdir()):
        if path.is_dir() and "cookiecutter" in path.name and "{{" in path.name and "}}" in path.name:
            return path
    raise KitError(f"the kit {kit_dir} has no {{{{cookiecutter...}}}} folder of documents")


def _document_names(env: Environment) -> list[str]:
    """Return the kit's document templates (the ``.md`` files of its documents folder), in order."""
    documents = Path(env.loader.searchpath[0])  # type: ignore[union-attr]
    return [path.name for path in sorted(documents.glob("*.md"))]


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
        raise SecurityError(f"range is limited to {_MAX_RANGE} items in a kit")
    return numbers


def _describe_template_error(exc: Exception) -> str:
    where = ""
    if getattr(exc, "lineno", None):
        name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "template"
        where = f"{name}, line {exc.lineno}: "  # type: ignore[attr-defined]
    return f"{where}{getattr(exc, 'message', None) or exc}"


# -- a trusted kit, through cookiecutter -----------------------------------------------------------


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
