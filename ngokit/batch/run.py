"""Batch mode: a spreadsheet in, a kit for every network out, and a report of what failed.

Every row is checked before anything is built; valid rows are built in parallel, each
atomically by build_kit(), so an interrupted batch leaves complete kits only and running it
again builds what is missing. The report is written once before the first kit (a folder that
cannot hold it stops the batch before anything is built) and again at the end, also after
Ctrl-C, when the kits being built are finished first.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ngokit.batch.sheets import SheetRow, read_rows
from ngokit.build import BuildOptions, build_kit
from ngokit.display import for_spreadsheet
from ngokit.errors import AnswersError, NgokitError
from ngokit.files import describe_os_error, make_folders, remove_empty_folders, write_atomically
from ngokit.i18n import _
from ngokit.kit import Kit
from ngokit.output.slug import kit_slug

REPORT_NAME = "batch-report.csv"
BUILT, EXISTS, INVALID, FAILED, NOT_BUILT = "built", "already built", "invalid", "failed", "not built"


@dataclass
class RowResult:
    """What happened to one row of the spreadsheet."""

    row: int
    network: str
    status: str = NOT_BUILT
    kit_path: str = ""  # the kit's folder, relative to the report's
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Return True when the row's kit exists now."""
        return self.status in (BUILT, EXISTS)


@dataclass(frozen=True)
class BatchResult:
    """Every row's result and where the report is."""

    rows: list[RowResult]
    report: Path

    @property
    def failed(self) -> list[RowResult]:
        """Return the rows without a kit (invalid, failed or not built)."""
        return [r for r in self.rows if not r.ok]

    def summary(self) -> str:
        """Return the closing line, e.g. ``18 built, 2 failed: see batch-report.csv``."""
        built = sum(r.status == BUILT for r in self.rows)
        kept = sum(r.status == EXISTS for r in self.rows)
        text = _("{0} built").format(built)
        if kept:
            text += _(", {0} already built").format(kept)
        if self.failed:
            return text + _(", {0} failed: see {1}").format(len(self.failed), self.report)
        return text + _(", none failed (report: {0})").format(self.report)


@dataclass(frozen=True)
class Planned:
    """A valid row, with its unique kit folder."""

    result: RowResult
    answers: dict[str, Any]
    folder: str


def check_rows(rows: list[SheetRow], kit: Kit) -> tuple[list[RowResult], list[Planned]]:
    """Validate every row; return all results (invalid ones filled in) and the rows to build."""
    results: list[RowResult] = []
    planned: list[Planned] = []
    taken: set[str] = set()
    for row in rows:
        name = str(row.answers.get("network_name", "")).strip()
        result = RowResult(row.number, name)
        results.append(result)
        try:
            valid = kit.validate(row.answers, _("row {0}").format(row.number))
        except AnswersError as exc:
            result.status, result.errors = INVALID, [str(p) for p in exc.problems]
            continue
        folder = _unique(kit_slug(valid.network_name), taken)
        planned.append(Planned(result, row.answers, folder))
    return results, planned


def _unique(slug: str, taken: set[str]) -> str:
    """Return the slug, or slug-2, slug-3... when an earlier row has it (same names)."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def run_batch(path: Path, kit: Kit, options: BuildOptions, jobs: int = 1,
              on_preflight: Callable[[list[RowResult]], None] | None = None,
              on_progress: Callable[[RowResult], None] | None = None) -> BatchResult:  # fmt: skip
    """Check every row, build the valid ones (in up to ``jobs`` processes) and write the report.

    Raises NgokitError before anything is built when the sheet cannot be read or the output
    folder cannot hold the report. A KeyboardInterrupt (Ctrl-C) stops the batch once the kits
    being built are finished; the report then says which were.
    """
    rows = read_rows(path, kit.questionnaire)
    if not rows:
        raise NgokitError(_("{0} has no rows of answers under its header").format(path))
    results, planned = check_rows(rows, kit)
    report = options.out / REPORT_NAME
    created = _start_report(results, report)
    if on_preflight:
        on_preflight(results)
    try:
        _build_all(planned, kit, options, jobs, on_progress or (lambda result: None))
    finally:  # also after Ctrl-C: the report says what was built and what was not
        _finish_report(results, report, created)
    return BatchResult(results, report)


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


def _build_all(planned: list[Planned], kit: Kit, options: BuildOptions, jobs: int,
               on_done: Callable[[RowResult], None]) -> None:  # fmt: skip
    """Build every planned kit that does not exist yet (all with --force); report each as it ends."""
    todo = []
    for item in planned:
        if (options.out / item.folder).exists() and not options.force:
            on_done(_finish(item, (EXISTS, [])))
        else:
            todo.append(item)
    workers = min(jobs, len(todo), cpu_cores())
    if workers <= 1:
        for item in todo:
            on_done(_finish(item, _build_one(item.answers, replace(options, folder=item.folder), kit.path)))
        return
    _build_in_pool(todo, kit, options, workers, on_done)


def _build_in_pool(todo: list[Planned], kit: Kit, options: BuildOptions, workers: int,
                   on_done: Callable[[RowResult], None]) -> None:  # fmt: skip
    with ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context(),
                             initializer=_leave_signals_to_the_batch, initargs=(os.getpid(),)) as pool:  # fmt: skip
        futures: dict[Future, Planned] = {
            pool.submit(_build_one, item.answers, replace(options, folder=item.folder), kit.path): item for item in todo
        }
        waiting = set(futures)
        try:
            for future in as_completed(futures):
                waiting.discard(future)
                on_done(_finish(futures[future], _outcome(future)))
        except BaseException:  # Ctrl-C: the kits being built are finished, and recorded
            pool.shutdown(wait=True, cancel_futures=True)
            for future in waiting:
                if future.done() and not future.cancelled():
                    _finish(futures[future], _outcome(future))
            raise


def _outcome(future: Future) -> tuple[str, list[str]]:
    """Return a finished build's status and errors; a worker that died is a failed row, not a crash."""
    try:
        return future.result()  # type: ignore[no-any-return]
    except Exception as exc:
        return FAILED, [_("the process building this kit stopped: {0}").format(exc or exc.__class__.__name__)]


def cpu_cores() -> int:
    """Return how many CPU cores this process may use (fewer than the machine's in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _leave_signals_to_the_batch(batch: int) -> None:
    """In a worker: ignore Ctrl-C (which a terminal sends to every process) and SIGTERM, so that
    the batch decides: it hands out no more kits and waits for the ones being built. A worker
    that outlives its batch (killed with SIGKILL) exits on its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.name == "posix":  # on Windows, os.kill(pid, 0) would end the batch
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        threading.Thread(target=_exit_without, args=(batch,), daemon=True).start()


def _exit_without(batch: int) -> None:
    while True:
        time.sleep(2)
        try:
            os.kill(batch, 0)
        except OSError:  # no such process, or one that is no longer ours
            os._exit(1)


def _worker_context() -> Any:
    """Return how to start worker processes: a fork server that has imported ngokit once
    (where the platform has one), else fresh interpreters. Never a plain fork of this
    process, whose progress-bar thread may hold a lock."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = get_context("forkserver")
        context.set_forkserver_preload(["ngokit.batch.run", "ngokit.documents", "ngokit.render"])
        return context
    return get_context("spawn")


def _build_one(answers: dict[str, Any], options: BuildOptions, kit_path: Path) -> tuple[str, list[str]]:
    """Build one kit (in a worker process); return its status and errors."""
    from ngokit.kit import load_kit

    try:
        build_kit(answers, options, load_kit(kit_path))
    except NgokitError as exc:
        return FAILED, [str(exc)]
    except OSError as exc:
        return FAILED, [f"{exc.__class__.__name__}: {exc}"]
    except Exception as exc:  # one row's bug must not stop the other rows
        return FAILED, [_("unexpected error, a bug in ngokit (please report it): {0}: {1}").format(
            exc.__class__.__name__, exc)]  # fmt: skip
    return BUILT, []


def _finish(item: Planned, outcome: tuple[str, list[str]]) -> RowResult:
    item.result.status, item.result.errors = outcome
    item.result.kit_path = item.folder if item.result.ok else ""
    return item.result


def write_report(results: list[RowResult], path: Path) -> None:
    """Write batch-report.csv (row, network, status, kit folder, errors) atomically, every cell
    as text that a spreadsheet shows and never runs; raise OSError if it cannot be written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["row", "network", "status", "kit_path", "errors"])
    for result in results:
        cells = (result.network, result.status, result.kit_path, "; ".join(result.errors))
        writer.writerow([result.row, *map(for_spreadsheet, cells)])
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
