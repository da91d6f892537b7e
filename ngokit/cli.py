"""The ngokit command: thin click commands over the library, and the one error handler."""

from __future__ import annotations

from pathlib import Path

import click

from ngokit import __version__
from ngokit.display import command, for_terminal
from ngokit.errors import NgokitError, Terminated
from ngokit.i18n import _

OUT_HELP = "Folder to build kits in (default: ./kits)."


class NgokitGroup(click.Group):
    """The command group with the one error handler: ``Error: ...`` on stderr, exit 1 (2)."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except NgokitError as exc:  # messages quote what people typed: shown, never run by the terminal
            click.echo(_("Error: {0}").format(for_terminal(exc, keep_line_breaks=True)), err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM: whatever was half-made is removed by now
            click.echo(_("Stopped."), err=True)
            ctx.exit(143 if isinstance(stop, Terminated) else 130)


@click.group(cls=NgokitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ngokit")
def cli() -> None:
    """Governance starter kits for peer-led networks of people who use drugs.

    Start with `ngokit demo`, or `ngokit new` to answer the questions for your network.
    """


def _build_options(f):  # type: ignore[no-untyped-def]
    options = [
        click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("kits"), help=OUT_HELP),
        click.option("--force", is_flag=True, help="Replace a kit that already exists."),
        click.option("--zip", "make_zip", is_flag=True, help="Also write <network>.zip."),
        click.option("--pdf", is_flag=True, help="Also write PDFs (needs LibreOffice)."),
        click.option(
            "--no-guidance", is_flag=True, help="Leave out the notes for drafters (a clean copy for adoption)."
        ),
        click.option("--reference-docx", type=click.Path(dir_okay=False, path_type=Path),
                     help="A Word file whose styles, fonts, header and footer the documents use; the kit keeps "
                          "a copy (reference.docx), which a rebuild uses."),
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return f


def _options(out: Path, force: bool, make_zip: bool, pdf: bool, no_guidance: bool,
             reference_docx: Path | None, trust: bool = False):  # type: ignore[no-untyped-def]  # fmt: skip
    from ngokit.build import BuildOptions

    if reference_docx is not None and not reference_docx.is_file():
        raise NgokitError(f"the reference document {reference_docx} does not exist")
    return BuildOptions(out=out, force=force, zip=make_zip, pdf=pdf, guidance=not no_guidance,
                        reference_docx=reference_docx, trust=trust)  # fmt: skip


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("kits"), help=OUT_HELP)
@click.option(
    "--resume",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Continue from answers saved earlier (and keep saving there).",
)
@click.option(
    "--save",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("ngokit-answers.yaml"),
    show_default=True,
    help="Where to save your answers if you stop.",
)
@click.option(
    "--lang", default="en", show_default=True, help="Language of the wizard (the documents' language is a question)."
)
def new(out: Path, resume: Path | None, save: Path, lang: str) -> None:
    """Answer the questions for your network, review them, and build its kit."""
    from ngokit.wizard.command import run_new

    run_new(out=out, resume=resume, save=save, ui_language=lang)


@cli.command()
@click.argument("answers", type=click.Path(path_type=Path))
@_build_options
@click.option("--template", "template", help="A kit template: a folder, a .zip or a git URL.")
@click.option("--trust", is_flag=True,
              help="Let a kit template that is not bundled run code on this computer (its hooks and Jinja "
                   "extensions, outside the sandbox). Only for a kit from someone you trust.")  # fmt: skip
@click.pass_context
def build(ctx: click.Context, answers: Path, template: str | None, trust: bool,
          **kwargs) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Build a kit from an answers file (YAML or JSON). A kit's own answers.yaml rebuilds that
    kit where it is (with --force), unless --out says where else."""
    from dataclasses import replace

    from ngokit.build import build_kit
    from ngokit.output.folder import is_kit_answers

    options = _options(trust=trust, **kwargs)
    if ctx.get_parameter_source("out") is not click.core.ParameterSource.COMMANDLINE and is_kit_answers(answers):
        options = replace(options, out=answers.parent.parent, folder=answers.parent.name)
    built = build_kit(answers, options, template)
    _report(built)


@cli.command()
@_build_options
def demo(**kwargs) -> None:  # type: ignore[no-untyped-def]
    """Build the kit of the example network, to see what ngokit makes."""
    from ngokit.build import build_kit
    from ngokit.kit.shipped import demo_answers

    built = build_kit(demo_answers(), _options(**kwargs))
    _report(built)


@cli.command()
@click.argument("answers", type=click.Path(path_type=Path))
@click.option("--template", "template", help="A kit template: a folder, a .zip or a git URL.")
def check(answers: Path, template: str | None) -> None:
    """Check an answers file without building anything."""
    from ngokit.kit import open_kit
    from ngokit.questions.answers import load_answers

    with open_kit(template) as kit:
        valid = kit.validate(load_answers(answers), answers.name)
    click.echo(_("{0}: valid ({1} answers)").format(answers, len(valid.values)))
    if valid.notes:
        click.echo(_("Read as:"))
        for note in valid.notes:
            click.echo(f"  {for_terminal(note)}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["markdown", "csv"]), default="markdown", show_default=True)
@click.option("--template", "template", help="A kit template: a folder, a .zip or a git URL.")
def questions(fmt: str, template: str | None) -> None:
    """Print every question: a form for collecting answers on paper."""
    from ngokit.kit import open_kit
    from ngokit.questions.printing import questionnaire_csv, questionnaire_markdown

    printer = questionnaire_csv if fmt == "csv" else questionnaire_markdown
    with open_kit(template) as kit:
        click.echo(printer(kit.questionnaire), nl=False)


@cli.command()
@click.option("--template", "template", help="A kit template: a folder, a .zip or a git URL.")
def countries(template: str | None) -> None:
    """List the countries with a curated pack, and when each was last verified."""
    from ngokit.kit import open_kit
    from ngokit.locales import country_name

    with open_kit(template) as kit:
        packs = kit.packs
    click.echo(_("Curated country packs ({0}); other countries get a generic kit:").format(len(packs)))
    for code, pack in sorted(packs.items()):
        forms = ", ".join(f["local_name"] for f in pack.data["legal_forms"])
        click.echo(f"  {code}  {country_name(code):<16} {_('verified')} {pack.last_verified}  {forms}")


@cli.command("batch-template")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
def batch_template(file: Path, force: bool) -> None:
    """Write a spreadsheet (.xlsx or .csv) to collect answers from many networks."""
    from ngokit.batch.template import write_template
    from ngokit.kit import load_kit

    if file.exists() and not force:
        raise NgokitError(_("{0} already exists; use --force to replace it").format(file))
    write_template(file, load_kit().questionnaire, replace=force)
    if file.suffix.lower() == ".xlsx":
        click.echo(_("Wrote {0}: one row per network on the Networks sheet; each header has a note "
                     "saying why we ask; see the Example and Help sheets.").format(file))  # fmt: skip
    else:
        click.echo(_("Wrote {0}: one row per network, one column per question; the second line is an "
                     "example to replace. `ngokit questions` explains each column.").format(file))  # fmt: skip
    click.echo(_("Then run: {0}").format(command(f"batch {file} --out kits")))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("kits"), help=OUT_HELP)
@click.option("--zip", "make_zip", is_flag=True, help="Also write one <network>.zip per kit.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Kits built at once (default and maximum: the number of CPU cores).",
)
@click.option("--force", is_flag=True, help="Rebuild every row's kit, also those that have not changed.")
@click.option("--no-guidance", is_flag=True, help="Leave out the notes for drafters.")
@click.option("--ignore-columns", default="", metavar="NAMES",
              help="Columns to leave out, separated by commas (e.g. a form tool's own columns).")  # fmt: skip
def batch(file: Path, out: Path, make_zip: bool, jobs: int | None, force: bool, no_guidance: bool,
          ignore_columns: str) -> None:  # fmt: skip
    """Build a kit for every row of a spreadsheet (.xlsx or .csv) and write batch-report.csv."""
    from ngokit.batch.command import run_batch_command

    ignored = tuple(name.strip() for name in ignore_columns.split(",") if name.strip())
    ok = run_batch_command(file, out, make_zip=make_zip, jobs=jobs, force=force, guidance=not no_guidance,
                           ignore_columns=ignored)  # fmt: skip
    if not ok:
        raise SystemExit(1)


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; beyond this computer (e.g. 0.0.0.0) a join code is required.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--workshop",
    type=click.Path(file_okay=False, path_type=Path),
    help="Workshop mode: participants join with a code; each network's answers and kit are kept in "
    "this folder; a facilitator's page lists them all.",
)
@click.option("--lang", default="en", show_default=True, help="Language of the pages until a person chooses theirs.")
def serve(host: str, port: int, workshop: Path | None, lang: str) -> None:
    """Run the questions in a web browser (phones, workshop rooms), with save and resume."""
    from ngokit.web.server import run_server

    run_server(host, port, workshop, lang)


def _report(built) -> None:  # type: ignore[no-untyped-def]
    click.echo(_("Kit built: {0}").format(built.path))
    for document in built.documents:
        pdf = document.with_suffix(".pdf")
        click.echo(f"  {document.name}" + (f"  ({pdf.name})" if pdf.exists() else ""))
    click.echo("  answers.yaml")
    if (built.path / "reference.docx").is_file():
        click.echo("  reference.docx  " + _("(the look of the documents: a rebuild uses it)"))
    if built.zip_path:
        click.echo(_("Zip: {0}").format(built.zip_path))
    rebuild = command(f"build {built.path / 'answers.yaml'} --force")
    click.echo(_("Rebuild after editing the answers: {0}").format(rebuild))
    for warning in built.warnings:  # the kit is built; these say what to improve
        click.echo(_("Warning: {0}").format(for_terminal(warning)), err=True)


def main() -> None:
    """Run the ngokit command; a polite request to stop (SIGTERM) stops it like Ctrl-C, so
    that it removes what it made and reports what it finished."""
    import signal

    signal.signal(signal.SIGTERM, _stop)
    cli(prog_name="ngokit")


def _stop(signum: int, frame: object) -> None:
    raise Terminated
