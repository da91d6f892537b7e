"""Building kits off the server's loop: worker processes, one per core, each building whole
kits with ``build_kit`` (and, when asked, their PDFs with LibreOffice).

A kit is built into its network's folder: a workshop's ``network-07/`` or a private temporary
folder, as ``<slug>/`` with ``<slug>.zip`` beside it.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ngokit.errors import NgokitError

PDF_FOLDER = "pdf"


@dataclass(frozen=True)
class Built:
    """A kit built (its folder name and documents), or why not."""

    name: str = ""
    documents: tuple[str, ...] = ()
    error: str = ""


class Builder:
    """A pool of worker processes that build kits."""

    def __init__(self, kit_path: Path, workers: int | None = None) -> None:
        self.kit_path = kit_path
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        self.workers = workers or cores
        self._pool: ProcessPoolExecutor | None = None

    @property
    def pool(self) -> ProcessPoolExecutor:
        """Return the worker processes, started on first use."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context())
        return self._pool

    def warm_up(self) -> None:
        """Start the workers now, so that the first kit does not wait for them."""
        for _ in range(self.workers):
            self.pool.submit(os.getpid)

    async def build(self, answers: dict[str, Any], folder: Path, previous: str = "") -> Built:
        """Return the kit built from ``answers`` in ``folder`` (a kit of another name built
        there before is removed: only what this server made, by its exact name)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, build_in_worker, answers, folder, self.kit_path, previous)

    async def pdfs(self, folder: Path, name: str, documents: tuple[str, ...]) -> str:
        """Make the PDFs of a built kit in ``folder/pdf``; return an error message or ''."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, pdfs_in_worker, folder, name, documents)

    def close(self) -> None:
        """Stop the workers (the kits being built are finished first)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def private_folder() -> Path:
    """Return a new private temporary folder for one person's kit (only its owner can read it)."""
    return Path(tempfile.mkdtemp(prefix="ngokit-web-"))


def build_in_worker(answers: dict[str, Any], folder: Path, kit_path: Path, previous: str) -> Built:
    """Build one kit (in a worker process); return what was built or the error, never raise."""
    from ngokit.build import BuildOptions, build_kit
    from ngokit.kit import load_kit
    from ngokit.output.slug import kit_slug

    try:
        kit = load_kit(kit_path)
        name = kit_slug(str(kit.validate(answers).network_name))
        if previous and previous != name:
            _remove_kit(folder, previous)
        built = build_kit(answers, BuildOptions(out=folder, folder=name, force=True, zip=True), kit)
    except NgokitError as exc:
        return Built(error=str(exc))
    except Exception as exc:  # one person's bug must not stop the server
        return Built(error=f"unexpected error, a bug in ngokit (please report it): {exc.__class__.__name__}: {exc}")
    shutil.rmtree(folder / PDF_FOLDER, ignore_errors=True)  # PDFs of an earlier build are out of date
    return Built(name, tuple(d.name for d in built.documents))


def pdfs_in_worker(folder: Path, name: str, documents: tuple[str, ...]) -> str:
    """Make a built kit's PDFs with LibreOffice (in a worker process); return an error or ''."""
    from ngokit.output.pdf import convert_to_pdf

    out = folder / PDF_FOLDER
    if all((out / f"{Path(d).stem}.pdf").is_file() for d in documents):
        return ""
    out.mkdir(exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="ngokit-lo-") as profile:
            convert_to_pdf([folder / name / d for d in documents], out, Path(profile))
    except NgokitError as exc:
        return str(exc)
    return ""


def _remove_kit(folder: Path, name: str) -> None:
    shutil.rmtree(folder / name, ignore_errors=True)
    (folder / f"{name}.zip").unlink(missing_ok=True)


def _context() -> Any:
    """Return how to start workers: a fork server that has imported the engine once, where the
    platform has one (never a plain fork of the server, whose threads may hold locks)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["ngokit.web.builds", "ngokit.build", "ngokit.documents", "ngokit.render"])
        return context
    return multiprocessing.get_context("spawn")
