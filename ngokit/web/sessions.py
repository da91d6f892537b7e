"""Each person's session: a random cookie, a CSRF token, the interview, and the kit built.

Sessions live in memory. In a workshop, each network's session also lives in its own folder
of the workshop's (``network-07/``): the answers as they go (``answers.yaml``, which
``ngokit new --resume`` reads) and where the interview stands (``session.json``, which keeps
only a digest of the cookie), so that a server restart loses nothing.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ngokit.files import write_atomically
from ngokit.kit import Kit
from ngokit.questions.answers import load_answers, plain_values
from ngokit.questions.interview import Interview
from ngokit.web.config import digest
from ngokit.web.guard import new_token
from ngokit.yamltext import dump_yaml

IDLE_SECONDS = 24 * 3600
"""A session nobody has used for this long is forgotten (outside a workshop, with its kit)."""
MAX_SESSIONS = 5000
ANSWERS, STATE = "answers.yaml", "session.json"


@dataclass
class WebSession:
    """One person in one browser: what they answered, where they are, what was built."""

    key: str  # the digest of the cookie's value
    csrf: str = field(default_factory=new_token)
    ui_language: str | None = None
    joined: bool = False
    facilitator: bool = False
    interview: Interview | None = None
    changing: str | None = None  # the question being changed from the review
    notes: list[str] = field(default_factory=list)  # said once, on the next page
    previous: dict[str, Any] = field(default_factory=dict)  # answers Back went past, offered again
    folder: Path | None = None  # a workshop network's folder, or a private one for the kit
    number: int = 0  # the network's number in a workshop (its row in the report)
    kit: dict[str, Any] = field(default_factory=dict)  # the built kit: name, documents, answers
    seen: float = field(default_factory=time.monotonic)

    def say(self, text: str) -> None:
        """Keep a sentence to show on the next page."""
        self.notes.append(text)

    def take_notes(self) -> list[str]:
        """Return the sentences to show, once."""
        notes, self.notes = self.notes, []
        return notes

    @property
    def built(self) -> bool:
        """Return True when the kit built matches the answers as they are now."""
        return bool(self.kit) and self.interview is not None and self.kit.get("answers") == _answers_of(self)


class Sessions:
    """Every session, by the digest of its cookie."""

    def __init__(self, kit: Kit, workshop: Path | None = None) -> None:
        self.kit = kit
        self.workshop = workshop
        self._by_key: dict[str, WebSession] = {}
        if workshop is not None:
            for folder in sorted(workshop.glob("network-*")):
                with contextlib.suppress(OSError, ValueError, KeyError):
                    session = _restore(folder, kit)
                    self._by_key[session.key] = session

    def find(self, cookie: str | None) -> WebSession | None:
        """Return the session of a cookie, or None."""
        session = self._by_key.get(digest(cookie)) if cookie else None
        if session is not None:
            session.seen = time.monotonic()
        return session

    def new(self) -> tuple[str, WebSession]:
        """Return a new session and the cookie value that names it."""
        self._forget_idle()
        cookie = new_token()
        session = WebSession(digest(cookie))
        self._by_key[session.key] = session
        return cookie, session

    def networks(self) -> list[WebSession]:
        """Return the workshop's networks, in the order they joined."""
        return sorted((s for s in self._by_key.values() if s.number), key=lambda s: s.number)

    def start(self, session: WebSession, answers: dict[str, Any] | None = None) -> None:
        """Start the interview (with saved answers to resume from); in a workshop, give the
        network its folder."""
        session.interview = Interview(self.kit, dict(answers or {}))
        session.changing, session.kit = None, {}
        if self.workshop is not None and not session.number:
            session.number, session.folder = _new_network_folder(self.workshop)
        self.keep(session)

    def keep(self, session: WebSession) -> None:
        """Write a workshop network's answers and state to its folder (nothing outside a workshop)."""
        if self.workshop is None or session.folder is None or session.interview is None:
            return
        interview = session.interview
        write_atomically(session.folder / ANSWERS, dump_yaml(plain_values(interview.values)).encode("utf-8"))
        state = {"key": session.key, "csrf": session.csrf, "ui_language": session.ui_language,
                 "number": session.number, "path": interview.path, "history": interview.history,
                 "presets": sorted(interview.presets), "changing": session.changing, "kit": session.kit}  # fmt: skip
        write_atomically(session.folder / STATE, json.dumps(state, default=str).encode("utf-8"))

    def close(self) -> None:
        """Remove the private folders of kits built outside a workshop."""
        for session in self._by_key.values():
            _remove_private(session, self.workshop)

    def _forget_idle(self) -> None:
        idle = time.monotonic() - IDLE_SECONDS
        old = [s for s in self._by_key.values() if s.seen < idle and not s.number]
        if len(self._by_key) >= MAX_SESSIONS:  # still too many: the least recently seen go first
            old = sorted((s for s in self._by_key.values() if not s.number), key=lambda s: s.seen)[: len(old) + 100]
        for session in old:
            _remove_private(session, self.workshop)
            self._by_key.pop(session.key, None)


def _answers_of(session: WebSession) -> str:
    assert session.interview is not None
    return dump_yaml(plain_values(session.interview.raw()))


def answers_yaml(session: WebSession) -> str:
    """Return the session's answers as the YAML that ``ngokit new --resume`` reads (optional
    questions left blank are ``null``, so that resuming does not ask them again)."""
    assert session.interview is not None
    return dump_yaml(plain_values(session.interview.values))


def mark_built(session: WebSession, name: str, documents: list[str]) -> None:
    """Record the kit built from the answers as they are now."""
    session.kit = {"name": name, "documents": documents, "answers": _answers_of(session)}


def _new_network_folder(workshop: Path) -> tuple[int, Path]:
    """Return the next network number and its new folder (made here: two sessions never share one)."""
    number = len(list(workshop.glob("network-*"))) + 1
    while True:
        folder = workshop / f"network-{number:02d}"
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            number += 1
            continue
        return number, folder


def _restore(folder: Path, kit: Kit) -> WebSession:
    state = json.loads((folder / STATE).read_text(encoding="utf-8"))
    interview = Interview(kit, load_answers(folder / ANSWERS), path=state["path"], history=list(state["history"]),
                          presets=set(state["presets"]))  # fmt: skip
    interview.next_question()  # reads the saved answers back into their types
    return WebSession(key=state["key"], csrf=state["csrf"], ui_language=state["ui_language"], joined=True,
                      interview=interview, changing=state["changing"], folder=folder, number=state["number"],
                      kit=state["kit"] or {})  # fmt: skip


def _remove_private(session: WebSession, workshop: Path | None) -> None:
    if workshop is None and session.folder is not None:
        shutil.rmtree(session.folder, ignore_errors=True)  # the private temporary folder made for this kit
        session.folder = None
