"""`ngokit questions`: the questionnaire as a printable form (Markdown) or a CSV table."""

from __future__ import annotations

import csv
import io

from ngokit.questions.questionnaire import Question, Questionnaire


def questionnaire_markdown(questionnaire: Questionnaire) -> str:
    """Return the questionnaire as a Markdown form with help, choices and defaults."""
    lines = ["# Questions for your network's governance kit", ""]
    for number, section in enumerate(questionnaire.sections, start=1):
        lines += [f"## {number}. {section.title}", ""]
        for question in section.questions:
            lines += _question_lines(question)
    return "\n".join(lines)


def _question_lines(question: Question) -> list[str]:
    lines = [f"**{question.prompt}** (`{question.name}`)", "", f"_{question.help}_", ""]
    if question.when is not None:
        lines += [f"Only when: `{question.when.source}`", ""]
    lines += [f"- [ ] {c.label} (`{c.value}`)" for c in question.choices]
    if question.default is not None and not question.choices:
        lines += [f"Default: {question.default}"]
    lines += ["", "Answer: ____________________________", ""]
    return lines


def questionnaire_csv(questionnaire: Questionnaire) -> str:
    """Return one CSV row per question: name, section, type, prompt, help, choices, default, when."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", "section", "type", "prompt", "help", "choices", "default", "when"])
    for q in questionnaire:
        writer.writerow([q.name, q.section, q.type, q.prompt, q.help, " | ".join(q.choice_values),
                         "" if q.default is None else q.default, q.when.source if q.when else ""])  # fmt: skip
    return buffer.getvalue()
