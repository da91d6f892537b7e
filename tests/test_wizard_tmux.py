"""One person's session in a real terminal (tmux): from `ngokit new` to a built kit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

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


def test_a_person_takes_the_quick_path_goes_back_once_and_gets_a_kit_on_a_narrow_screen(kit, tmp_path):
    session = f"ngokit-{uuid.uuid4().hex[:8]}"
    command = f"cd {tmp_path} && {sys.executable} -m ngokit new --out kits; echo EXIT=$?; sleep 60"
    env = {**os.environ, "TERM": os.environ.get("TERM") or "xterm-256color"}  # CI has no terminal
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "60", "-y", "32", command], check=True, env=env)
    try:
        wait_for(session, "full name of your network?")  # wrapped at a word, never "networ / k"
        keys(session, "Amani Network", "Enter")
        wait_for(session, "Short name")
        keys(session, "Enter")
        wait_for(session, "which country")
        keys(session, "Kenia", "Enter")  # a spelling the person might use
        wait_for(session, "How do you want to answer?")
        keys(session, "Enter")  # the quick path
        wait_for(session, "legal status")
        keys(session, "Enter")  # planning to register...
        wait_for(session, "Which legal form")
        time.sleep(0.3)
        keys(session, "Escape")  # ... no: back
        wait_for(session, "legal status", times=2)
        keys(session, "Up", "Enter")  # registered
        wait_for(session, "Which legal form", times=2)
        keys(session, "Public Benefit Organisation", "Enter")
        remaining = len(questions_asked_after(kit, "legal_form"))
        for _ in range(remaining):
            keys(session, "Enter")  # take every default until the review
            time.sleep(0.1)
        shown = wait_for(session, "What next?")
        assert "Review your answers" in shown
        keys(session, "Enter")  # Build my kit
        done = wait_for(session, "EXIT=", timeout=60)
        assert "EXIT=0" in done, done
        assert "Your kit is ready" in done
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    for line in done.splitlines():
        assert len(line) <= 60
    kit_folder = tmp_path / "kits" / "amani-network"
    assert (kit_folder / "01-constitution.docx").is_file()
    saved = (tmp_path / "ngokit-answers.yaml").read_text(encoding="utf-8")
    assert "legal_status: registered" in saved and "country: KE" in saved and "kit_shape: starter" in saved


def questions_asked_after(kit, name: str) -> list[str]:
    """Return the questions the quick path asks after ``name`` for the registered Kenyan network."""
    from ngokit.questions.interview import Interview

    interview = Interview(kit, {"network_name": "Amani Network", "network_short_name": None, "country": "KE",
                                "legal_status": "registered"}, path="quick")  # fmt: skip
    asked, question = [], interview.next_question()
    while question is not None:
        if question.name != name:
            asked.append(question.name)
        interview.answer(question, interview.check(question, interview.default(question)))
        question = interview.next_question()
    return asked
