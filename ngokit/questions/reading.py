"""Reading ``questions.yaml``: every field checked as it loads, every problem named at once.

A kit made by someone else may have a typo in its questionnaire. Each problem is reported
with the file, the question (or section) and the field, in one error, never as a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ngokit.errors import KitError
from ngokit.files import private_cache
from ngokit.questions.questionnaire import (
    QUESTION_TYPES,
    Check,
    Choice,
    Expression,
    Question,
    Questionnaire,
    Section,
)
from ngokit.yamltext import YAMLError, load_yaml

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_EXPRESSIONS = ("default_from", "when", "suggestions_from")
_QUESTION_KEYS = frozenset({"name", "type", "prompt", "help", "choices", "default", "default_from", "when", "min",
                            "max", "max_length", "required", "example", "suggestions_from", "quick",
                            "quick_default"})  # fmt: skip
_SECTION_KEYS = frozenset({"id", "title", "questions"})
_CHOICE_KEYS = frozenset({"value", "label", "help", "also"})
_TOP_KEYS = frozenset({"version", "sections", "checks"})
_CHECK_KEYS = frozenset({"fields", "rule", "message"})


class _Problems(list[str]):
    """What is wrong with a questionnaire, each line naming where."""

    compile_expressions = True  # False for a questionnaire whose expressions compiled before

    def need(self, ok: bool, where: str, message: str) -> bool:
        if not ok:
            self.append(f"{where}: {message}")
        return ok


def load_questionnaire(path: Path) -> Questionnaire:
    """Return the questionnaire declared in a ``questions.yaml`` file, or raise KitError
    listing every problem with the question and field it concerns."""
    try:
        text = path.read_text(encoding="utf-8")
        data = load_yaml(text)
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise KitError(f"cannot read the questionnaire {path}: {exc}") from exc
    problems = _Problems()
    compiled = _compiled_before(text)
    problems.compile_expressions = compiled is None or not compiled.exists()
    sections = _sections(data, problems)
    _check_unique(sections, problems)
    names = {q.name for s in sections for q in s.questions}
    checks = _checks(data.get("checks", []) if isinstance(data, dict) else [], names, problems)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise KitError(f"{path} is not a valid questionnaire:\n{lines}")
    if compiled is not None and problems.compile_expressions:
        with contextlib.suppress(OSError):
            compiled.touch()
    return Questionnaire(sections, checks)


def _compiled_before(text: str) -> Path | None:
    """Return the cache file that says a questionnaire with this text compiled without an
    error under this Jinja (so that the wizard's first question need not wait for Jinja), or
    None without a private cache. Its expressions are then compiled when first used."""
    folder = private_cache("questionnaires")
    spec = importlib.util.find_spec("jinja2")
    origin = spec.origin if spec is not None else None
    if folder is None or origin is None:
        return None
    try:
        jinja = f"{origin}\0{os.stat(origin).st_mtime_ns}"  # which Jinja, and which copy of it
    except OSError:
        return None
    return folder / hashlib.sha256(f"{jinja}\0{text}".encode()).hexdigest()


def _checks(items: Any, names: set[str], problems: _Problems) -> tuple[Check, ...]:
    """Return the checks across answers: each names its fields, a rule and a message."""
    if not problems.need(isinstance(items, list), "checks", "must be a list"):
        return ()
    found = []
    for i, item in enumerate(items):
        where = f"checks[{i}]"
        if not problems.need(isinstance(item, dict), where, "must be a mapping with fields, rule and message"):
            continue
        _check_keys(item, _CHECK_KEYS, where, problems)
        fields = item.get("fields")
        ok = problems.need(isinstance(fields, list) and bool(fields) and all(f in names for f in fields),
                           f"{where}.fields", "must list questions of this kit")  # fmt: skip
        ok &= problems.need(isinstance(item.get("message"), str), f"{where}.message", "is required text")
        rule = _expression(item.get("rule"), f"{where}.rule", problems)
        if ok and rule is not None:
            found.append(Check(tuple(fields), rule, item["message"].strip()))
    return tuple(found)


def _sections(data: Any, problems: _Problems) -> tuple[Section, ...]:
    if not problems.need(isinstance(data, dict), "the file", "must be a mapping with a list of sections"):
        return ()
    _check_keys(data, _TOP_KEYS, "the file", problems)
    sections = data.get("sections")
    if not problems.need(isinstance(sections, list) and bool(sections), "sections", "a list of sections is needed"):
        return ()
    found = []
    for i, section in enumerate(sections):
        where = f"sections[{i}]"
        if problems.need(isinstance(section, dict), where, "must be a mapping with id, title and questions"):
            found.append(_section(section, where, problems))
    return tuple(found)


def _section(data: Mapping[str, Any], where: str, problems: _Problems) -> Section:
    _check_keys(data, _SECTION_KEYS, where, problems)
    section_id = data.get("id")
    problems.need(isinstance(section_id, str) and bool(section_id), f"{where}.id", "must be text")
    problems.need(isinstance(data.get("title"), str), f"{where}.title", "must be text")
    where = f"section {section_id!r}" if isinstance(section_id, str) else where
    items = data.get("questions")
    if not problems.need(isinstance(items, list) and bool(items), f"{where}.questions", "must list questions"):
        return Section(id=str(section_id), title=str(data.get("title", "")))
    questions = tuple(_question(q, str(section_id), f"{where}, question {i + 1}", problems)
                      for i, q in enumerate(items or ()))  # fmt: skip
    return Section(id=str(section_id), title=str(data.get("title", "")), questions=tuple(q for q in questions if q))


def _question(data: Any, section: str, where: str, problems: _Problems) -> Question | None:
    if not problems.need(isinstance(data, dict), where, "must be a mapping of fields"):
        return None
    name = data.get("name")
    if isinstance(name, str):
        where = f"question {name!r}"
    ok = problems.need(isinstance(name, str) and bool(_NAME.match(name)), f"{where}.name",
                       "must be lower-case letters, digits and _, starting with a letter")  # fmt: skip
    ok &= problems.need(data.get("type") in QUESTION_TYPES, f"{where}.type",
                        f"must be one of {', '.join(sorted(QUESTION_TYPES))} (got {data.get('type')!r})")  # fmt: skip
    for key in ("prompt", "help"):
        ok &= problems.need(isinstance(data.get(key), str) and bool(data.get(key, "").strip()), f"{where}.{key}",
                            "is required text")  # fmt: skip
    ok &= _check_keys(data, _QUESTION_KEYS, where, problems)
    fields = _optional_fields(data, where, problems)
    if not ok or fields is None:
        return None
    return Question(name=name, type=data["type"], prompt=data["prompt"].strip(), help=data["help"].strip(),
                    section=section, **fields)  # fmt: skip


def _optional_fields(data: Mapping[str, Any], where: str, problems: _Problems) -> dict[str, Any] | None:
    choices = _choices(data, where, problems)
    fields: dict[str, Any] = {"choices": choices, "default": data.get("default"), "example": data.get("example")}
    for key in _EXPRESSIONS:
        fields[key] = _expression(data.get(key), f"{where}.{key}", problems)
    for key in ("min", "max"):
        fields[key] = _bound(data.get(key), f"{where}.{key}", problems)
    fields["quick"] = data.get("quick", False)
    fields["quick_default"] = data.get("quick_default")
    ok = problems.need(isinstance(fields["quick"], bool), f"{where}.quick", "must be true or false")
    fields["max_length"] = data.get("max_length", 200)
    fields["required"] = data.get("required", True)
    ok &= problems.need(isinstance(fields["max_length"], int) and fields["max_length"] > 0, f"{where}.max_length",
                       "must be a whole number above 0")  # fmt: skip
    ok &= problems.need(isinstance(fields["required"], bool), f"{where}.required", "must be true or false")
    return fields if ok else None


def _choices(data: Mapping[str, Any], where: str, problems: _Problems) -> tuple[Choice, ...]:
    items = data.get("choices", [])
    wants = data.get("type") in ("choice", "multichoice")
    if not problems.need(isinstance(items, list) and (bool(items) or not wants), f"{where}.choices",
                         "a choice question must list its choices (value and label)"):  # fmt: skip
        return ()
    choices = []
    for i, item in enumerate(items):
        at = f"{where}.choices[{i}]"
        if problems.need(isinstance(item, dict) and "value" in item and isinstance(item.get("label"), str), at,
                         "must have a value and a label"):  # fmt: skip
            _check_keys(item, _CHOICE_KEYS, at, problems)
            also = item.get("also", [])
            problems.need(isinstance(also, list), f"{at}.also", "must be a list of words")
            choices.append(Choice(value=str(item["value"]), label=item["label"], help=str(item.get("help", "")),
                                  also=tuple(str(a) for a in also) if isinstance(also, list) else ()))  # fmt: skip
    return tuple(choices)


def _expression(source: Any, where: str, problems: _Problems) -> Expression | None:
    """Return an expression over earlier answers, its syntax checked now (unless the same
    questionnaire compiled before)."""
    if source is None:
        return None
    if not problems.need(isinstance(source, str), where, "must be an expression written as text"):
        return None
    expression = Expression(source)
    if not problems.compile_expressions:
        return expression
    from jinja2 import TemplateSyntaxError

    try:
        expression.compile()
    except TemplateSyntaxError as exc:
        problems.append(f"{where}: {source!r} is not a valid expression: {exc.message}")
        return None
    return expression


def _bound(value: Any, where: str, problems: _Problems) -> int | Expression | None:
    if isinstance(value, str):
        return _expression(value, where, problems)
    ok = value is None or (isinstance(value, int) and not isinstance(value, bool))
    problems.need(ok, where, f"must be a whole number or an expression (got {value!r})")
    return value if ok else None


def _check_keys(data: Mapping[str, Any], allowed: frozenset[str], where: str, problems: _Problems) -> bool:
    unknown = sorted(str(k) for k in data if k not in allowed)
    return problems.need(not unknown, where, f"unknown field(s): {', '.join(unknown)}")


def _check_unique(sections: tuple[Section, ...], problems: _Problems) -> None:
    seen: set[str] = set()
    for question in (q for s in sections for q in s.questions):
        problems.need(question.name not in seen, f"question {question.name!r}", "is declared twice")
        seen.add(question.name)
