"""Rendering a kit in Jinja's sandbox: read as cookiecutter reads a template, run as data.

The kit's ``cookiecutter.json`` gives its variables (defaults rendered, a choice's first
value, private values verbatim), its ``{{cookiecutter...}}`` folder its documents and its
``templates/`` folder what they import. No extension but ngokit's and ``jinja2.ext.i18n``,
no hooks; repetition, powers, ``range`` and the output are bounded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ngokit.errors import KitError
from ngokit.render.cache import template_cache
from ngokit.render.filters import install_kit_globals

ALLOWED_EXTENSIONS = frozenset({"jinja2.ext.i18n", "ngokit.render.KitExtension"})
MAX_DOCUMENT_CHARS = 5_000_000
_MAX_RANGE = 10_000
_SAFE_ENV_VARS = frozenset({"trim_blocks", "lstrip_blocks", "keep_trailing_newline"})


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
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, ArithmeticError) as exc:
        raise KitError(f"the kit template {kit_dir} could not be rendered: {_where_in_template(exc)}{exc}") from exc


def read_manifest(kit_dir: Path) -> dict[str, Any]:
    """Return a kit's ``cookiecutter.json``, or raise KitError naming what is wrong."""
    path = kit_dir / "cookiecutter.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise KitError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise KitError(f"{path} must hold an object of names and values")
    return data


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
    so a batch or a server compiles the kit's templates once (Jinja reloads a changed file),
    and a new process finds them compiled in the cache (see render/cache.py)."""
    from jinja2 import FileSystemLoader, StrictUndefined

    loader = FileSystemLoader([str(_project_folder(kit_dir)), str(kit_dir / "templates")])
    cache = template_cache((_KitSandbox.__qualname__, "jinja2.ext.i18n", options))
    env = _KitSandbox(loader=loader, undefined=StrictUndefined, keep_trailing_newline=True,
                      extensions=["jinja2.ext.i18n"], bytecode_cache=cache, **dict(options))  # fmt: skip
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


def _where_in_template(exc: Exception) -> str:
    """Return "file, line N: " for the innermost template line an error came from (Jinja
    rewrites tracebacks so that template lines appear in them)."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".md", ".j2"))]
    return f"{Path(frames[-1].filename).name}, line {frames[-1].lineno}: " if frames else ""


def _describe_template_error(exc: Exception) -> str:
    where = ""
    if getattr(exc, "lineno", None):
        name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "template"
        where = f"{name}, line {exc.lineno}: "  # type: ignore[attr-defined]
    return f"{where}{getattr(exc, 'message', None) or exc}"
