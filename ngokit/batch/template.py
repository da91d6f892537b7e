"""The spreadsheet to hand out at a workshop: .xlsx with help notes, drop-down lists of the
words a person reads and an example sheet, or .csv whose example row is marked "(example)"
and never built."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ngokit.batch.sheets import EXAMPLE_MARK, SHEET_NAME
from ngokit.errors import NgokitError
from ngokit.files import describe_os_error, write_atomically
from ngokit.i18n import _
from ngokit.questions.questionnaire import Question, Questionnaire

DATA_ROWS = 500
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")


def write_template(path: Path, questionnaire: Questionnaire, *, replace: bool = False) -> None:
    """Write a spreadsheet to hand out (.xlsx with help notes and drop-downs, or .csv), atomically;
    raise NgokitError if it exists (unless ``replace``) or cannot be written."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        data = xlsx_template(questionnaire)
    elif suffix == ".csv":
        data = _csv_template(questionnaire)
    else:
        raise NgokitError(_("{0}: the template must be an .xlsx or a .csv file").format(path))
    try:
        write_atomically(path, data, replace=replace)
    except FileExistsError:
        raise NgokitError(_("{0} already exists; use --force to replace it").format(path)) from None
    except OSError as exc:
        raise NgokitError(_("cannot write {0}: {1}").format(path, describe_os_error(exc))) from exc


def example_row(questionnaire: Questionnaire) -> dict[str, Any]:
    """Return the example answers shown in a template (each question's example or default),
    choices in the words a person reads."""
    row = {}
    for question in questionnaire:
        value = question.example if question.example is not None else question.default
        labels = {c.value: c.label for c in question.choices}
        if isinstance(value, (list, tuple)):
            value = ", ".join(labels.get(str(v), str(v)) for v in value)
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        elif value is not None and question.choices:
            value = labels.get(str(value), value)
        row[question.name] = value
    return row


def _csv_template(questionnaire: Questionnaire) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(questionnaire.names)
    example = example_row(questionnaire)
    example["network_name"] = f"{EXAMPLE_MARK} {example.get('network_name') or ''}".strip()
    writer.writerow(["" if example[n] is None else example[n] for n in questionnaire.names])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_template(questionnaire: Questionnaire) -> bytes:
    """Return the workshop spreadsheet: a Networks sheet to fill, an Example and a Help sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    _headers(sheet, questionnaire)
    lists = book.create_sheet(_LISTS)
    lists.sheet_state = "hidden"
    _drop_downs(sheet, lists, questionnaire)
    example = book.create_sheet(_("Example"))
    _headers(example, questionnaire)
    row = example_row(questionnaire)
    for column, name in enumerate(questionnaire.names, start=1):
        example.cell(row=3, column=column, value=row[name])
    _help_sheet(book.create_sheet(_("Help")), questionnaire)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _headers(sheet: Any, questionnaire: Questionnaire) -> None:
    for column, question in enumerate(questionnaire, start=1):
        prompt = sheet.cell(row=1, column=column, value=question.prompt)
        prompt.font, prompt.fill = Font(bold=True), _HEADER_FILL
        prompt.alignment = Alignment(wrap_text=True, vertical="top")
        prompt.comment = Comment(_note(question), "ngokit", width=320, height=160)
        name = sheet.cell(row=2, column=column, value=question.name)
        name.font = Font(color="666666", size=8)
        sheet.column_dimensions[get_column_letter(column)].width = 24
    sheet.row_dimensions[1].height = 75
    sheet.freeze_panes = "B3"


def _note(question: Question) -> str:
    lines = [question.help]
    if question.when is not None:
        lines.append(_("Only when: {0}. Leave empty otherwise.").format(question.when.source))
    if question.choices:
        lines.append(_("One of: {0}").format("; ".join(c.label for c in question.choices)))
    if question.type == "multichoice":
        lines.append(_("Several allowed, separated by commas."))
    if question.type == "country":
        lines.append(_("The two-letter code (KE) or the name (Kenya)."))
    if not question.required or question.default is not None:
        lines.append(_("May stay empty (the default is used)."))
    return "\n".join(lines)


_LISTS = "Lists"


def _drop_downs(sheet: Any, lists: Any, questionnaire: Questionnaire) -> None:
    """Give each choice and yes/no column a drop-down of the words a person reads, kept on a
    hidden sheet (a label may hold a comma, which a list typed into the rule cannot)."""
    used = 0
    for column, question in enumerate(questionnaire, start=1):
        if question.type == "choice":
            words = [c.label for c in question.choices]
        elif question.type == "yesno":
            words = [_("yes"), _("no")]
        else:
            continue
        used += 1
        source = get_column_letter(used)
        for row, word in enumerate(words, start=1):
            lists.cell(row=row, column=used, value=word)
        rule = DataValidation(type="list", formula1=f"{_LISTS}!${source}$1:${source}${len(words)}", allow_blank=True)
        rule.error = _("Choose one of: {0}").format("; ".join(words))
        letter = get_column_letter(column)
        rule.add(f"{letter}3:{letter}{DATA_ROWS + 2}")
        sheet.add_data_validation(rule)


def _help_sheet(sheet: Any, questionnaire: Questionnaire) -> None:
    headers = (_("Column"), _("Question"), _("Why we ask"), _("Allowed values"), _("Only when"))
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for question in questionnaire:
        allowed = "; ".join(c.label for c in question.choices) or question.type
        sheet.append((question.name, question.prompt, question.help, allowed,
                      question.when.source if question.when else ""))  # fmt: skip
    for letter, width in zip("ABCDE", (26, 50, 70, 40, 40), strict=False):
        sheet.column_dimensions[letter].width = width
