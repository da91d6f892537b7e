"""The founding meeting pack, read back from built kits (tests/builtkits.py).

It is in every kit; it follows the constitution (the board elects the officers and appoints
the signatories, never the general meeting); it names the constitution's clauses by their
real numbers; it sums up each document that the meeting adopts; and each answer changes it
as the BRANCHES say.
"""

# ruff: noqa: E501

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from .builtkits import ALL_KITS, DOCS, Kit, check_branch, contrast
from .test_content import PERSONAL_CELL, PERSONAL_LABEL
from .test_content_hosting import clause_numbers, number

# ---------------------------------------------------------------------------------------
# Reading clause numbers and headings back from the built documents
# ---------------------------------------------------------------------------------------


def headings(path: Path, level: int) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == f"Heading {level}"]


def constitution_word(kit: Kit) -> str:
    return "network charter" if kit.answers["legal_status"] in ("unregistered", "fiscally_hosted") else "constitution"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------------------
# In every kit, with its papers
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_every_kit_has_the_founding_meeting_pack_with_its_papers(kits, kit_name):
    kit = kits[kit_name]
    assert kit.file("founding").is_file()
    document = docx.Document(str(kit.file("founding")))
    assert document.paragraphs[0].text == document.core_properties.title == "Founding meeting pack"
    founding = kit.answers["legal_status"] != "registered"
    meeting = "Founding meeting" if founding else "General meeting"
    expected = ["Agenda", "Founders' resolution" if founding else "Resolution adopting the documents",
                "Election script", f"The first {kit.board} meeting", f"{meeting}: outline of the minutes",
                "Summaries to read before the vote", *(["List of founders"] if founding else []), "Tally sheet"]  # fmt: skip
    assert headings(kit.file("founding"), 1) == expected


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_papers_name_roles_never_people(kits, kit_name):
    kit = kits[kit_name]
    text = kit["founding"]
    assert not PERSONAL_LABEL.search(text), PERSONAL_LABEL.search(text)
    roles = {"Chair of the meeting", "Secretary of the meeting", "First counter", "Second counter",
             f"Chair of the {kit.board} meeting", f"Another member of the {kit.board}"}  # fmt: skip
    for table in kit.tables("founding"):
        assert not [c for row in table for c in row if PERSONAL_CELL.match(c)], table[0]
        if "Signature" in table[0]:
            assert table[0] == ["Role", "Signature", "Date"]
            assert {row[0] for row in table[1:]} <= roles, table
            assert all(row[1] == "[signature: ________________]" for row in table[1:])
    # founders sign a separate list, with a chosen name or a mark, kept apart from the minutes
    if kit.answers["legal_status"] != "registered":
        founders = kit.table("founding", ["No.", "Chosen name, or a mark", "Signature or mark"])
        assert len(founders) > 10
        assert "Keep this page apart from the minutes." in text
        assert "The list of founders is kept apart from the minutes." in text


# ---------------------------------------------------------------------------------------
# The finding: the forms had the general meeting elect the officers and name the signatories,
# while the constitution gives both to the board. The pack follows the constitution.
# ---------------------------------------------------------------------------------------

MEETING_DECIDES_OFFICERS = re.compile(
    r"\b(?:general meeting|founding meeting|the meeting|members present|founders)\b[^.;\n]*"
    r"\b(?:elects?|elected|appoints?|appointed|names?|named)\b[^.;\n]*"
    r"(?:\bofficers?\b|\bChair\b|\bVice-chair\b|\bTreasurer\b|\bSecretary\b|\bsignator(?:y|ies)\b)"
)


def test_the_pattern_catches_a_meeting_that_elects_officers():
    assert MEETING_DECIDES_OFFICERS.search("The general meeting elected these officers: Chair, Treasurer.")
    assert MEETING_DECIDES_OFFICERS.search("It elected these officers. The founding meeting names the signatories")
    assert not MEETING_DECIDES_OFFICERS.search("The board elects its officers from among its members.")
    assert not MEETING_DECIDES_OFFICERS.search(
        "The meeting chooses a chair of the meeting and a secretary of the meeting."
    )


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_board_elects_the_officers_and_appoints_the_signatories_never_the_general_meeting(kits, kit_name):
    kit = kits[kit_name]
    text = kit["founding"]
    assert not MEETING_DECIDES_OFFICERS.search(text), MEETING_DECIDES_OFFICERS.search(text)
    assert "elected these officers" not in text
    numbers = clause_numbers(kit.file("constitution"))
    constitution = constitution_word(kit)
    officers = f"The {kit.board} elects its officers from among its members, as clause {number(numbers, 'officers')} of the {constitution} says."
    signatories = (f"As clause {number(numbers, 'signatories')} of the {constitution} says, the {kit.board} appoints the holders "
                   "of these roles as the network's signatories")  # fmt: skip
    assert officers in text and signatories in text
    # both happen at the board's first meeting, after the election, never in the members' resolution
    first_board = text.index(f"\nThe first {kit.board} meeting\n")
    assert text.index(officers) > first_board and text.index(signatories) > first_board
    assert text.index("\nElection script\n") < first_board
    assert f"During a break, the new {kit.board} elects its officers and appoints the signatories." in text
    # the mandate carries the one approval table, or points the host to its copy in the agreement
    approvals = [t for t in kit.tables("founding") if t[0] == ["What", "Who approves", "Who also approves", "Who pays"]]
    numbers_of_hosting = clause_numbers(kit.file("hosting")) if "hosting" in kit.docs else {}
    if numbers_of_hosting:
        assert not approvals
        assert (f"The host has the same table in clause {number(numbers_of_hosting, 'approvals')} "
                "of the fiscal hosting agreement.") in text  # fmt: skip
    else:
        assert len(approvals) == 1 and len(approvals[0]) >= 5
    signatory_roles = kit.table("founding", ["Signatory", "Role"])[1:]
    assert [row[0] for row in signatory_roles] == [str(i) for i in range(1, kit.answers["signatories"] + 1)]
    assert len(signatory_roles) >= 3 and all(row[1] == "[role: ________________]" for row in signatory_roles)


# ---------------------------------------------------------------------------------------
# The constitution's clauses, by their real numbers
# ---------------------------------------------------------------------------------------

CLAUSE = re.compile(r"\b[Cc]lauses? (\d+(?:\.\d+)*)((?: of the fiscal hosting agreement)?)")


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_pack_names_the_constitutions_clauses_by_their_real_numbers(kits, kit_name):
    kit = kits[kit_name]
    text = kit["founding"]
    numbers = clause_numbers(kit.file("constitution"))
    constitution = constitution_word(kit)
    # the rules the pack follows, each at its clause
    expected = [
        f"The {kit.board} is elected by secret ballot, as clause {number(numbers, 'election')} says.",
        f"Clause {number(numbers, 'eligibility')} says who can stand.",
        f"(clause {number(numbers, 'composition')})",
        f"the table of clause {number(numbers, 'approvals')}",
        f"They check the quorum: the smallest number of members who must take part for a decision to count (clause {number(numbers, 'board-quorum')}).",
        f"Drug use is never a reason to refuse or remove anyone (clause {number(numbers, 'no-exclusion')}).",
        f"nobody has to prove it (clause {number(numbers, 'who-can-join')}).",
        f"The {kit.board} elects its officers from among its members, as clause {number(numbers, 'officers')} of the",
    ]
    if kit.answers["legal_status"] == "registered":
        expected.append(f"under the new constitution, as clause {number(numbers, 'founding')} says.")
    else:
        expected.append(
            f"that each of us becomes one of its first members, as clause {number(numbers, 'founding')} of the {constitution} says;"
        )
    if kit.answers["term_years"] > 1:
        expected.append(f"(clause {number(numbers, 'terms')}). Terms are staggered")
    missing = [phrase for phrase in expected if phrase not in text]
    assert not missing, missing
    # every clause the pack names exists: in the constitution, or in the hosting agreement where it says so
    hosting_numbers = set(clause_numbers(kit.file("hosting")).values()) if "hosting" in kit.docs else set()
    start, end = text.find("\nFiscal hosting agreement\n"), text.find("\nList of founders\n")
    hosting_summary = text[start:end] if start >= 0 else ""
    outside = text.replace(hosting_summary, "") if hosting_summary else text
    cited = [(n, of_hosting) for n, of_hosting in CLAUSE.findall(outside)]
    assert len(cited) >= 20
    assert {n for n, of_hosting in cited if not of_hosting} <= set(numbers.values())
    assert {n for n, of_hosting in cited if of_hosting} <= hosting_numbers
    assert {n for n, _ in CLAUSE.findall(hosting_summary)} <= hosting_numbers


# ---------------------------------------------------------------------------------------
# A summary of each document the meeting adopts
# ---------------------------------------------------------------------------------------


def adopted_titles(kit: Kit) -> dict[str, str]:
    """The documents the meeting adopts (or approves), by key, as their titles read."""
    titles = {
        "constitution": capital(constitution_word(kit)), "board": f"{capital(kit.board)} governance policy",
        "finance": "Financial control policy", "data": "Data protection and digital security policy",
        "hosting": "Fiscal hosting agreement",
    }  # fmt: skip
    return {key: title for key, title in titles.items() if key in kit.docs or key == "data"}


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_summaries_cover_each_document_with_five_rules(kits, kit_name):
    kit = kits[kit_name]
    document = docx.Document(str(kit.file("founding")))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    start = paragraphs.index(("Heading 1", "Summaries to read before the vote"))
    end = next(i for i, (style, _) in enumerate(paragraphs) if style == "Heading 1" and i > start)
    summaries: dict[str, int] = {}
    for style, text in paragraphs[start + 1 : end]:
        if style == "Heading 2":
            summaries[text] = 0
        elif style == "List Number" and summaries:
            summaries[list(summaries)[-1]] += 1
    titles = adopted_titles(kit)
    assert list(summaries) == list(titles.values())
    assert set(summaries.values()) == {5}, summaries
    for key in titles:  # each document the kit holds is one the pack sums up, and no other
        assert key in kit.docs or key == "data", DOCS[key]
    # and the resolution adopts every one of them
    policies = f"{kit.board} governance policy, financial control policy, data protection and digital security policy"
    assert f"these policies, with the changes written in the minutes: {policies}." in kit["founding"]


# ---------------------------------------------------------------------------------------
# The lot: staggered first terms, as even as they can be, the longest terms first
# ---------------------------------------------------------------------------------------


def years(count: int) -> str:
    return f"{count} year" if count == 1 else f"{count} years"


@pytest.mark.parametrize("kit_name", [k for k in ALL_KITS if k not in ("unregistered", "unregistered-network-asia")])
def test_the_lot_gives_about_half_of_the_first_board_a_shorter_first_term(kits, kit_name):
    """As the constitution's transitional clause says: about half serve a first term of half a
    term (rounded down, at least a year), drawn by lot; the others a full term."""
    kit = kits[kit_name]
    full = kit.answers["term_years"]
    short = full // 2
    rows = kit.table("founding", ["Seats filled", f"First term of {years(short)}", f"First term of {years(full)}"])[1:]
    seats = list(range(kit.answers["board_size_min"], kit.answers["board_size_max"] + 1))
    assert [int(row[0]) for row in rows] == seats
    assert [(int(row[1]), int(row[2])) for row in rows] == [(n // 2, n - n // 2) for n in seats]
    text = kit["founding"]
    assert "One of the counters draws that many slips without looking, where everyone can see." in text
    assert "They keep the slips until the minutes are signed, then destroy them." in text


# ---------------------------------------------------------------------------------------
# What each answer changes in the pack
# ---------------------------------------------------------------------------------------

HOSTED_PHRASES = [
    ("founding", "Approving the fiscal hosting agreement"),
    ("founding", "to approve the fiscal hosting agreement with"),
    ("founding", "authorise two officers to sign the fiscal hosting agreement"),
    ("founding", "The signatories sign the network's payment requests to the host."),
    ("founding", "Clause numbers here are clauses of the fiscal hosting agreement."),
]
FOUNDING_PHRASES = [
    ("founding", "Founders' resolution"),
    ("founding", "We, the founders, agree:"),
    ("founding", "Any founder may nominate a person who can stand"),
    ("founding", "Make the register of members from the list of founders"),
]
REGISTERED_PHRASES = [
    ("founding", "Resolution adopting the documents"),
    ("founding", "Quorum of the current constitution reached"),
    ("founding", "The network is registered, so the meeting follows its current constitution."),
    ("founding", "that the new constitution replaces the current one"),
    ("founding", "The chair reads the names of the candidates, as the notice of the meeting gave them."),
    ("founding", "This list replaces any earlier list of signatories."),
    ("founding", "gets one more paper for it"),
]
PLANNING_PHRASES = [
    ("founding", "that the network applies to register as:"),
    ("founding", "They decide who applies for the network to register as"),
    ("founding", "When the network is registered, the "),
    ("founding", "make that list separately, give it only to the registering body"),
]

BRANCHES = [
    *contrast(  # only a general meeting approves stipend rates: the founding meeting can
        "board_pay",
        {
            "stipend": (
                ("registered", "kenya-national-network"),
                [("founding", "members. Only a general meeting can approve the rates (clause")],
            ),
            ("none", "expenses"): (("unregistered", "hosted", "unregistered-network-asia"), []),
        },
    ),
    *contrast(
        "legal_status",
        {
            "registered": (("registered", "kenya-national-network"), REGISTERED_PHRASES),
            "planning_to_register": (("planning", "women-led-network"), PLANNING_PHRASES),
            "unregistered": (("unregistered", "unregistered-network-asia"), []),
            "fiscally_hosted": (("hosted", "fiscally-hosted-regional-network"), HOSTED_PHRASES),
        },
    ),
    *contrast(
        "money_holder",
        {
            "ally": (
                ("unregistered-network-asia",),
                [
                    ("founding", "Yayasan Sehat Bersama holds the network's money, as clause"),
                    ("founding", "The signatories sign the network's payment requests to Yayasan Sehat Bersama."),
                    ("founding", "They approve the written agreement with Yayasan Sehat Bersama (clause"),
                    ("founding", "Sign the written agreement with Yayasan Sehat Bersama"),
                ],
            ),
            "joint_account": (
                ("unregistered",),
                [
                    (
                        "founding",
                        "The network's money is kept in a joint account: one account held together by office-holders",
                    ),
                    ("founding", "Signatories 1, 2 and 3 hold it."),
                    ("founding", "Open the joint account for the network"),
                ],
            ),
        },
    ),  # fmt: skip
    *contrast(
        "term_years",
        {
            (2, 3): (
                ("hosted", "registered", "kenya-national-network", "women-led-network"),
                [
                    ("founding", "Staggering the terms by lot"),
                    ("founding", "A draw, by chance, decides who serves a shorter first term."),
                    ("founding", "Drawing lots means choosing by chance, so that no person decides."),
                ],
            ),
            1: (("unregistered", "unregistered-network-asia"), []),
        },
    ),  # fmt: skip
    *contrast(
        "online_meetings",
        {
            True: (
                ("registered", "unregistered-network-asia"),
                [("founding", "People who take part online send their vote in a private message")],
            ),
            False: (("unregistered",), []),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (
                ("registered", "unregistered-network-asia"),
                [
                    ("founding", "Mobile-money accounts have the same signatories"),
                    ("founding", "A mobile-money record can show who took part"),
                ],
            ),
            False: (("unregistered", "hosted"), []),
        },
    ),  # fmt: skip
    *contrast(
        "women_led",
        {
            True: (
                ("hosted", "women-led-network"),
                [("founding", "Every seat is for a woman or for a member of the other groups that clause")],
            ),
            False: (
                ("registered", "kenya-national-network"),
                [("founding", "3 seats are kept for women and gender-diverse members.")],
            ),
        },
    ),
    *contrast(
        "regional_seats",
        {
            True: (
                ("registered", "kenya-national-network"),
                [("founding", "Some seats are kept for members from each area.")],
            ),
            False: (("unregistered", "planning"), []),
        },
    ),
    *contrast(
        "membership_model",
        {
            ("organisations", "both"): (
                ("hosted", "women-led-network"),
                [
                    ("founding", "a founding group becomes a member group, and its representative signs for it;"),
                    ("founding", "For a founding group, write the group's name; its representative signs."),
                ],
            ),
            "individuals": (("unregistered", "unregistered-network-asia"), []),
        },
    ),  # fmt: skip
    *contrast(
        "kit_shape",
        {
            "starter": (
                ("unregistered",),
                [
                    (
                        "founding",
                        "The meeting chooses two voting members who are not standing, or an ally, to run the vote",
                    )
                ],
            ),
            "full": (
                ("registered", "hosted"),
                [
                    (
                        "founding",
                        "The meeting chooses three voting members who are not standing to run the vote, as the election committee",
                    )
                ],
            ),
        },
    ),
    *contrast(
        "pseudonyms_allowed",
        {
            True: (
                ("registered", "unregistered-network-asia"),
                [
                    ("founding", "keeps the register of members, by chosen name"),
                    ("founding", "Members may use a chosen name."),
                ],
            ),
            False: (
                ("unregistered",),
                [
                    ("founding", "keeps the register of members, by name"),
                    ("founding", "The register of members holds only what it needs."),
                ],
            ),
        },
    ),
    *contrast(
        "board_size_max",
        {
            3: (("unregistered",), []),
            (7, 9, 11): (
                ("registered", "hosted", "women-led-network"),
                [("founding", "First the meeting agrees how many seats to fill now.")],
            ),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_pack(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_founders_papers_come_with_a_new_network_and_the_quorum_check_with_a_registered_one(kits, kit_name):
    kit = kits[kit_name]
    text = kit["founding"]
    founding = kit.answers["legal_status"] != "registered"
    for _, phrase in FOUNDING_PHRASES:
        assert (phrase in text) == founding, phrase
    assert ("List of founders" in text) == founding
    assert ("Quorum of the current constitution reached" in text) == (not founding)
    meeting = "founding meeting" if founding else "general meeting"
    assert f"This pack holds the papers for the {meeting} of " in text
