"""A question as a form field, and what was posted as the answer to give the interview.

The field is plain data for the template: its kind (a text box, radios, checkboxes, a list),
the words around it and what it holds now. Reading a posted answer only gathers what was
typed or ticked: the interview reads it, by the same rule as the terminal wizard and
answers files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ngokit import locales
from ngokit.i18n import _
from ngokit.questions.interview import Interview
from ngokit.questions.questionnaire import Question

TEXT, RADIOS, CHECKBOXES, SELECT = "text", "radios", "checkboxes", "select"
INPUT_MODES = {"integer": "numeric", "money": "decimal"}


@dataclass(frozen=True)
class Option:
    """One radio button, checkbox or list entry."""

    value: str
    label: str
    hint: str = ""
    chosen: bool = False


@dataclass(frozen=True)
class Field:
    """What the page shows for one question."""

    name: str
    kind: str
    prompt: str
    help: str
    value: str = ""  # what a text box holds
    options: tuple[Option, ...] = ()
    suggestions: tuple[str, ...] = ()  # offered under a text box; any other text is allowed
    prefix: str = ""  # the currency before an amount
    input_mode: str = "text"
    input_type: str = "text"
    optional: bool = False
    max_length: int = 200


def field_for(interview: Interview, question: Question, ui_language: str, typed: Any = None) -> Field:
    """Return the field for a question, holding what was typed (after an error) or the answer
    to offer (the current answer, else the default)."""
    current = interview.default(question) if typed is None else typed
    common: dict[str, Any] = {"name": question.name, "prompt": _(question.prompt), "help": _(question.help),
              "optional": not question.required}  # fmt: skip
    if question.type in ("choice", "yesno", "language", "month"):
        return Field(kind=SELECT if question.type == "month" else RADIOS,
                     options=_options(interview, question, ui_language, current), **common)  # fmt: skip
    if question.type == "multichoice":
        ticked = set(current or ()) if not isinstance(current, str) else {current}
        options = tuple(Option(c.value, _(c.label), _(c.help) if c.help else "", c.value in ticked)
                        for c in question.choices)  # fmt: skip
        return Field(kind=CHECKBOXES, options=options, **common)
    return Field(kind=TEXT, value=_as_text(question, current, ui_language),
                 suggestions=_suggestions(interview, question, ui_language),
                 prefix=str(interview.values.get("currency") or "") if question.type == "money" else "",
                 input_mode=INPUT_MODES.get(question.type, "text"),
                 input_type="date" if question.type == "date" else "text",
                 max_length=question.max_length if question.type == "text" else 64, **common)  # fmt: skip


def _options(interview: Interview, question: Question, ui_language: str, current: Any) -> tuple[Option, ...]:
    if question.type == "yesno":
        chosen = str(current).lower() if isinstance(current, str) else ("yes" if current else "no")
        return (Option("yes", _("yes"), chosen=chosen == "yes"), Option("no", _("no"), chosen=chosen == "no"))
    if question.type == "language":
        codes = [code for code in interview.languages if code != locales.PSEUDO_LOCALE]
        return tuple(Option(code, f"{locales.language_name(code, ui_language)} ({code})", chosen=code == current)
                     for code in codes)  # fmt: skip
    if question.type == "month":
        names = locales.month_names(ui_language)
        chosen = str(int(current)) if str(current or "").isdigit() else ""
        return tuple(Option(str(m), names[m], chosen=str(m) == chosen) for m in range(1, 13))
    return tuple(Option(c.value, _(c.label), _(c.help) if c.help else "", c.value == current)
                 for c in question.choices)  # fmt: skip


def _suggestions(interview: Interview, question: Question, ui_language: str) -> tuple[str, ...]:
    if question.type == "country":
        return tuple(sorted(locales.country_name(code, ui_language) for code in locales.country_codes()))
    return question.suggestions(interview.scope())


def _as_text(question: Question, value: Any, ui_language: str) -> str:
    """Return an answer as a text box shows it: a country by its name, an amount as digits."""
    if value is None:
        return ""
    if question.type == "country" and isinstance(value, str) and len(value) == 2 and value.isupper():
        return locales.country_name(value, ui_language)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def posted_answer(question: Question, form: Mapping[str, Any], ui_language: str) -> Any:
    """Return what was posted for a question, as the interview reads it: text as typed, the
    ticked values of checkboxes (none ticked is an answer), a country's name as its code."""
    if question.type == "multichoice":
        getlist = getattr(form, "getlist", None)
        return tuple(str(v) for v in (getlist("value") if getlist else form.get("value", ())))
    typed = form.get("value")
    text = typed if isinstance(typed, str) else ""
    if question.type == "country" and text.strip():
        return locales.find_country(text, ui_language) or text
    return text
