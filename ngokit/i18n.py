"""Translations: gettext catalogues read with Babel, and a pseudo-locale for testing.

Two languages are in play and may differ: the *interface* language (wizard, CLI messages)
and the *documents'* language (the kit's text). Catalogues are ``.po`` files, compiled in
memory by Babel, so a translator's edit needs no build step.
"""

from __future__ import annotations

import gettext as _gettext
import re
from functools import lru_cache
from pathlib import Path

from ngokit.locales import PSEUDO_LOCALE, compile_catalogue

_ui = _gettext.NullTranslations()


def _(message: str) -> str:
    """Return an interface message in the interface language."""
    return _ui.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Return an interface message in the singular or plural form for n."""
    return _ui.ngettext(singular, plural, n)


def set_ui_language(language: str) -> None:
    """Switch the interface (wizard and CLI messages) to a language."""
    global _ui
    _ui = translations_for(Path(__file__).parent / "locale", language)


def translations_for(locale_dir: Path, language: str) -> _gettext.NullTranslations:
    """Return the translations of a language from a ``locale/`` folder (English: identity)."""
    if language == PSEUDO_LOCALE:
        return PseudoTranslations()
    po = locale_dir / language.replace("-", "_") / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return _gettext.NullTranslations()
    return _compiled(po, po.stat().st_mtime_ns)


def available_languages(locale_dir: Path) -> tuple[str, ...]:
    """Return the languages with a catalogue in ``locale_dir``, English always first."""
    found = sorted(p.parent.parent.name.replace("_", "-") for p in locale_dir.glob("*/LC_MESSAGES/messages.po"))
    return ("en", *[lang for lang in found if lang != "en"])


@lru_cache(maxsize=32)
def _compiled(po: Path, _mtime: int) -> _gettext.GNUTranslations:
    return _gettext.GNUTranslations(compile_catalogue(po))


_ACCENTS = str.maketrans("AaCcDEeGHIiJKLlNnOoRSsTUuWYyZz", "ÅåÇçÐÉéĜĤÎîĴĶĻļÑñÖöŔŠšŢÛûŴÝýŽž")
# Keep placeholders (%(name)s, %s) and Markdown link targets untouched.
_KEEP = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\]\([^)]*\)|\{[^}]*\}")


class PseudoTranslations(_gettext.NullTranslations):
    """Translations that return every message accented and in brackets: ``[Ŧĥé ñåmé]``."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)


def pseudo(message: str) -> str:
    """Return a message in the pseudo-locale: letters accented, the whole in brackets."""
    if not message.strip():
        return message
    parts, last = [], 0
    for match in _KEEP.finditer(message):
        parts.append(message[last : match.start()].translate(_ACCENTS))
        parts.append(match.group())
        last = match.end()
    parts.append(message[last:].translate(_ACCENTS))
    return f"[{''.join(parts)}]"


def extract_questionnaire(fileobj, keywords, comment_tags, options):  # type: ignore[no-untyped-def]
    """Babel extractor for ``questions.yaml``: section titles, prompts, help and choice labels.

    Registered as the ``ngokit_questions`` Babel extractor (pyproject.toml) for ``ngokit/babel.cfg``,
    so the wizard's questions can be translated like every other interface string.
    """
    from ngokit.yamltext import load_yaml

    data = load_yaml(fileobj.read().decode("utf-8"))
    for section in data.get("sections", []):
        yield 0, "_", section["title"], []
        for question in section["questions"]:
            yield 0, "_", question["prompt"].strip(), [f"question {question['name']}"]
            yield 0, "_", question["help"].strip(), [f"help of {question['name']}"]
            for choice in question.get("choices", []):
                yield 0, "_", choice["label"], [f"choice {choice['value']} of {question['name']}"]
    for check in data.get("checks", []):
        yield 0, "_", check["message"].strip(), [f"check of {', '.join(check['fields'])}"]
