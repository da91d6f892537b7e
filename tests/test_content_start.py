"""The start-here guide: what each answer changes in it (one value's phrases appear, the others'
do not), and what it must always do: list every document the kit builds with when it is used,
print the one approval table, follow the founding meeting pack in its next steps, explain the
kit's words, and say only warnings that are still true."""

# ruff: noqa: E501

from __future__ import annotations

import re

import docx
import pytest

from .builtkits import ALL_KITS, NBSP, Kit, check_branch, contrast
from .conftest import docx_paragraphs

BRANCHES = [
    *contrast(
        "legal_status",
        {
            "registered": (
                ("registered", "kenya-national-network"),
                [
                    ("start", "Registered, as: Public Benefit Organisation."),
                    ("start", "Call a general meeting."),
                    ("start", "The meeting votes on the resolution adopting the documents."),
                    ("start", "Tell the registering body and the bank."),
                    ("start", "to the registering body (Public Benefit Organisations Authority), and by when."),
                ],
            ),
            "planning_to_register": (
                ("planning", "women-led-network"),
                [
                    ("start", "Not registered yet. You plan to register"),
                    ("start", "Register the network."),
                    ("start", "If these demands would put members at risk, you do not have to register now."),
                ],
            ),
            "unregistered": (
                ("unregistered", "unregistered-network-asia"),
                [
                    ("start", "Not registered, and no plan to register for now."),
                    ("start", "Personal liability."),
                    ("start", "These demands are one reason to stay unregistered for now."),
                ],
            ),
            "fiscally_hosted": (
                ("hosted", "fiscally-hosted-regional-network"),
                [
                    ("start", "is your fiscal host: it holds your money and signs contracts for you."),
                    ("start", "and approve document 05, in one vote on the founders' resolution."),
                    ("start", "It also approves the fiscal hosting agreement."),
                    ("start", "Sign the agreement with the host."),
                    ("start", "Send the host the bank-mandate resolution, with a sample of each signatory's signature"),
                    ("start", "These demands are one reason to use a fiscal host."),
                ],
            ),
        },
    ),
    # A new network is founded at a founding meeting; a registered one adopts the kit at a general meeting.
    *contrast(
        "legal_status",
        {
            ("planning_to_register", "unregistered", "fiscally_hosted"): (
                ("unregistered", "hosted", "planning"),
                [
                    ("start", "Prepare the founding meeting."),
                    ("start", "Found the network."),
                    (
                        "start",
                        "Then they vote on the founders' resolution, which founds the network and adopts the documents.",
                    ),
                ],
            ),
            "registered": (("registered",), [("start", "in one vote on the resolution adopting the documents.")]),
        },
    ),
    *contrast(
        "legal_form",
        {
            "Public Benefit Organisation": (
                ("registered",),
                [("start", "Registered, as: Public Benefit Organisation.")],
            ),
            None: (
                ("planning",),
                [
                    ("start", "You plan to register, but have not chosen a legal form."),
                    ("start", "Choose a legal form, then apply to register."),
                ],
            ),
            "Voluntary association": (
                ("women-led-network",),
                [
                    ("start", "You plan to register as: Voluntary association."),
                    ("start", "Apply to register as: Voluntary association."),
                ],
            ),
        },
    ),
    *contrast(
        "money_holder",
        {
            "joint_account": (
                ("unregistered",),
                [
                    ("start", "A joint account of 3 office-holders, with only the network's money in it"),
                    ("start", "Open the joint account."),
                    ("start", "A joint account is in its holders' own names"),
                ],
            ),
            "ally": (
                ("unregistered-network-asia",),
                [
                    ("start", "Yayasan Sehat Bersama holds it for you, under a written agreement"),
                    ("start", "Agree in writing with Yayasan Sehat Bersama."),
                    ("start", "Sign the written agreement with Yayasan Sehat Bersama before any money moves."),
                ],
            ),
        },
    ),
    *contrast(
        "kit_shape",
        {
            "starter": (
                ("unregistered", "planning"),
                [
                    (
                        "start",
                        "Starter: short documents for a small network. The steps to follow are in annexes at the end of the policies.",
                    )
                ],
            ),
            "full": (
                ("registered", "hosted"),
                [("start", "Full: the policies give the steps to follow beside each rule.")],
            ),
        },
    ),
    *contrast(
        "women_led",
        {
            True: (
                ("hosted",),
                [
                    (
                        "start",
                        "Yes: the network and every seat on its coordinating committee are for cisgender and trans women, non-binary people and trans men.",
                    ),
                    ("start", "Every seat is for cisgender and trans women, non-binary people and trans men."),
                ],
            ),
            False: (("registered", "unregistered", "planning"), []),
        },
    ),
    *contrast(
        "women_seats",
        {
            3: (
                ("registered",),
                [
                    ("start", "No. 3 seats are kept for women and gender-diverse members."),
                    ("start", "3 seats are kept for women and gender-diverse members."),
                ],
            ),
            1: (
                ("planning",),
                [
                    ("start", "No. 1 seat is kept for a woman or a gender-diverse member."),
                    ("start", "1 seat is kept for a woman or a gender-diverse member."),
                ],
            ),
            0: (("unregistered",), [("start", "No, and no seat is kept for women or gender-diverse members.")]),
        },
    ),
    *contrast(
        "peer_definition",
        {
            "current_and_former": (("registered", "hosted", "planning"), []),
            "current": (("unregistered",), [("start", "The network speaks first for people who use drugs now.")]),
        },
    ),
    *contrast(
        "pseudonyms_allowed",
        {
            True: (
                ("registered", "hosted", "planning"),
                [("start", "By number and chosen name, which may be a pseudonym.")],
            ),
            False: (("unregistered",), [("start", "By number and the name the member gives.")]),
        },
    ),
    *contrast(
        "board_name",
        {
            "steering_committee": (("registered",), [("start", "Quorum of the steering committee")]),
            "board": (("unregistered",), [("start", "Quorum of the board")]),
            "coordinating_committee": (("hosted",), [("start", "Quorum of the coordinating committee")]),
            "executive_committee": (("planning",), [("start", "Quorum of the executive committee")]),
        },
    ),
    *contrast(
        "board_size_max",
        {
            9: (("registered",), [("start", "Steering committee of 5 to 9 members.")]),
            3: (("unregistered",), [("start", "Board of 3 members.")]),
            7: (("hosted",), [("start", "Coordinating committee of 4 to 7 members.")]),
            5: (("planning",), [("start", "Executive committee of 3 to 5 members.")]),
        },
    ),
    *contrast(
        "peer_share",
        {
            "two_thirds": (("registered", "planning"), [("start", "Peers hold at least two thirds of the seats.")]),
            "all": (("unregistered",), [("start", "Peers hold all of the seats.")]),
            "majority": (("hosted",), [("start", "Peers hold more than half of the seats.")]),
        },
    ),
    *contrast(
        "regional_seats",
        {
            True: (
                ("registered",),
                [("start", "Some seats are kept for members from each area."), ("start", "Fill the regional seats.")],
            ),
            False: (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "term_years",
        {
            3: (("registered",), [("start", "3 years a term.")]),
            2: (("hosted", "planning"), [("start", "2 years a term.")]),
            1: (("unregistered",), [("start", "1 year a term.")]),
        },
    ),
    # Terms of more than a year are staggered at the first election, by lot.
    *contrast(
        "term_years",
        {
            (3, 2): (
                ("registered", "hosted", "planning"),
                [
                    ("start", "The first terms are staggered."),
                    ("start", "Then a lot (a draw by chance) decides who serves a shorter first term"),
                ],
            ),
            1: (("unregistered",), []),
        },
    ),
    *contrast(
        "max_consecutive_terms",
        {
            2: (("registered", "planning"), [("start", "At most 2 terms in a row.")]),
            3: (("hosted",), [("start", "At most 3 terms in a row.")]),
            1: (("unregistered",), [("start", "At most 1 term in a row.")]),
        },
    ),
    *contrast(
        "officers",
        {
            (("chair", "vice_chair", "treasurer", "secretary"),): (
                ("registered",),
                [
                    (
                        "start",
                        "It elects its officers from among its members: Chair, Vice-chair, Treasurer and Secretary (clause",
                    )
                ],
            ),
            (("chair", "treasurer", "secretary"),): (
                ("planning",),
                [("start", "It elects its officers from among its members: Chair, Treasurer and Secretary (clause")],
            ),
            (("chair", "treasurer"),): (
                ("unregistered",),
                [("start", "It elects its officers from among its members: Chair and Treasurer (clause")],
            ),
            (("chair", "vice_chair", "secretary"),): (
                ("hosted",),
                [("start", "It elects its officers from among its members: Chair, Vice-chair and Secretary (clause")],
            ),
        },
    ),
    *contrast(
        "decision_rule",
        {
            "consensus": (
                ("registered", "planning"),
                [("start", "By consensus. If that fails, by a vote of more than half of the members present (clause")],
            ),
            "majority": (("unregistered",), [("start", "By a vote of more than half of the members present (clause")]),
            "two_thirds": (("hosted",), [("start", "By a vote of at least two thirds of the members present (clause")]),
        },
    ),
    *contrast(
        "casting_vote",
        {
            False: (("registered", "planning"), [("start", "No: when votes are equal, the proposal fails.")]),
            True: (("unregistered",), [("start", "Yes: the person chairing has a second vote when votes are equal.")]),
        },
    ),
    *contrast(
        "general_meeting_notice_days",
        {
            23: (
                ("registered",),
                [
                    ("start", "Notice: at least 23 days."),
                    (
                        "start",
                        "at least 23 days before the meeting, or earlier if the current constitution asks for it.",
                    ),
                ],
            ),
            29: (
                ("unregistered",),
                [("start", "Notice: at least 29 days."), ("start", "at least 29 days before the meeting.")],
            ),
            21: (
                ("hosted",),
                [("start", "Notice: at least 21 days."), ("start", "at least 21 days before the meeting.")],
            ),
            14: (
                ("planning",),
                [("start", "Notice: at least 14 days."), ("start", "at least 14 days before the meeting.")],
            ),
        },
    ),
    *contrast(
        "general_meeting_quorum_percent",
        {
            17: (("registered",), [("start", "Quorum: 17 per cent of the voting members.")]),
            31: (("unregistered",), [("start", "Quorum: 31 per cent of the voting members.")]),
            25: (("hosted", "planning"), [("start", "Quorum: 25 per cent of the voting members.")]),
        },
    ),
    *contrast(
        "board_pay",
        {
            "stipend": (
                ("registered",),
                [
                    ("start", "Their costs, and a stipend at rates that a general meeting approves (clause"),
                    (
                        "start",
                        "Stipends for steering committee members. Only a general meeting can approve the rates (clause",
                    ),
                    ("start", "May steering committee members be paid a stipend? How is a stipend taxed?"),
                ],
            ),
            "expenses": (
                ("hosted", "planning"),
                [("start", "No pay for their time. Their costs are paid back (clause"), ("start", "when you pay back")],
            ),
            "none": (("unregistered",), [("start", "No pay for their time (clause")]),
        },
    ),
    *contrast(
        "staff",
        {
            "director": (("registered",), [("start", "An executive director and staff.")]),
            "coordinator": (("hosted",), [("start", "A coordinator. Helping Hands Host Trust employs them.")]),
            "none": (
                ("unregistered", "planning"),
                [("start", "members and volunteers do the work."), ("start", "No paid staff.")],
            ),
        },
    ),
    *contrast(
        "financial_year_start_month",
        {
            7: (("registered",), [("start", "July to June.")]),
            4: (("unregistered",), [("start", "April to March.")]),
            1: (("hosted", "planning"), [("start", "January to December.")]),
        },
    ),
    *contrast(
        "currency",
        {
            "KES": (("registered",), [("start", "Kenyan Shilling (KES)")]),
            "USD": (("unregistered", "hosted"), [("start", "US Dollar (USD)")]),
            "ZAR": (("planning",), [("start", "South African Rand (ZAR)")]),
        },
    ),
    *contrast(
        "dual_signature_threshold",
        {
            12345: (("registered",), []),
            2468: (("unregistered",), []),
            3210: (("hosted",), []),
            None: (
                ("planning",),
                [
                    ("start", "Financial control policy: amount above which two people approve"),
                    ("start", "Amounts not set yet."),
                    ("start", "Set the amounts left open, too."),
                ],
            ),
        },
    ),
    *contrast(
        "petty_cash_float",
        {
            4567: (("registered",), [("start", f"A float of KES{NBSP}4,567.")]),
            250: (("hosted",), [("start", "A float of $250.")]),
            0: (("unregistered",), [("start", "None: the network keeps no petty cash."), ("start", "No petty cash.")]),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (
                ("registered",),
                [
                    ("start", "Mobile money."),
                    ("start", "What are the rules for groups that hold mobile-money accounts?"),
                ],
            ),
            False: (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "reserves_months",
        {
            4: (("registered",), [("start", "Aim to keep 4 months of running costs.")]),
            3: (("hosted", "planning"), [("start", "Aim to keep 3 months of running costs.")]),
            0: (("unregistered",), [("start", "No reserves target.")]),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_start(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)


# ---------------------------------------------------------------------------------------
# Sections of the guide, read back from the built document
# ---------------------------------------------------------------------------------------


def section(kit: Kit, heading: str) -> list[str]:
    """Return the paragraphs of the guide under a level-1 heading, up to the next one."""
    found, inside = [], False
    for style, text in docx_paragraphs(kit.file("start")):
        if style.startswith("Heading 1"):
            inside = text == heading
        elif inside and style != "Table cell" and text.strip():
            found.append(text)
    assert found, f"no section {heading!r}"
    return found


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if s]


def clause_number(kit: Kit, doc: str, title: str) -> str:
    """Return the number a document's contents give a clause (or an annex's letter)."""
    found = re.search(rf"^(?:Annex )?([\dA-Z][\d.]*?)(?:\.|:)?\s+{re.escape(title)}$", kit[doc], flags=re.MULTILINE)
    assert found, f"{doc} has no clause {title!r} in its contents"
    return found.group(1)


# ---------------------------------------------------------------------------------------
# What is in the kit: every built document, with when it is used
# ---------------------------------------------------------------------------------------

# The order in which a new network meets the documents, and a word that says when each is used.
KIT_ORDER = ["00", "06", "01", "02", "03", "07", "05", "04"]
WHEN = {
    "00": "First, to plan the",
    "06": "To prepare the",
    "01": "Adopted at the",
    "02": "Adopted at the",
    "03": "whenever money comes in or goes out.",
    "07": "practise the protocol with members.",
    "05": "Approved at the",
    "04": "Just after the election. Then, whenever money moves.",
}


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_guide_lists_every_built_document_with_when_it_is_used(kits, kit_name):
    kit = kits[kit_name]
    built = {path.stem[:2]: docx.Document(str(path)).core_properties.title for path in sorted(kit.path.glob("*.docx"))}
    rows = kit.table("start", ["Document", "When you use it"])[1:]
    listed = [row[0][:2] for row in rows]
    assert sorted(listed) == sorted(built), "the guide lists exactly the documents the kit builds"
    assert listed == [number for number in KIT_ORDER if number in built], "in the order a new network meets them"
    assert ("05" in built) == (kit.answers["legal_status"] == "fiscally_hosted")
    meeting = "general meeting" if kit.answers["legal_status"] == "registered" else "founding meeting"
    for row in rows:
        number, what, when = row[0][:2], row[0], row[1]
        assert what.startswith(f"{number} {built[number]}. "), what  # the title as the document prints it
        assert len(what.split()) > len(built[number].split()) + 2, f"{number} says what it is"
        assert WHEN[number] in when and when.endswith("."), f"{number}: {when!r}"
        if number in ("01", "02", "03", "06", "07"):
            assert meeting in when


# ---------------------------------------------------------------------------------------
# Your choices at a glance: the one approval table
# ---------------------------------------------------------------------------------------

APPROVAL_HEADER = ["What", "Who approves", "Who also approves", "Who pays"]


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_guide_prints_the_approval_table_of_the_finance_policy(kits, kit_name):
    kit = kits[kit_name]
    table = kit.table("start", APPROVAL_HEADER)
    assert table == kit.table("finance", APPROVAL_HEADER) == kit.table("constitution", APPROVAL_HEADER)
    summary = dict(row for row in kit.table("start", ["Choice", "What you chose"]))
    assert not [label for label in summary if "approve" in label.lower()], "no approval amount restated"


# ---------------------------------------------------------------------------------------
# Next steps: they follow the founding meeting pack
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_board_elects_its_officers_and_appoints_the_signatories(kits, kit_name):
    kit = kits[kit_name]
    steps = "\n".join(section(kit, "Next steps"))
    officers = {"chair": "Chair", "vice_chair": "Vice-chair", "treasurer": "Treasurer", "secretary": "Secretary"}
    names = [officers[o] for o in kit.answers["officers"]]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    meets = f"The new {kit.board} meets. It meets during a break, or soon after the meeting."
    assert meets in steps
    after = steps[steps.index(meets) :]
    assert f"It elects its officers from among its members: {listed} (clause" in after
    assert "The general meeting does not elect them." in after
    count = kit.answers["signatories"]
    assert (
        f"Then it passes the bank-mandate resolution in the pack, which appoints the {count} signatories by role (clause"
        in after
    )
    # the meeting elects the board, never its officers or the signatories
    election = steps[: steps.index(meets)]
    assert "officer" not in election.lower() and "signator" not in election.lower()
    if kit.answers["term_years"] > 1:  # the first election staggers the terms
        assert "Then a lot (a draw by chance) decides who serves a shorter first term" in election


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_guide_never_sends_readers_to_the_forms_for_the_resolution_or_the_minutes(kits, kit_name):
    kit = kits[kit_name]
    text = kit["start"]
    assert "adoption resolution in the forms" not in text
    assert "minutes outline in the forms" not in text
    stray = [s for s in sentences(text.replace("\n", " "))
             if re.search(r"\b(resolution|minutes)\b", s, re.IGNORECASE) and re.search(r"\bforms?\b", s, re.IGNORECASE)]  # fmt: skip
    assert not stray, stray
    # they are in the founding meeting pack, which the guide names
    assert "as the outline of the minutes in the pack says" in text
    assert "bank-mandate resolution in the pack" in text


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_next_steps_point_to_the_clauses_that_hold_them(kits, kit_name):
    kit = kits[kit_name]
    steps = "\n".join(section(kit, "Next steps"))
    annex = clause_number(kit, "data", "Security protocol")
    assert f"Print annex {annex} of the data protection and digital security policy." in steps
    assert f"run the 15-minute drill (clause {annex}.8)" in steps
    budget = clause_number(kit, "finance", "Budget, books and audit")
    assert (
        f"approve the first budget, before the network spends money (clause {budget} of the financial control policy)"
        in steps
    )


# ---------------------------------------------------------------------------------------
# Warnings: only those still true
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_warnings_are_still_true(kits, kit_name):
    kit = kits[kit_name]
    warnings = "\n".join(section(kit, "Warnings"))
    assert kit.answers["signatories"] >= 3
    assert "One bank signatory" not in kit["start"] and "Only one person can sign" not in kit["start"]
    assert f"A {kit.board} of two" not in kit["start"]  # the board has at least 3 members now
    if kit.answers["staff"] == "none":  # the compensating controls are the financial control policy's
        roles = clause_number(kit, "finance", "Who does what")
        assert f"Clause {roles} of the financial control policy lists the checks that make up for this." in warnings
        assert "The network has no staff, and three to five people often do all of this work." in kit["finance"]
    else:
        assert "No paid staff." not in warnings


# ---------------------------------------------------------------------------------------
# Your country: facts with their source and date; the examiner's name in South Africa
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_every_country_fact_gives_its_source_and_date(kits, kit_name):
    kit = kits[kit_name]
    facts, heading = [], ""
    for style, text in docx_paragraphs(kit.file("start")):
        if style.startswith("Heading"):
            heading = text
        elif heading in ("Legal forms", "Other notes") and style != "Table cell" and text.strip():
            facts.append(text)
    if kit.answers["country"] == "GH":  # no country pack: the guide says so, and states no fact
        assert "ngokit has no country pack for Ghana yet." in kit["start"]
        assert not facts
        return
    assert facts
    dated = re.compile(r"Source: \S+ \(last checked \d{1,2} [A-Z][a-z]+ \d{4}\)\.$")
    assert all(dated.search(fact) for fact in facts), [f for f in facts if not dated.search(f)]


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_south_african_kits_say_accounting_officer(kits, kit_name):
    kit = kits[kit_name]
    south_africa = kit.answers["country"] == "ZA"
    examiner, other = (
        ("accounting officer", "independent examiner")
        if south_africa
        else ("independent examiner", "accounting officer")
    )
    glossary = "\n".join(section(kit, "Words used in the kit"))
    assert f"{examiner.capitalize()}: a person who knows about accounts" in glossary
    assert other not in kit["start"].lower()
    if kit.answers["legal_status"] != "fiscally_hosted":  # a host's audit covers a hosted network's fund
        assert f"When does the law need an audit, or a check by an {examiner}? Who may do it?" in kit["start"]


# ---------------------------------------------------------------------------------------
# The glossary
# ---------------------------------------------------------------------------------------

GLOSSARY = [
    "Acting member", "Advance", "Audit", "Co-opt", "Conflict of interest", "Data controller", "Encryption",
    "Entrenched clause", "Fiscal host", "Independent examiner", "Minutes", "Peer", "Per diem", "Petty cash",
    "Proxy", "Pseudonym", "Quorum", "Reconciliation", "Reserves", "Resolution", "Restricted fund", "Signatory",
    "Stipend",
]  # fmt: skip


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_glossary_explains_each_term_in_plain_words(kits, kit_name):
    kit = kits[kit_name]
    entries = dict(line.split(": ", 1) for line in section(kit, "Words used in the kit")[1:])
    south_africa = kit.answers["country"] == "ZA"  # its NPO Act names an accounting officer
    glossary = ["Accounting officer", *GLOSSARY] if south_africa else GLOSSARY
    assert list(entries) == [term for term in glossary if not (south_africa and term == "Independent examiner")]
    for term, meaning in entries.items():
        words = meaning.split()
        assert 5 <= len(words) <= 40 and meaning.endswith("."), f"{term}: {meaning}"
        assert term.lower() not in meaning.lower().split(".")[0], f"{term} is explained in other words"
    assert "Its float is its fixed total" in entries["Petty cash"]  # float, with petty cash
    assert entries["Pseudonym"].startswith("a chosen name")
