"""One rule in one place, proved across the answer space.

Kits are built for every legal status × decision rule × women-led choice, in a handful of
countries (one without a country pack) and both shapes, with the other answers varied from
kit to kit. For each kit:

- every rule is stated with one value and by one body, wherever it is stated;
- every reference into another document resolves to the clause that holds the rule, and the
  sentence that refers is about that rule;
- the money approval table is printed identically wherever it is, and every amount and every
  approver in the kit's text agrees with it.

The rules are read from the built documents as a person reads them, one sentence at a time.
A sentence that states a rule in a new way must be taught here (a new pattern), which is the
point: a new wording is checked against the others before it ships.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from ngokit import BuildOptions, build_kit
from ngokit.context import document_context
from ngokit.kit import open_kit
from ngokit.locales import format_money
from ngokit.questions.answers import META_KEY
from ngokit.render import render_documents

from .builtkits import BOARD_NAMES, DOCS

# ---------------------------------------------------------------------------------------
# The grid: every legal status × decision rule × women-led choice (24 kits); the other
# answers turn with the kit's number, so that each value meets several others.
# ---------------------------------------------------------------------------------------

STATUSES = ["registered", "planning_to_register", "unregistered", "fiscally_hosted"]
RULES = ["consensus", "majority", "two_thirds"]
COUNTRIES = ["KE", "ZA", "ID", "GH", "KG", "UA", "BR"]  # GH has no country pack
BOARDS = list(BOARD_NAMES)


def grid_answers(number: int, status: str, rule: str, women_led: bool) -> dict[str, Any]:
    def turn(values: list[Any], step: int = 1) -> Any:
        return values[(number // step) % len(values)]

    answers: dict[str, Any] = {
        "network_name": f"Grid Network {number}", "country": turn(COUNTRIES), "kit_date": "2026-01-15",
        "legal_status": status, "decision_rule": rule, "women_led": women_led,
        "kit_shape": turn(["starter", "full"]), "network_size": turn(["small", "large"], 3),
        "staff": turn(["none", "coordinator", "director"]), "board_pay": turn(["none", "expenses", "stipend"], 3),
        "membership_model": turn(["individuals", "organisations", "both"], 2), "board_name": turn(BOARDS, 5),
        "mobile_money": turn([False, True], 4), "signatories": turn([3, 4], 3),
    }  # fmt: skip
    if status == "fiscally_hosted" and number % 2:
        answers["officers"] = ["chair", "secretary"]  # no Treasurer: the Chair does the work
    if number % 5 == 4:
        answers.update(scope="regional", region_name="West Africa")
    if number % 3 == 0:  # amounts given; the others are left open, as blanks
        answers.update(dual_signature_threshold=1111 + number, board_approval_threshold=22222 + number,
                       three_quotes_threshold=3333 + number, petty_cash_float=444,
                       petty_cash_max_payment=55)  # fmt: skip
        if number % 9 == 0:  # no petty cash
            answers.update(petty_cash_float=0, petty_cash_max_payment=None)
    if status == "fiscally_hosted":
        answers["fiscal_host_name"] = "Host Org"
    if status == "unregistered":
        answers["money_holder"] = turn(["ally", "joint_account"], 2)
    return answers


GRID = [grid_answers(n, *combination)
        for n, combination in enumerate(itertools.product(STATUSES, RULES, [False, True]))]  # fmt: skip
GRID_IDS = [f"{a['legal_status']}-{a['decision_rule']}-{'women' if a['women_led'] else 'mixed'}-{a['country']}"
            f"-{a['kit_shape']}" for a in GRID]  # fmt: skip


# ---------------------------------------------------------------------------------------
# A built kit, read back: its sentences, its clauses (by anchor) and its references.
# ---------------------------------------------------------------------------------------


@dataclass
class Clause:
    number: str
    text: str  # the heading and the clause's own paragraphs and tables


@dataclass
class GridKit:
    answers: dict[str, Any]
    text: dict[str, str]  # document key → text, one paragraph a line
    markdown: dict[str, str]  # document key → rendered Markdown (with the references as links)
    clauses: dict[str, dict[str, Clause]]  # document id → anchor → clause
    tables: dict[str, list[list[list[str]]]]

    @property
    def board(self) -> str:
        return BOARD_NAMES[self.answers["board_name"]]

    def sentences(self, docs: list[str] | None = None) -> Iterator[tuple[str, str]]:
        for doc, text in self.text.items():
            if docs is None or doc in docs:
                for line in text.split("\n"):
                    for sentence in split_sentences(line):
                        yield doc, sentence

    def money(self, answer: str) -> str:
        """An amount answer as the kit prints it, or "[" (the start of the blank to fill in)."""
        value = self.answers.get(answer)
        return "[" if value is None else format_money(value, self.answers["currency"], "en")

    @property
    def amount_pattern(self) -> str:
        """A regular expression that finds any amount in the kit's currency."""
        symbol = format_money(0, self.answers["currency"], "en").replace("0", "")
        return re.escape(symbol) + r"[\d,]*\d"


def split_sentences(line: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;:])\s+(?=[A-Z(])", line) if s]


DOC_IDS = {"start": "start-here", "constitution": "constitution", "board": "board-policy",
           "finance": "finance-policy", "forms": "forms", "hosting": "hosting-agreement",
           "founding": "founding-pack", "data": "data-policy"}  # fmt: skip


def read_clauses(path: Path) -> tuple[dict[str, Clause], list[list[list[str]]]]:
    """Return a document's bookmarked clauses by anchor, each with its number as Word shows it
    (its heading's place among the numbered headings), and its tables as rows of cell texts.
    Where the document has a contents list, its numbers are checked against these."""
    document = docx.Document(str(path))
    body = document.element.body
    styles = {s.style_id: s.name for s in document.styles}
    listed = {}
    for link in body.iter(qn("w:hyperlink")):
        text = "".join(t.text or "" for t in link.iter(qn("w:t")))
        if link.get(qn("w:anchor")) and text[:1].isdigit():
            listed[link.get(qn("w:anchor"))] = text.split()[0]
    parts: dict[str, list[str]] = {}
    numbers: dict[str, str] = {}
    counters = [0, 0, 0]
    current: list[str] | None = None
    in_annexes = False
    for element in body.iterchildren():
        if element.tag == qn("w:p"):
            text = "".join(t.text or "" for t in element.iter(qn("w:t")))
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = styles.get(style.get(qn("w:val")), "") if style is not None else ""
            number = ""
            if name in {"Heading 1", "Heading 2", "Heading 3"}:
                in_annexes = in_annexes or text.startswith("Annex ")
                if not in_annexes:
                    level = int(name[-1])
                    counters[level - 1] += 1
                    counters[level:] = [0] * (3 - level)
                    number = ".".join(map(str, counters[:level]))
            marks = [m.get(qn("w:name")) or "" for m in element.iter(qn("w:bookmarkStart"))]
            names = [m for m in marks if m.startswith("_Ref") and m.count("_") >= 2]
            if names:
                anchor = names[0].split("_", 2)[2]
                current = parts[anchor] = [text]
                numbers[anchor] = number
                if names[0] in listed:
                    assert listed[names[0]].rstrip(".") == number, (
                        f"{path.name}: {text!r} is listed as {listed[names[0]]}"
                    )
            elif current is not None:
                current.append(text)
        elif element.tag == qn("w:tbl") and current is not None:
            current.extend("".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in element.iter(qn("w:tc")))
    clauses = {anchor: Clause(numbers[anchor], "\n".join(lines)) for anchor, lines in parts.items()}
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return clauses, tables


@pytest.fixture(scope="module")
def grid(tmp_path_factory) -> list[GridKit]:
    out = tmp_path_factory.mktemp("grid")
    kits = []
    with contextlib.ExitStack() as stack:
        template = stack.enter_context(open_kit(None))
        for number, answers in enumerate(GRID):
            built = build_kit(answers, BuildOptions(out=out, folder=f"kit-{number}"), template)
            recorded = yaml.safe_load((built.path / "answers.yaml").read_text(encoding="utf-8"))
            recorded.pop(META_KEY, None)
            markdown = render_documents(template.path, document_context(template.validate(recorded), template))
            text, clauses, tables = {}, {}, {}
            for key, stem in DOCS.items():
                path = built.path / f"{stem}.docx"
                if path.is_file():
                    clauses[DOC_IDS[key]], tables[key] = read_clauses(path)
                    text[key] = "\n".join(
                        [p.text for p in docx.Document(str(path)).paragraphs]
                        + [cell for table in tables[key] for row in table for cell in row]
                    )
            by_key = {key: markdown[f"{stem}.md"] for key, stem in DOCS.items() if f"{stem}.md" in markdown}
            kits.append(GridKit(recorded, text, by_key, clauses, tables))
    return kits


def each_kit() -> Any:
    return pytest.mark.parametrize("number", range(len(GRID)), ids=GRID_IDS)


# ---------------------------------------------------------------------------------------
# 1. One value for each rule. Each pattern finds the rule wherever a sentence states it; the
# value it captures is the same everywhere and is the answer's.
# ---------------------------------------------------------------------------------------

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def as_number(word: str) -> int:
    return NUMBER_WORDS.get(word.lower(), 0) or int(word)


VALUE_RULES: dict[str, tuple[list[str], Any]] = {
    # rule: (patterns that capture its value, the answer or a function of the answers)
    "general meeting quorum": ([r"(\d+) per cent of the voting members"], "general_meeting_quorum_percent"),
    "general meeting notice": (
        [r"at least (\d+) days'? notice of a general meeting", r"^Notice: at least (\d+) days",
         r"at least (\d+) days before the (?:general )?meeting"],
        "general_meeting_notice_days"),
    "board notice": ([r"notice of each meeting, with the papers, at least (\d+) days"], "board_notice_days"),
    "board meetings": ([r"meets at least (\d+) times a year"], "board_meetings_per_year"),
    "term of office": ([r"serves for (\d+|one) years?", r"(\d+) years? a term", r"full term lasts (\d+) years?"],
                       "term_years"),
    "terms in a row": ([r"at most (\d+|one) terms? in a row"], "max_consecutive_terms"),
    "board size": (
        [r"(?:[Bb]oard|[Cc]ommittee|Elect) (?:of |has )?(\d+) to \d+ (?:members|seats)",
         r"at least (\d+) and at most \d+ members"],
        "board_size_min"),
    "board size, most": (
        [r"(?:[Bb]oard|[Cc]ommittee|Elect) (?:of |has )?\d+ to (\d+) (?:members|seats)",
         r"at least \d+ and at most (\d+) members"],
        "board_size_max"),
    "policy review": ([r"at least every (\d+) years", r"at least every (year)\b"], "policy_review_years"),
    "reserves": ([r"(\d+) months of (?:its )?(?:core|running) costs"], "reserves_months"),
    "signatories": ([r"appoints (\d+) signatories", r"names the (\d+) signatories"], "signatories"),
    "out of reach": ([r"out of reach for more than (\d+) days"], None),
    "leave of absence": ([r"leave for up to (\d+) months"], None),
}  # fmt: skip


def value_problems(kit: GridKit) -> list[str]:
    problems = []
    for rule, (patterns, answer) in VALUE_RULES.items():
        found: dict[int, list[str]] = {}
        for doc, sentence in kit.sentences():
            for pattern in patterns:
                for match in re.finditer(pattern, sentence):
                    value = 1 if match.group(1) == "year" else as_number(match.group(1))
                    found.setdefault(value, []).append(f"{doc}: {sentence}")
        expected = kit.answers.get(answer) if answer else None
        if len(found) > 1 or (expected is not None and found and set(found) != {expected}):
            problems.append(f"{rule} (answer {expected}): " + "; ".join(f"{v} in {s[0]!r}" for v, s in found.items()))
    return problems


@each_kit()
def test_each_rule_has_one_value_wherever_it_is_stated(grid, number):
    problems = value_problems(grid[number])
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------
# 2. One body for each rule: whoever a sentence names as doing it, it is the same body.
# A pronoun ("It elects...") names nobody and is skipped; its clause is checked instead.
# ---------------------------------------------------------------------------------------

BODY = (
    r"(?P<body>(?:[Tt]he |[Aa] |[Tt]hat |[Tt]he new |[Tt]he next )?(?:general meeting|annual general meeting|"
    r"founding meeting|members|voting members|board|steering committee|coordinating committee|"
    r"executive committee|Chair|Treasurer|Coordinator|Director|host|Host Org|staff))"
)

BODY_RULES: dict[str, tuple[list[str], str]] = {
    # rule: (patterns naming the body that does it, the body: "board" or "members")
    "elects the officers": ([BODY + r" (?:then )?elects? (?:its |the )?officers",
                             r"officers are elected by " + BODY,
                             r"^(?:Then )?(?P<body>)[Ee]lect the officers"], "board"),  # an instruction to the meeting
    "appoints the signatories": ([BODY + r" (?:then )?(?:elects its officers and )?appoints? (?:the |at least "
                                  r"\w+ |\d+ |the holders of these roles as the network's )?signatories",
                                  r"signatories are (?:appointed|chosen|named) by " + BODY], "board"),
    "elects the board": ([BODY + r" elects? (?:the )?(?:members of the |first |new )?(?:board|steering committee|"
                          r"coordinating committee|executive committee)\b(?! members)"], "members"),
    "removes a member of the board": ([BODY + r" may remove (?:one of them|a member of the|members of the)"],
                                      "members"),
    "approves the board's pay": ([r"rates that " + BODY + r" approves", BODY + r" (?:approves|sets|decides) "
                                  r"(?:the )?(?:rates of )?(?:stipends|pay rates|their pay)"], "members"),
    "approves borrowing": ([r"borrows?\b[^.]*only if " + BODY + r" (?:approves|agrees)",
                            BODY + r" (?:approves|decides) (?:any )?borrowing"], "members"),
    "chooses the representatives": ([BODY + r" (?:also )?chooses? (?:who represents|the network's representatives|"
                                     r"its representatives|a representative)"], "members"),
    "changes the constitution": ([BODY + r" may change (?:this|the) (?:constitution|network charter)"], "members"),
    "dissolves the network": ([BODY + r" may dissolve"], "members"),
}  # fmt: skip


def body_of(name: str, board: str) -> str:
    if not name:  # an instruction to the reader: the members at their meeting
        return "members"
    name = re.sub(r"^(?:[Tt]he new|[Tt]he next|[Tt]he|[Aa]|[Tt]hat) ", "", name)
    if name in {"general meeting", "annual general meeting", "founding meeting", "members", "voting members"}:
        return "members"
    return "board" if name == board else name


def body_problems(kit: GridKit) -> list[str]:
    problems = []
    for rule, (patterns, expected) in BODY_RULES.items():
        for doc, sentence in kit.sentences():
            for pattern in patterns:
                for match in re.finditer(pattern, sentence):
                    if body_of(match.group("body"), kit.board) != expected:
                        problems.append(
                            f"{rule}: {doc} gives it to {match.group('body') or 'the reader'!r}: {sentence!r}"
                        )
    return problems


@each_kit()
def test_each_rule_is_given_to_one_body_wherever_it_is_stated(grid, number):
    problems = body_problems(grid[number])
    assert not problems, "\n".join(problems)


def test_the_checks_find_a_rule_stated_twice_with_different_values_or_bodies(grid):
    """The checks above prove something only if they fail on a contradiction: here, kit 0 with
    a policy that restates rules wrongly, as the first round's policies did."""
    kit = grid[0]
    quorum, board = kit.answers["general_meeting_quorum_percent"], kit.board
    wrong = {**kit.text, "board": kit.text["board"] + "\n" + "\n".join([
        f"A general meeting can make decisions only when at least {quorum + 1} per cent of the voting members "
        "take part.",
        "The general meeting elects the officers.",
        f"The {board} appoints the signatories.",
        f"The {board} approves their pay rates. The {board} may remove a member of the {board}.",
        "Then elect the officers: Chair, Treasurer, Secretary.",
    ])}  # fmt: skip
    contradicted = GridKit(kit.answers, wrong, kit.markdown, kit.clauses, kit.tables)
    assert [p.split(" (")[0] for p in value_problems(contradicted)] == ["general meeting quorum"]
    found = [p.split(":")[0] for p in body_problems(contradicted) if p not in body_problems(kit)]
    assert found == ["elects the officers", "elects the officers", "removes a member of the board",
                     "approves the board's pay"], found  # fmt: skip


def test_the_body_patterns_find_the_rules_they_check(grid):
    """The body test proves something only if its patterns find the constitution's own
    statements: each rule is found in some kit's constitution."""
    for rule, (patterns, _) in BODY_RULES.items():
        assert any(re.search(p, s) for kit in grid for _, s in kit.sentences(["constitution"]) for p in patterns), rule
    for rule, (patterns, _) in VALUE_RULES.items():
        assert any(re.search(p, s) for kit in grid for _, s in kit.sentences() for p in patterns), rule


# ---------------------------------------------------------------------------------------
# 3. References. Every reference into another document names a clause that holds the rule
# (the clause says it), and the sentence that refers is about that rule.
# ---------------------------------------------------------------------------------------

# anchor: (what the sentence that refers to it is about, what the clause says)
CONSTITUTION_RULES: dict[str, tuple[str, str]] = {
    "accounts": (r"accounts|financial year|audit|examin", r"yearly accounts"),
    "acting-members": (r"acting", r"acting member"),
    "amendment": (r"chang|amend", r"may change this"),
    "approvals": (r"approv|pay|table|money", r"Who approves"),
    "board": (r"{board}|seats", r"governs the network"),
    "board-meetings": (r"meet", r"meets at least \d+ times a year"),
    "board-payments": (r"paid|pay|stipend|expenses", r"for their time"),
    "board-quorum": (r"quorum", r"more than half of the {board} members who are able to act"),
    "borrowing": (r"borrow|loan", r"borrows money, or sells or pledges its property, only if a general meeting"),
    "composition": (r"seats?|peers?|women|sits|{board}", r"[Pp]eers"),
    "conflicts": (r"conflict|interest", r"conflict of interest"),
    "decisions": (r"decid|decision|vote|consensus", r"Decisions are made by|decides by"),
    "delegation": (r"delegat|committee|work", r"committees"),
    "election": (r"elect|ballot", r"elects the members of the {board} by secret ballot"),
    "eligibility": (r"stand|elect|candidate", r"may stand for election"),
    "founding": (r"first|found", r"transitional"),
    "general-meetings": (r"general meeting", r"highest authority"),
    "gm-notice": (r"notice", r"days' notice of a general meeting"),
    "gm-voting": (r"vot|ballot", r"secret ballot"),
    "leave": (r"leave|able to act|detain|out of reach", r"able to act unless"),
    "leaving": (r"leav|resign|lapse", r"resign"),
    "money": (r"money|account", r"money"),
    "no-exclusion": (r"drug use|because they use drugs", r"because they use drugs"),
    "objects": (r"objects|aims", r"[Oo]bjects"),
    "officers": (r"officer|share out the tasks", r"officers|tasks"),
    "policies": (r"polic", r"makes policies"),
    "records": (r"record|register|data", r"register of members"),
    "removal": (r"remov", r"remove"),
    "representatives": (r"represent", r"choose who represents"),
    "signatories": (r"signator|sign", r"appoints \d+ signatories"),
    "signing": (r"sign|represent|contract", r"sign"),
    "terms": (r"term", r"serves for"),
    "urgent-decisions": (r"urgent", r"urgent decision"),
    "who-can-join": (r"join|member|lived experience", r"lived experience of drug use"),
    "written-decisions": (r"writing|written", r"in writing"),
}

LINK = re.compile(r"\[[^\]]*\]\(kit:(?P<doc>[\w-]+)#(?P<anchor>[\w-]+)\)")


def referring_sentences(markdown: str) -> Iterator[tuple[str, str, str]]:
    for line in markdown.split("\n"):
        for sentence in split_sentences(line):
            for match in LINK.finditer(sentence):
                yield match["doc"], match["anchor"], sentence


@each_kit()
def test_every_reference_to_the_constitution_finds_the_clause_that_holds_its_rule(grid, number):
    kit = grid[number]
    constitution = kit.clauses["constitution"]
    problems = []
    for doc, markdown in kit.markdown.items():
        for target, anchor, sentence in referring_sentences(markdown):
            if target != "constitution":
                continue
            assert anchor in CONSTITUTION_RULES, f"{doc} refers to clause {anchor!r}: teach this test what it holds"
            about, holds = (p.format(board=kit.board) for p in CONSTITUTION_RULES[anchor])
            clause = constitution.get(anchor.replace("-", "_"))
            if clause is None or not clause.number:
                problems.append(f"{doc}: {anchor!r} is no numbered clause of the constitution")
            elif not re.search(holds, clause.text):
                problems.append(f"{doc}: clause {clause.number} ({anchor}) does not say /{holds}/")
            if not re.search(about, LINK.sub(lambda m: m["anchor"], sentence), re.I):
                problems.append(f"{doc}: a reference to {anchor} in a sentence about something else: {sentence!r}")
    assert not problems, "\n".join(problems)


OTHER_SUBJECTS = {
    "assets": "property",
    "approvals": "payments",
    "roles": "who does what",
    "keeping-money": "money is kept",
}


@each_kit()
def test_every_reference_to_another_document_finds_a_clause_about_it(grid, number):
    kit = grid[number]
    problems = []
    for doc, markdown in kit.markdown.items():
        for target, anchor, _ in referring_sentences(markdown):
            if target == "constitution":
                continue
            clause = kit.clauses.get(target, {}).get(anchor.replace("-", "_"))
            # the clause's heading names its subject: "claim-form" → "Claim form"
            subject = OTHER_SUBJECTS.get(anchor, anchor.split("-")[0][:6])
            if clause is None:
                problems.append(f"{doc}: {target}#{anchor} finds no clause")
            elif not re.search(subject, clause.text.split("\n")[0], re.I):
                problems.append(f"{doc}: {target}#{anchor} finds {clause.text.splitlines()[0]!r}")
    assert not problems, "\n".join(problems)


@each_kit()
def test_the_numbers_printed_for_references_are_the_constitutions(grid, number):
    """Every "clause N of the constitution" in the other documents is a clause it has."""
    kit = grid[number]
    numbers = {c.number for c in kit.clauses["constitution"].values()}
    charter = "network charter" if "network charter" in kit.text["constitution"][:200].lower() else "constitution"
    for doc, text in kit.text.items():
        if doc == "constitution":
            continue
        for match in re.finditer(rf"[Cc]lauses? ([\d.]+\d)(?: \([^)]*\))? of the {charter}", text):
            assert match[1] in numbers, f"{doc}: {match[0]!r}"


# ---------------------------------------------------------------------------------------
# 4. Money: one approval table, printed identically; every amount and approver agrees.
# ---------------------------------------------------------------------------------------

APPROVAL_HEADER = ["What", "Who approves", "Who also approves", "Who pays"]


def approval_tables(kit: GridKit) -> dict[str, list[list[str]]]:
    return {
        doc: table for doc, tables in kit.tables.items() for table in tables if table and table[0] == APPROVAL_HEADER
    }


@each_kit()
def test_the_approval_table_is_printed_identically_wherever_it_is(grid, number):
    kit = grid[number]
    tables = approval_tables(kit)
    assert {"constitution", "finance", "forms"} <= set(tables), sorted(tables)
    first = tables["constitution"]
    for doc, table in tables.items():
        assert table == first, f"{doc}'s approval table differs from the constitution's"


@each_kit()
def test_the_approval_table_follows_the_answers(grid, number):
    kit = grid[number]
    rows = {row[0]: row[1:] for row in approval_tables(kit)["constitution"][1:]}
    a = kit.answers
    dual, limit = kit.money("dual_signature_threshold"), kit.money("board_approval_threshold")
    labels = list(rows)
    assert any(label.startswith("A payment in the budget, up to " + dual) for label in labels), labels
    assert any(f"above {dual}" in label and f"up to {limit}" in label for label in labels), labels
    assert any(label.startswith(f"A payment, contract or grant above {limit}") for label in labels), labels
    petty = [label for label in labels if label.startswith("A petty-cash payment")]
    assert bool(petty) == (a.get("petty_cash_float") != 0), labels
    borrowing = rows["Borrowing money, or selling or pledging the network's property"]
    assert borrowing[0] == "a general meeting"
    approvers = {row[0] for row in rows.values()} | {row[1] for row in rows.values()}
    officers = {"chair": "the Chair", "treasurer": "the Treasurer"}
    for officer, name in officers.items():
        if officer not in a["officers"]:
            assert name not in approvers, f"{name} approves, but the answers name no {officer}"


AMOUNT_ANSWERS = ["dual_signature_threshold", "board_approval_threshold", "three_quotes_threshold",
                  "petty_cash_float", "petty_cash_max_payment"]  # fmt: skip


@each_kit()
def test_every_amount_in_the_kit_is_one_of_its_answers(grid, number):
    """The kit prints no amount of its own invention: each is an answer (the approval
    table's, the quotes' or the petty cash's), so changing an answer changes every copy."""
    kit = grid[number]
    known = {kit.money(a) for a in AMOUNT_ANSWERS if kit.answers.get(a) is not None}
    for doc, sentence in kit.sentences():
        for amount in re.findall(kit.amount_pattern, sentence):
            assert amount in known, f"{doc}: {amount} is not one of the kit's amounts: {sentence!r}"


# (who, what they approve, the answer that sets its amount)
APPROVAL_SENTENCES = [
    (r"[Tt]wo people approve (?:every payment|payments) above (?P<amount>{amount})", "dual_signature_threshold"),
    (r"[Tt]he (?:{board}) approves payments and contracts above (?P<amount>{amount})", "board_approval_threshold"),
    (r"above (?P<amount>{amount}),? (?:needs|need) (?:the approval of )?the {board}", "board_approval_threshold"),
]


@each_kit()
def test_every_approval_stated_in_words_agrees_with_the_table(grid, number):
    kit = grid[number]
    for doc, sentence in kit.sentences():
        for pattern, answer in APPROVAL_SENTENCES:
            match = re.search(pattern.format(board=kit.board, amount=kit.amount_pattern), sentence)
            if match and kit.answers.get(answer) is not None:
                assert match["amount"] == kit.money(answer), f"{doc}: {sentence!r}"
        who = re.match(r"(?:The|the) (Chair|Treasurer|Coordinator|Director|Vice-Chair|Secretary) approves", sentence)
        if who:
            table = approval_tables(kit)["constitution"]
            approvers = {cell for row in table[1:] for cell in row[1:3]}
            assert f"the {who[1]}" in approvers or "instead" in sentence, f"{doc}: {sentence!r}"


def test_the_grid_covers_every_status_rule_and_women_led_choice_in_several_countries():
    combinations = {(a["legal_status"], a["decision_rule"], a["women_led"]) for a in GRID}
    assert len(combinations) == len(STATUSES) * len(RULES) * 2
    assert len({a["country"] for a in GRID}) >= 5
    assert {a["kit_shape"] for a in GRID} == {"starter", "full"}
