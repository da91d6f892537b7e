"""The end of the interview: build the kit, then a page to download it (a zip, each
document, PDFs when LibreOffice is here) with the choices at a glance."""

from __future__ import annotations

import asyncio
from pathlib import Path

from starlette.responses import FileResponse, Response
from starlette.routing import Route

from ngokit.i18n import _
from ngokit.output.pdf import find_soffice
from ngokit.web.builds import PDF_FOLDER, private_folder
from ngokit.web.flow import review_sections
from ngokit.web.handling import INTERVIEW, Ctx, endpoint, redirect
from ngokit.web.sessions import mark_built

_building: dict[str, asyncio.Lock] = {}  # one build at a time for each session


@endpoint(INTERVIEW)
async def build(ctx: Ctx) -> Response:
    """Build the kit from the answers reviewed (only once nothing is left to fix)."""
    session = ctx.session
    interview = session.interview
    assert interview is not None
    if interview.next_question() is not None or interview.problems():
        return redirect("/review")
    lock = _building.setdefault(session.key, asyncio.Lock())
    async with lock:  # a second press of Build waits for the first build
        if not session.built:
            session.folder = session.folder or private_folder()
            made = await ctx.web.builder.build(interview.raw(), session.folder, session.kit.get("name", ""))
            ctx.ui()  # the language again: other pages ran while the kit was built
            if made.error:
                return ctx.problem(500, _("The kit could not be built: {0}").format(made.error))
            mark_built(session, made.name, list(made.documents))
            ctx.web.sessions.keep(session)
    return redirect("/kit")


@endpoint(INTERVIEW)
async def kit_page(ctx: Ctx) -> Response:
    """Show the downloads of the kit built and the choices at a glance."""
    if not ctx.session.built:
        return redirect("/review")
    return ctx.page("kit.html", name=ctx.session.kit["name"], documents=ctx.session.kit["documents"],
                    pdf=find_soffice() is not None, sections=review_sections(ctx))  # fmt: skip


@endpoint(INTERVIEW)
async def download(ctx: Ctx) -> Response:
    """Send the kit's zip or one of its documents, by a name from the kit's own list."""
    file, folder = ctx.request.path_params["file"], _built_folder(ctx)
    if folder is None:
        return redirect("/review")
    name = ctx.session.kit["name"]
    if file == f"{name}.zip":
        return FileResponse(folder / file, filename=file, media_type="application/zip")
    if file in ctx.session.kit["documents"] or file == "answers.yaml":
        return FileResponse(folder / name / file, filename=file, media_type=_media_type(file))
    return ctx.problem(404, _("There is no such file in your kit."))


@endpoint(INTERVIEW)
async def download_pdf(ctx: Ctx) -> Response:
    """Make the kit's PDFs with LibreOffice (once) and send one."""
    file, folder = ctx.request.path_params["file"], _built_folder(ctx)
    if folder is None:
        return redirect("/review")
    documents = tuple(ctx.session.kit["documents"])
    wanted = next((d for d in documents if Path(d).stem + ".pdf" == file), None)
    if wanted is None or find_soffice() is None:
        return ctx.problem(404, _("There is no such file in your kit."))
    error = await ctx.web.builder.pdfs(folder, ctx.session.kit["name"], documents)
    ctx.ui()
    if error:
        return ctx.problem(500, error)
    return FileResponse(folder / PDF_FOLDER / file, filename=file, media_type="application/pdf")


def _built_folder(ctx: Ctx) -> Path | None:
    """Return the folder of the session's kit, or None while it has none built."""
    return ctx.session.folder if ctx.session.built else None


def _media_type(file: str) -> str:
    if file.endswith(".docx"):
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return "application/yaml"


ROUTES = [
    Route("/build", build, methods=["POST"]),
    Route("/kit", kit_page),
    Route("/kit/file/{file}", download),
    Route("/kit/pdf/{file}", download_pdf),
]
