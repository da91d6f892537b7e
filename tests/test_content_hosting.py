"""The fiscal hosting agreement: what each answer changes in it, and the review's findings.

Findings (one test each): members signed the agreement while the charter let no member sign a
contract (now two officers sign, as the charter's signing clause allows); the finance policy
had the network deduct income tax while the host employs the staff (the host employs, pays and
deducts); a general meeting was to appoint an auditor while the host's audit covers the fund;
the host reported "at least every three months" or monthly (now one rule: monthly, within 15
days); approvals follow the one approval table; the host pays the petty-cash float and its
top-ups, as the finance policy sets them.
"""

# ruff: noqa: E501

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from .builtkits import check_branch, contrast

_BOOKMARK = re.compile(r"^_Ref\d+_(\w+)$")
_ANNEX = re.compile(r"^(?:Annex [A-Z]+: |[A-Z]+(?:\.\d+)+ )")


def clause_numbers(path: Path) -> dict[str, str]:
    """Return the clause number of each anchored heading of a numbered document, as a sentence
    reads it ("7", "7.2"), by anchor with "_" for "-" (as the heading's bookmark names it)."""
    numbers: dict[str, str] = {}
    counters = [0, 0, 0]
    for paragraph in docx.Document(str(path)).paragraphs:
        style = paragraph.style.name or ""
        bookmarks = [b.get(qn("w:name")) for b in paragraph._p.iter(qn("w:bookmarkStart"))]
        if not style.startswith("Heading") or not bookmarks:
            continue
        if _ANNEX.match(paragraph.text):  # annexes carry their own letters, typed by the writer
            continue
        level = int(style.split()[-1])
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        match = _BOOKMARK.match(bookmarks[0])
        if match:
            numbers[match.group(1)] = ".".join(str(c) for c in counters[:level])
    return numbers


def number(numbers: dict[str, str], anchor: str) -> str:
    return numbers[anchor.replace("-", "_")]


HOSTED_KITS = ["hosted", "fiscally-hosted-regional-network"]
APPROVAL_HEADER = ["What", "Who approves", "Who also approves", "Who pays"]

BRANCHES = [
    *contrast(
        "board_name",
        {
            "coordinating_committee": (("hosted",), [("hosting", "acting through its coordinating committee")]),
            "steering_committee": (
                ("fiscally-hosted-regional-network",),
                [("hosting", "acting through its steering committee")],
            ),
        },
    ),
    *contrast(
        "dual_signature_threshold",
        {
            3210: (("hosted",), [("hosting", "A payment in the budget, above $3,210 and up to $65,432")]),
            1000: (
                ("fiscally-hosted-regional-network",),
                [("hosting", "A payment in the budget, above $1,000 and up to $20,000")],
            ),
        },
    ),
    *contrast(
        "fiscal_host_fee_percent",
        {
            5: (("hosted",), [("hosting", "The host charges a fee of 5 per cent")]),
            7: (("fiscally-hosted-regional-network",), [("hosting", "The host charges a fee of 7 per cent")]),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_hosting(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)


@pytest.mark.parametrize("kit_name", HOSTED_KITS)
def test_two_officers_sign_for_the_network_as_the_charters_signing_clause_allows(kits, kit_name):
    kit = kits[kit_name]
    text = kit["hosting"]
    signing = number(clause_numbers(kit.file("constitution")), "signing")
    assert (f"Two officers of the network sign this agreement for it. The {kit.board} authorised them by a decision "
            f"in its minutes, as clause {signing} of the network charter allows.") in text  # fmt: skip
    assert (
        f"For the network, two officers sign, under the decision of the {kit.board} that clause {signing} asks for."
        in text
    )
    table = next(t for t in kit.tables("hosting") if t[0][1:] == ["For the host", "For the network", "For the network"])
    roles = dict((row[0], row[1:]) for row in table[1:])["Role"]
    officer = f"[role of an officer authorised by the {kit.board}: ________________]"
    assert roles == ["[role of the host's signatory: ________________]", officer, officer]
    assert "Treasurer or another member" not in text and "member signs" not in text


@pytest.mark.parametrize("kit_name", HOSTED_KITS)
def test_the_host_employs_pays_and_deducts_the_taxes_of_the_staff(kits, kit_name):
    kit = kits[kit_name]
    text = kit["hosting"]
    lead = {"coordinator": "the Coordinator", "director": "the Executive Director"}[kit.answers["staff"]]
    for phrase in (
        f"The host employs the network's staff, including {lead}, for the network.",
        "The network itself employs nobody while this agreement lasts.",
        "It pays their salaries from the fund, and gives each of them a payslip.",
        "It deducts their income tax and social security contributions and pays these to the authorities.",
        "Then the host deducts it when it pays, and pays it to the authorities.",
        "The network never deducts or pays taxes itself.",
    ):
        assert phrase in text, phrase
    assert not re.search(r"\bnetwork (?:deducts|withholds)\b", text)


@pytest.mark.parametrize("kit_name", HOSTED_KITS)
def test_the_hosts_audit_covers_the_fund_and_the_network_appoints_no_auditor(kits, kit_name):
    text = kits[kit_name]["hosting"]
    assert "The host's yearly audit covers the fund, so the network does not appoint an auditor of its own." in text
    assert "The part of the audit report that concerns the fund, and any letter from the auditor about it." in text
    assert "a fair share of the host's audit" in text
    appointing = [s for s in re.split(r"(?<=\.)\s+", text) if "appoint" in s and "audit" in s]
    assert appointing == [
        "The host's yearly audit covers the fund, so the network does not appoint an auditor of its own."
    ]


@pytest.mark.parametrize("kit_name", HOSTED_KITS)
def test_the_host_reports_every_month_within_15_days_and_at_no_other_interval(kits, kit_name):
    text = kits[kit_name]["hosting"]
    assert (
        "The host sends the network a statement of the fund every month, within 15 days after the month ends." in text
    )
    assert "three months" not in text and "quarter" not in text
    assert set(re.findall(r"within (\d+) days after the month ends", kits[kit_name].text)) == {"15"}


@pytest.mark.parametrize("kit_name", HOSTED_KITS)
def test_the_host_pays_as_the_one_approval_table_says(kits, kit_name):
    kit = kits[kit_name]
    text = kit["hosting"]
    approvals = number(clause_numbers(kit.file("constitution")), "approvals")
    assert ("The host pays only a request that is approved and signed as this table says. "
            f"It is the table of clause {approvals} of the network charter.") in text  # fmt: skip
    table = kit.table("hosting", APPROVAL_HEADER)
    host, dual = kit.answers["fiscal_host_name"], kit.money(kit.answers["dual_signature_threshold"])
    assert [row[3] for row in table[1:]].count(f"{host}, on a request signed by two signatories") >= 3
    assert any(row[0] == f"A payment in the budget, up to {dual}" for row in table)
    signatories = number(clause_numbers(kit.file("constitution")), "signatories")
    assert (
        f"appoints at least three signatories by a resolution, as clause {signatories} of the network charter says."
        in text
    )
    assert "authorised approver" not in text  # one word for one thing: signatories, as the table says


@pytest.mark.parametrize("kit_name", HOSTED_KITS)
def test_the_host_pays_the_petty_cash_float_and_its_top_ups_as_the_finance_policy_sets_it(kits, kit_name):
    kit = kits[kit_name]
    float_ = kit.answers.get("petty_cash_float")
    if float_ == 0:
        assert "petty cash" not in kit["hosting"]
        return
    amount = kit.money(float_)
    assert f"The network keeps a fixed amount of petty cash, called the float, of {amount}." in kit["finance"]
    assert (f"The network may keep petty cash from the fund, up to a float of {amount}, as its financial control "
            "policy says. The host pays the float, and each top-up, on a payment request with the signed vouchers "
            "for what was spent. The cash stays part of the fund.") in kit["hosting"]  # fmt: skip


@pytest.mark.parametrize("kit_name", ["registered", "unregistered", "planning", "kenya-national-network"])
def test_only_a_hosted_network_gets_the_agreement(kits, kit_name):
    assert "hosting" not in kits[kit_name].docs
