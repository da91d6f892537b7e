"""Batch mode: a spreadsheet in, a kit for every network out, and a report of what failed.

Every row is checked before anything is built; valid rows are built in parallel, each
atomically by build_kit(), so an interrupted batch leaves complete kits only and running it
again builds what is missing.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ngokit.build import BuildOptions, build_kit
from ngokit.errors import AnswersError, NgokitError
from ngokit.i18n import _
from ngokit.kit import Kit
from ngokit.sheets import SheetRow, read_rows
from ngokit.slug import kit_slug

REPORT_NAME = "batch-report.csv"
BUILT, EXISTS, INVALID, FAILED, NOT_BUILT = "built", "already built", "invalid", "failed", "not built"


@dataclass
class RowResult:
    """What happened to one row of the spreadsheet."""

    row: int
    network: str
    status: str = NOT_BUILT
    kit_path: str = ""
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
        folder = _unique(kit_slug(valid["network_name"]), taken)
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
    """Check every row, build the valid ones (in ``jobs`` processes) and write the report."""
    rows = read_rows(path, kit.questionnaire)
    if not rows:
        raise NgokitError(_("{0} has no rows of answers under its header").format(path))
    results, planned = check_rows(rows, kit)
    if on_preflight:
        on_preflight(results)
    options.out.mkdir(parents=True, exist_ok=True)
    report = options.out / REPORT_NAME
    try:
        for result in _build_all(planned, kit, options, jobs):
            if on_progress:
                on_progress(result)
    finally:  # also after Ctrl-C: the report says what was built and what was not
        write_report(results, report)
    return BatchResult(results, report)


def _build_all(planned: list[Planned], kit: Kit, options: BuildOptions, jobs: int) -> Iterator[RowResult]:
    todo = []
    for item in planned:
        target = options.out / item.folder
        if target.exists() and not options.force:
            item.result.status, item.result.kit_path = EXISTS, str(target)
            yield item.result
        else:
            todo.append(item)
    if jobs <= 1 or len(todo) <= 1:
        for item in todo:
            yield _finish(item, _build_one(item.answers, replace(options, folder=item.folder), kit.path))
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_worker_context()) as pool:
        futures: dict[Future, Planned] = {
            pool.submit(_build_one, item.answers, replace(options, folder=item.folder), kit.path): item for item in todo
        }
        try:
            for future in as_completed(futures):
                yield _finish(futures[future], future.result())
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _worker_context() -> Any:
    """Return how to start worker processes: a fork server that has imported ngokit once
    (where the platform has one), else fresh interpreters. Never a plain fork of this
    process, whose progress-bar thread may hold a lock."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = get_context("forkserver")
        context.set_forkserver_preload(["ngokit.batch", "ngokit.documents", "ngokit.render"])
        return context
    return get_context("spawn")


def _build_one(answers: dict[str, Any], options: BuildOptions, kit_path: Path) -> tuple[str, str, list[str]]:
    """Build one kit (in a worker process); return status, kit folder and errors."""
    from ngokit.kit import load_kit

    try:
        built = build_kit(answers, options, load_kit(kit_path))
    except NgokitError as exc:
        return FAILED, "", [str(exc)]
    except OSError as exc:
        return FAILED, "", [f"{exc.__class__.__name__}: {exc}"]
    return BUILT, str(built.path), []


def _finish(item: Planned, outcome: tuple[str, str, list[str]]) -> RowResult:
    item.result.status, item.result.kit_path, item.result.errors = outcome
    return item.result


def write_report(results: list[RowResult], path: Path) -> None:
    """Write batch-report.csv (row, network, status, kit path, errors), atomically."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["row", "network", "status", "kit_path", "errors"])
    for result in results:
        writer.writerow([result.row, result.network, result.status, result.kit_path, "; ".join(result.errors)])
    partial = path.with_name(path.name + ".partial")
    partial.write_text(buffer.getvalue(), encoding="utf-8-sig")
    os.replace(partial, path)
