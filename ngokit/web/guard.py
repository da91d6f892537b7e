"""The safety rules every request meets: security headers, a bounded body, a CSRF token on
every form, known host names on this computer, and a limit on wrong guesses of a code."""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ngokit.web.config import MAX_BODY_BYTES

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]  # fmt: skip
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


class TooLarge(Exception):
    """Raised while reading a request body that is larger than the server reads."""


class Guard:
    """ASGI middleware: adds the security headers, refuses bodies over MAX_BODY_BYTES (413), and,
    on a server bound to this computer, refuses other host names (a defence against DNS
    rebinding: a web page elsewhere cannot reach the server through a name it controls)."""

    def __init__(self, app: ASGIApp, loopback_only: bool) -> None:
        self.app = app
        self.loopback_only = loopback_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if self.loopback_only and _host_name(headers.get(b"host", b"")) not in LOOPBACK_HOSTS:
            await _plain(send, 400, b"Unknown host name; open this page as http://127.0.0.1")
            return
        if _declared_length(headers.get(b"content-length", b"0")) > MAX_BODY_BYTES:
            await _plain(send, 413, b"The request is too large.")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, _bounded(receive), send_with_headers)


def _declared_length(value: bytes) -> int:
    """Return the body's declared length; one that is not a number counts as too large."""
    return int(value) if value.strip().isdigit() else (0 if not value.strip() else MAX_BODY_BYTES + 1)


def _host_name(host: bytes) -> str:
    text = host.decode("latin-1").lower()
    return text.rsplit(":", 1)[0] if not text.endswith("]") else text


def _bounded(receive: Receive) -> Receive:
    """Return ``receive`` that raises TooLarge once the body passes MAX_BODY_BYTES (a body sent
    in chunks gives no length in advance)."""
    seen = 0

    async def read() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > MAX_BODY_BYTES:
            raise TooLarge
        return message

    return read


async def _plain(send: Send, status: int, text: bytes) -> None:
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]}  # fmt: skip
    await send(start)
    await send({"type": "http.response.body", "body": text})


def new_token() -> str:
    """Return a random token for a session id or a CSRF token (256 bits)."""
    return secrets.token_urlsafe(32)


def same_token(sent: object, expected: str) -> bool:
    """Return True when a form's CSRF token is the session's (compared in constant time)."""
    return isinstance(sent, str) and secrets.compare_digest(sent.encode(), expected.encode())


class Attempts:
    """Wrong guesses of a code, per client: at most ``limit`` in ``window`` seconds."""

    def __init__(self, limit: int = 10, window: float = 600.0) -> None:
        self.limit, self.window = limit, window
        self._wrong: dict[str, deque[float]] = {}

    def allowed(self, client: str) -> bool:
        """Return True while the client may try again."""
        wrong = self._wrong.get(client)
        now = time.monotonic()
        while wrong and wrong[0] < now - self.window:
            wrong.popleft()
        return not wrong or len(wrong) < self.limit

    def failed(self, client: str) -> None:
        """Count a wrong guess."""
        if len(self._wrong) > 10_000:  # many clients: forget the oldest rather than grow
            self._wrong.pop(next(iter(self._wrong)))
        self._wrong.setdefault(client, deque()).append(time.monotonic())
