"""What each answer changes in the forms: one value's phrases appear, the others' do not."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from .builtkits import NBSP, check_branch, contrast

BRANCHES = [
    *contrast(
        "legal_status",
        {
            "registered": (("registered",), [("forms", "Quorum of the current constitution reached")]),
            "planning_to_register": (("planning",), [("forms", "Apply to register the network")]),
            "unregistered": (("unregistered",), []),
            "fiscally_hosted": (("hosted",), [("forms", "Approving the fiscal hosting agreement")]),
        },
    ),
    *contrast(
        "associate_members",
        {
            True: (("registered", "hosted", "planning"), [("forms", "Associate members (no vote)")]),
            False: (("unregistered",), []),
        },
    ),
    *contrast(
        "board_name",
        {
            "steering_committee": (("registered",), [("forms", "Steering committee member (role or pseudonym)")]),
            "board": (("unregistered",), [("forms", "Board member (role or pseudonym)")]),
            "coordinating_committee": (("hosted",), [("forms", "Coordinating committee member (role or pseudonym)")]),
            "executive_committee": (("planning",), [("forms", "Executive committee member (role or pseudonym)")]),
        },
    ),
    *contrast(
        "women_seats",
        {
            3: (("registered",), [("forms", "Confirm that 3 seats are held by women or gender-diverse members.")]),
            1: (("hosted",), [("forms", "Confirm that 1 seat is held by a woman or gender-diverse member.")]),
            0: (("unregistered",), []),
        },
    ),
    *contrast(
        "regional_seats",
        {
            True: (("registered",), [("forms", "Confirm that the regional seats are filled.")]),
            False: (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "officers",
        {
            (("chair", "vice_chair", "treasurer", "secretary"),): (
                ("registered", "planning"),
                [("forms", "It elected these officers: Chair, Vice-chair, Treasurer, Secretary.")],
            ),
            (("chair", "treasurer"),): (("unregistered",), [("forms", "It elected these officers: Chair, Treasurer.")]),
            (("chair", "vice_chair", "secretary"),): (("hosted",), []),
        },
    ),
    *contrast(
        "online_meetings",
        {
            True: (("registered", "hosted", "planning"), [("forms", "Voting members taking part online or by phone")]),
            False: (("unregistered",), []),
        },
    ),
    *contrast(
        "signatories",
        {
            3: (
                ("registered", "planning"),
                [("forms", "The holders of these 3 roles may sign for the network's money:")],
            ),
            1: (("unregistered",), [("forms", "The holder of this role may sign for the network's money:")]),
        },
    ),
    *contrast(
        "dual_signature_threshold",
        {
            12345: (("registered",), [("forms", f"Two people approve every payment above KES{NBSP}12,345.")]),
            2468: (("unregistered",), [("forms", "Two people approve every payment above $2,468.")]),
            3210: (("hosted",), []),
            None: (("planning",), []),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (
                ("registered",),
                [("forms", "Mobile-money accounts are in the network's name where the provider allows it")],
            ),
            False: (("unregistered", "hosted", "planning"), []),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_forms(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)
