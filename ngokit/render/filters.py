"""What a kit template sees: ngokit's filters, ``blank`` and ``ref``, and translations.

Each reads the documents' language and currency from the context's ``_locale`` (never from
the environment), so one Jinja environment serves every build, in any language.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, Undefined, pass_context
from jinja2.runtime import Context

from ngokit import locales
from ngokit.i18n import translations_for

LOCALE_KEY = "_locale"
"""The context variable with the documents' ``language``, ``currency`` and ``catalogue`` (the
kit's ``locale`` folder)."""
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not str.split(): keep no-break spaces in amounts
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&^\"'=:$%])")


def install_kit_globals(environment: Environment) -> None:
    """Give an environment ngokit's filters, ``blank`` and ``ref``, and translations, all
    taking the documents' language and currency from the context's ``_locale``."""
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
    )
    environment.policies["ext.i18n.trimmed"] = True
    environment.filters.update(_FILTERS)
    environment.globals.update(blank=blank, ref=ref, xref=xref)


def _locale_of(context: Context) -> Mapping[str, Any]:
    return context["cookiecutter"][LOCALE_KEY]  # type: ignore[no-any-return]


@lru_cache(maxsize=32)
def _catalogue(folder: str, language: str) -> gettext.NullTranslations:
    return translations_for(Path(folder), language)


def _translations(context: Context) -> gettext.NullTranslations:
    locale = _locale_of(context)
    return _catalogue(str(locale["catalogue"]), str(locale["language"]))


@pass_context
def _gettext(context: Context, message: str) -> str:
    return _translations(context).gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    return _translations(context).ngettext(singular, plural, n)


@pass_context
def _pgettext(context: Context, where: str, message: str) -> str:
    return _translations(context).pgettext(where, message)


@pass_context
def _npgettext(context: Context, where: str, singular: str, plural: str, n: int) -> str:
    return _translations(context).npgettext(where, singular, plural, n)


@pass_context
def _money(context: Context, amount: Any, label: str = "") -> str:
    if amount is None or isinstance(amount, Undefined):
        return blank(label or _translations(context).gettext("amount"))
    locale = _locale_of(context)
    return md_escape(locales.format_money(amount, locale["currency"], locale["language"]))


@pass_context
def _long_date(context: Context, value: Any, label: str = "") -> str:
    if value is None or isinstance(value, Undefined):
        return blank(label or _translations(context).gettext("date"))
    return md_escape(locales.format_long_date(date.fromisoformat(str(value)), _locale_of(context)["language"]))


def _in_language(format_: Callable[[Any, str], str], escape: bool = True) -> Callable[..., str]:
    """Return a filter that writes a value in the documents' language."""

    @pass_context
    def write(context: Context, value: Any) -> str:
        text = format_(value, _locale_of(context)["language"])
        return md_escape(text) if escape else text

    return write


_FILTERS: dict[str, Any] = {
    "money": _money,
    "long_date": _long_date,
    "number": _in_language(locales.format_number),
    "month_name": _in_language(lambda month, language: locales.month_name(int(month), language), escape=False),
    "country_name": _in_language(locales.country_name),
    "currency_name": _in_language(locales.currency_name, escape=False),
    "md": lambda text: md_escape(text),
    "labels": lambda values, names: [names[v] for v in values or ()],
}


def blank(label: str) -> str:
    """Return Markdown for a blank the network fills in by hand, e.g. a date or signature."""
    return f"[{label.replace(']', ')').replace('[', '(')}](blank:)"


def ref(anchor: str) -> str:
    """Return Markdown for a cross-reference to a clause, e.g. ``see clause {{ ref('quorum') }}``."""
    return f"[](#{anchor})"


def xref(document: str, anchor: str) -> str:
    """Return Markdown for a reference to a clause of another document of the kit, by the
    document's ``id`` (its front matter), e.g. ``clause {{ xref('constitution', 'quorum') }}``."""
    return f"[](kit:{document}#{anchor})"


def md_escape(text: Any) -> str:
    """Return text with every Markdown-active character escaped, so it reads literally."""
    return _MD_SPECIAL.sub(r"\\\1", _ASCII_SPACE.sub(" ", str(text)).strip())
