"""What each answer changes in the constitution or charter: one value's phrases appear, the others' do not."""

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
                [
                    (
                        "constitution",
                        "The network is registered in Kenya (legal form: Public Benefit Organisation). It is a body corporate",
                    )
                ],
            ),
            "planning_to_register": (
                ("planning",),
                [("constitution", "The network intends to register in South Africa")],
            ),
            "unregistered": (
                ("unregistered",),
                [
                    (
                        "constitution",
                        "The network is not registered and is not a legal person. It is an association of its members, who agree to follow this charter. The network continues",
                    )
                ],
            ),
            "fiscally_hosted": (
                ("hosted",),
                [
                    (
                        "constitution",
                        "Helping Hands Host Trust, a registered organisation, hosts the network under a written fiscal-hosting agreement",
                    )
                ],
            ),
        },
    ),
    *contrast(
        "membership_model",
        {
            "both": (
                ("registered",),
                [("constitution", "Voting member means an individual member or a member group.")],
            ),
            "individuals": (
                ("unregistered", "planning"),
                [("constitution", "Voting member means an individual member.")],
            ),
            "organisations": (("hosted",), [("constitution", "Voting member means a member group.")]),
        },
    ),
    *contrast(
        "membership_model",
        {
            ("individuals", "both"): (
                ("registered", "unregistered"),
                [("constitution", "Individual members: any peer, that is")],
            ),
            "organisations": (("hosted",), []),
        },
    ),
    *contrast(
        "membership_model",
        {
            ("organisations", "both"): (
                ("registered", "hosted"),
                [
                    ("constitution", "Member groups: any group or organisation of people who use drugs"),
                    ("constitution", "Member group means a group or organisation of people who use drugs"),
                ],
            ),
            "individuals": (("unregistered",), []),
        },
    ),
    *contrast(
        "associate_members",
        {
            True: (
                ("registered", "hosted", "planning"),
                [
                    ("constitution", "Associate member means an ally who supports the objects"),
                    ("constitution", "They may attend and speak at general meetings, but do not vote"),
                ],
            ),
            False: (("unregistered",), []),
        },
    ),
    *contrast(
        "peer_definition",
        {
            "current_and_former": (
                ("registered", "hosted", "planning"),
                [("constitution", "Peer means a person who uses drugs now or has used drugs in the past.")],
            ),
            "current": (
                ("unregistered",),
                [
                    ("constitution", "Peer means a person who uses drugs now."),
                    ("constitution", "Individual members: any peer, that is a person who uses drugs now, who supports"),
                ],
            ),
        },
    ),
    *contrast(
        "peer_verification",
        {
            True: (
                ("registered", "hosted", "planning"),
                [
                    ("constitution", "Vouching is a member's word, never proof: nobody is asked to prove drug use."),
                    ("constitution", "rests on their own word and that of the member who vouches for them."),
                ],
            ),
            False: (
                ("unregistered",),
                [
                    (
                        "constitution",
                        "An applicant for voting membership states that they are a peer, and their word is enough.",
                    ),
                    ("constitution", "Whether a person is a peer rests on their own word."),
                ],
            ),
        },
    ),
    *contrast(
        "pseudonyms_allowed",
        {
            True: (
                ("registered", "hosted", "planning"),
                [("constitution", "which may be a chosen name (a pseudonym) instead of their legal name")],
            ),
            False: (("unregistered",), [("constitution", "The register of members holds only: the member's name;")]),
        },
    ),
    *contrast(
        "board_name",
        {
            "steering_committee": (
                ("registered",),
                [("constitution", "Steering committee means the governing body described in clause")],
            ),
            "board": (("unregistered",), [("constitution", "Board means the governing body described in clause")]),
            "coordinating_committee": (
                ("hosted",),
                [("constitution", "Coordinating committee means the governing body described in clause")],
            ),
            "executive_committee": (
                ("planning",),
                [("constitution", "Executive committee means the governing body described in clause")],
            ),
        },
    ),
    *contrast(
        "board_size_max",
        {
            9: (
                ("registered", "planning"),
                [
                    ("constitution", "has at least 5 and at most 9 members."),
                    ("constitution", "With fewer than 5 members"),
                ],
            ),
            3: (("unregistered",), [("constitution", "With fewer than 3 members")]),
            7: (
                ("hosted",),
                [
                    ("constitution", "has at least 4 and at most 7 members."),
                    ("constitution", "With fewer than 4 members"),
                ],
            ),
        },
    ),
    *contrast(
        "peer_share",
        {
            "two_thirds": (
                ("registered", "planning"),
                [("constitution", "is made up so that at least two thirds of its members")],
            ),
            "all": (("unregistered",), [("constitution", "is made up so that all of its members")]),
            "majority": (("hosted",), [("constitution", "is made up so that more than half of its members")]),
        },
    ),
    *contrast(
        "peer_share",
        {
            ("two_thirds", "majority"): (
                ("registered", "hosted"),
                [
                    ("constitution", "The Chair must be a peer."),
                    ("constitution", "More than half of those taking part must be peers."),
                ],
            ),
            "all": (("unregistered",), []),
        },
    ),
    *contrast(
        "women_seats",
        {
            3: (
                ("registered",),
                [
                    (
                        "constitution",
                        "At least 3 seats on the steering committee are kept for women and gender-diverse members.",
                    )
                ],
            ),
            1: (
                ("hosted",),
                [
                    (
                        "constitution",
                        "At least one seat on the coordinating committee is kept for a woman or gender-diverse member.",
                    )
                ],
            ),
            0: (("unregistered",), []),
        },
    ),
    *contrast(
        "regional_seats",
        {
            True: (("registered",), [("constitution", "is kept for a member from each of these areas")]),
            False: (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "term_years",
        {
            3: (("registered",), [("constitution", "serves for 3 years.")]),
            2: (("hosted", "planning"), [("constitution", "serves for 2 years.")]),
            1: (("unregistered",), [("constitution", "An elected member of the board serves for one year.")]),
        },
    ),
    *contrast(
        "term_years",
        {(2, 3): (("registered", "hosted"), [("constitution", "Terms are staggered")]), 1: (("unregistered",), [])},
    ),
    *contrast(
        "max_consecutive_terms",
        {
            2: (("registered", "planning"), [("constitution", "A member may serve at most 2 terms in a row")]),
            3: (("hosted",), [("constitution", "A member may serve at most 3 terms in a row")]),
            1: (("unregistered",), [("constitution", "A member may serve at most one term in a row")]),
        },
    ),
    *contrast(
        "decision_rule",
        {
            "consensus": (
                ("registered", "planning"),
                [
                    ("constitution", "makes decisions by consensus; if the"),
                    (
                        "constitution",
                        "cannot reach consensus after a real effort, it decides by a vote of more than half of the members present.",
                    ),
                    ("constitution", "Consensus means that every member present can accept the decision"),
                    ("constitution", "If any member objects in writing, the proposal goes to a meeting."),
                ],
            ),
            "majority": (
                ("unregistered",),
                [("constitution", "makes decisions by a vote of more than half of the members present.")],
            ),
            "two_thirds": (
                ("hosted",),
                [
                    ("constitution", "makes decisions by a vote of at least two thirds of the members present."),
                    ("constitution", "A proposal that does not reach this majority is not adopted."),
                ],
            ),
        },
    ),
    *contrast(
        "casting_vote",
        {
            False: (
                ("registered", "planning"),
                [("constitution", "If the votes are equal, the proposal is not adopted.")],
            ),
            True: (
                ("unregistered",),
                [("constitution", "If the votes are equal, the person chairing has a second, casting vote.")],
            ),
        },
    ),
    *contrast(
        "board_notice_days",
        {
            9: (("registered",), [("constitution", "with the agenda and papers, at least 9 days before it.")]),
            11: (("unregistered",), [("constitution", "with the agenda and papers, at least 11 days before it.")]),
            7: (("hosted", "planning"), [("constitution", "with the agenda and papers, at least 7 days before it.")]),
        },
    ),
    *contrast(
        "general_meeting_notice_days",
        {
            23: (
                ("registered",),
                [("constitution", "Every member receives at least 23 days' notice of a general meeting")],
            ),
            29: (
                ("unregistered",),
                [("constitution", "Every member receives at least 29 days' notice of a general meeting")],
            ),
            21: (
                ("hosted", "planning"),
                [("constitution", "Every member receives at least 21 days' notice of a general meeting")],
            ),
        },
    ),
    *contrast(
        "general_meeting_quorum_percent",
        {
            17: (("registered",), [("constitution", "only when at least 17 per cent of the voting members take part")]),
            31: (
                ("unregistered",),
                [("constitution", "only when at least 31 per cent of the voting members take part")],
            ),
            25: (
                ("hosted", "planning"),
                [("constitution", "only when at least 25 per cent of the voting members take part")],
            ),
        },
    ),
    *contrast(
        "online_meetings",
        {
            True: (
                ("registered", "hosted", "planning"),
                [
                    ("constitution", "A general meeting may be held in one place, online, by phone"),
                    ("constitution", "may take part in a meeting online or by phone"),
                ],
            ),
            False: (("unregistered",), [("constitution", "Meetings of the board are held in person.")]),
        },
    ),
    *contrast(
        "board_pay",
        {
            "stipend": (("registered",), [("constitution", "may pay them a stipend for their time")]),
            "expenses": (
                ("hosted", "planning"),
                [("constitution", "are not paid for their time. The network refunds reasonable expenses that the")],
            ),
            "none": (
                ("unregistered",),
                [("constitution", "are not paid for their time. The network does not refund their expenses unless")],
            ),
        },
    ),
    *contrast(
        "staff",
        {
            "director": (
                ("registered",),
                [("constitution", "appoints the Executive Director to run the day-to-day work")],
            ),
            "coordinator": (
                ("hosted", "planning"),
                [("constitution", "appoints the Coordinator to run the day-to-day work")],
            ),
            "none": (
                ("unregistered",),
                [
                    (
                        "constitution",
                        "The network has no paid staff. Members of the board and volunteers do the day-to-day work",
                    )
                ],
            ),
        },
    ),
    *contrast(
        "financial_year_start_month",
        {
            7: (
                ("registered",),
                [("constitution", "starts on the first day of July and ends on the last day of June.")],
            ),
            4: (
                ("unregistered",),
                [("constitution", "starts on the first day of April and ends on the last day of March.")],
            ),
        },
    ),
    *contrast(
        "signatories",
        {
            3: (("registered", "planning"), [("constitution", "names, by role, 3 signatories for each account.")]),
            1: (("unregistered",), [("constitution", "names, by role, one signatory for each account.")]),
        },
    ),
    *contrast(
        "dual_signature_threshold",
        {
            12345: (
                ("registered",),
                [("constitution", f"Any payment above KES{NBSP}12,345 needs the approval of two people.")],
            ),
            2468: (("unregistered",), [("constitution", "Any payment above $2,468 needs the approval of two people.")]),
            3210: (
                ("hosted",),
                [("constitution", "Any payment above $3,210 needs the written approval of two of them.")],
            ),
            None: (("planning",), []),
        },
    ),
    *contrast(
        "board_approval_threshold",
        {
            234567: (("registered",), [("constitution", f"spending or contracts above KES{NBSP}234,567;")]),
            13579: (("unregistered",), [("constitution", "spending or contracts above $13,579;")]),
            None: (("planning",), []),
        },
    ),
    *contrast(
        "audit",
        {
            "audit": (
                ("registered",),
                [
                    (
                        "constitution",
                        "The annual accounts are audited by a qualified, independent auditor appointed by the annual general meeting.",
                    )
                ],
            ),
            "independent_examination": (
                ("unregistered",),
                [("constitution", "checked by an independent examiner with accounting knowledge")],
            ),
            "as_required": (("hosted", "planning"), []),
        },
    ),
    *contrast(
        "main_donors",
        {
            (("global_fund",),): (
                ("registered",),
                [("constitution", "As the network receives or expects Global Fund money")],
            ),
            (("foundations",), None): (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "entrenched_peer_majority",
        {
            True: (
                ("registered", "hosted", "planning"),
                [
                    ("constitution", "Entrenched clauses"),
                    (
                        "constitution",
                        "They may be changed only by three quarters of the voting members present and voting, at two general meetings held at least three months apart:",
                    ),
                    ("constitution", "(drug use is never a ground for exclusion)"),
                    ("constitution", "The peer share is entrenched"),
                ],
            ),
            False: (("unregistered",), [("constitution", "You chose not to entrench any clause.")]),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_constitution(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)
