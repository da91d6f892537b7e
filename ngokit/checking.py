"""`ngokit check`: validate an answers file against a kit."""

from __future__ import annotations

from pathlib import Path

from ngokit.kit import open_kit
from ngokit.questions.answers import Answers, load_answers


def check_answers(path: Path, template: str | None = None) -> Answers:
    """Return the validated answers of a file, or raise AnswersError listing every problem."""
    with open_kit(template) as kit:
        return kit.validate(load_answers(path), path.name)
