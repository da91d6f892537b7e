"""Workshop mode (``--workshop DIR``) and the join code that guards a server beyond localhost.

Participants join with the room's join code (typed, or in the QR code's link on the
facilitator's screen); each network's answers and kit live in a folder of ``DIR`` of their
own. The facilitator's page, behind a code of its own, lists every network with its progress
and problems, and gives all kits as one zip with the ``batch-report.csv`` batch mode writes.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from starlette.responses import Response
from starlette.routing import Route

from ngokit.batch.plan import BUILT, INVALID, NOT_BUILT
from ngokit.batch.run import REPORT_NAME, RowResult, write_report
from ngokit.files import write_atomically
from ngokit.i18n import _
from ngokit.web.config import ServerConfig, new_code, same_code
from ngokit.web.handling import FACILITATOR, OPEN, Ctx, endpoint, redirect
from ngokit.web.sessions import WebSession

CODES_FILE = ".ngokit-workshop.json"


@dataclass(frozen=True)
class Workshop:
    """The room's codes, and its folder (None: a server beyond localhost that is no workshop)."""

    join_code: str
    facilitator_code: str = ""
    folder: Path | None = None


def open_workshop(config: ServerConfig) -> Workshop:
    """Return the workshop's codes: kept in its folder, so that a restart keeps the same join
    code (and QR code); made new outside a workshop unless the config gives one."""
    if config.workshop is None:
        return Workshop(config.join_code or new_code(6))
    config.workshop.mkdir(parents=True, exist_ok=True)
    path = config.workshop / CODES_FILE
    if path.is_file():
        codes = json.loads(path.read_text(encoding="utf-8"))
    else:
        codes = {"join": config.join_code or new_code(6), "facilitator": new_code(12)}
        write_atomically(path, json.dumps(codes).encode("utf-8"))
        os.chmod(path, 0o600)
    return Workshop(codes["join"], codes["facilitator"], config.workshop)


def _room(ctx: Ctx) -> Workshop:
    assert ctx.web.workshop is not None  # these pages exist only when a join code is required
    return ctx.web.workshop


@endpoint(OPEN)
async def join_page(ctx: Ctx) -> Response:
    """Ask for the join code (a QR code's link gives it already)."""
    if ctx.web.workshop is None or ctx.session.joined:
        return redirect("/")
    code = ctx.request.query_params.get("code", "")
    return _join(ctx, code) if code else ctx.page("join.html", error="")


@endpoint(OPEN)
async def join(ctx: Ctx) -> Response:
    """Let this browser in when the join code is right."""
    if ctx.web.workshop is None:
        return redirect("/")
    return _join(ctx, ctx.field("code"))


def _join(ctx: Ctx, code: str) -> Response:
    if not ctx.web.attempts.allowed(ctx.client):
        return ctx.page("join.html", status=429, error=_("Too many wrong codes from this device. Wait ten minutes "
                                                         "and try again."))  # fmt: skip
    if not same_code(code, _room(ctx).join_code):
        ctx.web.attempts.failed(ctx.client)
        return ctx.page("join.html", status=403, error=_("That is not the join code. Check it on the "
                                                         "facilitator's screen and try again."))  # fmt: skip
    ctx.session.joined = True
    return redirect("/")


@endpoint(OPEN)
async def facilitator_page(ctx: Ctx) -> Response:
    """The facilitator's page: every network, its progress and problems; the join code as text
    and as a QR code. Asks for the facilitator's code first."""
    room = ctx.web.workshop
    if room is None or not room.facilitator_code:
        return ctx.problem(404, _("This server is not running a workshop."))
    if not ctx.session.facilitator:
        return ctx.page("facilitator_login.html", error="")
    url = f"{_public_base(ctx)}join?code={room.join_code}"
    return ctx.page("facilitator.html", join_code=room.join_code, join_url=url, qr=_qr_svg(url),
                    networks=[_row(ctx, s) for s in ctx.web.sessions.networks()])  # fmt: skip


@endpoint(OPEN)
async def facilitator_login(ctx: Ctx) -> Response:
    """Let the facilitator in when their code is right."""
    room = ctx.web.workshop
    if room is None or not room.facilitator_code:
        return redirect("/")
    if not ctx.web.attempts.allowed(ctx.client):
        return ctx.page("facilitator_login.html", status=429, error=_("Too many wrong codes from this device. Wait "
                                                                      "ten minutes and try again."))  # fmt: skip
    if not same_code(ctx.field("code"), room.facilitator_code):
        ctx.web.attempts.failed(ctx.client)
        return ctx.page("facilitator_login.html", status=403, error=_("That is not the facilitator's code. It was "
                                                                      "printed where the server started."))  # fmt: skip
    ctx.session.facilitator = ctx.session.joined = True
    return redirect("/facilitator")


@endpoint(FACILITATOR)
async def report(ctx: Ctx) -> Response:
    """Send batch-report.csv: one row per network, as batch mode writes it."""
    path = _write_report(ctx)
    return Response(path.read_bytes(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{REPORT_NAME}"'})  # fmt: skip


@endpoint(FACILITATOR)
async def all_kits(ctx: Ctx) -> Response:
    """Send every kit built, one folder per network, with the report, as one zip."""
    room = _room(ctx)
    assert room.folder is not None
    report_path = _write_report(ctx)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(report_path, REPORT_NAME)
        for session in ctx.web.sessions.networks():
            if session.built and session.folder is not None:
                kit = session.folder / session.kit["name"]
                for file in sorted(p for p in kit.rglob("*") if p.is_file()):
                    archive.write(file, f"{session.folder.name}/{session.kit['name']}/{file.relative_to(kit)}")
    headers = {"content-disposition": 'attachment; filename="workshop-kits.zip"'}
    return Response(buffer.getvalue(), media_type="application/zip", headers=headers)


def _row(ctx: Ctx, session: WebSession) -> RowResult:
    """Return a network's line: its number, name, status, kit folder and what is left to fix."""
    interview = session.interview
    name = str(interview.values.get("network_name") or "") if interview else ""
    result = RowResult(session.number, name)
    if interview is None:
        return result
    if session.built and session.folder is not None:
        result.status, result.kit_path = BUILT, f"{session.folder.name}/{session.kit['name']}"
        return result
    result.errors = [str(p) for p in interview.problems()]
    question = interview.next_question() if not session.changing else None
    if question is not None:
        number, count, section = interview.progress(question)
        result.notes = [_("{0} of {1}: {2}").format(number, count, _(section.title))]
    else:
        result.notes = [_("Review your answers")]
    result.status = INVALID if result.errors else NOT_BUILT
    return result


def _write_report(ctx: Ctx) -> Path:
    room = _room(ctx)
    assert room.folder is not None
    path = room.folder / REPORT_NAME
    write_report([_row(ctx, s) for s in ctx.web.sessions.networks()], path)
    return path


def _public_base(ctx: Ctx) -> str:
    """Return the address participants open: the one the facilitator's browser used, unless
    that is this computer's own (127.0.0.1) and the server listens on the room's network."""
    from ngokit.web.config import is_loopback

    base = str(ctx.request.base_url)
    host = ctx.web.config.host
    if is_loopback(ctx.request.url.hostname or "") and not is_loopback(host) and host not in ("0.0.0.0", "::"):
        return f"http://{host}:{ctx.web.config.port}/"
    return base


def _qr_svg(url: str) -> str:
    """Return the QR code of a link as SVG markup (made here from the link, never from answers)."""
    import segno

    return str(
        segno.make(url, error="m").svg_inline(
            scale=5, dark="#000", light="#fff", omitsize=True, title=_("QR code to join")
        )
    )


ROUTES = [
    Route("/join", join_page),
    Route("/join", join, methods=["POST"]),
    Route("/facilitator", facilitator_page),
    Route("/facilitator", facilitator_login, methods=["POST"]),
    Route("/facilitator/batch-report.csv", report),
    Route("/facilitator/kits.zip", all_kits),
]
