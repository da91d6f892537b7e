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

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ngokit.render.filters import LOCALE_KEY, blank, install_kit_globals, md_escape, ref, xref
from ngokit.render.sandbox import ALLOWED_EXTENSIONS, MAX_DOCUMENT_CHARS, read_manifest, render_in_sandbox
from ngokit.render.trusted import KitExtension, render_with_cookiecutter

__all__ = [
    "ALLOWED_EXTENSIONS", "LOCALE_KEY", "MAX_DOCUMENT_CHARS", "KitExtension", "blank", "install_kit_globals",
    "md_escape", "read_manifest", "ref", "render_documents", "render_in_sandbox", "render_with_cookiecutter", "xref",
]  # fmt: skip


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
