"""Save and resume without an account: the answers as a file to download, a resume code that
keeps them on this server for a week, and an answers file uploaded to carry on.

A resume code is ten random characters (50 bits): the store keeps the answers under the
code's SHA-256 only, in a private folder (the workshop's, or ngokit's cache), never in an
output folder; wrong codes are limited per client. Uploaded answers are read like
``ngokit new --resume`` reads a file: at most 1 MB of YAML 1.2, questions the kit does not
ask left out with a note, answers it cannot read asked again. Their file name is never used.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.responses import Response
from starlette.routing import Route

from ngokit.errors import AnswersError
from ngokit.files import write_atomically
from ngokit.i18n import _
from ngokit.locales import format_long_date
from ngokit.questions.answers import MAX_FILE_BYTES, parse_answers
from ngokit.questions.interview import resumable
from ngokit.web.config import RESUME_DAYS, digest, new_code, plain_code
from ngokit.web.guard import Attempts
from ngokit.web.handling import INTERVIEW, JOINED, Ctx, endpoint, redirect
from ngokit.web.pages import interface_languages
from ngokit.web.sessions import answers_yaml

ANSWERS_NAME = "ngokit-answers.yaml"


class ResumeStore:
    """Answers kept under resume codes, each for a week."""

    def __init__(self, folder: Path, days: int = RESUME_DAYS) -> None:
        self.folder = folder
        self.seconds = days * 24 * 3600
        self.saves = Attempts(limit=30, window=600.0)  # a client may save 30 times in ten minutes

    def save(self, answers: str) -> tuple[str, datetime]:
        """Keep the answers (YAML); return the new code and when it expires."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.purge()
        code = new_code(10)
        write_atomically(self._path(code), answers.encode("utf-8"))
        os.chmod(self._path(code), 0o600)
        return code, datetime.now(timezone.utc) + timedelta(seconds=self.seconds)

    def load(self, code: str) -> bytes | None:
        """Return the answers kept under a code, or None (no such code, or expired)."""
        path = self._path(code)
        try:
            if time.time() - path.stat().st_mtime > self.seconds:
                path.unlink(missing_ok=True)
                return None
            return path.read_bytes()
        except (OSError, ValueError):
            return None

    def purge(self) -> None:
        """Remove the answers whose code has expired."""
        now = time.time()
        for path in self.folder.glob("*.yaml"):
            try:
                if now - path.stat().st_mtime > self.seconds:
                    path.unlink()
            except OSError:
                continue

    def _path(self, code: str) -> Path:
        return self.folder / f"{digest(plain_code(code))}.yaml"


@endpoint(INTERVIEW)
async def save(ctx: Ctx) -> Response:
    """Keep the answers under a new resume code; show it, with the answers file to download."""
    store = ctx.web.store
    if not store.saves.allowed(ctx.client):
        return ctx.problem(429, _("Too many saves from this device. Wait ten minutes and try again."))
    store.saves.failed(ctx.client)
    try:
        code, expires = store.save(answers_yaml(ctx.session))
    except OSError:
        return ctx.problem(500, _("Your answers could not be kept on this server. Download them instead."))
    return ctx.page("saved.html", code=code, expires=format_long_date(expires.date(), ctx.ui_language))


@endpoint(INTERVIEW)
async def download_answers(ctx: Ctx) -> Response:
    """Send the answers as the file that ``ngokit new --resume`` and the start page read."""
    headers = {"content-disposition": f'attachment; filename="{ANSWERS_NAME}"'}
    return Response(answers_yaml(ctx.session), media_type="application/yaml", headers=headers)


@endpoint(JOINED)
async def resume_by_code(ctx: Ctx) -> Response:
    """Continue from the answers kept under a resume code."""
    if not ctx.web.attempts.allowed(ctx.client):
        return _start_again(ctx, _("Too many wrong codes from this device. Wait ten minutes and try again."), 429)
    data = ctx.web.store.load(ctx.field("code"))
    if data is None:
        ctx.web.attempts.failed(ctx.client)
        return _start_again(ctx, _("That code is not known here, or it has expired (codes last {0} days). Check "
                                   "it and try again.").format(RESUME_DAYS))  # fmt: skip
    return _resume(ctx, data, _("the saved answers"))


@endpoint(JOINED)
async def resume_from_file(ctx: Ctx) -> Response:
    """Continue from an answers file sent from this device."""
    upload = ctx.form.get("answers") if ctx.form is not None else None
    if not isinstance(upload, UploadFile):
        return _start_again(ctx, _("Choose an answers file first."))
    data = await upload.read(MAX_FILE_BYTES + 1)
    ctx.ui()
    return _resume(ctx, data, _("the file sent"))


def _resume(ctx: Ctx, data: bytes, source: str) -> Response:
    try:
        saved = parse_answers(data, source)
    except AnswersError as exc:
        return _start_again(ctx, str(exc))
    resumed = resumable(saved, ctx.web.kit)
    _start(ctx, resumed.answers)
    if resumed.unknown:
        ctx.session.say(_("Left out (not questions of this kit): {0}").format(", ".join(resumed.unknown)))
    if resumed.unreadable:
        ctx.session.say(_("Asked again (the saved answer cannot be used): {0}").format(", ".join(resumed.unreadable)))
    ctx.session.say(_("Welcome back: we continue where you stopped."))
    return redirect("/question")


def _start(ctx: Ctx, answers: Mapping[str, Any]) -> None:
    ctx.web.sessions.start(ctx.session, dict(answers))


def _start_again(ctx: Ctx, error: str, status: int = 400) -> Response:
    return ctx.page("start.html", status=status, languages=interface_languages(), error=error)


ROUTES = [
    Route("/save", save, methods=["POST"]),
    Route("/answers", download_answers),
    Route("/resume", resume_by_code, methods=["POST"]),
    Route("/upload", resume_from_file, methods=["POST"]),
]
