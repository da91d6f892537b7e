"""Languages from day one: every sentence of a kit goes through gettext."""

from __future__ import annotations

import re

import yaml
from babel.dates import get_month_names

from ngokit import BuildOptions, build_kit
from ngokit.i18n import pseudo
from ngokit.kit import load_kit

from .conftest import EXAMPLES, docx_paragraphs

# Written by Babel (CLDR) for the language, or file names: not the kit's text.
NOT_TEXT = {*get_month_names("wide", locale="en").values(), "answers", "yaml", "ngokit", "docx"}


def test_pseudo_keeps_placeholders_and_link_targets():
    result = pseudo("The %(board)s has %(n)s members; see [the law](https://example.org/Act)")
    assert result.startswith("[") and result.endswith("]")
    assert "%(board)s" in result and "%(n)s" in result and "](https://example.org/Act)" in result
    assert "members" not in result


def data_strings(answers: dict) -> list[str]:
    """Return the data a kit prints as it is: answers and the country pack's facts."""
    strings = [str(v) for v in answers.values() if isinstance(v, str)]
    pack = load_kit().pack(answers["country"])

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            strings.append(" ".join(value.split()))

    walk(pack.data if pack else {})
    from babel.numbers import get_currency_name

    from ngokit.locales import country_name

    strings += [country_name(answers["country"]), get_currency_name(answers["currency"], locale="en")]
    return sorted(strings, key=len, reverse=True)


def untranslated_words(text: str, data: list[str]) -> list[str]:
    for value in data:
        text = text.replace(value, " ")
    words = re.findall(r"\w+", text)
    return [w for w in words if w.isascii() and w.isalpha() and len(w) > 2 and w not in NOT_TEXT
            and re.search("[aeiouAEIOU]", w) and not w.isupper()]  # fmt: skip


def test_every_sentence_of_every_example_is_translated(tmp_path):
    problems = []
    for example in EXAMPLES:
        answers = yaml.safe_load(example.read_text(encoding="utf-8"))
        answers["language"] = "en-XA"
        built = build_kit(answers, BuildOptions(out=tmp_path / example.stem))
        data = data_strings(yaml.safe_load((built.path / "answers.yaml").read_text(encoding="utf-8")))
        for document in built.documents:
            for style, text in docx_paragraphs(document):
                words = untranslated_words(text, data)
                if words:
                    problems.append(f"{example.stem}/{document.name} [{style}] {words}: {text}")
    assert not problems, "\n".join(problems[:20])
