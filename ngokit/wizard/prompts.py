"""One question on the terminal, by its type: the prompts the wizard shows (questionary).

Every prompt takes Esc for "back to the previous question". Text and number boxes start
empty, with the default shown greyed beside the cursor (Enter takes it); yes/no needs Enter
too, so a key pressed too soon never answers the next question. Prompts are wrapped at word
boundaries to the terminal's width.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice

from ngokit.i18n import _
from ngokit.questions.interview import Interview
from ngokit.questions.questionnaire import Question

BACK = "\0back"
"""What a prompt returns when the person presses Esc: go back to the previous question."""


def width() -> int:
    """Return the width to wrap text at: the terminal's, within 40 to 110 columns."""
    return max(40, min(shutil.get_terminal_size((100, 30)).columns, 110) - 2)


def note(text: str, style: str = "fg:ansibrightblack") -> None:
    """Print a note under a question, wrapped to the terminal at word boundaries."""
    questionary.print(textwrap.fill(text, width(), initial_indent="  ", subsequent_indent="  "), style=style)


def wrapped(text: str) -> str:
    """Return a prompt wrapped at word boundaries, leaving room for the "? " before it, with
    the answer on a line of its own (an answer that followed the prompt would be cut mid-word
    on a narrow screen)."""
    return textwrap.fill(text, width() - 4, subsequent_indent="  ") + "\n "


def ask(prompt: Any, first: bool = False) -> Any:
    """Return the answer to a questionary prompt, or BACK when the person presses Esc."""
    if not first:
        keys = KeyBindings()
        keys.add("escape", eager=True)(lambda event: event.app.exit(result=BACK))
        prompt.application.key_bindings = merge_key_bindings([prompt.application.key_bindings, keys])
    return prompt.unsafe_ask()


class Prompts:
    """Shows the questions the interview decides on, in the interface language."""

    def __init__(self, interview: Interview, ui_language: str) -> None:
        self.interview = interview
        self.ui_language = ui_language

    def ask(self, question: Question, first: bool = False) -> Any:
        """Return the checked answer to a question, or BACK."""
        note(_(question.help))
        asker = _ASKERS.get(question.type, Prompts._text)
        return asker(self, question, first)

    def message(self, question: Question) -> str:
        text = _(question.prompt)
        if question.type == "money":
            text += f" ({self.interview.values.get('currency', '')})"
        if not question.required:
            text += " " + _("(optional)")
        return wrapped(text)

    def validator(self, question: Question) -> Callable[[str], bool | str]:
        def validate(text: str) -> bool | str:
            try:
                self.interview.check(question, text)
            except ValueError as exc:
                return str(exc)
            return True

        return validate

    def _text(self, question: Question, first: bool) -> Any:
        default = self.interview.default(question)
        shown = FormattedText([("fg:ansibrightblack", _("{0} (Enter to keep)").format(default))]) if default else None
        suggestions = question.suggestions(self.interview.scope())
        options: dict[str, Any] = {"validate": self.validator(question), "placeholder": shown}
        if suggestions:
            note(_("Suggestions (Tab to choose, or type your own): {0}").format("; ".join(suggestions)))
            prompt = questionary.autocomplete(self.message(question), choices=list(suggestions), **options)
        else:
            prompt = questionary.text(self.message(question), instruction=None if first else _("(Esc: back)"),
                                      **options)  # fmt: skip
        typed = ask(prompt, first)
        if typed == BACK:
            return BACK
        answer = self.interview.check(question, typed)
        if self.interview.last_reading is not None:
            note("→ " + self.interview.last_reading.understood)
        return answer

    def _yesno(self, question: Question, first: bool) -> Any:
        default = bool(self.interview.default(question))
        prompt = questionary.confirm(self.message(question), default=default, auto_enter=False,
                                     instruction=_("(y/n, Enter) "))  # fmt: skip
        return ask(prompt, first)

    def _choice(self, question: Question, first: bool) -> Any:
        default = self.interview.default(question)
        choices = [Choice(_(c.label), c.value) for c in question.choices]
        prompt = questionary.select(self.message(question), choices=choices, instruction=_("(Esc: back)"),
                                    default=default if default in question.choice_values else None)  # fmt: skip
        return ask(prompt, first)

    def _multichoice(self, question: Question, first: bool) -> Any:
        default = self.interview.default(question) or ()
        choices = [Choice(_(c.label), c.value, checked=c.value in default) for c in question.choices]
        prompt = questionary.checkbox(self.message(question), choices=choices,
                                      instruction=_("(Space to tick, Enter when done, Esc: back)"))  # fmt: skip
        picked = ask(prompt, first)
        if picked == BACK:
            return BACK
        labels = {c.value: _(c.label) for c in question.choices}
        note("→ " + (", ".join(labels[v] for v in picked) or _("none")))
        return tuple(picked)

    def _country(self, question: Question, first: bool) -> Any:
        from ngokit.locales import countries_named, country_codes, country_name, country_near, find_country

        names = sorted(country_name(code, self.ui_language) for code in country_codes())
        default = self.interview.default(question)

        def validate(text: str) -> bool | str:
            if find_country(text, self.ui_language) or countries_named(text):
                return True
            near = country_near(text) if text.strip() else None
            hint = _(" (did you mean {0}?)").format(country_name(near, self.ui_language)) if near else ""
            return _("Type the country's name (for example Kenya) or its two-letter code") + hint

        shown = FormattedText([("fg:ansibrightblack", country_name(default, self.ui_language))]) if default else None
        typed = ask(questionary.autocomplete(self.message(question), choices=names, validate=validate,
                                             placeholder=shown), first)  # fmt: skip
        if typed == BACK:
            return BACK
        code = find_country(typed, self.ui_language) or (default if not typed.strip() else None)
        if code is None:  # a name several countries go by: asked back, never guessed
            options = [Choice(f"{country_name(c, self.ui_language)} ({c})", c) for c in countries_named(typed)]
            code = ask(questionary.select(_("Which one do you mean?"), choices=options), first=True)
        note(f"→ {country_name(code, self.ui_language)} ({code})")
        return code

    def _language(self, question: Question, first: bool) -> Any:
        from ngokit.locales import PSEUDO_LOCALE, language_name

        default = self.interview.default(question)
        codes = [lang for lang in self.interview.languages if lang != PSEUDO_LOCALE]
        choices = [Choice(f"{language_name(code, self.ui_language)} ({code})", code) for code in codes]
        prompt = questionary.select(self.message(question), choices=choices, instruction=_("(Esc: back)"),
                                    default=default if default in codes else None)  # fmt: skip
        return ask(prompt, first)

    def _month(self, question: Question, first: bool) -> Any:
        from ngokit.locales import month_names

        names = month_names(self.ui_language)
        default = self.interview.default(question)
        choices = [Choice(names[m], m) for m in range(1, 13)]
        chosen = next((c for c in choices if default and c.value == int(default)), None)
        prompt = questionary.select(self.message(question), choices=choices, default=chosen,
                                    instruction=_("(Esc: back)"))  # fmt: skip
        return ask(prompt, first)


_ASKERS: dict[str, Callable[[Prompts, Question, bool], Any]] = {
    "yesno": Prompts._yesno,
    "choice": Prompts._choice,
    "multichoice": Prompts._multichoice,
    "country": Prompts._country,
    "language": Prompts._language,
    "month": Prompts._month,
}
