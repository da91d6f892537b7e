"""The interview's pages: one question at a time, back, the review, and changing an answer.

The interview (``ngokit.questions.interview``) decides which question comes next, reads
what was typed and finds the problems across answers, as it does for the terminal wizard;
these pages only show its questions and post the answers back.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from ngokit.display import for_terminal
from ngokit.i18n import _
from ngokit.locales import country_name
from ngokit.questions.interview import PATH, Interview
from ngokit.questions.questionnaire import Question
from ngokit.web.forms import field_for, posted_answer
from ngokit.web.handling import INTERVIEW, Ctx, endpoint, redirect


def _interview(ctx: Ctx) -> Interview:
    assert ctx.session.interview is not None  # the INTERVIEW gate sees to it
    return ctx.session.interview


def _current(ctx: Ctx) -> Question | None:
    """Return the question to show: the one being changed, else the next one the interview asks."""
    interview = _interview(ctx)
    if ctx.session.changing:
        return interview.kit.questionnaire[ctx.session.changing]
    return interview.next_question()


@endpoint(INTERVIEW)
async def question_page(ctx: Ctx) -> Response:
    """Show the question the interview asks now (none left: the review)."""
    question = _current(ctx)
    if question is None:
        return redirect("/review")
    return _question(ctx, question)


def _question(ctx: Ctx, question: Question, error: str = "", typed: Any = None) -> Response:
    interview = _interview(ctx)
    if typed is None and ctx.session.previous.get(question.name) is not None:
        typed = ctx.session.previous[question.name]
    number, count, section = interview.progress(question)
    field = field_for(interview, question, ctx.ui_language, typed)
    first = not interview.history and not ctx.session.changing
    progress = _("{0} of {1}: {2}").format(number, count, _(section.title))
    return ctx.page("question.html", status=400 if error else 200, field=field, error=error, first=first,
                    progress=progress, changing=bool(ctx.session.changing))  # fmt: skip


@endpoint(INTERVIEW)
async def answer_question(ctx: Ctx) -> Response:
    """Read the answer posted (or go back); on a problem, show the question again with it."""
    interview, question = _interview(ctx), _current(ctx)
    if ctx.field("action") == "back":
        return _back(ctx)
    if question is None:
        return redirect("/review")
    if ctx.field("name") != question.name:  # a page from before: show the question asked now
        ctx.session.say(_("That page was out of date, so nothing was changed. Here is the question now."))
        return redirect("/question")
    typed = posted_answer(question, ctx.form or {}, ctx.ui_language)
    try:
        answer = interview.check(question, typed)
    except ValueError as exc:
        shown = for_terminal(ctx.field("value")) if question.type != "multichoice" else typed  # controls as codes
        return _question(ctx, question, str(exc), typed=shown)
    interview.answer(question, answer)
    ctx.session.previous.pop(question.name, None)
    _say_what_was_read(ctx, question, answer)
    ctx.session.changing = None
    ctx.web.sessions.keep(ctx.session)
    return redirect("/question")


def _say_what_was_read(ctx: Ctx, question: Question, answer: Any) -> None:
    """Say back how an answer was read when that is worth saying: "UAH 5 000" → UAH 5,000."""
    reading = _interview(ctx).last_reading
    typed = ctx.field("value").strip()
    if reading is not None and question.type != "country":
        ctx.session.say(f"“{reading.typed}” → {reading.understood}")
    elif question.type == "country" and typed and typed.upper() != answer:
        ctx.session.say(f"“{typed}” → {country_name(answer, ctx.ui_language)} ({answer})")


def _back(ctx: Ctx) -> Response:
    if ctx.session.changing:  # back from a change: to the review, nothing changed
        ctx.session.changing = None
        return redirect("/review")
    interview = _interview(ctx)
    if interview.history:  # offer the answer gone back past, so that Back loses nothing typed
        name = interview.history[-1]
        ctx.session.previous[name] = interview.path if name == PATH else interview.values.get(name)
    if not interview.back():
        return redirect("/")
    ctx.web.sessions.keep(ctx.session)
    return redirect("/question")


@endpoint(INTERVIEW)
async def review_page(ctx: Ctx) -> Response:
    """Show every answer by section, what the checks across answers found, and Build once
    nothing is left to fix."""
    interview = _interview(ctx)
    ctx.session.changing = None
    if interview.next_question() is not None:
        return redirect("/question")
    problems = [(f"/change/{p.field.split(', ')[0]}", p.message) for p in interview.problems()]
    return ctx.page("review.html", sections=review_sections(ctx), problems=bool(problems), problems_links=problems)


def review_sections(ctx: Ctx) -> list[tuple[str, list[tuple[str, str, str, bool]]]]:
    """Return the answers as (section title, [(name, prompt, answer as read, preset)])."""
    interview = _interview(ctx)
    sections: list[tuple[str, list[tuple[str, str, str, bool]]]] = []
    for section, question, value in interview.asked():
        if not sections or sections[-1][0] != _(section.title):
            sections.append((_(section.title), []))
        shown = interview.shown(question, value, ctx.ui_language)
        sections[-1][1].append((question.name, _(question.prompt), shown, question.name in interview.presets))
    return sections


@endpoint(INTERVIEW)
async def change_page(ctx: Ctx) -> Response:
    """Ask one answer of the review again; after it, back to the review."""
    name = ctx.request.path_params["name"]
    if name not in {question.name for _s, question, _v in _interview(ctx).asked()}:
        return redirect("/review")
    ctx.session.changing = name
    return _question(ctx, _interview(ctx).kit.questionnaire[name])


ROUTES = [
    Route("/question", question_page),
    Route("/question", answer_question, methods=["POST"]),
    Route("/review", review_page),
    Route("/change/{name}", change_page),
]
