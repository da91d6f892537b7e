"""What each answer changes in the financial control policy: one value's phrases appear, the others' do not."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from .builtkits import NBSP, check_branch, contrast

BRANCHES = [
    *contrast(
        "legal_status",
        {
            "registered": (("registered",), []),
            "planning_to_register": (("planning",), []),
            "unregistered": (("unregistered",), []),
            "fiscally_hosted": (
                ("hosted",),
                [("finance", "The network is fiscally hosted: Helping Hands Host Trust holds the network's funds")],
            ),
        },
    ),
    *contrast(
        "board_name",
        {
            "steering_committee": (
                ("registered",),
                [("finance", "The steering committee is responsible for the network's money.")],
            ),
            "board": (("unregistered",), [("finance", "The board is responsible for the network's money.")]),
            "coordinating_committee": (
                ("hosted",),
                [("finance", "The coordinating committee is responsible for the network's money.")],
            ),
            "executive_committee": (
                ("planning",),
                [("finance", "The executive committee is responsible for the network's money.")],
            ),
        },
    ),
    *contrast(
        "officers",
        {
            (("chair", "vice_chair", "treasurer", "secretary"),): (("registered", "planning"), []),
            (("chair", "treasurer"),): (("unregistered",), []),
            (("chair", "vice_chair", "secretary"),): (
                ("hosted",),
                [("finance", "Your answers do not list a Treasurer among the officers.")],
            ),
        },
    ),
    *contrast(
        "board_pay",
        {
            "stipend": (("registered",), [("finance", "may pay them a stipend for their time")]),
            "expenses": (("hosted", "planning"), []),
            "none": (("unregistered",), []),
        },
    ),
    *contrast(
        "staff",
        {
            "director": (
                ("registered",),
                [("finance", "The Finance Officer is a member of staff who keeps the accounts.")],
            ),
            "coordinator": (
                ("hosted", "planning"),
                [("finance", "Until the network has one, the Coordinator keeps the books")],
            ),
            "none": (
                ("unregistered",),
                [("finance", "The network has no paid staff. The Treasurer leads the day-to-day finance work")],
            ),
        },
    ),
    *contrast(
        "financial_year_start_month",
        {
            7: (
                ("registered",),
                [("finance", "The network's financial year runs from the first day of July to the last day of June.")],
            ),
            4: (
                ("unregistered",),
                [
                    (
                        "finance",
                        "The network's financial year runs from the first day of April to the last day of March.",
                    )
                ],
            ),
        },
    ),
    *contrast(
        "currency",
        {
            "KES": (
                ("registered",),
                [
                    (
                        "finance",
                        "The network keeps its accounts in Kenyan Shilling (KES). Every amount in this policy is in Kenyan Shilling.",
                    )
                ],
            ),
            "USD": (
                ("unregistered", "hosted"),
                [
                    (
                        "finance",
                        "The network keeps its accounts in US Dollar (USD). Every amount in this policy is in US Dollar.",
                    )
                ],
            ),
            "ZAR": (("planning",), [("finance", "The network keeps its accounts in South African Rand (ZAR).")]),
        },
    ),
    *contrast(
        "signatories",
        {
            3: (("registered", "planning"), [("finance", "appoints 3 signatories for each account")]),
            1: (
                ("unregistered",),
                [
                    ("finance", "Warning: one signatory."),
                    ("finance", "The signatory, only after both approvals are in writing"),
                ],
            ),
        },
    ),
    *contrast(
        "dual_signature_threshold",
        {
            12345: (
                ("registered",),
                [("finance", f"Every payment above KES{NBSP}12,345 is authorised by two signatories.")],
            ),
            2468: (("unregistered",), [("finance", "Every payment above $2,468 is authorised by two signatories.")]),
            3210: (
                ("hosted",),
                [
                    (
                        "finance",
                        "Every payment request above $3,210 is approved by two of the network's authorised approvers",
                    )
                ],
            ),
            None: (("planning",), [("finance", "Every payment above [amount above which two people approve: ")]),
        },
    ),
    *contrast(
        "board_approval_threshold",
        {
            234567: (
                ("registered",),
                [
                    ("finance", f"decides on every payment, contract or purchase above KES{NBSP}234,567;"),
                    ("finance", f"Above KES{NBSP}12,345, up to KES{NBSP}234,567"),
                ],
            ),
            13579: (
                ("unregistered",),
                [
                    ("finance", "decides on every payment, contract or purchase above $13,579;"),
                    ("finance", "Above $2,468, up to $13,579"),
                ],
            ),
            None: (
                ("planning",),
                [
                    (
                        "finance",
                        "decides on every payment, contract or purchase above [amount above which the executive committee approves: ",
                    )
                ],
            ),
        },
    ),
    *contrast(
        "three_quotes_threshold",
        {
            34567: (
                ("registered",),
                [("finance", f"Above KES{NBSP}34,567, up to KES{NBSP}234,567"), ("finance", f"Up to KES{NBSP}34,567")],
            ),
            1357: (("unregistered",), [("finance", "Above $1,357, up to $13,579"), ("finance", "Up to $1,357")]),
            None: (("planning",), [("finance", "Above [amount above which three quotes are needed: ")]),
        },
    ),
    *contrast(
        "petty_cash_float",
        {
            4567: (
                ("registered",),
                [
                    ("finance", f"The network keeps a fixed petty-cash float of KES{NBSP}4,567 for small payments."),
                    ("finance", f"The largest single payment from petty cash is KES{NBSP}567;"),
                    ("finance", f"Up to KES{NBSP}567, from petty cash"),
                ],
            ),
            0: (("unregistered",), [("finance", "The network keeps no petty cash.")]),
        },
    ),
    *contrast(
        "petty_cash_float",
        {
            (4567, 250, None): (
                ("registered", "hosted", "planning"),
                [("finance", "The network keeps a fixed petty-cash float of"), ("finance", "The petty-cash custodian")],
            ),
            0: (("unregistered",), []),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (
                ("registered",),
                [
                    ("finance", "Mobile-money accounts used for the network are registered in the name of"),
                    ("finance", "Mobile money is preferred to cash because it leaves a record."),
                ],
            ),
            False: (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "reserves_months",
        {
            4: (("registered",), [("finance", "unrestricted reserves equal to 4 months of its core costs.")]),
            3: (("hosted", "planning"), [("finance", "unrestricted reserves equal to 3 months of its core costs.")]),
            0: (("unregistered",), [("finance", "The network has not yet set a reserves target.")]),
        },
    ),
    *contrast(
        "audit",
        {
            "audit": (
                ("registered",),
                [
                    (
                        "finance",
                        "Each year a qualified auditor who is independent of the network audits the annual accounts.",
                    )
                ],
            ),
            "independent_examination": (
                ("unregistered",),
                [("finance", "Each year an independent examiner checks the annual accounts.")],
            ),
            "as_required": (
                ("hosted", "planning"),
                [("finance", "Each year the annual accounts are checked as the law and the network's donors require")],
            ),
        },
    ),
    *contrast(
        "main_donors",
        {
            (("global_fund",),): (
                ("registered",),
                [
                    (
                        "finance",
                        "For Global Fund grants, the network pays per diems only when they are in the approved grant budget",
                    ),
                    ("finance", "The Global Fund's rules on per diems"),
                ],
            ),
            (("foundations",), None): (("unregistered", "hosted", "planning"), []),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_finance(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)
