"""ngokit: a governance starter kit for peer-led networks of people who use drugs."""

from __future__ import annotations

__version__ = "0.1.0"

from ngokit.answers import Answers, dump_answers, load_answers, validate_answers  # noqa: E402
from ngokit.build import BuildOptions, BuiltKit, build_kit  # noqa: E402
from ngokit.errors import AnswersError, NgokitError, Problem  # noqa: E402
from ngokit.kit import Kit, load_kit  # noqa: E402
from ngokit.questionnaire import Question, Questionnaire, load_questionnaire  # noqa: E402

__all__ = [
    "Answers",
    "AnswersError",
    "BuildOptions",
    "BuiltKit",
    "Kit",
    "NgokitError",
    "Problem",
    "Question",
    "Questionnaire",
    "__version__",
    "build_kit",
    "dump_answers",
    "load_answers",
    "load_kit",
    "load_questionnaire",
    "validate_answers",
]
