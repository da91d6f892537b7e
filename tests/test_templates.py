"""The kit templates stay readable for the governance writers who edit them.

Every template (each document ``{{cookiecutter.kit_folder}}/*.md`` and ``templates/kit.j2``) is
read line by line, the way Jinja reads it (with its lexer: the word "if" in a sentence is text):

- **At most two branches on a line.** Each ``if`` and ``elif`` that Jinja reads counts: the tags
  (``{% if %}``, ``{%- if -%}``, ``{% elif %}``), a conditional expression (``x if y else z``)
  and a loop filter (``{% for x in y if z %}``). ``else`` and ``endif`` add no condition and do
  not count. A table cell that needs more becomes a named macro, so that its row reads as one line.
- **A line over 300 characters is prose.** Prose is text, translated text (``{% trans %}``,
  ``{% pluralize %}`` and ``{% endtrans %}`` tags, ``_()``) and values (``{{ ... }}`` with no
  ``if`` in it). A prose line may *begin* with one branch tag (``if``, ``elif``, ``else``,
  ``endif``, ``for``, ``endfor``) and *end* with ``endif`` or ``endfor``, so that a condition is
  always the first thing on its line, never hidden in a paragraph. Anything else (a second
  condition, an ``else`` in mid-line, a conditional expression, a ``set`` or a ``macro``, a tag
  spread over several lines) is logic, and a line with logic is at most 300 characters long.
- **Names are words**: answers are ``answers``, the country is ``country``; no one-letter name.
- **A shared value is defined once**: no message that ``kit.j2`` defines (a document title, the
  name of a body...) is typed again in a document; the document uses ``kit.<name>``.

docs/authoring-kits.md states the same rules for the people who write kits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from jinja2 import Environment

from .conftest import ROOT

KIT = ROOT / "kit_templates" / "peer-network"
TEMPLATES = sorted([*(KIT / "{{cookiecutter.kit_folder}}").glob("*.md"), *(KIT / "templates").glob("*.j2")])
DOCUMENTS = [path for path in TEMPLATES if path.suffix == ".md"]
MAX_BRANCHES = 2
MAX_LOGIC_CHARS = 300
PROSE_TAGS = frozenset({"trans", "pluralize", "endtrans"})
LEADING_TAGS = frozenset({"if", "elif", "else", "endif", "for", "endfor"})
TRAILING_TAGS = frozenset({"endif", "endfor"})
PROSE = "prose"


@dataclass
class Line:
    """One line of a template: its text, and what Jinja reads on it, in order."""

    number: int
    text: str
    branches: int = 0
    pieces: list[str] = field(default_factory=list)  # PROSE, or the name of a tag of logic
    continues_a_tag: bool = False

    @property
    def prose(self) -> bool:
        """Return True when the line reads as prose (see the module's docstring)."""
        pieces = self.pieces
        if pieces and pieces[0] in LEADING_TAGS:
            pieces = pieces[1:] if len(pieces) > 1 else ["a tag alone"]
        if pieces and pieces[-1] in TRAILING_TAGS:
            pieces = pieces[:-1]
        return not self.continues_a_tag and all(piece == PROSE for piece in pieces)


@dataclass
class _Tag:
    line: int
    name: str = ""
    condition: bool = False


def read_lines(source: str) -> list[Line]:
    """Return the lines of a template, with their branches counted and their pieces named."""
    lines = [Line(number, text) for number, text in enumerate(source.split("\n"), 1)]
    tag: _Tag | None = None
    for lineno, kind, value in Environment().lex(source):
        if kind in ("block_begin", "variable_begin"):
            tag = _Tag(lineno, "" if kind == "block_begin" else "{{")
        elif kind in ("block_end", "variable_end") and tag is not None:
            prose = (tag.name == "{{" or tag.name in PROSE_TAGS) and not tag.condition
            lines[tag.line - 1].pieces.append(PROSE if prose else tag.name)
            tag = None
        elif tag is None:
            for offset, part in enumerate(value.split("\n") if kind == "data" else ()):
                if part.strip():
                    lines[lineno - 1 + offset].pieces.append(PROSE)
        elif kind != "whitespace":
            tag.name = tag.name or value
            if kind == "name" and value in ("if", "elif"):
                lines[lineno - 1].branches += 1
                tag.condition = True
            lines[lineno - 1].continues_a_tag |= lineno != tag.line
    return lines


def where(path: Path, line: Line) -> str:
    return f"{path.relative_to(KIT)}:{line.number} ({len(line.text)} characters, {line.branches} branches)"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_a_line_holds_at_most_two_branches(path: Path):
    crowded = [where(path, line) for line in read_lines(path.read_text("utf-8")) if line.branches > MAX_BRANCHES]
    assert not crowded, "put each branch on its own line, or name the choice with a macro: " + "; ".join(crowded)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_a_line_over_300_characters_is_prose(path: Path):
    long = [where(path, line) for line in read_lines(path.read_text("utf-8"))
            if len(line.text) > MAX_LOGIC_CHARS and not line.prose]  # fmt: skip
    assert not long, "start the line with its condition, or put each branch on its own line: " + "; ".join(long)


@pytest.mark.parametrize(
    ("source", "branches", "prose"),
    [
        ("{% trans board=kit.board %}The {{ board }} decides if it can.{% endtrans %}", 0, True),
        ("| {{ _('Chair') }} | {{ kit.Board }} | {{ answers.officers | join(', ') }} |", 0, True),
        ("{% trans count=n %}One seat.{% pluralize %}{{ count }} seats.{% endtrans %}", 0, True),
        ("{# if this, then that #}", 0, True),
        ("{%- if answers.mobile_money %} {% trans %}By mobile money.{% endtrans %}{% endif %}", 1, True),
        ("{%- endif %} {% trans %}The next sentence.{% endtrans %}", 0, True),
        ("{% trans %}A sentence.{% endtrans %}{% if x %} {% trans %}Another.{% endtrans %}{% endif %}", 1, False),
        ("{% if x %}{% trans %}One.{% endtrans %}{% else %}{% trans %}Other.{% endtrans %}{% endif %}", 1, False),
        ("1. {% if kit.hosted %}{% trans %}The host pays.{% endtrans %}{% endif %}", 1, False),
        ("{% if x %}a{% elif y %}b{% elif z %}c{% endif %}", 3, False),
        ("{{ _('Yes') if answers.regional_seats else _('No') }}", 1, False),
        ("{% trans place=_('a') if local else _('b') %}In {{ place }}.{% endtrans %}", 1, False),
        ("{%- for form in forms if form.registering_body -%}", 1, False),
        ("{%- set board = answers.board_name -%}", 0, False),
    ],
)
def test_the_rules_read_prose_and_logic_as_documented(source: str, branches: int, prose: bool):
    (line,) = read_lines(source)
    assert (line.branches, line.prose) == (branches, prose)


def test_a_tag_over_several_lines_is_logic_on_each_of_them():
    lines = read_lines('{%- set pay = {\n    "none": _("Nothing."),\n    "stipend": _("A stipend.")}[x] -%}\nText')
    assert [line.prose for line in lines] == [False, False, False, True]


NAMED = re.compile(r"\{%-?\s*(?:set|for|macro)\s+([\w\s,]+?)\s*(?:=|\bin\b|\(|-?%\})")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_names_are_words(path: Path):
    names = {name.strip() for match in NAMED.findall(path.read_text("utf-8")) for name in match.split(",")}
    short = sorted(name for name in names if len(name.split(".")[-1]) < 2)
    assert not short, f"{path.name}: name these for what they hold: {short}"


def messages(path: Path) -> set[str | tuple[str, ...]]:
    """Return the messages a template translates (a plural message as its forms)."""
    env = Environment(extensions=["jinja2.ext.i18n"])
    env.policies["ext.i18n.trimmed"] = True
    found = set()
    for _line, _function, message in env.extract_translations(path.read_text("utf-8")):
        forms = tuple(m for m in message if m) if isinstance(message, tuple) else (message,)
        found.add(forms[0] if len(forms) == 1 else forms)
    return found


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_document_uses_the_shared_values_of_kit_j2_instead_of_retyping_them(path: Path):
    retyped = sorted(map(str, messages(path) & messages(KIT / "templates" / "kit.j2")))
    assert not retyped, f"{path.name}: use the value kit.j2 defines for {retyped}"


def test_the_rules_are_documented_for_kit_authors():
    guide = (ROOT / "docs" / "authoring-kits.md").read_text("utf-8")
    assert "two branches" in guide and f"{MAX_LOGIC_CHARS} characters" in guide
