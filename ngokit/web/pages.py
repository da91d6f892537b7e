"""HTML pages from the templates beside this module: Jinja with autoescape on, so answers,
which are data, are always shown as text, and gettext for every sentence."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from ngokit import i18n
from ngokit.locales import PSEUDO_LOCALE, is_right_to_left, language_name

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Return the pages' Jinja environment (strict, autoescaping, translated)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: i18n._(message),
        ngettext=lambda singular, plural, n: i18n.ngettext(singular, plural, n),
        newstyle=True,
    )
    return env


def render_page(template: str, ui_language: str, **context: Any) -> str:
    """Return a page in the interface language."""
    direction = "rtl" if ui_language != PSEUDO_LOCALE and is_right_to_left(ui_language) else "ltr"
    return environment().get_template(template).render(ui_language=ui_language, direction=direction, **context)


def interface_languages() -> list[tuple[str, str]]:
    """Return the interface languages as (code, name in that language), English first."""
    codes = (*i18n.available_languages(Path(i18n.__file__).parent / "locale"), PSEUDO_LOCALE)
    return [(code, _name(code)) for code in codes]


def _name(code: str) -> str:
    if code == PSEUDO_LOCALE:
        return i18n.pseudo("English") + " (en-XA)"
    return language_name(code, code)
