"""`ngokit check`: validate an answers file against a kit."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ngokit.answers import Answers, load_answers
from ngokit.kit import load_kit


def check_answers(path: Path, template: str | None = None) -> Answers:
    """Return the validated answers of a file, or raise AnswersError listing every problem."""
    work = Path(tempfile.mkdtemp(prefix="ngokit-check-"))
    try:
        kit = load_kit(template, work)
        return kit.validate(load_answers(path), path.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
