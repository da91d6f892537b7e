"""What every page goes through: the session found or started, the form read within bounds
and its CSRF token checked, people who have not joined kept out, the interface language set.

Every page runs on the server's one event loop, and nothing between reading a request and
answering it waits on anything else, so the interface language (a setting of the process,
``ngokit.i18n``) is set for each request and holds for all of it. Kits are built in worker
processes (``builds``); a page that waits for one sets the language again after it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ngokit.i18n import _, set_ui_language
from ngokit.kit import Kit
from ngokit.web.config import MAX_BODY_BYTES, ServerConfig
from ngokit.web.guard import Attempts, TooLarge, same_token
from ngokit.web.pages import interface_languages, render_page
from ngokit.web.sessions import Sessions, WebSession

if TYPE_CHECKING:
    from ngokit.web.builds import Builder
    from ngokit.web.saving import ResumeStore
    from ngokit.web.workshop import Workshop

COOKIE, LANGUAGE_COOKIE = "ngokit_session", "ngokit_lang"
MultiPartParser.spool_max_size = MAX_BODY_BYTES + 1  # an uploaded answers file stays in memory, never on disk
OPEN, JOINED, INTERVIEW, FACILITATOR = "open", "joined", "interview", "facilitator"


@dataclass
class Web:
    """What every page needs: the server's settings, the kit, the sessions and the stores."""

    config: ServerConfig
    kit: Kit
    sessions: Sessions
    store: ResumeStore
    builder: Builder
    workshop: Workshop | None = None
    attempts: Attempts = field(default_factory=Attempts)


@dataclass
class Ctx:
    """One request: the person's session, what they posted, and how to answer them."""

    request: Request
    web: Web
    session: WebSession
    form: FormData | None = None

    @property
    def ui_language(self) -> str:
        return self.session.ui_language or self.web.config.language

    @property
    def client(self) -> str:
        return self.request.client.host if self.request.client else "?"

    def ui(self) -> None:
        """Set the interface language for what follows (again after any wait)."""
        set_ui_language(self.ui_language)

    def field(self, name: str) -> str:
        """Return a posted text field ('' when missing)."""
        value = self.form.get(name) if self.form is not None else None
        return value if isinstance(value, str) else ""

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        """Return a page, with the notes kept for it and a fresh CSRF token in its forms."""
        context.setdefault("notes", self.session.take_notes())
        html = render_page(template, self.ui_language, csrf=self.session.csrf, session=self.session,
                           join_required=self.web.config.join_required, **context)  # fmt: skip
        return HTMLResponse(html, status_code=status)

    def problem(self, status: int, message: str) -> HTMLResponse:
        """Return a page that says what went wrong and where to go on."""
        return self.page("problem.html", status=status, message=message)


Handler = Callable[[Ctx], Awaitable[Response]]


def endpoint(gate: str = JOINED) -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Wrap a page: find or start the session, read and check the form (size, CSRF token),
    keep out who has not joined, set the language; set the cookie and forbid caching."""

    def wrap(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def handle(request: Request) -> Response:
            web: Web = request.app.state.web
            session, cookie = _session(request, web)
            ctx = Ctx(request, web, session)
            try:
                response = await _checked(ctx, handler, gate)
            finally:
                if ctx.form is not None:
                    await ctx.form.close()  # an upload's spooled file
            if cookie:
                response.set_cookie(COOKIE, cookie, httponly=True, samesite="lax")
            response.headers["cache-control"] = "no-store"
            return response

        return handle

    return wrap


def _session(request: Request, web: Web) -> tuple[WebSession, str | None]:
    session = web.sessions.find(request.cookies.get(COOKIE))
    if session is not None:
        return session, None
    cookie, session = web.sessions.new()
    wanted = request.cookies.get(LANGUAGE_COOKIE, "")
    session.ui_language = wanted if wanted in dict(interface_languages()) else None
    return session, cookie


async def _checked(ctx: Ctx, handler: Handler, gate: str) -> Response:
    if ctx.request.method == "POST":
        try:
            ctx.form = await ctx.request.form(max_files=1, max_fields=200, max_part_size=MAX_BODY_BYTES)
        except TooLarge:
            ctx.ui()
            return ctx.problem(413, _("What was sent is too large. An answer takes a few words; an answers file a "
                                      "few kilobytes."))  # fmt: skip
        except MultiPartException:
            ctx.ui()
            return ctx.problem(400, _("The form could not be read. Please try again."))
        ctx.ui()
        if not same_token(ctx.form.get("csrf"), ctx.session.csrf):
            return ctx.problem(403, _("This form is out of date or did not come from this page, so nothing was "
                                      "changed. Go back to the start page and try again."))  # fmt: skip
    ctx.ui()
    config = ctx.web.config
    if gate in (JOINED, INTERVIEW) and config.join_required and not ctx.session.joined:
        return RedirectResponse("/join", status_code=303)
    if gate == INTERVIEW and ctx.session.interview is None:
        return RedirectResponse("/", status_code=303)
    if gate == FACILITATOR and not ctx.session.facilitator:
        return RedirectResponse("/facilitator", status_code=303)
    return await handler(ctx)


def redirect(url: str) -> Response:
    """Return a redirect after a form (303: the browser follows it with GET)."""
    return RedirectResponse(url, status_code=303)
