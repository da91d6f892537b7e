"""The web application: its routes, and the first page (the language, then start or continue)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ngokit.kit import Kit, load_kit
from ngokit.web import flow, kitpages, saving, workshop
from ngokit.web.builds import Builder
from ngokit.web.config import ServerConfig, is_loopback
from ngokit.web.guard import Guard
from ngokit.web.handling import LANGUAGE_COOKIE, Ctx, Web, endpoint, redirect
from ngokit.web.pages import HERE, interface_languages
from ngokit.web.saving import ResumeStore
from ngokit.web.sessions import Sessions


@endpoint()
async def start_page(ctx: Ctx) -> Response:
    """The first page: the language, then start, or continue with a code or a file."""
    return ctx.page("start.html", languages=interface_languages(), error="")


@endpoint()
async def choose_language(ctx: Ctx) -> Response:
    """Remember the interface language chosen (in the session and a cookie of its own)."""
    wanted = ctx.field("language")
    if wanted in dict(interface_languages()):
        ctx.session.ui_language = wanted
        ctx.web.sessions.keep(ctx.session)
    response = redirect(ctx.field("next") if ctx.field("next") in ("/", "/question", "/review") else "/")
    response.set_cookie(LANGUAGE_COOKIE, ctx.session.ui_language or "", max_age=365 * 24 * 3600, httponly=True)
    return response


@endpoint()
async def start_interview(ctx: Ctx) -> Response:
    """Start a new interview in this browser."""
    ctx.web.sessions.start(ctx.session)
    return redirect("/question")


def create_app(config: ServerConfig | None = None, kit: Kit | None = None) -> Starlette:
    """Return the web application for ``ngokit serve`` (also used by the tests)."""
    config = config or ServerConfig()
    kit = kit or load_kit()
    room = workshop.open_workshop(config) if config.join_required else None
    web = Web(config, kit, Sessions(kit, config.workshop), ResumeStore(config.resume_folder()), Builder(kit.path),
              workshop=room)  # fmt: skip

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        web.builder.warm_up()
        yield
        web.builder.close()
        web.sessions.close()

    routes = [
        Route("/", start_page),
        Route("/language", choose_language, methods=["POST"]),
        Route("/start", start_interview, methods=["POST"]),
        *flow.ROUTES,
        *kitpages.ROUTES,
        *saving.ROUTES,
        *workshop.ROUTES,
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    middleware=[Middleware(Guard, loopback_only=is_loopback(config.host))])  # fmt: skip
    app.state.web = web
    return app
