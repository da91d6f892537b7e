"""One person's session in a real terminal (tmux): from `ngokit new` to a built kit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from .test_wizard import questions_left

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("NGOKIT_REQUIRE_LIBREOFFICE"),
    reason="needs tmux",
)


def screen(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-S", "-300", "-t", session], capture_output=True, text=True,
                          check=False).stdout  # fmt: skip


def wait_for(session: str, text: str, timeout: float = 20, times: int = 1) -> str:
    """Wait until the text has appeared ``times`` times on the screen and its scrollback."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        shown = screen(session)
        if shown.count(text) >= times:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen shows:\n{screen(session)}")


def keys(session: str, *sent: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", session, *sent], check=True)


def test_a_person_answers_reviews_changes_one_answer_and_gets_a_kit(kit, tmp_path):
    session = f"ngokit-{uuid.uuid4().hex[:8]}"
    command = f"cd {tmp_path} && {sys.executable} -m ngokit new --out kits; echo EXIT=$?; sleep 60"
    env = {**os.environ, "TERM": os.environ.get("TERM") or "xterm-256color"}  # CI has no terminal
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "110", "-y", "40", command], check=True, env=env)
    try:
        wait_for(session, "full name of your network")
        keys(session, "Amani Network", "Enter")
        wait_for(session, "Short name")
        keys(session, "Enter")
        wait_for(session, "which country")
        keys(session, "Kenia", "Enter")  # a spelling the person might use
        wait_for(session, "which language")
        for _ in range(questions_left(kit, network_name="Amani Network", network_short_name=None, country="KE")):
            keys(session, "Enter")  # take every default until the review
            time.sleep(0.05)
        shown = wait_for(session, "What next?")
        assert "Review your answers" in shown
        assert "Kenya (KE)" in shown
        keys(session, "Down", "Enter")  # Change an answer
        wait_for(session, "Which answer do you want to change?")
        keys(session, *["Down"] * 8, "Enter")  # legal status, after name, short name, country, language, scope,
        # size, staff and shape
        wait_for(session, "legal status")
        keys(session, "Up", "Enter")  # registered
        wait_for(session, "Which legal form")
        keys(session, "Public Benefit Organisation", "Enter")
        wait_for(session, "What next?", times=2)  # the review again
        keys(session, "Enter")  # Build my kit
        done = wait_for(session, "EXIT=", timeout=60)
        assert "EXIT=0" in done
        assert "Your kit is ready" in done
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    kit = tmp_path / "kits" / "amani-network"
    assert (kit / "01-constitution.docx").is_file()
    saved = (tmp_path / "ngokit-answers.yaml").read_text(encoding="utf-8")
    assert "legal_status: registered" in saved and "country: KE" in saved
