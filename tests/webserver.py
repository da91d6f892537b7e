"""A real ngokit web server for the tests: uvicorn in a thread on 127.0.0.1 and a free port,
and a small client that answers its forms the way a browser without JavaScript would."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import uvicorn

from ngokit.web import ServerConfig, create_app


@dataclass
class Running:
    """A server that runs: its address and its application (whose state the tests can read)."""

    url: str
    app: object

    @property
    def web(self):  # type: ignore[no-untyped-def]
        return self.app.state.web  # type: ignore[attr-defined]


@contextlib.contextmanager
def running_server(config: ServerConfig) -> Iterator[Running]:
    """Run the app for ``config`` on 127.0.0.1 (whatever host the config names, which only
    decides whether a join code is required); stop it at the end."""
    app = create_app(config)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", http="h11", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    try:
        yield Running(f"http://127.0.0.1:{port}", app)
    finally:
        server.should_exit = True
        thread.join(timeout=60)
        sock.close()


CSRF = re.compile(r'name="csrf" value="([^"]+)"')
NAME = re.compile(r'name="name" value="([^"]+)"')


class Visitor:
    """One browser without JavaScript: it keeps its cookies and posts forms with their token."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, follow_redirects=True, timeout=120)
        self.page = self.client.get("/")

    @property
    def csrf(self) -> str:
        found = CSRF.search(self.page.text)
        assert found, self.page.text[:500]
        return found.group(1)

    def post(self, path: str, **fields: str) -> httpx.Response:
        self.page = self.client.post(path, data={"csrf": self.csrf, **fields})
        return self.page

    def get(self, path: str) -> httpx.Response:
        self.page = self.client.get(path)
        return self.page

    @property
    def question(self) -> str | None:
        """Return the name of the question on the page, or None (not a question page)."""
        found = NAME.search(self.page.text)
        return found.group(1) if found else None

    def answer(self, value: str | list[str] = "") -> httpx.Response:
        name = self.question
        assert name, self.page.text[:500]
        return self.post("/question", name=name, value=value)  # type: ignore[arg-type]

    def answer_all(self, given: dict[str, str]) -> httpx.Response:
        """Answer every question the interview asks (those not in ``given`` take their default)."""
        for _ in range(200):
            name = self.question
            if name is None:
                return self.page
            self.answer(given.get(name, ""))
            assert self.page.status_code == 200, (name, self.page.text[:2000])
        raise AssertionError("the interview did not end")

    def close(self) -> None:
        self.client.close()


def documents_built_from(answers_text: str) -> list[str]:
    """Return the documents that ``ngokit build`` makes from a kit's answers.yaml: what a kit
    made on the web must hold."""
    import tempfile
    from pathlib import Path

    from ngokit import BuildOptions, build_kit

    with tempfile.TemporaryDirectory() as folder:
        answers = Path(folder) / "answers.yaml"
        answers.write_text(answers_text, encoding="utf-8")
        built = build_kit(answers, BuildOptions(out=Path(folder) / "out"))
        return sorted(p.name for p in built.path.glob("*.docx"))
