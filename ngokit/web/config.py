"""How a server runs: where it listens, whether it is a workshop, where resume codes are kept,
and the random codes that let people in."""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
from dataclasses import dataclass
from pathlib import Path

from ngokit.files import cache_folder

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
"""Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L): 5 bits each."""
RESUME_DAYS = 7
MAX_BODY_BYTES = 1024 * 1024 + 64 * 1024
"""The largest request read: an answers file (at most 1 MB) and the form around it."""


@dataclass(frozen=True)
class ServerConfig:
    """What ``ngokit serve`` was asked for."""

    host: str = "127.0.0.1"
    port: int = 8000
    workshop: Path | None = None
    language: str = "en"  # the interface language until a person chooses theirs
    store: Path | None = None  # where resume codes are kept; see resume_folder()
    join_code: str | None = None  # when people beyond this computer may connect

    @property
    def join_required(self) -> bool:
        """Return True when a join code guards the interview: a workshop, or beyond localhost."""
        return self.workshop is not None or not is_loopback(self.host)

    def resume_folder(self) -> Path:
        """Return where resume codes are kept: in the workshop's folder, else a private cache."""
        if self.store is not None:
            return self.store
        if self.workshop is not None:
            return self.workshop / ".ngokit-resume"
        return cache_folder() / "resume"


def is_loopback(host: str) -> bool:
    """Return True when ``host`` is this computer only (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_code(length: int) -> str:
    """Return a random code of ``length`` characters, in groups of four: ``K7QD-M3XA``."""
    text = "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
    return "-".join(text[i : i + 4] for i in range(0, length, 4))


def plain_code(typed: str) -> str:
    """Return a code as typed, without spaces, dashes or case (``k7qd m3xa`` → ``K7QDM3XA``)."""
    return "".join(c for c in typed.upper() if c.isalnum())[:64]


def same_code(typed: str, code: str | None) -> bool:
    """Return True when what was typed is the code (compared in constant time)."""
    return code is not None and secrets.compare_digest(plain_code(typed).encode(), plain_code(code).encode())


def digest(secret: str) -> str:
    """Return the SHA-256 of a secret: what is kept on disk instead of the secret itself."""
    return hashlib.sha256(secret.encode()).hexdigest()
