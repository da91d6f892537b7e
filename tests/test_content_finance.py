"""The financial control policy: what each answer changes (one value's phrases appear, the
others' do not), and one test for each finding of the governance review that it fixes."""

# ruff: noqa: E501

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import docx
import pytest

from ngokit.context import document_context
from ngokit.documents import clause_numbers
from ngokit.kit import load_kit
from ngokit.questions.answers import load_answers
from ngokit.render import render_documents
from ngokit.writer import parse_source

from .builtkits import ALL_KITS, CONTRAST, NBSP, Kit, check_branch, contrast
from .conftest import EXAMPLES

BRANCHES = [
    *contrast(
        "legal_status",
        {
            "registered": (
                ("registered",),
                [("finance", "opens and closes each account by a decision in its minutes, and gives the bank a copy.")],
            ),
            "planning_to_register": (
                ("planning",),
                [("finance", "Until the network is registered, its money stays where that clause says.")],
            ),
            "unregistered": (("unregistered", "unregistered-network-asia"), []),
            "fiscally_hosted": (
                ("hosted",),
                [
                    (
                        "finance",
                        "Helping Hands Host Trust holds the network's money, as the fiscal hosting agreement says.",
                    ),
                    ("finance", "The network has no bank account of its own."),
                    (
                        "finance",
                        "Here, they sign the network's payment requests to Helping Hands Host Trust.",
                    ),
                ],
            ),
        },
    ),
    *contrast(
        "money_holder",
        {
            "ally": (
                ("unregistered-network-asia",),
                [
                    (
                        "finance",
                        "Yayasan Sehat Bersama keeps the network's money in its own account, as a separate fund for the network.",
                    ),
                    ("finance", "Here, they sign the network's payment requests to Yayasan Sehat Bersama."),
                ],
            ),
            "joint_account": (
                ("unregistered",),
                [("finance", "Three office-holders hold a joint bank account for the network.")],
            ),
            None: (("registered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "board_name",
        {
            "steering_committee": (
                ("registered",),
                [("finance", "The steering committee approves the budget and this policy.")],
            ),
            "board": (("unregistered",), [("finance", "The board approves the budget and this policy.")]),
            "coordinating_committee": (
                ("hosted",),
                [("finance", "The coordinating committee approves the budget and this policy.")],
            ),
            "executive_committee": (
                ("planning",),
                [("finance", "The executive committee approves the budget and this policy.")],
            ),
        },
    ),
    *contrast(
        "officers",
        {
            (("chair", "vice_chair", "treasurer", "secretary"), ("chair", "treasurer")): (
                ("registered", "unregistered"),
                [("finance", "The Treasurer leads the finance work")],
            ),
            (("chair", "vice_chair", "secretary"),): (
                ("hosted",),
                [
                    (
                        "finance",
                        "Your answers do not list a Treasurer among the officers, so the Chair does the Treasurer's work",
                    ),
                    ("finance", "The Chair leads the finance work"),
                ],
            ),
        },
    ),
    *contrast(
        "staff",
        {
            "director": (
                ("registered",),
                [
                    ("finance", "The Finance Officer, a member of staff, records every payment and receipt"),
                    ("finance", "The Executive Director runs the money from day to day"),
                ],
            ),
            "coordinator": (
                ("kenya-national-network",),
                [
                    ("finance", "Until the network has a bookkeeper, the Coordinator does this work."),
                    ("finance", "The Coordinator runs the money from day to day"),
                ],
            ),
            "none": (
                ("unregistered", "planning"),
                [
                    (
                        "finance",
                        "The network has no staff, and three to five people often do all of this work. These controls make up for it:",
                    ),
                    ("finance", "The network has no paid staff."),
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
        "dual_signature_threshold",
        {
            12345: (
                ("registered",),
                [
                    ("finance", f"No advance is more than KES{NBSP}12,345, unless the steering committee approves it."),
                    ("finance", f"A card pays no more than KES{NBSP}12,345 a day"),
                    ("finance", f"One payment is no more than KES{NBSP}12,345."),
                ],
            ),
            2468: (
                ("unregistered",),
                [
                    ("finance", "No advance is more than $2,468, unless the board approves it."),
                    ("finance", "A card pays no more than $2,468 a day"),
                ],
            ),
            3210: (
                ("hosted",),
                [("finance", "No advance is more than $3,210, unless the coordinating committee approves it.")],
            ),
            None: (("planning",), [("finance", "No advance is more than [amount above which two people approve: ")]),
        },
    ),
    *contrast(
        "three_quotes_threshold",
        {
            34567: (("registered",), [("finance", f"Up to KES{NBSP}34,567, buy from a supplier with a fair price")]),
            1357: (("unregistered",), [("finance", "Up to $1,357, buy from a supplier with a fair price")]),
            None: (("planning",), [("finance", "Up to [amount above which three quotes are needed: ")]),
        },
    ),
    *contrast(
        "petty_cash_float",
        {
            4567: (
                ("registered",),
                [("finance", f"The network keeps a fixed amount of petty cash, called the float, of KES{NBSP}4,567.")],
            ),
            250: (
                ("hosted",),
                [("finance", "The network keeps a fixed amount of petty cash, called the float, of $250.")],
            ),
            None: (
                ("planning",),
                [
                    (
                        "finance",
                        "The network keeps a fixed amount of petty cash, called the float, of [petty cash float: ",
                    )
                ],
            ),
            0: (
                ("unregistered",),
                [("finance", "The network keeps no petty cash: it keeps no cash for small payments.")],
            ),
        },
    ),
    *contrast(
        "petty_cash_float",
        {
            (4567, 250, None): (
                ("registered", "hosted", "planning"),
                [
                    (
                        "finance",
                        "The petty-cash keeper (who holds cash for small costs) never counts their own cash alone.",
                    ),
                    ("finance", "How to keep petty cash"),
                ],
            ),
            0: (("unregistered",), []),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (
                ("registered", "kenya-national-network", "unregistered-network-asia"),
                [
                    (
                        "finance",
                        "numbers are often registered to a person's ID. So the network's records, and the provider's, can show who took part in an activity.",
                    ),
                    ("finance", "Each person chooses how they are paid: by mobile money, or in cash."),
                ],
            ),
            False: (
                ("unregistered", "hosted", "planning"),
                [("finance", "Per diems are paid by bank transfer, or in cash.")],
            ),
        },
    ),
    *contrast(
        "reserves_months",
        {
            4: (
                ("registered",),
                [("finance", "The network aims to keep reserves equal to 4 months of its core costs.")],
            ),
            3: (
                ("hosted", "planning"),
                [("finance", "The network aims to keep reserves equal to 3 months of its core costs.")],
            ),
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
                        "An audit is a full check of the accounts by a qualified auditor who is independent of the network.",
                    )
                ],
            ),
            "independent_examination": (
                ("unregistered",),
                [("finance", "An independent examiner does a lighter check than an audit")],
            ),
            "as_required": (("hosted", "planning"), [("finance", "The law and donors say which applies.")]),
        },
    ),
    *contrast(
        "per_diem_basis",
        {
            "own": (("registered", "unregistered"), [("finance", "sets in a written table and reviews each year.")]),
            "donor": (
                ("fiscally-hosted-regional-network",),
                [("finance", "The network pays per diems and travel at the rates of its main donor")],
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
                    )
                ],
            ),
            (("foundations",), None): (("unregistered", "hosted", "planning"), []),
        },
    ),
    *contrast(
        "kit_shape",
        {
            "starter": (
                ("unregistered", "planning"),
                [("finance", "The steps to follow are in Annex A at the end."), ("finance", "Annex A: Procedures")],
            ),
            "full": (("registered", "hosted"), []),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_finance(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)


# ---------------------------------------------------------------------------------------
# Helpers: the policy's body paragraphs, and the constitution's clause numbers
# ---------------------------------------------------------------------------------------

_NOT_BODY = re.compile(r"^(Heading|Title|Subtitle|Cover Detail|TOC|toc|Guidance)", re.IGNORECASE)


def body(kit: Kit, doc: str = "finance") -> list[str]:
    """The paragraphs members read and adopt: no cover, contents, headings, guidance or tables."""
    document = docx.Document(str(kit.file(doc)))
    return [p.text for p in document.paragraphs if p.text.strip() and not _NOT_BODY.match(p.style.name or "")]


@cache
def _clauses(kit_name: str) -> dict[str, dict[str, str]]:
    kit = load_kit()
    raw = CONTRAST[kit_name] if kit_name in CONTRAST else load_answers(next(p for p in EXAMPLES if p.stem == kit_name))
    valid = kit.validate(raw)
    sources = render_documents(kit.path, document_context(valid, kit))
    return clause_numbers(parse_source(text, name) for name, text in sources.items())


def clause(kit_name: str, document: str, anchor: str) -> str:
    """The number a clause of a document of the kit prints (as xref() shows it)."""
    return _clauses(kit_name)[document][anchor]


def constitution_word(kit: Kit) -> str:
    return "network charter" if kit.answers["legal_status"] in ("unregistered", "fiscally_hosted") else "constitution"


def mobile_money_limit(kit: Kit) -> str:
    """The most a mobile-money account holds by default: the petty-cash float or, without one, the two-approver limit."""
    return kit.amount("dual_signature_threshold" if kit.answers.get("petty_cash_float") == 0 else "petty_cash_float")


# ---------------------------------------------------------------------------------------
# One rule in one place: the constitution's money rules are referred to, never restated
# ---------------------------------------------------------------------------------------

REFERENCES = {
    "money": "Clause {n} of the {c} says where the network keeps its money.",
    "signatories": "appoints the signatories as clause {n} of the {c} says.",
    "approvals": "Clause {n} of the {c} says who approves a payment. This is its approval table:",
    "borrowing": "Clause {n} of the {c} sets the rules on borrowing and loans.",
    "accounts": "Clause {n} of the {c} sets the financial year and says how the annual accounts are checked.",
    "board-payments": "Payments to members of the {b} follow clause {n} of the {c}.",
    "acting-members": "uses clause {n} or",
    "urgent-decisions": "or {n} of the {c}. Nobody approves and pays alone, even in an emergency.",
    "conflicts": "takes no part in the choice, as clause {n} of the {c} says.",
    "records": "Personal data is kept as clause {n} of the {c} says.",
}


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_policy_refers_to_the_constitution_s_money_rules_by_their_clause_numbers(kits, kit_name):
    kit = kits[kit_name]
    for anchor, sentence in REFERENCES.items():
        number = clause(kit_name, "constitution", anchor)
        expected = sentence.format(n=number, c=constitution_word(kit), b=kit.board)
        assert expected in kit["finance"], expected


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_policy_does_not_restate_the_constitution_s_rules(kits, kit_name):
    kit = kits[kit_name]
    text = kit["finance"]
    # payments to board members: the constitution's words (kit.pay) stay in the constitution
    for pay_rule in ("are not paid for their time", "may pay them a stipend for their time"):
        assert pay_rule not in text
    # where money is kept, who appoints signatories, the auditor, borrowing: referred to, not restated
    for restated in ("is never kept in a personal account", "held jointly by at least two office-holders",
                     "appoints 3 signatories", "the annual general meeting appoints", "does not borrow money",
                     "runs from the first day of"):  # fmt: skip
        assert restated not in text, restated


# ---------------------------------------------------------------------------------------
# Finding: the spending rules contradicted each other (one person could approve and release
# a payment with no limit). Now the approval table holds, and whoever approves does not pay alone.
# ---------------------------------------------------------------------------------------

APPROVAL_HEADER = ["What", "Who approves", "Who also approves", "Who pays"]


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_approval_table_is_the_only_approval_rule_and_nobody_approves_and_pays_alone(kits, kit_name):
    kit = kits[kit_name]
    text = kit["finance"]
    table = kit.table("finance", APPROVAL_HEADER)
    for what, approver, _also, payer in table[1:]:
        assert approver not in payer, f"{what}: {approver} approves and pays"
    assert "The person who approves a payment does not pay it alone." in text
    assert "Nobody approves and pays alone, even in an emergency." in text
    # the old rules that let one person approve and release, and the old delegation table
    assert "the same person must both approve and release a payment" not in text
    assert "Who records" not in text
    # no approval amount stated outside the table: the board's limit appears only in it
    limit = kit.amount("board_approval_threshold")
    assert not [p for p in body(kit) if limit in p]
    assert "decides on every payment, contract or purchase above" not in text


# ---------------------------------------------------------------------------------------
# Finding: mobile money was preferred "because it leaves a record"; statements were
# downloaded by whoever held the phone; no default limits.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_mobile_money_says_what_its_record_can_show_offers_cash_by_code_and_has_limits(kits, kit_name):
    kit = kits[kit_name]
    text = kit["finance"]
    assert "because it leaves a record" not in kit.text
    assert "is downloaded every month" not in text
    if not kit.answers["mobile_money"]:
        assert "Mobile money" not in [line.strip() for line in text.splitlines()]
        return
    dual = kit.amount("dual_signature_threshold")
    assert "numbers are often registered to a person's ID" in text
    assert "can show who took part in an activity" in text
    assert "Each person who is paid chooses: mobile money, or cash with a list by code" in text
    assert f"One payment is no more than {dual}. The account holds no more than {mobile_money_limit(kit)}" in text
    assert "the provider sends the statement straight to the checker" in text
    assert "It never uses an account in a person's own name." in text
    # and on the approval card
    card = dict(row for row in kit.table("forms", ["Topic", "Rule"])[1:])
    assert card["Mobile money"].startswith(
        f"One payment: no more than {dual}. The account holds no more than {mobile_money_limit(kit)}."
    )


# ---------------------------------------------------------------------------------------
# Finding: per diems went to ID-registered SIMs; cash per diems had no two-person rule.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_cash_per_diems_are_paid_by_two_people_against_a_list_by_code(kits, kit_name):
    kit = kits[kit_name]
    text = kit["finance"]
    number = clause(kit_name, "forms", "per-diem-list")
    assert (
        f"Cash is paid against the per-diem list by code (form {number}): each person signs, or makes their mark, next to a code instead of their name."
        in text
    )
    assert "Two people pay the cash together, and both sign the list." in text
    assert "Each line has a code, never a name." in text
    assert "lets each person decide not to be paid" not in text  # the old wording; now:
    assert "Each person may choose not to be paid rather than give their details." in text


# ---------------------------------------------------------------------------------------
# Finding: three rules for where an unregistered network keeps its money. Now one (the
# constitution's); the policy's procedure follows it: the ally first, or a joint account of
# three office-holders; at least three signatories, so two can sign when one is detained.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_where_the_money_is_kept_follows_the_one_rule_and_two_signatories_can_always_act(kits, kit_name):
    kit = kits[kit_name]
    text = kit["finance"]
    a = kit.answers
    assert "two can still sign when one is away, ill or detained" in text
    if a["legal_status"] != "fiscally_hosted":
        assert "The person who checks the bank statements is not a signatory (who can sign for the account)." in text
    if a["legal_status"] == "unregistered" and a["money_holder"] == "ally":
        ally = a["ally_name"]
        assert f"{ally} keeps the network's money in its own account, as a separate fund for the network." in text
        assert "sends a statement of the fund each month straight to the checker" in text
        assert "Three office-holders hold a joint bank account" not in text
    elif a["legal_status"] == "unregistered":
        assert (
            "Three office-holders hold a joint bank account for the network. They are signatories, and two of them sign each payment."
            in text
        )
        assert "keeps the network's money in its own account" not in text
    for old in (
        "Where a bank will not open such an account",
        "in an account for the network held jointly by at least two",
    ):
        assert old not in text


# ---------------------------------------------------------------------------------------
# Finding: a hosted network's policy had the network deduct income tax while the host employs
# the staff, and had the general meeting appoint an auditor although the host's audit covers it.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kit_name", ["hosted", "fiscally-hosted-regional-network", "registered", "kenya-national-network"]
)
def test_a_host_employs_the_staff_and_its_audit_covers_the_fund(kits, kit_name):
    kit = kits[kit_name]
    text = kit["finance"]
    host = kit.answers.get("fiscal_host_name")
    if host:
        assert (
            f"{host} employs the network's staff, as the fiscal hosting agreement says. The host pays them, deducts their taxes"
            in text
        )
        assert "The network deducts income tax" not in text
        assert f"The audit of {host} covers the network's fund." in text
    else:
        assert "The network deducts income tax and other amounts as the law requires" in text
        assert "covers the network's fund" not in text
    assert "appoints the auditor" not in text and "the annual general meeting appoints" not in text


# ---------------------------------------------------------------------------------------
# Missing rules: bank cards, records retention, an advance limit.
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_bank_cards_have_a_holder_a_limit_and_no_cash_out_without_approval(kits, kit_name):
    kit = kits[kit_name]
    a = kit.answers
    own_bank = a["legal_status"] != "fiscally_hosted" and a.get("money_holder") != "ally"
    cards = [
        "The network has a bank card only if the",
        "names the signatory who holds it.",
        f"A card pays no more than {kit.amount('dual_signature_threshold')} a day",
        "Nobody takes cash out with a card unless that was approved in writing first.",
    ]
    assert all((rule in kit["finance"]) == own_bank for rule in cards), own_bank


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_financial_records_are_kept_seven_years_or_longer(kits, kit_name):
    text = kits[kit_name]["finance"]
    assert (
        "for 7 years after the end of the year they belong to, or longer where the law or a donor requires it." in text
    )
    assert "Confirm locally, and keep records for the longest period that applies." in text


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_an_advance_is_no_more_than_the_two_approver_limit_unless_the_board_approves(kits, kit_name):
    kit = kits[kit_name]
    dual = kit.amount("dual_signature_threshold")
    assert f"No advance is more than {dual}, unless the {kit.board} approves it." in kit["finance"]
    assert "Nobody gets a new advance while one is still open." in kit["finance"]


# ---------------------------------------------------------------------------------------
# Finding: the policy cited forms the kit lacked. Each form it uses exists, by its number.
# ---------------------------------------------------------------------------------------

FORMS_USED = {
    "approval-card": "approval card", "payment-voucher": "payment voucher", "claim-form": "claim form",
    "advance-form": "advance and retirement form", "per-diem-list": "per-diem list by code",
    "cash-count": "cash count sheet", "asset-register": "asset register", "risk-register": "risk register",
}  # fmt: skip


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_every_form_the_policy_uses_is_in_the_forms_under_the_number_it_gives(kits, kit_name):
    kit = kits[kit_name]
    contents = kit["forms"]
    for anchor, name in FORMS_USED.items():
        number = clause(kit_name, "forms", anchor)
        assert f"{name} (form {number})" in kit["finance"], name
        assert f"{number}.  {name[:1].upper()}{name[1:]}" in contents, name  # the forms' contents line


# ---------------------------------------------------------------------------------------
# Shapes and plain words
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_procedure_is_in_an_annex_in_the_starter_shape_and_beside_its_rule_in_the_full_shape(kits, kit_name):
    kit = kits[kit_name]
    headings = [
        p.text for p in docx.Document(str(kit.file("finance"))).paragraphs if p.style.name.startswith("Heading")
    ]
    procedures = ["How to make a payment", "How to give and retire an advance", "How to pay per diems in cash",
                  "How to receive money", "How to buy goods and services", "How to close each month",
                  "How to close the year", "What to do about a suspected fraud"]  # fmt: skip
    if kit.answers["kit_shape"] == "starter":
        annex = headings.index("Annex A: Procedures")
        assert all(any(h.endswith(p) for h in headings[annex:]) for p in procedures)
        assert "Steps: A.1.1." in kit["finance"]
    else:
        assert not [h for h in headings if h.startswith("Annex")]
        assert all(p in headings for p in procedures)
        assert "Steps:" not in kit["finance"]


# Each term of art, and the words that explain it where it first appears (any of them).
TERMS = {
    r"signator(?:y|ies)": ["A signatory, a person who can sign for the network's money"],
    r"petty[- ]cash": [
        "the petty cash, a small amount of cash for small payments",
        "it keeps no cash for small payments",
    ],
    r"\bfloat\b": ["called the float"],
    r"\badvances?\b": ["An advance is money given to a person before an activity"],
    r"per[- ]diems?": ["A per diem is a daily amount"],
    r"stipends?": ["A stipend pays a person for their time."],
    r"honorari(?:um|a)": ["An honorarium is a one-off payment"],
    r"reconcil": ["This check is called a reconciliation."],
    r"restricted fund": ["A restricted fund is money that a donor gives for a stated purpose."],
    r"\breserves\b": ["Reserves are money the network keeps aside"],
    r"pseudonym": ["a pseudonym (a chosen name)"],
    r"\baudit\b|independent examin|accounting officer": ["is a full check", "does a lighter check"],
    r"payment voucher": ["a payment voucher: a short form"],
}


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_each_term_of_art_is_explained_where_it_first_appears(kits, kit_name):
    kit = kits[kit_name]
    paragraphs = [p.replace("Finance and audit committee", "") for p in body(kit)]  # a name, not the term
    for term, explanations in TERMS.items():
        if term == r"\bfloat\b" and kit.answers.get("petty_cash_float") == 0:
            continue  # no petty cash, no float
        first = next((p for p in paragraphs if re.search(term, p, re.IGNORECASE)), None)
        assert first is not None, term
        assert any(e in first for e in explanations), f"{term} first appears unexplained: {first[:120]}"


@pytest.mark.libreoffice
def test_the_demo_s_starter_shape_has_at_most_six_pages_before_its_annex(tmp_path):
    """The part a small network reads and adopts, as LibreOffice lays it out, guidance on."""
    import os
    import shutil
    import subprocess

    from ngokit import BuildOptions, build_kit
    from ngokit.output.pdf import convert_to_pdf, find_soffice

    if not (find_soffice() and shutil.which("pdftotext")):
        if os.environ.get("NGOKIT_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice tests required but soffice or pdftotext is missing")
        pytest.skip("needs soffice and pdftotext")
    demo = Path(__file__).parent.parent / "examples" / "kenya-national-network.yaml"
    built = build_kit({**load_answers(demo), "kit_shape": "starter"}, BuildOptions(out=tmp_path, folder="demo"))
    (pdf,) = convert_to_pdf([built.path / "03-financial-control-policy.docx"], tmp_path, tmp_path / "profile")
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    annex = next(i for i, page in enumerate(pages) if i and re.search(r"^Annex A: Procedures$", page, re.MULTILINE))
    assert annex <= 6, f"the body runs to {annex} pages before the annex"
