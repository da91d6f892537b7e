"""Languages from day one: every sentence of a kit goes through gettext."""

from __future__ import annotations

import re

from ngokit import BuildOptions, build_kit
from ngokit.i18n import pseudo

from .conftest import DEMO, docx_paragraphs

import yaml
from babel.dates import get_month_names

# Written by Babel (CLDR) for the language, not by the kit's text: names of months, the
# country and the currency.
BABEL_WORDS = {*get_month_names("wide", locale="en").values(), "KES", "Kenya", "Kenyan", "Shilling"}


def test_pseudo_keeps_placeholders_and_link_targets():
    result = pseudo("The %(board)s has %(n)s members; see [the law](https://example.org/Act)")
    assert result.startswith("[") and result.endswith("]")
    assert "%(board)s" in result and "%(n)s" in result and "](https://example.org/Act)" in result
    assert "members" not in result


def test_every_sentence_of_a_kit_is_translated(tmp_path):
    answers = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    answers["language"] = "en-XA"
    built = build_kit(answers, BuildOptions(out=tmp_path))
    name = answers["network_name"]
    untranslated = []
    for document in built.documents:
        for style, text in docx_paragraphs(document):
            rest = text.replace(name, "").replace(answers["network_short_name"], "")
            rest = re.sub(r"\[[^\]]*\]|[^A-Za-z]+", " ", rest)  # drop what is translated and non-words
            words = [w for w in rest.split() if len(w) > 2 and w not in BABEL_WORDS]
            if words:
                untranslated.append(f"{document.name} [{style}]: {text}")
    assert not untranslated, "\n".join(untranslated[:20])
