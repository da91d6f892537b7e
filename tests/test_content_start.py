"""What each answer changes in the start-here guide: one value's phrases appear, the others' do not."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from .builtkits import NBSP, check_branch, contrast

BRANCHES = [
    *contrast(
        "legal_status",
        {
            "registered": (
                ("registered",),
                [("start", "Registered, as: Public Benefit Organisation."), ("start", "Call a general meeting.")],
            ),
            "planning_to_register": (("planning",), [("start", "Register the network.")]),
            "unregistered": (
                ("unregistered",),
                [
                    ("start", "Not registered, and no plan to register for now. The network adopts a network charter."),
                    ("start", "Personal liability."),
                    ("start", "Keep the network charter as your rules."),
                ],
            ),
            "fiscally_hosted": (
                ("hosted",),
                [
                    ("start", "Hosted: Helping Hands Host Trust holds the network's money and signs contracts for it."),
                    ("start", "Fee: 5 per cent of the funds it holds."),
                ],
            ),
        },
    ),
    *contrast(
        "peer_definition",
        {
            "current_and_former": (
                ("registered", "hosted", "planning"),
                [("start", "Peers are people who use drugs now or used drugs in the past.")],
            ),
            "current": (("unregistered",), [("start", "Peers are people who use drugs now.")]),
        },
    ),
    *contrast(
        "pseudonyms_allowed",
        {
            True: (
                ("registered", "hosted", "planning"),
                [
                    ("start", "Members may be listed under a chosen name (a pseudonym)."),
                    ("start", "Members may use a pseudonym in the register."),
                ],
            ),
            False: (("unregistered",), [("start", "Members are listed under the name they give.")]),
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
            9: (
                ("registered", "planning"),
                [("start", "committee of 5 to 9 members."), ("start", "Elect 5 to 9 members.")],
            ),
            3: (("unregistered",), [("start", "Board of 3 members.")]),
            7: (("hosted",), [("start", "Coordinating committee of 4 to 7 members.")]),
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
        "women_seats",
        {
            3: (("registered",), [("start", "Keep 3 seats for women and gender-diverse members.")]),
            1: (("hosted",), [("start", "Keep 1 seat for women and gender-diverse members.")]),
            0: (("unregistered",), [("start", "None kept.")]),
        },
    ),
    *contrast(
        "regional_seats",
        {
            True: (
                ("registered",),
                [
                    ("start", "Yes: some seats are kept for members from each region or province."),
                    ("start", "Fill the regional seats."),
                ],
            ),
            False: (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "term_years",
        {
            3: (("registered",), [("start", "3 years a term;")]),
            2: (("hosted", "planning"), [("start", "2 years a term;")]),
            1: (("unregistered",), [("start", "1 year a term;")]),
        },
    ),
    *contrast(
        "max_consecutive_terms",
        {
            2: (("registered", "planning"), [("start", "at most 2 terms in a row.")]),
            3: (("hosted",), [("start", "at most 3 terms in a row.")]),
            1: (("unregistered",), [("start", "at most 1 term in a row.")]),
        },
    ),
    *contrast(
        "officers",
        {
            (("chair", "vice_chair", "treasurer", "secretary"),): (
                ("registered", "planning"),
                [("start", "Then elect the officers: Chair, Vice-chair, Treasurer, Secretary.")],
            ),
            (("chair", "treasurer"),): (("unregistered",), [("start", "Then elect the officers: Chair, Treasurer.")]),
            (("chair", "vice_chair", "secretary"),): (
                ("hosted",),
                [("start", "Then elect the officers: Chair, Vice-chair, Secretary.")],
            ),
        },
    ),
    *contrast(
        "decision_rule",
        {
            "consensus": (("registered", "planning"), [("start", "decides by consensus; if the")]),
            "majority": (
                ("unregistered",),
                [("start", "The board decides by a vote of more than half of the members present.")],
            ),
            "two_thirds": (
                ("hosted",),
                [("start", "decides by a vote of at least two thirds of the members present.")],
            ),
        },
    ),
    *contrast(
        "casting_vote",
        {
            False: (("registered", "planning"), [("start", "No: when votes are equal, the proposal fails.")]),
            True: (("unregistered",), [("start", "Yes: the chair has a second vote when votes are equal.")]),
        },
    ),
    *contrast(
        "general_meeting_notice_days",
        {
            23: (
                ("registered",),
                [("start", "Notice: at least 23 days."), ("start", "at least 23 days before the meeting")],
            ),
            29: (
                ("unregistered",),
                [("start", "Notice: at least 29 days."), ("start", "at least 29 days before the meeting")],
            ),
            21: (("hosted", "planning"), [("start", "Notice: at least 21 days.")]),
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
                    ("start", "You chose to let the network pay steering committee members a stipend."),
                    ("start", "may be paid a stipend, and how a stipend is taxed;"),
                ],
            ),
            "expenses": (("hosted", "planning"), [("start", "expenses are paid back;")]),
            "none": (("unregistered",), []),
        },
    ),
    *contrast(
        "staff",
        {
            "director": (("registered",), [("start", "An executive director and staff.")]),
            "coordinator": (("hosted", "planning"), [("start", "A coordinator.")]),
            "none": (
                ("unregistered",),
                [("start", "No paid staff: board members and volunteers do the work."), ("start", "No paid staff.")],
            ),
        },
    ),
    *contrast(
        "financial_year_start_month",
        {7: (("registered",), [("start", "July to June.")]), 4: (("unregistered",), [("start", "April to March.")])},
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
        "signatories",
        {
            3: (("registered", "planning"), [("start", "3 people, chosen by role.")]),
            1: (("unregistered",), [("start", "One bank signatory."), ("start", "1 person, chosen by role.")]),
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
                ],
            ),
        },
    ),
    *contrast(
        "petty_cash_float",
        {
            4567: (
                ("registered",),
                [("start", f"A float of KES{NBSP}4,567; the largest single payment is KES{NBSP}567.")],
            ),
            0: (("unregistered",), [("start", "None: the network keeps no petty cash."), ("start", "No petty cash.")]),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (("registered",), [("start", "the rules for organisations that hold mobile-money accounts;")]),
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
