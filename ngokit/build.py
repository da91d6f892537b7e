"""build_kit(): answers → a folder of Word documents, built atomically.

validate → render Markdown → write DOCX → answers.yaml → (PDF) → move into place → (zip).
Everything is built in a private temporary folder, copied into a hidden work folder inside
the output folder and moved into place from there, so an error never leaves a half-built kit
and even a killed build leaves the output folder clean but for a few milliseconds. ngokit
deletes only what it made in this run, by exact path: its temporary and work folders, and the
output folders it had to create (only while they are empty). It replaces only a folder that
holds an ngokit kit, and only with ``--force``; the move into place claims the kit's folder
atomically, so two builds of the same kit have one winner and one clear error.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ngokit import __version__
from ngokit.context import document_context
from ngokit.errors import NgokitError, OutputExistsError
from ngokit.files import folders_made_for, write_atomically
from ngokit.i18n import translations_for
from ngokit.kit import Kit, open_kit
from ngokit.output.folder import ANSWERS_FILE, check_replaceable, check_replaceable_zip, is_kit_answers, kit_zip_bytes
from ngokit.output.slug import kit_slug
from ngokit.questions.answers import META_KEY, Answers, dump_answers, load_answers
from ngokit.render import render_documents

if TYPE_CHECKING:
    from ngokit.documents import WrittenDocuments

WORK_PREFIX = ".ngokit-work-"


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
    """A finished kit: its folder, its documents, when asked for its zip, and what the person
    should know (e.g. styles the reference lacked), for the shell to show."""

    path: Path
    documents: tuple[Path, ...]
    zip_path: Path | None = None
    warnings: tuple[str, ...] = ()


def build_kit(answers: Answers | Path | Mapping[str, Any], options: BuildOptions | None = None,
              kit: Kit | str | Path | None = None) -> BuiltKit:  # fmt: skip
    """Return the kit built from answers (validated here when given as a file or a mapping)."""
    options = options or BuildOptions()
    with open_kit(kit) as opened:
        _check_trust(opened, options)
        valid = _validated(answers, opened)
        target = options.out / (options.folder or kit_slug(valid.network_name))
        _check_target(target, options)
        options, warnings = _recorded_reference(options, answers, target)
        try:
            with tempfile.TemporaryDirectory(prefix="ngokit-build-") as scratch:
                written = _build_files(valid, opened, options, Path(scratch))
                zip_data = kit_zip_bytes(Path(scratch) / "kit", target.name, valid.kit_date) if options.zip else None
                with folders_made_for(options.out), _work_folder(options.out) as work:
                    _land(Path(scratch) / "kit", target, work, options.force)
        except NgokitError:
            raise
        except OSError as exc:  # a full disk, a file in use, no permission: say so, leave nothing
            raise NgokitError(f"could not write the kit in {options.out}: {exc.strerror or exc}") from exc
    zip_path = _write_zip(zip_data, target) if zip_data is not None else None
    return BuiltKit(target, tuple(target / d.name for d in written.paths), zip_path, warnings + written.warnings)


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
    """Refuse early, before any work, to build where the kit could not go."""
    if os.path.lexists(target):
        _check_force(target, options)
        check_replaceable(target)
    zip_path = target.with_suffix(".zip")
    if options.zip and os.path.lexists(zip_path):
        _check_force(zip_path, options)
        check_replaceable_zip(zip_path, target.name)


def _check_force(path: Path, options: BuildOptions) -> None:
    if not options.force:
        raise OutputExistsError(f"{path} already exists. Use --force to replace it, or --out to build elsewhere.")


@contextlib.contextmanager
def _work_folder(out: Path) -> Iterator[Path]:
    """Yield a new hidden folder inside ``out`` for this build; remove it (that exact folder)
    at the end, unless it holds the only copy of a kit that could not be put back."""
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-", dir=out))
    try:
        yield work
    finally:
        if not (work / _PREVIOUS).exists():
            shutil.rmtree(work, ignore_errors=True)


def answers_text(answers: Answers, kit: Kit, reference: str | None = None) -> str:
    """Return the kit's answers.yaml: every answer, normalised, and the versions that built it
    (and the name of the kit's own reference document, when it has one: a rebuild finds it so)."""
    meta = {"ngokit": __version__, "kit": kit.name, "kit_version": kit.version}
    if reference is not None:
        meta["reference"] = reference
    return dump_answers(answers, meta)


def _recorded_reference(options: BuildOptions, answers: object, target: Path) -> tuple[BuildOptions, tuple[str, ...]]:
    """Return the options with the reference a kit recorded when none is given (the one beside
    a kit's own answers file, else the one in the kit being replaced), and a warning if it is gone."""
    if options.reference_docx is not None:
        return options, ()
    for answers_file in [*([answers] if isinstance(answers, Path) else []), target / ANSWERS_FILE]:
        recorded = recorded_reference(answers_file)
        if recorded is None:
            continue
        if recorded.is_file():
            return replace(options, reference_docx=recorded), ()
        return options, (f"{answers_file} records that the kit was built with its own {recorded.name}, "
                         "which is missing: the documents have the kit's standard look. Build with "
                         "--reference-docx FILE to give them yours again.",)  # fmt: skip
    return options, ()


def recorded_reference(answers_file: Path) -> Path | None:
    """Return the copy of the reference a kit's answers file says the kit was built with (beside
    it; it may have gone since), or None when the file is no kit's or records none."""
    from ngokit.documents import RECORDED_REFERENCE

    if not is_kit_answers(answers_file) or load_answers(answers_file)[META_KEY].get("reference") is None:
        return None
    return answers_file.parent / RECORDED_REFERENCE


def _build_files(answers: Answers, kit: Kit, options: BuildOptions, scratch: Path) -> WrittenDocuments:
    """Write the kit's files into ``scratch/kit`` (a private temporary folder); return the
    documents. Only the finished kit is copied into the output folder, at the end."""
    staging = scratch / "kit"
    staging.mkdir()
    translations = translations_for(kit.locale_dir, answers.language)
    context = document_context(answers, kit)
    trusted = options.trust and not kit.bundled
    sources = render_documents(kit.path, context, trusted=trusted, work_dir=scratch / "render")
    from ngokit.documents import write_documents  # python-docx only when building

    written = write_documents(
        sources, staging, answers, kit, translations, reference=options.reference_docx, guidance=options.guidance
    )
    reference = written.reference.name if written.reference is not None else None
    (staging / "answers.yaml").write_bytes(answers_text(answers, kit, reference).encode("utf-8"))
    if options.pdf:
        from ngokit.output.pdf import convert_to_pdf

        convert_to_pdf(written.paths, staging, scratch / "profile")
    return written


def _land(built: Path, target: Path, work: Path, force: bool) -> None:
    """Copy the finished kit into the work folder (on the output's disk) and move it into place:
    the output folder holds ngokit's work only for these few milliseconds."""
    staging = work / "kit"
    shutil.copytree(built, staging)
    _move_into_place(staging, target, work, force)


def _write_zip(data: bytes, target: Path) -> Path:
    zip_path = target.with_suffix(".zip")
    try:
        write_atomically(zip_path, data)
    except OSError as exc:
        reason = exc.strerror or exc
        raise NgokitError(f"the kit {target} is built, but its zip could not be written: {reason}") from exc
    return zip_path


_PREVIOUS = "previous"


def _move_into_place(staging: Path, target: Path, work: Path, force: bool) -> None:
    """Move the new kit to ``target``, replacing an existing kit (checked before) only there.

    The target folder is claimed with ``mkdir``, which only one process can win, and the kit
    is renamed onto that empty folder. A replaced kit waits in the work folder until the new
    one is in; if the new one cannot go in, the old one goes back.
    """
    previous = work / _PREVIOUS
    if os.path.lexists(target):
        if not force:
            raise _lost_race(target)
        check_replaceable(target)  # again: it may have changed since the first check
        os.rename(target, previous)
    try:
        target.mkdir()
    except FileExistsError:
        _restore(previous, target, work, lost_race=True)
        raise _lost_race(target) from None
    try:
        _rename_onto_empty(staging, target)
    except OSError:
        with contextlib.suppress(OSError):
            target.rmdir()
        _restore(previous, target, work)
        raise
    shutil.rmtree(previous, ignore_errors=True)


def _lost_race(target: Path) -> OutputExistsError:
    return OutputExistsError(f"another build wrote {target} while this one ran; that kit is kept as it is")


def _rename_onto_empty(staging: Path, target: Path) -> None:
    try:
        os.replace(staging, target)  # POSIX: an empty folder is replaced in one step
    except OSError:  # Windows cannot rename onto a folder
        target.rmdir()
        os.rename(staging, target)


def _restore(previous: Path, target: Path, work: Path, lost_race: bool = False) -> None:
    """Put a replaced kit back; if that fails, keep it in the work folder and say where."""
    if not previous.exists():
        return
    if lost_race:  # the other build's kit is the new one; the old is ours to drop
        shutil.rmtree(previous, ignore_errors=True)
        return
    try:
        os.rename(previous, target)
    except OSError as exc:
        raise NgokitError(
            f"the new kit could not be moved to {target}, nor the previous kit put back "
            f"({exc.strerror or exc}); the previous kit is safe in {previous}"
        ) from exc
