"""`ngokit batch` on the command line: pre-flight report, progress bar, closing line."""

from __future__ import annotations

import os
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ngokit.batch import INVALID, RowResult, run_batch
from ngokit.build import BuildOptions
from ngokit.i18n import _, ngettext
from ngokit.kit import load_kit


def run_batch_command(file: Path, out: Path, *, make_zip: bool, jobs: int | None, force: bool,
                      guidance: bool) -> bool:  # fmt: skip
    """Run a batch with a progress bar; return True when every row has its kit."""
    console = Console(stderr=True)
    options = BuildOptions(out=out, force=force, zip=make_zip, guidance=guidance)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=False)  # fmt: skip
    task = None

    def preflight(results: list[RowResult]) -> None:
        nonlocal task
        _print_preflight(results)
        to_build = sum(r.status != INVALID for r in results)
        task = progress.add_task(_("Building kits"), total=to_build)
        progress.start()

    def advance(result: RowResult) -> None:
        if task is not None:
            progress.advance(task)
        if result.errors:
            progress.console.print(_("row {0} ({1}): {2}").format(result.row, result.network, "; ".join(result.errors)))

    try:
        result = run_batch(file, load_kit(), options, jobs or os.cpu_count() or 1, preflight, advance)
    except KeyboardInterrupt:
        progress.stop()
        click.echo(_("Interrupted. Finished kits are complete; run the same command again to build the rest "
                     "(see {0}).").format(out / "batch-report.csv"), err=True)  # fmt: skip
        raise SystemExit(130) from None
    finally:
        progress.stop()
    click.echo(result.summary())
    return not result.failed


def _print_preflight(results: list[RowResult]) -> None:
    invalid = [r for r in results if r.status == INVALID]
    click.echo(ngettext("Checked {0} row: {1} ready to build, {2} with problems.",
                        "Checked {0} rows: {1} ready to build, {2} with problems.", len(results)).format(
        len(results), len(results) - len(invalid), len(invalid)))  # fmt: skip
    for row in invalid:
        click.echo(_("  row {0} ({1}):").format(row.row, row.network or _("no network name")))
        for error in row.errors:
            click.echo(f"    - {error}")
    if invalid:
        click.echo(_("Rows with problems are not built; fix them and run the batch again."))
