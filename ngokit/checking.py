"""`ngokit check`: validate an answers file against a kit."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ngokit.answers import Answers, load_answers, validate_answers
from ngokit.kit import load_kit


def check_answers(path: Path, template: str | None = None) -> Answers:
    """Return the validated answers of a file, or raise AnswersError listing every problem."""
    work = Path(tempfile.mkdtemp(prefix="ngokit-check-"))
    try:
        kit = load_kit(template, work)
        return validate_answers(load_answers(path), kit.questionnaire, languages=kit.languages,
                                source=path.name, country_facts=kit.country_facts)  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
