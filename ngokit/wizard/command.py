"""`ngokit new`: the wizard from the command line, then the build, never losing answers."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ngokit.display import command, for_terminal
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
    from ngokit.kit import load_kit
    from ngokit.questions.answers import load_answers
    from ngokit.wizard import keep_answers, run_wizard
    from ngokit.wizard.saved import AnswersFile

    kit = load_kit()
    resumed = _resumable(load_answers(resume), kit) if resume else None
    store = AnswersFile.choose(save, resume)
    if store.path != (resume or save):
        click.echo(_("{0} holds answers that are not these; yours will be saved in {1}.").format(
            for_terminal(resume or save), for_terminal(store.path)))  # fmt: skip
    result = run_wizard(kit, store, resumed, ui_language)
    if not result.build:
        _stopped(result.saved_to)
        return
    saved = keep_answers(result.answers, store)  # never lose them, whatever the build does
    answers = kit.validate(result.answers, str(saved or store.path))
    _build(answers, kit, out, saved)


def _resumable(saved: dict, kit) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Return the saved answers the kit still asks about and can read; say which others are
    left out (unknown keys) or asked again (answers it cannot read)."""
    from ngokit.questions.interview import resumable

    resumed = resumable(saved, kit)
    if resumed.unknown:
        click.echo(_("Left out (not questions of this kit): {0}").format(for_terminal(", ".join(resumed.unknown))))
    if resumed.unreadable:
        click.echo(_("Asked again (the saved answer cannot be used): {0}").format(", ".join(resumed.unreadable)))
    return resumed.answers


def _set_language(language: str) -> None:
    offered = (*available_languages(Path(__file__).parent / "locale"), PSEUDO_LOCALE)
    if language not in offered:
        raise UsageError(f"the wizard has no {language!r} translation yet; available: {', '.join(offered)}")
    set_ui_language(language)


def _stopped(saved_to: Path | None) -> None:
    if saved_to is None:
        click.echo(_("Stopped. Nothing was written."))
        sys.exit(1)
    click.echo(_("Your answers are saved in {0}.").format(for_terminal(saved_to)))
    click.echo(_("Continue later with: {0}").format(for_terminal(command(f"new --resume {saved_to}"))))
    sys.exit(1)


def _build(answers, kit, out: Path, saved: Path | None) -> None:  # type: ignore[no-untyped-def]
    from ngokit.build import BuildOptions, build_kit
    from ngokit.wizard import confirm

    where = _("Your answers are saved in {0}").format(saved) if saved else _("Your answers are shown above")
    try:
        try:
            built = build_kit(answers, BuildOptions(out=out), kit)
        except OutputExistsError:
            if not confirm(_("A kit for this network already exists in {0}. Replace it?").format(out), default=False):
                click.echo(_("Nothing was replaced. {0}.").format(where))
                return
            built = build_kit(answers, BuildOptions(out=out, force=True), kit)
    except NgokitError as exc:
        rerun = command(f"build {saved}" if saved else "build")
        raise NgokitError(f"{exc}\n" + _("{0}; fix the problem and run `{1}`.").format(where, rerun)) from exc
    _after_build(built, saved)


def _after_build(built, saved: Path | None) -> None:  # type: ignore[no-untyped-def]
    click.echo("")
    click.secho(_("Your kit is ready: {0}").format(built.path), bold=True)
    for document in built.documents:
        click.echo(f"  {document.name}")
    click.echo("")
    click.echo(_("Next steps:"))
    _say(_("1. Open 00-start-here.docx: it explains each document and lists the blanks to fill."), "  ")
    _say(_("2. Share the drafts with your members and discuss them before the founding meeting."), "  ")
    _say(_("3. Adopt them at the founding meeting: 06-founding-meeting-pack.docx has the agenda and the "
           "resolutions."), "  ")  # fmt: skip
    answers = built.path / "answers.yaml"
    _say(_("To change an answer and rebuild: edit {0}, then run:").format(answers))
    click.echo(f"  {command(f'build {answers} --force')}")
    for warning in built.warnings:  # the kit is built; these say what to improve
        click.echo(_("Warning: {0}").format(for_terminal(warning)), err=True)


def _say(text: str, indent: str = "") -> None:
    """Print a sentence wrapped at word boundaries to the terminal's width."""
    import shutil
    import textwrap

    columns = max(40, shutil.get_terminal_size((100, 30)).columns - 1)
    click.echo(textwrap.fill(text, columns, initial_indent=indent, subsequent_indent=indent + "   "))
