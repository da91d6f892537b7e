"""What holds across the whole kit, read back from built kits (tests/builtkits.py).

Each document's own branches are in test_content_<document>.py. Here: titles and legal
personality, drug use never a ground for exclusion, the board's name, the same value reading
the same in every document, none of the words the language guide asks us to avoid, and
signature lines that name roles, never people.
"""

from __future__ import annotations

import re

import docx
import pytest

from .builtkits import ALL_KITS, BOARD_NAMES, DOCS, NBSP, Kit

# ---------------------------------------------------------------------------------------
# Legal status: title, legal personality, fiscal hosting agreement
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_only_a_registered_or_registering_network_has_a_constitution(kits, kit_name):
    kit = kits[kit_name]
    charter = kit.answers["legal_status"] in ("unregistered", "fiscally_hosted")
    title, other = ("Network charter", "Constitution") if charter else ("Constitution", "Network charter")
    document = docx.Document(str(kit.file("constitution")))
    assert document.paragraphs[0].text == document.core_properties.title == title
    assert f"01 {title}" in kit["start"] and f"01 {other}" not in kit["start"]
    this, not_this = ("network charter", "constitution") if charter else ("constitution", "network charter")
    this, not_this = f"this {this}", f"this {not_this}"
    assert f"In {this}:" in kit["constitution"]
    assert not_this not in kit["constitution"].lower()


LEGAL_PERSONALITY = [
    "body corporate",
    "sue and be sued",
    "a legal person separate from its members",
    "It can own property",
    "rent, buy, insure and sell property",
    "The network is registered in",
]


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_a_charter_never_claims_legal_personality(kits, kit_name):
    kit = kits[kit_name]
    status = kit.answers["legal_status"]
    if status == "registered":  # the claims are real phrases: a registered network makes them
        assert all(claim in kit["constitution"] for claim in LEGAL_PERSONALITY)
    elif status == "planning_to_register":  # only "once registered", or in South Africa by its constitution
        once = "Once registered, and as far as the law on that legal form provides, it is a body corporate"
        if kit.answers["country"] == "ZA":  # a voluntary association is a legal person by its constitution
            once = "This constitution makes it a body corporate from the day the members adopt it"
        assert once in kit["constitution"]
        assert "The network is registered in" not in kit.text
    else:
        assert "The network is not registered and is not a legal person." in kit["constitution"]
        for claim in LEGAL_PERSONALITY:
            assert claim not in kit.text, claim


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_fiscal_hosting_agreement_comes_only_with_a_host_and_names_it(kits, kit_name):
    kit = kits[kit_name]
    host = kit.answers.get("fiscal_host_name")
    if kit.answers["legal_status"] == "fiscally_hosted":
        assert kit.file("hosting").is_file()
        document = docx.Document(str(kit.file("hosting")))
        assert document.paragraphs[0].text == "Fiscal hosting agreement"
        country = {"KG": "Kyrgyzstan"}[kit.answers["country"]]
        assert f"{host}, an organisation registered in {country}" in kit["hosting"]
        assert f"The agreement between the network and {host}, which holds the network's money" in kit["start"]
        assert "05 Fiscal hosting agreement" in kit["start"]
        fee = kit.answers["fiscal_host_fee_percent"]
        assert f"The host charges a fee of {fee} per cent of the money it receives for the network." in kit["hosting"]
    else:
        assert host is None
        assert not kit.file("hosting").exists()
        assert "hosting" not in kit.docs
        assert "05 Fiscal hosting agreement" not in kit["start"]
        assert "Authorised approver" not in kit["finance"]


# ---------------------------------------------------------------------------------------
# Drug use is never a ground for exclusion: in every kit, whatever the answers
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_drug_use_is_never_a_ground_for_exclusion(kits, kit_name):
    kit = kits[kit_name]
    constitution = kit["constitution"]
    assert "Drug use is never a ground for exclusion" in constitution
    nobody = f"Nobody is refused membership, suspended, expelled, removed from the {kit.board} or any office, or "
    assert nobody + "disciplined because they use drugs" in constitution
    assert "The network never asks anyone to say whether they use drugs, to take a drug test" in constitution
    assert (
        "drug use, treatment or a criminal record for drug use or possession stops nobody from standing" in constitution
    )
    assert "Drug use is never a ground for action." in kit["board"]
    assert "Drug use is never a reason for removal" in kit["board"]
    assert "a return to use is never a breach of it" in kit["forms"]
    assert "Decisions are about the conduct (taking money), never about a person's drug use." in kit["finance"]


# ---------------------------------------------------------------------------------------
# The board's name, throughout
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_board_name_is_used_in_every_document_and_no_other_name_is(kits, kit_name):
    kit = kits[kit_name]
    board = kit.board
    for doc, text in kit.docs.items():
        assert len(re.findall(rf"\b{board}\b", text, flags=re.IGNORECASE)) >= 2, DOCS[doc]
    for other in set(BOARD_NAMES.values()) - {board, "board"}:
        assert other not in kit.text.lower(), other
    Board = board[:1].upper() + board[1:]
    assert docx.Document(str(kit.file("board"))).paragraphs[0].text == f"{Board} governance policy"
    assert f"{Board} member (role or pseudonym)" in kit["forms"]


# "board" used of another body, or of boards in general, is fine in any kit.
GENERIC_BOARD = [
    "a seat on its board",  # forms: a role in another organisation
    "payments to board members of non-profit or charitable organisations",  # the law in general
    "payments to the board members of a non-profit",  # the law in general
]


@pytest.mark.parametrize("kit_name", ["registered", "hosted"])
def test_a_renamed_board_is_never_called_board(kits, kit_name):
    kit = kits[kit_name]
    assert kit.board != "board"
    stray = []
    for doc, text in kit.docs.items():
        for generic in GENERIC_BOARD:
            text = text.replace(generic, "")
        stray += [f"{DOCS[doc]}: ...{text[max(m.start() - 50, 0):m.end() + 30]}..."
                  for m in re.finditer(r"\bboard\b", text, flags=re.IGNORECASE)]  # fmt: skip
    assert not stray, "\n".join(stray)


# ---------------------------------------------------------------------------------------
# The same value reads the same in every document
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_board_quorum_reads_the_same_everywhere(kits, kit_name):
    kit = kits[kit_name]
    quorum = f"more than half of the {kit.board} members who are able to act (at least 2)"
    assert f"A meeting can make decisions only when {quorum} take part." in kit["constitution"]
    assert "members in office" not in kit["constitution"]  # the quorum counts only members able to act
    assert quorum not in kit["board"]  # the board policy refers to the constitution's clause, never restates it
    # a document that states the quorum states this one (the policies may instead refer to its clause)
    stated = set(re.findall(r"more than half of the [\w ]+? members (?:who are able to act \(at least \d+\)|in office)",
                            kit.text))  # fmt: skip
    assert stated == {quorum}
    summary = dict(row for row in kit.table("start", ["Choice", "What you chose"]))
    assert summary[f"Quorum of the {kit.board}"] == f"{quorum[:1].upper()}{quorum[1:]}."


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_general_meeting_and_board_notice_and_quorum_read_the_same_everywhere(kits, kit_name):
    kit = kits[kit_name]
    quorum = kit.answers["general_meeting_quorum_percent"]
    notice = kit.answers["general_meeting_notice_days"]
    board_notice = kit.answers["board_notice_days"]
    summary = dict(row for row in kit.table("start", ["Choice", "What you chose"]))
    general = f"Quorum: {quorum} per cent of the voting members. Notice: at least {notice} days."
    assert summary["General meetings"] == general
    assert f"at least {quorum} per cent of the voting members take part" in kit["constitution"]
    assert f"at least {notice} days' notice of a general meeting" in kit["constitution"]
    assert f"at least {notice} days before the meeting" in kit["start"]
    assert f"at least {board_notice} days before it." in kit["constitution"]
    assert "days before each meeting" not in kit["board"]  # notice: the board policy refers to the constitution
    assert "days before it" not in kit["board"]
    # and no other number anywhere in the kit
    assert set(re.findall(r"(\d+) per cent of the voting members", kit.text)) == {str(quorum)}
    assert set(re.findall(r"(\d+) days' notice", kit.text)) == {str(notice)}
    before = re.findall(r"at least (\d+) days before (?:it|the meeting|each meeting)\b", kit.text)
    assert set(before) == {str(notice), str(board_notice)}


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_casting_vote_reads_the_same_in_every_document(kits, kit_name):
    kit = kits[kit_name]
    # Under a two-thirds rule there are no ties to break, so no document gives a casting vote.
    casting = bool(kit.answers.get("casting_vote")) and kit.answers["decision_rule"] != "two_thirds"
    summary = dict(row for row in kit.table("start", ["Choice", "What you chose"]))
    says_casting = {
        "start": summary["Casting vote"].startswith("Yes"),
        "constitution": "has a second, casting vote" in kit["constitution"],
    }
    assert says_casting == {"start": casting, "constitution": casting}
    assert "casting vote" not in kit["board"]  # the board policy refers to the constitution's decision rule


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_money_limits_read_the_same_in_the_table_the_text_and_the_summary(kits, kit_name):
    """The same amount (or, when left open, the same blank) in every place that states it."""
    kit = kits[kit_name]
    a = kit.answers
    dual, limit = kit.amount("dual_signature_threshold"), kit.amount("board_approval_threshold")
    quotes = kit.amount("three_quotes_threshold")

    # The one approval table, printed the same in the financial control policy and on the forms' approval card
    approvals = kit.table("finance", APPROVAL_HEADER)
    assert approvals == kit.table("forms", APPROVAL_HEADER)
    bands = [row[0] for row in approvals[1:]]
    expected = [f"A payment in the budget, up to {dual}", f"A payment in the budget, above {dual} and up to {limit}",
                f"A payment, contract or grant above {limit}, or any spending outside the budget"]  # fmt: skip
    if a.get("petty_cash_float") != 0:
        expected.insert(0, f"A petty-cash payment, up to {kit.amount('petty_cash_max_payment')}")
    assert bands[: len(expected)] == expected
    assert approvals[len(expected)][1] == f"the {kit.board}, by a recorded decision"

    procurement = kit.table("finance", ["Value of the purchase", "What is needed"])
    assert [row[0] for row in procurement[1:]] == [f"Up to {quotes}", f"Above {quotes}"]

    # The start-here guide prints the same approval table, and states no approval amount of its own
    assert kit.table("start", APPROVAL_HEADER) == kit.table("finance", APPROVAL_HEADER)
    summary = dict(row for row in kit.table("start", ["Choice", "What you chose"]))
    assert summary["Three written quotes needed above"] == quotes
    if a.get("petty_cash_float") == 0:
        assert summary["Petty cash"] == "None: the network keeps no petty cash."
    else:
        petty = kit.amount("petty_cash_float")
        assert summary["Petty cash"] == f"A float of {petty}."
        assert f"The network keeps a fixed amount of petty cash, called the float, of {petty}." in kit["finance"]

    if a["legal_status"] == "fiscally_hosted":
        assert f"A payment in the budget, above {dual} and up to {limit}" in kit["hosting"]  # the approval table
    approvals = kit.table("constitution", ["What", "Who approves", "Who also approves", "Who pays"])
    assert [row[0] for row in approvals if limit in row[0]]  # the constitution's limits are its approvals table
    assert "The approval table (clause" in kit["board"]  # the board policy refers to the one table
    assert dual not in kit["board"] and limit not in kit["board"]

    # No other amount, and no other currency's amount, anywhere in the kit.
    printed = set(re.findall(r"(?:\$|\b[A-Z]{3}\u00a0)\d{1,3}(?:,\d{3})*(?:\.\d+)?", kit.text))
    answered = {kit.money(a[k]) for k in ("dual_signature_threshold", "board_approval_threshold",
                                          "three_quotes_threshold", "petty_cash_float", "petty_cash_max_payment")
                if a.get(k)}  # fmt: skip
    assert printed == answered


APPROVAL_HEADER = ["What", "Who approves", "Who also approves", "Who pays"]


def test_amounts_print_the_currency_code_and_a_no_break_space(kits):
    text = kits["registered"].text
    assert f"KES{NBSP}12,345" in text
    assert "KES 12,345" not in text  # an ordinary space would let Word break the line inside the amount
    assert "KES12,345" not in text


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_financial_year_reads_the_same_everywhere(kits, kit_name):
    kit = kits[kit_name]
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]  # fmt: skip
    start_month = kit.answers["financial_year_start_month"]
    start, end = months[start_month - 1], months[start_month - 2]
    assert f"starts on the first day of {start} and ends on the last day of {end}." in kit["constitution"]
    assert f"Before the financial year starts in {start}" in kit["board"]
    assert f"After the financial year ends in {end}" in kit["board"]
    summary = dict(row for row in kit.table("start", ["Choice", "What you chose"]))
    assert summary["Financial year"] == f"{start} to {end}."
    assert f"Is a financial year from {start} to {end} allowed?" in kit["start"]
    # every financial-year phrase the templates write names these two months only
    month = f"({'|'.join(months)})"
    starts = re.findall(rf"financial year (?:runs from the first day of|starts on the first day of|from|starts in) "
                        rf"{month}", kit.text)  # fmt: skip
    ends = re.findall(rf"(?:to the last day of|ends on the last day of|financial year ends in) {month}", kit.text)
    assert (set(starts), set(ends)) == ({start}, {end})


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_person_who_checks_the_accounts_has_one_name_in_the_whole_kit(kits, kit_name):
    """Finding 10: South Africa's NPO Act names an accounting officer; no document of a South
    African kit speaks of an independent examiner or examination instead."""
    kit = kits[kit_name]
    if kit.answers["country"] == "ZA":
        assert "independent examin" not in kit.text.lower()
    else:
        assert "accounting officer" not in kit.text


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_currency_reads_the_same_everywhere(kits, kit_name):
    kit = kits[kit_name]
    code = kit.answers["currency"]
    name = {"KES": "Kenyan Shilling", "USD": "US Dollar", "ZAR": "South African Rand", "IDR": "Indonesian Rupiah"}[code]
    summary = dict(row for row in kit.table("start", ["Choice", "What you chose"]))
    assert summary["Currency"] == f"{name} ({code})"
    accounts = f"The network keeps its accounts in {name} ({code}). Every amount in this policy is in {name}."
    assert accounts in kit["finance"]
    for other in {"KES", "USD", "ZAR", "IDR"} - {code}:
        assert not re.search(rf"\b{other}\b", kit.text), other
    if code != "USD":
        assert not re.search(r"\$\d", kit.text)


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_other_shared_values_read_the_same_everywhere(kits, kit_name):
    kit = kits[kit_name]
    a = kit.answers
    meetings, years = a["board_meetings_per_year"], a["policy_review_years"]
    assert f"meets at least {meetings} times a year." in kit["constitution"]
    assert "times a year" not in kit["board"]  # the board policy refers to the constitution's clause
    assert f"Set the dates of at least {meetings} meetings for the year" in kit["start"]
    every = "every year" if years == 1 else f"every {years} years"
    assert f"reviews the policies at least {every}." in kit["constitution"]
    assert f"reviews this policy at least {every}, and sooner" in kit["finance"]
    assert "reviews the policies as clause" in kit["start"]  # the start-here guide refers to the clause
    if years == 1:
        assert "reviews this policy at least every year." in kit["board"]
    else:
        assert f"reviews this policy at least every {years} years." in kit["board"]


# ---------------------------------------------------------------------------------------
# Language: none of the words the language guide asks us to avoid
# ---------------------------------------------------------------------------------------

# Whole words, any case. "abuse" alone is not here: safeguarding text rightly speaks of
# "sexual exploitation and abuse"; we check the drug-related uses instead. "clean" and
# "dirty" are checked as whole words: no kit text uses them in any sense today (such as a
# "clean copy"); if one ever does, narrow the pattern to that use and say so here.
AVOID = [
    r"addicts?", r"drug addicts?", r"ex-addicts?", r"addicted", r"junkies?",
    r"drug abuse", r"substance abuse", r"drug misuse", r"misuse[sd]?", r"(?:drug )?abusers?",
    r"clean", r"dirty", r"relapse[sd]?", r"relapsing",
    r"suffering from", r"suffers? from", r"afflicted(?: by| with)?", r"victims? of",
    r"vulnerable (?:people|persons|groups?|populations?)", r"beneficiar(?:y|ies)",
    r"former (?:drug )?users?", r"drug-free", r"users?",
]  # fmt: skip
AVOID_RE = re.compile(r"\b(?:" + "|".join(AVOID) + r")\b", re.IGNORECASE)


def test_the_avoid_pattern_catches_the_words_it_is_meant_to():
    caught = ["An addict", "junkie", "drug abuse", "Substance Abuse", "misuse", "drug abuser", "clean",
              "dirty tests", "relapse", "suffering from", "afflicted", "victim of", "vulnerable people",
              "beneficiaries", "ex-addict", "former user", "drug-free", "drug users"]  # fmt: skip
    passed = ["sexual exploitation and abuse", "people who use drugs", "used drugs in the past", "a return to use",
              "cleaning", "useful", "drug use"]  # fmt: skip
    assert all(AVOID_RE.search(text) for text in caught), [t for t in caught if not AVOID_RE.search(t)]
    assert not any(AVOID_RE.search(text) for text in passed), [t for t in passed if AVOID_RE.search(t)]


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_no_kit_uses_a_word_the_language_guide_avoids(kits, kit_name):
    kit = kits[kit_name]
    found = [f"{DOCS[doc]}: ...{text[max(m.start() - 40, 0):m.end() + 40]}..."
             for doc, text in kit.docs.items() for m in AVOID_RE.finditer(text)]  # fmt: skip
    assert not found, "\n".join(found)


# ---------------------------------------------------------------------------------------
# Safety: roles, never names or identity documents, on signature lines and forms
# ---------------------------------------------------------------------------------------

# A label is what a form asks for: at the start of a line or a cell, or inside a blank "[...: ___]".
# (Prose such as "choose a neutral name: the rules below..." is not a label.)
PERSONAL_LABEL = re.compile(
    r"(?:^|\[)\s*(?:full name|first name|last name|surname|name|ID number|ID no\.?|"
    r"identity (?:number|document|card)|passport(?: number)?|date of birth|home address|address|"
    r"phone(?: number)?)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
PERSONAL_CELL = re.compile(
    r"^\s*(?:full name|first name|last name|surname|name|names|ID|ID number|identity (?:number|document)|"
    r"passport|date of birth|address|home address|phone|phone number)\s*$",
    re.IGNORECASE,
)


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_signature_lines_and_forms_name_roles_never_people(kits, kit_name):
    kit = kits[kit_name]
    assert "Every signature line names a role, never a person" in kit["forms"]
    for doc in ("forms", "hosting", "constitution"):
        if doc not in kit.docs:
            continue
        assert not PERSONAL_LABEL.search(kit[doc]), PERSONAL_LABEL.search(kit[doc])
        for table in kit.tables(doc):
            cells = [cell for row in table for cell in row]
            assert not [c for c in cells if PERSONAL_CELL.match(c)], (doc, table[0])
            if "Signature" in table[0]:  # signature tables: a Role column, one row per role
                assert table[0] == ["Role", "Signature", "Date"], table[0]
                assert all(row[1] == "[signature: ________________]" for row in table[1:])
            elif any(row[0] == "Signature" for row in table):  # the hosting agreement: roles in a row
                roles = next(row for row in table if row[0] == "Role")
                assert roles[1] == "[role of the host's signatory: ________________]"
                assert roles[2:] == [f"[role of an officer authorised by the {kit.board}: ________________]"] * 2
    # the forms' signature tables, by role
    signed = [t for t in kit.tables("forms") if t[0] == ["Role", "Signature", "Date"]]
    keeper, paid = f"Received by: {kit_keeper(kit)}", kit_payer(kit)
    second_approver = "Second approver, where the table asks for one (role)"
    assert [row[0] for t in signed for row in t[1:]] == [
        "Person declaring (role or pseudonym)", keeper,
        f"{kit.board[:1].upper()}{kit.board[1:]} member (role or pseudonym)", keeper,
        "Asked for by (role)", "Approved by (role)", second_approver, paid,
        "Second signatory, where the table asks for one (role)", "Recorded in the books by (role)",
        "Person claiming (role or pseudonym)", "Approved by (role)", paid,
        "Person asking (role or pseudonym)", "Approved by (role)", second_approver, paid,
        "Person retiring the advance (role or pseudonym)", "Checked by (role)", "Approver, closing the advance (role)",
        "First person paying (role)", "Second person paying (role)",
        "Person who keeps the cash (role)", "Person who counted (role)",
    ]  # fmt: skip
    assert "Chair of the meeting: [signature: ________________]" in kit["constitution"]


def kit_payer(kit: Kit) -> str:
    """The signature line of the step that pays: a signatory, or the request to the host or the ally."""
    a = kit.answers
    if a["legal_status"] == "fiscally_hosted":
        host = a.get("fiscal_host_name") or "[name of the host organisation: ________________]"
        return f"Request to {host} signed by (role)"
    if a["legal_status"] == "unregistered" and a.get("money_holder") == "ally":
        ally = a.get("ally_name") or "[name of the allied organisation: ________________]"
        return f"Request to {ally} signed by (role)"
    return "Paid by: a signatory who did not approve it (role)"


def kit_keeper(kit: Kit) -> str:
    """Who keeps the signed forms: the Secretary, or the Chair when there is no Secretary."""
    return "Secretary" if "secretary" in kit.answers["officers"] else "Chair"


def test_every_answer_a_template_uses_is_a_question():
    """Templates read answers as ``answers.<name>``; a misspelt name would only fail in its branch."""
    from ngokit.kit import load_kit

    kit = load_kit()
    names = set(kit.questionnaire.names) | {"get", "items", "keys", "values"}
    sources = [*(kit.path / "{{cookiecutter.kit_folder}}").glob("*.md"), *(kit.path / "templates").glob("*.j2")]
    answer = re.compile(r"\banswers\.(?!yaml\b)(\w+)")  # not the file answers.yaml, named in the text
    used = {(path.name, name) for path in sources for name in answer.findall(path.read_text("utf-8"))}
    unknown = sorted(f"{file}: answers.{name}" for file, name in used if name not in names)
    assert not unknown, unknown
    assert len({name for _, name in used}) > 40  # the check really reads the templates
