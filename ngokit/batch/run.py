"""Batch mode: a spreadsheet in, a kit for every network out, and a report of what happened.

Every row is checked and given its folder before anything is built (``plan``); the rows to
build are built in parallel (``pool``), each atomically by build_kit(), so an interrupted
batch leaves complete kits only and running it again builds what is missing and rebuilds
what changed. The report is written once before the first kit (a folder that cannot hold it
stops the batch before anything is built) and again at the end, also after Ctrl-C, when the
kits being built are finished first.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ngokit.batch.plan import BUILT, FAILED, REBUILT, UNCHANGED, Planned, RowResult, plan_rows
from ngokit.batch.pool import Outcome, build_in_pool, build_one, cpu_cores
from ngokit.batch.sheets import read_sheet
from ngokit.build import BuildOptions
from ngokit.display import for_spreadsheet
from ngokit.errors import NgokitError
from ngokit.files import describe_os_error, make_folders, remove_empty_folders, write_atomically
from ngokit.i18n import _
from ngokit.kit import Kit
from ngokit.output.folder import kit_zip_bytes

REPORT_NAME = "batch-report.csv"


@dataclass(frozen=True)
class BatchResult:
    """Every row's result, what the reading of the sheet noted, and where the report is."""

    rows: list[RowResult]
    report: Path
    notes: tuple[str, ...] = ()

    @property
    def failed(self) -> list[RowResult]:
        """Return the rows without a kit (invalid, failed or not built)."""
        return [r for r in self.rows if not r.ok]

    def summary(self) -> str:
        """Return the closing line, e.g. ``18 built, 2 unchanged, 1 failed: see batch-report.csv``."""
        counts = [
            (sum(r.status == status for r in self.rows), label)
            for status, label in (
                (BUILT, _("{0} built")),
                (REBUILT, _("{0} rebuilt (answers changed)")),
                (UNCHANGED, _("{0} unchanged")),
            )
        ]
        text = ", ".join(label.format(count) for count, label in counts if count) or _("0 built")
        if self.failed:
            return text + _(", {0} failed: see {1}").format(len(self.failed), self.report)
        return text + _(", none failed (report: {0})").format(self.report)


def run_batch(path: Path, kit: Kit, options: BuildOptions, jobs: int = 1,
              on_preflight: Callable[[list[RowResult], tuple[str, ...]], None] | None = None,
              on_progress: Callable[[RowResult], None] | None = None,
              ignore_columns: tuple[str, ...] = ()) -> BatchResult:  # fmt: skip
    """Check every row, build the rows whose kit is missing or changed (in up to ``jobs``
    processes), and write the report.

    Raises NgokitError before anything is built when the sheet cannot be read or the output
    folder cannot hold the report. A KeyboardInterrupt (Ctrl-C) stops the batch once the kits
    being built are finished; the report then says which were.
    """
    sheet = read_sheet(path, kit.questionnaire, ignore_columns)
    if not sheet.rows:
        raise NgokitError(_("{0} has no rows of answers under its header").format(path))
    results, planned = plan_rows(list(sheet.rows), kit, options.out, options.force)
    report = options.out / REPORT_NAME
    created = _start_report(results, report)
    if on_preflight:
        on_preflight(results, sheet.notes)
    try:
        _build_all(planned, kit, options, jobs, on_progress or (lambda result: None))
        if options.zip:
            _zip_unchanged(results, options.out)
    finally:  # also after Ctrl-C: the report says what was built and what was not
        _finish_report(results, report, created)
    return BatchResult(results, report, sheet.notes)


def _build_all(planned: list[Planned], kit: Kit, options: BuildOptions, jobs: int,
               on_done: Callable[[RowResult], None]) -> None:  # fmt: skip
    """Build every planned kit, each with its own folder; report each as it ends."""
    todo = [(item, replace(options, folder=item.folder, force=options.force or item.replace)) for item in planned]
    workers = min(jobs, len(todo), cpu_cores())
    if workers <= 1:
        for item, item_options in todo:
            on_done(_finish(item, build_one(item.answers, item_options, kit.path)))
        return
    build_in_pool(todo, kit.path, workers, _finish, on_done)


def _finish(item: Planned, outcome: Outcome) -> RowResult:
    status, errors, warnings = outcome
    item.result.status = REBUILT if status == BUILT and item.changed else status
    item.result.errors, item.result.warnings = errors, warnings
    item.result.kit_path = item.folder if item.result.ok else ""
    return item.result


def _zip_unchanged(results: list[RowResult], out: Path) -> None:
    """Write the zip of every kit kept as it was, so that --zip covers every kit of the sheet."""
    from ngokit.questions.answers import load_answers

    for result in results:
        if result.status != UNCHANGED:
            continue
        folder = out / result.kit_path
        zipped = kit_zip_bytes(folder, folder.name, _kit_date(load_answers(folder / "answers.yaml")))
        target = folder.with_suffix(".zip")
        if not target.is_file() or target.read_bytes() != zipped:
            write_atomically(target, zipped)


def _kit_date(answers: dict[str, object]):  # type: ignore[no-untyped-def]
    from datetime import date

    value = answers.get("kit_date")
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _start_report(results: list[RowResult], report: Path) -> list[Path]:
    """Make the output folder and write the report of the checks; return the folders made.

    Writing first proves that the folder can hold kits, and leaves nothing behind when not.
    """
    folder = report.parent
    try:
        created = make_folders(folder)
    except OSError as exc:
        raise NgokitError(_("cannot make the folder {0}: {1}; choose another --out").format(
            folder, describe_os_error(exc))) from exc  # fmt: skip
    try:
        write_report(results, report)
    except OSError as exc:
        remove_empty_folders(created)
        raise NgokitError(_("cannot write in {0}: {1}; choose another --out").format(
            folder, describe_os_error(exc))) from exc  # fmt: skip
    return created


def _finish_report(results: list[RowResult], report: Path, created: list[Path]) -> None:
    try:
        write_report(results, report)
    except OSError as exc:
        with contextlib.suppress(OSError):
            report.unlink()  # the one written before building would call the kits built since "not built"
        remove_empty_folders(created)
        raise NgokitError(_("cannot write {0}: {1}. The kits built are complete; once this is fixed, run the "
                            "same command again to build the rest and write the report").format(
            report, describe_os_error(exc))) from exc  # fmt: skip


def write_report(results: list[RowResult], path: Path) -> None:
    """Write batch-report.csv (row, network, status, kit folder, errors, warnings) atomically,
    every cell as text that a spreadsheet shows and never runs; raise OSError if it cannot be
    written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["row", "network", "status", "kit_path", "errors", "warnings"])
    for result in results:
        cells = (result.network, result.status, result.kit_path, "; ".join(result.errors), "; ".join(result.warnings))
        writer.writerow([result.row, *map(for_spreadsheet, cells)])
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))


__all__ = ["FAILED", "REPORT_NAME", "BatchResult", "RowResult", "run_batch", "write_report"]
