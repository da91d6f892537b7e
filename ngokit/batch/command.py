"""`ngokit batch` on the command line: pre-flight report, progress bar, closing line.

Every piece of the spreadsheet that reaches the terminal goes through ``for_terminal`` (an
escape sequence could clear the screen and forge a line) and is never read as rich markup.
SIGTERM stops a batch the way Ctrl-C does (the CLI turns it into :class:`Terminated`).
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ngokit.batch.plan import INVALID, UNCHANGED, RowResult
from ngokit.batch.pool import cpu_cores
from ngokit.batch.run import REPORT_NAME, run_batch
from ngokit.build import BuildOptions
from ngokit.display import for_terminal
from ngokit.errors import Terminated
from ngokit.i18n import _, ngettext
from ngokit.kit import load_kit


def run_batch_command(file: Path, out: Path, *, make_zip: bool, jobs: int | None, force: bool,
                      guidance: bool, ignore_columns: tuple[str, ...] = ()) -> bool:  # fmt: skip
    """Run a batch with a progress bar; return True when every row has its kit."""
    console = Console(stderr=True, markup=False, emoji=False, highlight=False)
    options = BuildOptions(out=out, force=force, zip=make_zip, guidance=guidance)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=False)  # fmt: skip
    task = None

    def preflight(results: list[RowResult], notes: tuple[str, ...]) -> None:
        nonlocal task
        _print_preflight(results, notes)
        to_build = sum(r.status not in (INVALID, UNCHANGED) for r in results)
        task = progress.add_task(_("Building kits"), total=to_build)
        progress.start()

    def advance(result: RowResult) -> None:
        if task is not None:
            progress.advance(task)
        if result.errors:
            line = _("row {0} ({1}): {2}").format(result.row, result.network, "; ".join(result.errors))
            progress.console.print(for_terminal(line), markup=False, emoji=False, highlight=False)
        for warning in result.warnings:  # the kit is built; this says what to improve
            line = _("row {0} ({1}): warning: {2}").format(result.row, result.network, warning)
            progress.console.print(for_terminal(line), markup=False, emoji=False, highlight=False)

    try:
        result = run_batch(file, load_kit(), options, _jobs(jobs), preflight, advance, ignore_columns)
    except KeyboardInterrupt as stop:
        _stop(progress, task)
        click.echo(for_terminal(_("Stopped. Finished kits are complete; run the same command again to build the "
                                  "rest (see {0}).").format(out / REPORT_NAME)), err=True)  # fmt: skip
        raise SystemExit(143 if isinstance(stop, Terminated) else 130) from None
    finally:
        _stop(progress, task)
    click.echo(for_terminal(result.summary()))
    return not result.failed


def _stop(progress: Progress, task: object) -> None:
    """Stop the progress bar if it was started (stopping one that was not prints a blank line)."""
    if task is not None:
        progress.stop()


def _jobs(asked: int | None) -> int:
    """Return how many kits to build at once: as asked, but never more than the CPU cores."""
    cores = cpu_cores()
    if asked is not None and asked > cores:
        click.echo(ngettext("--jobs {0}: this computer has {1} CPU core, so {1} kit is built at a time.",
                            "--jobs {0}: this computer has {1} CPU cores, so at most {1} kits are built at once.",
                            cores).format(asked, cores), err=True)  # fmt: skip
    return min(asked or cores, cores)


def _print_preflight(results: list[RowResult], notes: tuple[str, ...]) -> None:
    invalid = [r for r in results if r.status == INVALID]
    unchanged = sum(r.status == UNCHANGED for r in results)
    click.echo(ngettext("Checked {0} row: {1} ready to build, {2} with problems.",
                        "Checked {0} rows: {1} ready to build, {2} with problems.", len(results)).format(
        len(results), len(results) - len(invalid), len(invalid)))  # fmt: skip
    for note in notes:
        click.echo(f"  {for_terminal(note)}")
    for row in results:
        if row.notes:  # how the answers were read: "Congo" is never guessed, "UAH 5 000" is shown
            click.echo(_("  row {0} ({1}) read as:").format(row.row, for_terminal(row.network)))
            for note in row.notes:
                click.echo(f"    {for_terminal(note)}")
    for row in invalid:
        click.echo(_("  row {0} ({1}):").format(row.row, for_terminal(row.network) or _("no network name")))
        for error in row.errors:
            click.echo(f"    - {for_terminal(error)}")
    if unchanged:
        click.echo(
            ngettext(
                "{0} kit is already built and unchanged: kept as it is.",
                "{0} kits are already built and unchanged: kept as they are.",
                unchanged,
            ).format(unchanged)
        )
    if invalid:
        click.echo(_("Rows with problems are not built; fix them and run the batch again."))
