"""ngokit: a governance starter kit for peer-led networks of people who use drugs.

The public API is imported on first use, so that ``ngokit --help`` and the wizard's first
question appear without waiting for python-docx, cookiecutter and Babel.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "Answers": "ngokit.questions.answers",
    "dump_answers": "ngokit.questions.answers",
    "load_answers": "ngokit.questions.answers",
    "validate_answers": "ngokit.questions.answers",
    "BuildOptions": "ngokit.build",
    "BuiltKit": "ngokit.build",
    "build_kit": "ngokit.build",
    "AnswersError": "ngokit.errors",
    "NgokitError": "ngokit.errors",
    "Problem": "ngokit.errors",
    "Kit": "ngokit.kit",
    "load_kit": "ngokit.kit",
    "open_kit": "ngokit.kit",
    "Question": "ngokit.questions.questionnaire",
    "Questionnaire": "ngokit.questions.questionnaire",
    "load_questionnaire": "ngokit.questions.reading",
}

__all__ = ["__version__", *sorted(_API)]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'ngokit' has no attribute {name!r}")
