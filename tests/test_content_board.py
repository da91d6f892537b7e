"""What each answer changes in the board governance policy: one value's phrases appear, the others' do not."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from .builtkits import NBSP, check_branch, contrast

BRANCHES = [
    *contrast(
        "membership_model",
        {
            "both": (
                ("registered",),
                [("board", "Candidates can be individual members or people put forward by a member organisation.")],
            ),
            "individuals": (
                ("unregistered", "planning"),
                [("board", "A candidate is a voting member, is at least 18 years old")],
            ),
            "organisations": (
                ("hosted",),
                [("board", "Because the members are organisations and groups, candidates are people put forward")],
            ),
        },
    ),
    *contrast(
        "peer_definition",
        {
            "current_and_former": (
                ("registered", "hosted", "planning"),
                [("board", "Peers are people who use drugs now or used drugs in the past.")],
            ),
            "current": (("unregistered",), [("board", "Peers are people who use drugs now.")]),
        },
    ),
    *contrast(
        "peer_verification",
        {
            True: (
                ("registered", "hosted", "planning"),
                [("board", "may confirm that they know the candidate as a peer, by saying only yes or no")],
            ),
            False: (("unregistered",), []),
        },
    ),
    *contrast(
        "pseudonyms_allowed",
        {
            True: (
                ("registered", "hosted", "planning"),
                [("board", "Members may use a chosen name (a pseudonym) in the network's records.")],
            ),
            False: (("unregistered",), []),
        },
    ),
    *contrast(
        "board_name",
        {
            "steering_committee": (("registered",), [("board", "Steering committee governance policy")]),
            "board": (("unregistered",), [("board", "Board governance policy")]),
            "coordinating_committee": (("hosted",), [("board", "Coordinating committee governance policy")]),
            "executive_committee": (("planning",), [("board", "Executive committee governance policy")]),
        },
    ),
    *contrast(
        "board_size_max",
        {
            9: (("registered", "planning"), [("board", "has at least 5 and at most 9 members.")]),
            3: (("unregistered",), [("board", "The board has 3 members.")]),
            7: (("hosted",), [("board", "has at least 4 and at most 7 members.")]),
        },
    ),
    *contrast(
        "peer_share",
        {
            "two_thirds": (("registered", "planning"), [("board", "Of these, at least two thirds are peers.")]),
            "all": (("unregistered",), [("board", "All of them are peers.")]),
            "majority": (("hosted",), [("board", "Of these, more than half are peers.")]),
        },
    ),
    *contrast(
        "peer_share",
        {
            ("two_thirds", "majority"): (
                ("registered", "hosted"),
                [("board", "but a vacancy that would bring the share of peers below this level can only be filled")],
            ),
            "all": (("unregistered",), []),
        },
    ),
    *contrast(
        "women_seats",
        {
            3: (
                ("registered",),
                [("board", "At least 3 seats on the steering committee are kept for women and gender-diverse members")],
            ),
            1: (
                ("hosted",),
                [
                    (
                        "board",
                        "At least 1 seat on the coordinating committee is kept for a woman or a gender-diverse member",
                    )
                ],
            ),
            0: (("unregistered",), [("board", "No seats are kept for women and gender-diverse members")]),
        },
    ),
    *contrast(
        "regional_seats",
        {
            True: (("registered",), [("board", "At least one seat is kept for members from each region or province")]),
            False: (("unregistered", "hosted", "planning"), [("board", "No seats are kept for regions")]),
        },
    ),
    *contrast(
        "term_years",
        {
            3: (("registered",), [("board", "A term on the steering committee is 3 years.")]),
            2: (("hosted", "planning"), []),
            1: (("unregistered",), [("board", "A term on the board is 1 year.")]),
        },
    ),
    *contrast(
        "max_consecutive_terms",
        {
            2: (("registered", "planning"), [("board", "A member can serve at most 2 terms in a row")]),
            3: (("hosted",), []),
            1: (("unregistered",), [("board", "A member can serve at most 1 term in a row")]),
        },
    ),
    *contrast(
        "officers",
        {
            (("chair", "vice_chair", "treasurer", "secretary"),): (("registered", "planning"), []),
            (("chair", "treasurer"),): (
                ("unregistered",),
                [("board", "There is no Vice-chair post"), ("board", "There is no Secretary post")],
            ),
            (("chair", "vice_chair", "secretary"),): (("hosted",), [("board", "There is no Treasurer post")]),
        },
    ),
    *contrast(
        "decision_rule",
        {
            "consensus": (("registered", "planning"), [("board", "decides by consensus; if the")]),
            "majority": (
                ("unregistered",),
                [("board", "The board decides by a vote of more than half of the members present.")],
            ),
            "two_thirds": (
                ("hosted",),
                [("board", "decides by a vote of at least two thirds of the members present.")],
            ),
        },
    ),
    *contrast(
        "casting_vote",
        {
            False: (
                ("registered", "planning"),
                [("board", "If votes are equal, the proposal is not adopted; it can come back later.")],
            ),
            True: (
                ("unregistered",),
                [("board", "If votes are equal, the person chairing has a second, casting vote.")],
            ),
        },
    ),
    *contrast(
        "board_notice_days",
        {
            9: (("registered",), [("board", "all papers at least 9 days before each meeting.")]),
            11: (("unregistered",), [("board", "all papers at least 11 days before each meeting.")]),
            7: (("hosted", "planning"), [("board", "all papers at least 7 days before each meeting.")]),
        },
    ),
    *contrast(
        "general_meeting_notice_days",
        {
            23: (("registered",), [("board", "(23 days before it)")]),
            29: (("unregistered",), [("board", "(29 days before it)")]),
            21: (("hosted", "planning"), [("board", "(21 days before it)")]),
        },
    ),
    *contrast(
        "online_meetings",
        {
            True: (
                ("registered", "hosted", "planning"),
                [("board", "Members can take part online or by phone"), ("board", "or by an online ballot")],
            ),
            False: (
                ("unregistered",),
                [
                    ("board", "Meetings take place in person, in a safe and private place."),
                    ("board", "Voting is secret, on paper at the general meeting. A member who cannot read"),
                ],
            ),
        },
    ),
    *contrast(
        "board_pay",
        {
            "stipend": (("registered",), [("board", "The stipend pays for time spent on the work of the")]),
            "expenses": (
                ("hosted", "planning"),
                [("board", "Refunds cover costs such as travel, meals, lodging, childcare")],
            ),
            "none": (("unregistered",), [("board", "Because unpaid roles can keep out members with little money")]),
        },
    ),
    *contrast(
        "staff",
        {
            "director": (
                ("registered",),
                [("board", "The Executive Director is employed by the network, runs its work and manages its staff.")],
            ),
            "coordinator": (
                ("hosted", "planning"),
                [("board", "The Coordinator is employed by the network and coordinates its work")],
            ),
            "none": (("unregistered",), [("board", "The network has no paid staff. The board keeps the decisions")]),
        },
    ),
    *contrast(
        "financial_year_start_month",
        {
            7: (("registered",), [("board", "Before the financial year starts in July")]),
            4: (("unregistered",), [("board", "Before the financial year starts in April")]),
        },
    ),
    *contrast(
        "board_approval_threshold",
        {
            234567: (
                ("registered",),
                [("board", f"Grant agreements, contracts and payments above KES{NBSP}234,567; legal action")],
            ),
            13579: (
                ("unregistered",),
                [("board", "Grant agreements, contracts and payments above $13,579; legal action")],
            ),
            None: (("planning",), []),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (("registered",), [("board", "cloud storage, mobile money and the register of members.")]),
            False: (("unregistered", "hosted", "planning"), [("board", "cloud storage and the register of members.")]),
        },
    ),
    *contrast(
        "main_donors",
        {
            (("global_fund",),): (
                ("registered",),
                [
                    (
                        "board",
                        "Concerns about Global Fund money can also go to the Global Fund's Office of the Inspector General.",
                    )
                ],
            ),
            (("foundations",), None): (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "entrenched_peer_majority",
        {
            True: (
                ("registered", "hosted", "planning"),
                [("board", "protects this rule: it can only be changed by three quarters of the voting members")],
            ),
            False: (("unregistered",), []),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_board(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)
