"""`ngokit new`: the interactive wizard (the only module that imports questionary).

It shows the questions of the kit's questionnaire section by section, with help, defaults
and checks as the person types; then a review where any answer can be changed; then builds.
Answers are never lost: Ctrl-C or an error offers to save them, and ``--resume`` continues.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice

from ngokit.display import for_terminal
from ngokit.i18n import _
from ngokit.kit import Kit
from ngokit.questions.interview import Interview
from ngokit.questions.questionnaire import Question
from ngokit.wizard.saved import AnswersFile

BUILD, CHANGE, SAVE = "build", "change", "save"


@dataclass
class WizardResult:
    """How the wizard ended: answers to build from, or answers saved for later."""

    answers: dict[str, Any]
    build: bool
    saved_to: Path | None = None


def run_wizard(kit: Kit, save_to: Path | AnswersFile, resume: dict[str, Any] | None = None,
               ui_language: str = "en") -> WizardResult:  # fmt: skip
    """Ask the questions, then the review; return the answers (and whether to build)."""
    store = save_to if isinstance(save_to, AnswersFile) else AnswersFile(save_to)
    interview = Interview(kit, dict(resume or {}))
    screen = _Screen(interview, ui_language)
    try:
        screen.intro(resumed=bool(resume))
        screen.ask_pending()
        choice = screen.review()
        while choice == CHANGE:
            screen.change_one()
            screen.ask_pending()
            choice = screen.review()
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, or the input closed
        return _save_after_interrupt(interview, store)
    if choice == SAVE:
        return WizardResult(interview.raw(), build=False, saved_to=keep_answers(interview.values, store))
    return WizardResult(interview.raw(), build=True)


def keep_answers(answers: dict[str, Any], store: AnswersFile) -> Path | None:
    """Save the answers and return the file; if that fails, show them on the screen so that
    nothing typed is lost, and return None.

    Optional questions left blank are written as ``null``, so that resuming does not ask
    them again.
    """
    try:
        return store.save(answers)
    except OSError as exc:
        from ngokit.questions.answers import plain_values
        from ngokit.yamltext import dump_yaml

        questionary.print(_("Your answers could not be saved in {0} ({1}). Here they are: copy them into a "
                            "file to continue later with --resume.").format(store.path, exc.strerror or exc),
                          style="bold")  # fmt: skip
        questionary.print(for_terminal(dump_yaml(plain_values(answers)), keep_line_breaks=True))
        return None


def confirm(message: str, default: bool = True) -> bool:
    """Ask a yes/no question (for the CLI's decisions after the wizard)."""
    return bool(questionary.confirm(message, default=default).unsafe_ask())


def _save_after_interrupt(interview: Interview, store: AnswersFile) -> WizardResult:
    try:
        keep = questionary.confirm(
            _("Stopped. Save your answers so far, to continue later?"), default=True
        ).unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        keep = True  # a second Ctrl-C: never lose answers
    saved = keep_answers(interview.values, store) if keep else None
    return WizardResult(interview.raw(), build=False, saved_to=saved)


class _Screen:
    """What the person sees: progress, help, prompts, the review."""

    def __init__(self, interview: Interview, ui_language: str) -> None:
        self.interview = interview
        self.ui_language = ui_language
        self._section = ""

    def intro(self, resumed: bool) -> None:
        questionary.print(_("ngokit: a governance starter kit for your network"), style="bold")
        lines = (_("Welcome back: we continue where you stopped.") if resumed else
                 _("Answer the questions; each one says why we ask. Nothing is written until you "
                   "review your answers and choose to build. Press Ctrl-C at any time to stop and "
                   "save your answers."))  # fmt: skip
        _note(lines)
        questionary.print(_("We never ask for anyone's name, address or drug use."), style="italic")

    def ask_pending(self) -> None:
        question = self.interview.next_question()
        while question is not None:
            self._progress(question)
            self.interview.answer(question, self.ask(question))
            question = self.interview.next_question()

    def ask(self, question: Question) -> Any:
        """Show one question with its help; return the checked answer."""
        _note(_(question.help))
        ask = _ASKERS.get(question.type, _ask_text)
        return ask(self, question)

    def review(self) -> str:
        questionary.print("")
        questionary.print(_("Review your answers"), style="bold underline")
        section = ""
        for current, question, value in self.interview.asked():
            if current.title != section:
                section = current.title
                questionary.print(_(section), style="bold")
            questionary.print(f"  {_(question.prompt)}  ", style="fg:ansibrightblack", end="")
            questionary.print(self.display(question, value))
        return questionary.select(
            _("What next?"),
            choices=[
                Choice(_("Build my kit"), BUILD),
                Choice(_("Change an answer"), CHANGE),
                Choice(_("Save my answers and stop (continue later with --resume)"), SAVE),
            ],  # fmt: skip
        ).unsafe_ask()

    def change_one(self) -> None:
        choices = [Choice(f"{_(q.prompt)}  [{self.display(q, v)}]", q.name) for _s, q, v in self.interview.asked()]
        name = questionary.select(_("Which answer do you want to change?"), choices=choices,
                                  use_search_filter=False).unsafe_ask()  # fmt: skip
        question = self.interview.kit.questionnaire[name]
        self.interview.answer(question, self.ask(question))

    def display(self, question: Question, value: Any) -> str:
        """Return an answer as the person reads it: labels, yes/no, amounts with currency."""
        if value is None:
            return _("(left blank: the documents show a blank to fill)")
        if question.type == "yesno":
            return _("yes") if value else _("no")
        labels = {c.value: _(c.label) for c in question.choices}
        if question.type == "choice":
            return labels.get(value, str(value))
        if question.type == "multichoice":
            return ", ".join(labels.get(v, v) for v in value) or _("none")
        if question.type == "country":
            from ngokit.locales import country_name

            return f"{country_name(value, self.ui_language)} ({value})"
        if question.type == "money":
            from ngokit.locales import format_money

            return format_money(value, self.interview.values.get("currency") or "USD", self.ui_language)
        if question.type == "month":
            from ngokit.locales import month_name

            return month_name(int(value), self.ui_language)
        return str(value)

    def validator(self, question: Question) -> Callable[[str], bool | str]:
        def validate(text: str) -> bool | str:
            try:
                self.interview.check(question, text)
            except ValueError as exc:
                return str(exc)
            return True

        return validate

    def _progress(self, question: Question) -> None:
        sections = self.interview.kit.questionnaire.sections
        if question.section == self._section:
            return
        self._section = question.section
        number = next(i for i, s in enumerate(sections, start=1) if s.id == question.section)
        title = sections[number - 1].title
        questionary.print("")
        questionary.print(_("{0} of {1}: {2}").format(number, len(sections), _(title)), style="bold fg:ansicyan")


def _note(text: str) -> None:
    """Print a grey note under a question, wrapped to the terminal at word boundaries."""
    import shutil
    import textwrap

    width = max(40, min(shutil.get_terminal_size((100, 30)).columns, 110) - 2)
    questionary.print(
        textwrap.fill(text, width, initial_indent="  ", subsequent_indent="  "), style="fg:ansibrightblack"
    )


def _prompt(screen: _Screen, question: Question) -> str:
    text = _(question.prompt)
    if question.type == "money":
        text += f" ({screen.interview.values.get('currency', '')})"
    if not question.required:
        text += " " + _("(optional)")
    return text


def _ask_text(screen: _Screen, question: Question) -> Any:
    default = screen.interview.default(question)
    shown = "" if default is None else str(default)
    suggestions = question.suggestions(screen.interview.scope())
    validate = screen.validator(question)
    if suggestions:
        _note(_("Suggestions (Tab to choose, or type your own): {0}").format("; ".join(suggestions)))
        asked = questionary.autocomplete(_prompt(screen, question), choices=list(suggestions), default=shown,
                                         validate=validate)  # fmt: skip
    else:
        asked = questionary.text(_prompt(screen, question), default=shown, validate=validate)
    return screen.interview.check(question, asked.unsafe_ask())


def _ask_yesno(screen: _Screen, question: Question) -> Any:
    default = screen.interview.default(question)
    return bool(questionary.confirm(_prompt(screen, question), default=bool(default)).unsafe_ask())


def _ask_choice(screen: _Screen, question: Question) -> Any:
    default = screen.interview.default(question)
    choices = [Choice(_(c.label), c.value) for c in question.choices]
    return questionary.select(_prompt(screen, question), choices=choices,
                              default=default if default in question.choice_values else None).unsafe_ask()  # fmt: skip


def _ask_multichoice(screen: _Screen, question: Question) -> Any:
    default = screen.interview.default(question) or ()
    choices = [Choice(_(c.label), c.value, checked=c.value in default) for c in question.choices]
    picked = questionary.checkbox(_prompt(screen, question), choices=choices,
                                  instruction=_("(space to tick, enter when done)")).unsafe_ask()  # fmt: skip
    return tuple(picked)


def _ask_country(screen: _Screen, question: Question) -> Any:
    from ngokit.locales import country_codes, country_name, find_country

    names = sorted(country_name(code, screen.ui_language) for code in country_codes())
    default = screen.interview.default(question)
    shown = country_name(default, screen.ui_language) if default else ""

    def validate(text: str) -> bool | str:
        found = find_country(text, screen.ui_language) if text.strip() else None
        return True if found else _("Type the country's name (for example Kenya) or its two-letter code")

    typed = questionary.autocomplete(_prompt(screen, question), choices=names, default=shown,
                                     validate=validate).unsafe_ask()  # fmt: skip
    code = find_country(typed, screen.ui_language)
    assert code is not None  # the validator above lets through only text it finds
    _note(f"→ {country_name(code, screen.ui_language)} ({code})")
    return code


def _ask_language(screen: _Screen, question: Question) -> Any:
    from ngokit.locales import PSEUDO_LOCALE, language_name

    default = screen.interview.default(question)
    choices = []
    for code in (lang for lang in screen.interview.languages if lang != PSEUDO_LOCALE):
        name = language_name(code, screen.ui_language)
        choices.append(Choice(f"{name} ({code})", code))
    offered = [c.value for c in choices]
    return questionary.select(
        _prompt(screen, question), choices=choices, default=default if default in offered else None
    ).unsafe_ask()


def _ask_month(screen: _Screen, question: Question) -> Any:
    from ngokit.locales import month_names

    names = month_names(screen.ui_language)
    default = screen.interview.default(question)
    choices = [Choice(names[m], m) for m in range(1, 13)]
    chosen = next((c for c in choices if default and c.value == int(default)), None)
    return questionary.select(_prompt(screen, question), choices=choices, default=chosen).unsafe_ask()


_ASKERS: dict[str, Callable[[_Screen, Question], Any]] = {
    "yesno": _ask_yesno,
    "choice": _ask_choice,
    "multichoice": _ask_multichoice,
    "country": _ask_country,
    "language": _ask_language,
    "month": _ask_month,
}
