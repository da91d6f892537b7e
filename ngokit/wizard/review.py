"""The review: every answer on one screen at a time, as the person reads it, and what the
checks across answers found.

Answers are grouped by section, one line each, cut to the terminal's width; when they do
not fit the screen, the review shows them a page at a time. Presets of the quick path are
marked as such, ticked choices are named, amounts carry their currency.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

from ngokit.i18n import _
from ngokit.questions.interview import Interview
from ngokit.questions.questionnaire import Question


def display(interview: Interview, question: Question, value: Any, ui_language: str) -> str:
    """Return an answer as the person reads it: labels, yes/no, amounts with currency."""
    return interview.shown(question, value, ui_language)


def review_lines(interview: Interview, ui_language: str) -> list[tuple[str, str]]:
    """Return the review as (style, text) lines: section titles, then one answer a line."""
    columns = shutil.get_terminal_size((100, 30)).columns - 1
    lines: list[tuple[str, str]] = []
    section = ""
    for current, question, value in interview.asked():
        if current.title != section:
            section = current.title
            lines.append(("bold", _(section)))
        shown = _("(blank)") if value is None else display(interview, question, value, ui_language)
        if question.name in interview.presets:
            shown += " " + _("(preset)")
        lines += [("", line) for line in _fit(_(question.prompt), shown, columns)]
    return lines


def pages(lines: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Return the review cut into pages that fit the screen, with room for the menu below."""
    rows = max(8, shutil.get_terminal_size((100, 30)).lines - 10)
    return [lines[i : i + rows] for i in range(0, len(lines), rows)] or [[]]


def _fit(prompt: str, answer: str, columns: int) -> list[str]:
    """Return an answer's review line, fitted to the width: the question cut short when it must
    be (it is only a reminder), the answer whole, on a line of its own when it is long."""
    line = f"  {prompt}  → {answer}"
    if len(line) <= columns:
        return [line]
    room = columns - len(answer) - 7
    if room >= 16:
        return [f"  {prompt[:room].rstrip()}…  → {answer}"]
    cut = prompt if len(prompt) <= columns - 3 else prompt[: columns - 4].rstrip() + "…"
    return [f"  {cut}"] + textwrap.wrap(answer, columns - 6, initial_indent="    → ", subsequent_indent="      ")
