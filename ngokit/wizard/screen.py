"""`ngokit new`: the interactive wizard.

It shows the questions the interview decides on, section by section, with help, defaults
and checks as the person types, Esc to go back; then a review where any answer can be
changed and the checks across answers are shown; then builds. Answers are never lost:
Ctrl-C or an error offers to save them, and ``--resume`` continues.
"""

from __future__ import annotations

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
from ngokit.wizard.prompts import BACK, Prompts, ask, note
from ngokit.wizard.review import display, pages, review_lines
from ngokit.wizard.saved import AnswersFile

BUILD, CHANGE, SAVE, MORE, REVIEW = "build", "change", "save", "more", "review"


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
    """What the person sees: progress, the questions, the review and the change list."""

    def __init__(self, interview: Interview, ui_language: str) -> None:
        self.interview = interview
        self.ui_language = ui_language
        self.prompts = Prompts(interview, ui_language)
        self._section = ""

    def intro(self, resumed: bool) -> None:
        questionary.print(_("ngokit: a governance starter kit for your network"), style="bold")
        lines = (_("Welcome back: we continue where you stopped.") if resumed else
                 _("Answer the questions; each one says why we ask. Press Esc to go back to the question "
                   "before. Nothing is written until you review your answers and choose to build. Press "
                   "Ctrl-C at any time to stop and save your answers."))  # fmt: skip
        note(lines)
        questionary.print(_("We never ask for anyone's name, address or drug use."), style="italic")

    def ask_pending(self) -> None:
        """Ask every question that still needs an answer; Esc goes back one question."""
        question = self.interview.next_question()
        while question is not None:
            self._progress(question)
            answer = self.prompts.ask(question, first=not self.interview.history)
            if answer == BACK:
                self.interview.back()
            else:
                self.interview.answer(question, answer)
            question = self.interview.next_question()

    def review(self) -> str:
        """Show the answers a page at a time with what the checks found; return the choice."""
        sheets = pages(review_lines(self.interview, self.ui_language))
        page = 0
        while True:
            self._show_page(sheets, page)
            choice = ask(questionary.select(_("What next?"), choices=self._menu(sheets, page)), first=True)
            if choice != MORE:
                return str(choice)
            page = (page + 1) % len(sheets)

    def _show_page(self, sheets: list[list[tuple[str, str]]], page: int) -> None:
        questionary.print("")
        title = _("Review your answers")
        if len(sheets) > 1:
            title += " " + _("(page {0} of {1})").format(page + 1, len(sheets))
        questionary.print(title, style="bold underline")
        for style, line in sheets[page]:
            questionary.print(line, style=style)
        for problem in self.interview.problems():
            note(_("To fix: {0}").format(problem), style="fg:ansired")

    def _menu(self, sheets: list[list[tuple[str, str]]], page: int) -> list[Choice]:
        problems = self.interview.problems()
        choices = [] if problems else [Choice(_("Build my kit"), BUILD)]
        choices.append(Choice(_("Change an answer"), CHANGE))
        if len(sheets) > 1:
            choices.append(Choice(_("Show more answers (page {0} of {1})").format((page + 1) % len(sheets) + 1,
                                                                                 len(sheets)), MORE))  # fmt: skip
        choices.append(Choice(_("Save my answers and stop (continue later with --resume)"), SAVE))
        return choices

    def change_one(self) -> None:
        """Let the person pick an answer to change and answer it again; back to the review on Esc
        or Ctrl-C."""
        choices = [Choice(_("← Back to the review"), REVIEW)]
        for _section, question, value in self.interview.asked():
            shown = display(self.interview, question, value, self.ui_language)
            choices.append(Choice(_fit_choice(_(question.prompt), shown), question.name))
        try:
            name = ask(questionary.select(_("Which answer do you want to change?"), choices=choices,
                                          use_search_filter=False))  # fmt: skip
        except KeyboardInterrupt:
            return
        if name in (REVIEW, BACK):
            return
        question = self.interview.kit.questionnaire[name]
        answer = self.prompts.ask(question)
        if answer != BACK:
            self.interview.answer(question, answer)

    def _progress(self, question: Question) -> None:
        if question.section == self._section:
            return
        self._section = question.section
        number, count, section = self.interview.progress(question)
        questionary.print("")
        questionary.print(_("{0} of {1}: {2}").format(number, count, _(section.title)), style="bold fg:ansicyan")


def _fit_choice(prompt: str, shown: str) -> str:
    """Return a line of the change list that fits the terminal, the answer kept visible."""
    from ngokit.wizard.prompts import width

    room = width() - 6 - len(shown)
    if len(prompt) > room:
        prompt = prompt[: max(room - 1, 10)].rstrip() + "…"
    return f"{prompt}  [{shown}]"
