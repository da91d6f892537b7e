"""`ngokit new`: the wizard from the command line, then the build, never losing answers."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ngokit.errors import NgokitError, OutputExistsError, UsageError
from ngokit.i18n import PSEUDO_LOCALE, _, available_languages, set_ui_language

NO_TERMINAL = (
    "`ngokit new` asks questions and needs an interactive terminal, but none is attached "
    "(for example in CI or cron). Write the answers in a file instead and run "
    "`ngokit build answers.yaml`; `ngokit questions` lists every question."
)


def run_new(out: Path, resume: Path | None, save: Path, ui_language: str) -> None:
    """Run the wizard, save the answers, build the kit and say what to do next."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(NO_TERMINAL)
    _set_language(ui_language)
    from ngokit.answers import load_answers
    from ngokit.kit import load_kit
    from ngokit.wizard import run_wizard, save_answers

    kit = load_kit()
    save_path = resume or save
    result = run_wizard(kit, save_path, _resumable(load_answers(resume), kit) if resume else None, ui_language)
    if not result.build:
        _stopped(result.saved_to)
        return
    save_answers(result.answers, save_path)  # never lose them, whatever the build does
    answers = kit.validate(result.answers, str(save_path))
    _build(answers, kit, out, save_path)


def _resumable(saved: dict, kit) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Return the saved answers the kit still asks about; say which others are left out."""
    known = {k: v for k, v in saved.items() if k in kit.questionnaire.names}
    unknown = sorted(str(k) for k in saved if k not in known and k != "generated_by")
    if unknown:
        click.echo(_("Left out (not questions of this kit): {0}").format(", ".join(unknown)))
    return known


def _set_language(language: str) -> None:
    offered = (*available_languages(Path(__file__).parent / "locale"), PSEUDO_LOCALE)
    if language not in offered:
        raise UsageError(f"the wizard has no {language!r} translation yet; available: {', '.join(offered)}")
    set_ui_language(language)


def _stopped(saved_to: Path | None) -> None:
    if saved_to is None:
        click.echo(_("Stopped. Nothing was saved or written."))
        sys.exit(1)
    click.echo(_("Your answers are saved in {0}.").format(saved_to))
    click.echo(_("Continue later with: ngokit new --resume {0}").format(saved_to))
    sys.exit(1)


def _build(answers, kit, out: Path, save_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ngokit.build import BuildOptions, build_kit
    from ngokit.wizard import confirm

    try:
        built = build_kit(answers, BuildOptions(out=out), kit)
    except OutputExistsError:
        if not confirm(_("A kit for this network already exists in {0}. Replace it?").format(out), default=False):
            click.echo(_("Nothing was replaced. Your answers are saved in {0}.").format(save_path))
            return
        built = build_kit(answers, BuildOptions(out=out, force=True), kit)
    except NgokitError as exc:
        raise NgokitError(f"{exc}\n" + _("Your answers are saved in {0}; fix the problem and run "
                                         "`ngokit build {0}`.").format(save_path)) from exc  # fmt: skip
    _after_build(built, save_path)


def _after_build(built, save_path: Path) -> None:  # type: ignore[no-untyped-def]
    click.echo("")
    click.secho(_("Your kit is ready: {0}").format(built.path), bold=True)
    for document in built.documents:
        click.echo(f"  {document.name}")
    click.echo("")
    click.echo(_("Next steps:"))
    click.echo(_("  1. Open 00-start-here.docx: it explains each document and lists the blanks to fill."))
    click.echo(_("  2. Share the drafts with your members and discuss them before the founding meeting."))
    click.echo(_("  3. Adopt them at the founding meeting (the resolution is in 04-forms.docx)."))
    click.echo(_("To change an answer and rebuild: edit {0}, then run ngokit build {0} --force").format(
        built.path / "answers.yaml"))  # fmt: skip
