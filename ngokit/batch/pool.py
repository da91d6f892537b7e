"""Building many kits at once: one worker process per CPU core, each building whole kits.

Workers leave Ctrl-C and SIGTERM to the batch, which stops handing out kits and waits for
the ones being built; a worker that outlives its batch (killed outright) exits on its own.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ngokit.batch.plan import BUILT, FAILED, Planned, RowResult
from ngokit.build import BuildOptions, build_kit
from ngokit.errors import NgokitError
from ngokit.i18n import _

Outcome = tuple[str, list[str], list[str]]  # status, errors, warnings


def build_in_pool(todo: list[tuple[Planned, BuildOptions]], kit_path: Path, workers: int,
                  record: Callable[[Planned, Outcome], RowResult],
                  announce: Callable[[RowResult], None]) -> None:  # fmt: skip
    """Build the kits in ``workers`` processes; record each as it ends and announce it (those
    that end while Ctrl-C stops the batch are recorded, not announced)."""
    with ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context(),
                             initializer=_leave_signals_to_the_batch, initargs=(os.getpid(),)) as pool:  # fmt: skip
        futures: dict[Future, Planned] = {
            pool.submit(build_one, item.answers, options, kit_path): item for item, options in todo
        }
        waiting = set(futures)
        try:
            for future in as_completed(futures):
                waiting.discard(future)
                announce(record(futures[future], _outcome(future)))
        except BaseException:  # Ctrl-C: the kits being built are finished, and recorded
            pool.shutdown(wait=True, cancel_futures=True)
            for future in waiting:
                if future.done() and not future.cancelled():
                    record(futures[future], _outcome(future))
            raise


def build_one(answers: dict[str, Any], options: BuildOptions, kit_path: Path) -> Outcome:
    """Build one kit (in a worker process, or in this one); return its status, errors and
    warnings (such as a style the reference lacks)."""
    from ngokit.kit import load_kit

    try:
        built = build_kit(answers, options, load_kit(kit_path))
    except NgokitError as exc:
        return FAILED, [str(exc)], []
    except OSError as exc:
        return FAILED, [f"{exc.__class__.__name__}: {exc}"], []
    except Exception as exc:  # one row's bug must not stop the other rows
        return FAILED, [_("unexpected error, a bug in ngokit (please report it): {0}: {1}").format(
            exc.__class__.__name__, exc)], []  # fmt: skip
    return BUILT, [], list(built.warnings)


def cpu_cores() -> int:
    """Return how many CPU cores this process may use (fewer than the machine's in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _outcome(future: Future) -> Outcome:
    """Return a finished build's status, errors and warnings; a worker that died is a failed row, not a crash."""
    try:
        return future.result()  # type: ignore[no-any-return]
    except Exception as exc:
        return FAILED, [_("the process building this kit stopped: {0}").format(exc or exc.__class__.__name__)], []


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
        context.set_forkserver_preload(["ngokit.batch.pool", "ngokit.documents", "ngokit.render"])
        return context
    return get_context("spawn")
