"""The forms: what each answer changes (one value's phrases appear, the others' do not), and
one test for each finding of the governance review that the forms fix."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from .builtkits import ALL_KITS, NBSP, check_branch, contrast

BRANCHES = [
    *contrast(
        "legal_status",
        {
            ("registered", "planning_to_register", "unregistered"): (
                ("registered", "planning", "unregistered"),
                [("forms", "Paid by: a signatory who did not approve it (role)"), ("forms", "Bank cards")],
            ),
            "fiscally_hosted": (("hosted",), [("forms", "Request to Helping Hands Host Trust signed by (role)")]),
        },
    ),
    *contrast(
        "money_holder",
        {
            "ally": (("unregistered-network-asia",), [("forms", "Request to Yayasan Sehat Bersama signed by (role)")]),
            "joint_account": (("unregistered",), [("forms", "Paid by: a signatory who did not approve it (role)")]),
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
        "officers",
        {
            (
                ("chair", "vice_chair", "treasurer", "secretary"),
                ("chair", "vice_chair", "secretary"),
                ("chair", "treasurer", "secretary"),
            ): (
                ("registered", "hosted", "planning"),
                [("forms", "Received by: Secretary")],
            ),
            (("chair", "treasurer"),): (("unregistered",), [("forms", "Received by: Chair")]),
        },
    ),
    *contrast(
        "staff",
        {
            ("director", "coordinator"): (
                ("registered", "hosted"),
                [("forms", "and staff who buy for the network also fill it in each year.")],
            ),
            "none": (("unregistered", "planning"), []),
        },
    ),
    *contrast(
        "dual_signature_threshold",
        {
            12345: (
                ("registered",),
                [("forms", f"No advance is more than KES{NBSP}12,345, unless the steering committee approves it.")],
            ),
            2468: (("unregistered",), [("forms", "No advance is more than $2,468, unless the board approves it.")]),
            3210: (
                ("hosted",),
                [("forms", "No advance is more than $3,210, unless the coordinating committee approves it.")],
            ),
            None: (("planning",), [("forms", "No advance is more than [amount above which two people approve: ")]),
        },
    ),
    *contrast(
        "petty_cash_float",
        {
            4567: (
                ("registered",),
                [
                    ("forms", f"A fixed amount of cash for small payments, called the float: KES{NBSP}4,567."),
                    ("forms", f"Total: it should equal the float of KES{NBSP}4,567"),
                ],
            ),
            250: (
                ("hosted",),
                [
                    ("forms", "A fixed amount of cash for small payments, called the float: $250."),
                    ("forms", "Total: it should equal the float of $250"),
                ],
            ),
            0: (("unregistered",), [("forms", "The network keeps no petty cash.")]),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (
                ("registered", "unregistered-network-asia"),
                [
                    ("forms", "☐ mobile money"),
                    ("forms", "The statement goes straight to the checker, who is not a signatory."),
                ],
            ),
            False: (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "advance_settlement_days",
        {
            14: (
                ("registered", "planning"),
                [("forms", "Show what you spent within 14 days."), ("forms", "within 14 days after the activity.")],
            ),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_forms(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)


# ---------------------------------------------------------------------------------------
# Finding: the policy cited forms the kit lacked (claim form, cash count sheet, payment
# voucher, signed per-diem list). The forms hold them, numbered, in this order.
# ---------------------------------------------------------------------------------------

FORMS = [
    "Declaration of interests", "Code of conduct sign-off", "Approval card", "Payment voucher", "Claim form",
    "Advance and retirement form", "Per-diem list by code", "Cash count sheet", "Asset register", "Risk register",
]  # fmt: skip


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_forms_are_numbered_and_include_every_finance_form_the_policy_uses(kits, kit_name):
    contents = kits[kit_name]["forms"]
    for number, title in enumerate(FORMS, 1):
        assert f"{number}.  {title}" in contents, title  # the contents line of a numbered clause


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_adoption_resolution_and_the_minutes_outline_have_left_the_forms(kits, kit_name):
    text = kits[kit_name]["forms"]
    for gone in ("Resolution adopting the documents", "outline of the minutes", "Signatories and money",
                 "Electing the chair of the meeting", "Chair of the meeting"):  # fmt: skip
        assert gone not in text, gone


# ---------------------------------------------------------------------------------------
# Finding: cash per diems went by name to ID-registered phones. The list asks for a code,
# never a name, and two people pay and sign.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_per_diem_list_asks_for_a_code_never_a_name_and_two_people_sign(kits, kit_name):
    kit = kits[kit_name]
    table = kit.table("forms", ["No.", "Code", "Days", "Amount", "Signature or mark"])
    assert len(table) >= 19
    assert (
        "Write a code on each line, never a name. Two people pay the cash together, and both sign at the end."
        in kit["forms"]
    )
    signers = [
        t
        for t in kit.tables("forms")
        if t[0] == ["Role", "Signature", "Date"] and t[1][0] == "First person paying (role)"
    ]
    assert [row[0] for row in signers[0][1:]] == ["First person paying (role)", "Second person paying (role)"]


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_cash_is_counted_by_two_people_one_of_whom_does_not_keep_it(kits, kit_name):
    kit = kits[kit_name]
    assert "Two people count together, and one of them is not the person who keeps the cash." in kit["forms"]
    signers = [
        t
        for t in kit.tables("forms")
        if t[0] == ["Role", "Signature", "Date"] and t[1][0] == "Person who keeps the cash (role)"
    ]
    assert [row[0] for row in signers[0][1:]] == ["Person who keeps the cash (role)", "Person who counted (role)"]


# ---------------------------------------------------------------------------------------
# The approval card: the one approval table, and the rules around it, on one card.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_approval_card_prints_the_one_approval_table_and_the_cash_rules(kits, kit_name):
    kit = kits[kit_name]
    header = ["What", "Who approves", "Who also approves", "Who pays"]
    assert kit.table("forms", header) == kit.table("finance", header)
    rules = dict(row for row in kit.table("forms", ["Topic", "Rule"])[1:])
    assert rules["Per diems in cash"] == "A list by code, never names. Two people pay together."
    assert rules["A signatory is away or detained"] == "Two other signatories sign. Nobody approves and pays alone."
    assert rules["Advances"].startswith(
        f"No more than {kit.amount('dual_signature_threshold')}, unless the {kit.board} approves."
    )


# ---------------------------------------------------------------------------------------
# Safety: roles, never names; no drug use, health or legal status asked for.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_every_signature_line_names_a_role_and_no_form_asks_for_a_name(kits, kit_name):
    kit = kits[kit_name]
    for table in kit.tables("forms"):
        assert not [cell for row in table for cell in row if cell.strip().lower() in ("name", "full name", "id number")]
        if table[0] == ["Role", "Signature", "Date"]:
            for row in table[1:]:
                assert row[0].endswith(("(role)", "(role or pseudonym)")) or row[0].startswith("Received by: "), row[0]
    assert "Never declare your drug use, health or legal situation: they are not interests." in kit["forms"]
    assert "a return to use is never a breach of it" in kit["forms"]


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_forms_explain_their_terms(kits, kit_name):
    text = kits[kit_name]["forms"]
    for explanation in ("a pseudonym (a chosen name)", "A per diem is a daily amount", "An advance is money given before an activity",
                        "To retire an advance means to show what you spent", "A signatory is a person who can sign for the network's money"):  # fmt: skip
        assert explanation in text, explanation
