"""The data a kit template sees: answers, country and kit, made safe for Markdown.

Everything here reaches the templates through cookiecutter's private ``_`` variables, which
are passed through verbatim: an answer is data, never template code. Free text is
Markdown-escaped here, once, so a network called ``*Net* <b>`` reads literally.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ngokit import __version__, locales
from ngokit.kit import Kit
from ngokit.questions.answers import Answers
from ngokit.render import LOCALE_KEY, md_escape

_UNESCAPED_KEYS = frozenset({"id", "topic", "confidence", "code", "start_month"})


def document_context(answers: Answers, kit: Kit) -> dict[str, Any]:
    """Return the private cookiecutter variables for rendering a kit's documents: the answers,
    the country, the kit, and the documents' language and currency (for translations and
    the money and date filters)."""
    plain = answers.as_dict()
    values: dict[str, Any] = {name: None for name in kit.questionnaire.names}
    for question in kit.questionnaire:
        if question.name in plain:
            value = plain[question.name]
            values[question.name] = md_escape(value) if question.type == "text" else value
    return {
        "_answers": values,
        "_country": _country(answers.country, answers.language, kit),
        "_kit": {"name": kit.name, "version": kit.version, "ngokit_version": __version__},
        LOCALE_KEY: {
            "language": answers.language,
            "currency": answers.currency,
            "catalogue": str(kit.locale_dir),
        },  # fmt: skip
    }


def _country(code: str, language: str, kit: Kit) -> dict[str, Any]:
    pack = kit.pack(code)
    return {
        "code": code,
        "name": md_escape(locales.country_name(code, language)),
        "currencies": list(locales.currencies_of(code)),
        "pack": _escaped(pack.data) if pack else None,
        "last_verified": pack.last_verified.isoformat() if pack else None,
    }


def _escaped(data: Any, key: str = "") -> Any:
    if isinstance(data, Mapping):
        return {k: _escaped(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_escaped(v, key) for v in data]
    if isinstance(data, str) and key not in _UNESCAPED_KEYS:
        return md_escape(data)
    if hasattr(data, "isoformat"):
        return data.isoformat()
    return data
