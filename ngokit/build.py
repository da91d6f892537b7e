"""build_kit(): answers → a folder of Word documents, built atomically.

validate → render Markdown (cookiecutter) → write DOCX → answers.yaml → (zip, PDF) → move
into place. Everything is built in a hidden folder inside the output folder and moved into
place at the end, so an error never leaves a half-built kit and nothing is written elsewhere.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ngokit import __version__
from ngokit.answers import Answers, dump_answers, load_answers
from ngokit.context import document_context
from ngokit.errors import NgokitError, OutputExistsError
from ngokit.i18n import translations_for
from ngokit.kit import Kit, load_kit
from ngokit.render import RenderSettings, render_sources
from ngokit.slug import kit_slug


@dataclass(frozen=True)
class BuildOptions:
    """How to build: where, whether to overwrite, and what to add."""

    out: Path = Path("kits")
    force: bool = False
    zip: bool = False
    pdf: bool = False
    guidance: bool = True
    reference_docx: Path | None = None
    trust: bool = False
    folder: str | None = None  # the kit's folder name; by default the network's name as a slug


@dataclass(frozen=True)
class BuiltKit:
    """A finished kit: its folder, its documents and, when asked for, its zip."""

    path: Path
    documents: tuple[Path, ...]
    zip_path: Path | None = None


def build_kit(answers: Answers | Path | Mapping[str, Any], options: BuildOptions | None = None,
              kit: Kit | str | Path | None = None) -> BuiltKit:  # fmt: skip
    """Return the kit built from answers (validated here when given as a file or a mapping)."""
    options = options or BuildOptions()
    created = not options.out.exists()
    try:
        options.out.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".ngokit-work-", dir=options.out))
    except OSError as exc:
        raise NgokitError(f"cannot write in {options.out}: {exc.strerror or exc}; choose another --out") from exc
    built = None
    try:
        kit = kit if isinstance(kit, Kit) else load_kit(kit, work)
        _check_trust(kit, options)
        valid = _validated(answers, kit)
        target = options.out / (options.folder or kit_slug(valid["network_name"]))
        _check_target(target, options)
        built = _build_into(valid, kit, options, target, work)
        return built
    except NgokitError:
        raise
    except OSError as exc:  # a full disk, a file in use, no permission: say so, leave nothing
        raise NgokitError(f"could not write the kit in {options.out}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if built is None and created:
            shutil.rmtree(options.out, ignore_errors=True)


def _validated(answers: Answers | Path | Mapping[str, Any], kit: Kit) -> Answers:
    if isinstance(answers, Answers):
        return answers
    if isinstance(answers, Path):
        return kit.validate(load_answers(answers), answers.name)
    return kit.validate(answers)


def _check_trust(kit: Kit, options: BuildOptions) -> None:
    if kit.has_hooks and not kit.bundled and not options.trust:
        raise NgokitError(
            f"the kit {kit.source or kit.path} contains hooks (code that would run on this computer). "
            "Run again with --trust only if you trust whoever made it."
        )


def _check_target(target: Path, options: BuildOptions) -> None:
    if target.exists() and not options.force:
        raise OutputExistsError(f"{target} already exists. Use --force to replace it, or --out to build elsewhere.")


def _build_into(answers: Answers, kit: Kit, options: BuildOptions, target: Path, work: Path) -> BuiltKit:
    staging = work / "kit"
    staging.mkdir()
    language = answers["language"]
    translations = translations_for(kit.locale_dir, language)
    settings = RenderSettings(language, answers["currency"], translations)
    context = document_context(answers, kit, translations)
    sources = render_sources(kit.path, context, work, settings,
                             accept_hooks=options.trust and not kit.bundled)  # fmt: skip
    from ngokit.documents import write_documents  # python-docx only when building

    documents = write_documents(sources, staging, answers, kit, options, translations)
    meta = {"ngokit": __version__, "kit": kit.name, "kit_version": kit.version}
    (staging / "answers.yaml").write_text(dump_answers(answers, meta), encoding="utf-8")
    if options.pdf:
        from ngokit.pdf import convert_to_pdf

        convert_to_pdf(documents, staging, work / "profile")
    zip_path = _zip(staging, target, answers["kit_date"]) if options.zip else None
    _move_into_place(staging, target)
    return BuiltKit(target, tuple(target / d.name for d in documents), zip_path)


def _zip(staging: Path, target: Path, kit_date: date) -> Path:
    """Write ``<slug>.zip`` beside the kit folder, atomically, with fixed timestamps."""
    zip_path = target.with_suffix(".zip")
    partial = staging.parent / "kit.zip"
    stamp = (kit_date.year, kit_date.month, kit_date.day, 0, 0, 0)
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(staging.rglob("*")):
            if file.is_file():
                info = zipfile.ZipInfo(f"{target.name}/{file.relative_to(staging).as_posix()}", stamp)
                info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
                archive.writestr(info, file.read_bytes())
    os.replace(partial, zip_path)
    return zip_path


def _move_into_place(staging: Path, target: Path) -> None:
    """Replace ``target`` with ``staging``; the old kit is removed only once the new one is in."""
    old = None
    if target.exists():
        old = staging.parent / "old"
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
