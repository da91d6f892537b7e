"""The kits the content tests read: a few contrasting kits and every example, built once per
test session, with their answers and text; and contrast(), which turns each answer's
branches into test cases.

Distinctive numbers (12345, 23 days, 17 per cent...) make every value easy to find and
impossible to confuse with another one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from ngokit import BuildOptions, build_kit

from .conftest import EXAMPLES, docx_text

NBSP = "\u00a0"

# ---------------------------------------------------------------------------------------
# The kits. Distinctive numbers (12345, 23 days, 17 per cent...) make every value easy to
# find and impossible to confuse with another one.
# ---------------------------------------------------------------------------------------

REGISTERED = {
    "network_name": "Registered Test Network", "country": "KE", "kit_date": "2026-01-15",
    "network_size": "large", "kit_shape": "full", "women_led": False,
    "legal_status": "registered", "legal_form": "Public Benefit Organisation",
    "membership_model": "both", "associate_members": True, "peer_definition": "current_and_former",
    "peer_verification": True, "pseudonyms_allowed": True,
    "board_name": "steering_committee", "board_size_min": 5, "board_size_max": 9,
    "peer_share": "two_thirds", "women_seats": 3, "regional_seats": True,
    "term_years": 3, "max_consecutive_terms": 2, "officers": ["chair", "vice_chair", "treasurer", "secretary"],
    "decision_rule": "consensus", "casting_vote": False, "board_meetings_per_year": 5,
    "board_notice_days": 9, "general_meeting_notice_days": 23, "general_meeting_quorum_percent": 17,
    "online_meetings": True, "board_pay": "stipend", "entrenched_peer_majority": True,
    "staff": "director", "currency": "KES", "financial_year_start_month": 7, "signatories": 3,
    "dual_signature_threshold": 12345, "board_approval_threshold": 234567,
    "three_quotes_threshold": 34567, "petty_cash_float": 4567, "petty_cash_max_payment": 567,
    "mobile_money": True, "reserves_months": 4, "audit": "audit", "main_donors": ["global_fund"],
    "policy_review_years": 3,
}  # fmt: skip

UNREGISTERED = {
    "network_name": "Unregistered Test Network", "country": "GH", "kit_date": "2026-01-15",
    "network_size": "small", "kit_shape": "starter", "legal_status": "unregistered", "money_holder": "joint_account",
    "membership_model": "individuals", "associate_members": False, "peer_definition": "current",
    "peer_verification": False, "pseudonyms_allowed": False,
    "board_name": "board", "board_size_min": 3, "board_size_max": 3,
    "peer_share": "all", "women_seats": 0, "regional_seats": False,
    "term_years": 1, "max_consecutive_terms": 1, "officers": ["chair", "treasurer"], "committees": [],
    "decision_rule": "majority", "casting_vote": True, "board_meetings_per_year": 6,
    "board_notice_days": 11, "general_meeting_notice_days": 29, "general_meeting_quorum_percent": 31,
    "online_meetings": False, "board_pay": "none", "entrenched_peer_majority": False,
    "staff": "none", "currency": "USD", "financial_year_start_month": 4, "signatories": 3,
    "dual_signature_threshold": 2468, "board_approval_threshold": 13579,
    "three_quotes_threshold": 1357, "petty_cash_float": 0,
    "mobile_money": False, "reserves_months": 0, "audit": "independent_examination",
    "main_donors": ["foundations"], "policy_review_years": 1,
}  # fmt: skip

HOSTED = {
    "network_name": "Hosted Test Network", "country": "KG", "kit_date": "2026-01-15",
    "network_size": "large", "women_led": True, "women_led_includes": ["trans_women", "non_binary", "trans_men"],
    "scope": "regional", "region_name": "Central Asia",
    "legal_status": "fiscally_hosted", "fiscal_host_name": "Helping Hands Host Trust",
    "fiscal_host_fee_percent": 5,
    "membership_model": "organisations", "associate_members": True, "peer_verification": True,
    "board_name": "coordinating_committee", "board_size_min": 4, "board_size_max": 7,
    "peer_share": "majority",
    "term_years": 2, "max_consecutive_terms": 3, "officers": ["chair", "vice_chair", "secretary"],
    "decision_rule": "two_thirds", "casting_vote": True,
    "board_pay": "expenses", "staff": "coordinator", "currency": "USD",
    "dual_signature_threshold": 3210, "board_approval_threshold": 65432,
    "three_quotes_threshold": 4321, "petty_cash_float": 250, "petty_cash_max_payment": 40,
    "audit": "as_required",
}  # fmt: skip

# Defaults everywhere, and every amount left open.
PLANNING = {
    "network_name": "Planning Test Network", "country": "ZA", "kit_date": "2026-01-15",
    "legal_status": "planning_to_register", "board_name": "executive_committee",
}  # fmt: skip

CONTRAST = {"registered": REGISTERED, "unregistered": UNREGISTERED, "hosted": HOSTED, "planning": PLANNING}
EXAMPLE_NAMES = [p.stem for p in EXAMPLES]
ALL_KITS = [*CONTRAST, *EXAMPLE_NAMES]

DOCS = {
    "start": "00-start-here", "constitution": "01-constitution", "board": "02-board-governance-policy",
    "finance": "03-financial-control-policy", "forms": "04-forms", "hosting": "05-fiscal-hosting-agreement",
    "founding": "06-founding-meeting-pack", "data": "07-data-protection-and-security",
}  # fmt: skip

BOARD_NAMES = {
    "board": "board", "steering_committee": "steering committee",
    "coordinating_committee": "coordinating committee", "executive_committee": "executive committee",
}  # fmt: skip


@dataclass
class Kit:
    """A built kit: its folder, its full answers (as the kit recorded them) and its text."""

    path: Path
    answers: dict[str, Any]
    docs: dict[str, str]
    _tables: dict[str, list[list[list[str]]]] = field(default_factory=dict)

    def __getitem__(self, doc: str) -> str:
        return self.docs.get(doc, "")

    @property
    def text(self) -> str:
        return "\n".join(self.docs.values())

    @property
    def board(self) -> str:
        return BOARD_NAMES[self.answers["board_name"]]

    def file(self, doc: str) -> Path:
        return self.path / f"{DOCS[doc]}.docx"

    def tables(self, doc: str) -> list[list[list[str]]]:
        """Every table of a document, as rows of cell texts."""
        if doc not in self._tables:
            document = docx.Document(str(self.file(doc)))
            self._tables[doc] = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
        return self._tables[doc]

    def table(self, doc: str, header: list[str]) -> list[list[str]]:
        found = [t for t in self.tables(doc) if t and t[0] == header]
        assert len(found) == 1, f"{doc}: expected one table headed {header}, found {len(found)}"
        return found[0]

    def money(self, amount: int) -> str:
        """How the kit prints an amount in its currency (English documents)."""
        code = self.answers["currency"]
        return f"${amount:,}" if code == "USD" else f"{code}{NBSP}{amount:,}"

    def amount(self, answer: str) -> str:
        """An amount answer as the kit prints it: the money, or the blank to fill when left open."""
        value = self.answers.get(answer)
        if value is not None:
            return self.money(value)
        label = {
            "dual_signature_threshold": "amount above which two people approve",
            "board_approval_threshold": f"amount above which the {self.board} approves",
            "three_quotes_threshold": "amount above which three quotes are needed",
            "petty_cash_float": "petty cash float",
            "petty_cash_max_payment": "largest petty cash payment",
        }[answer]  # fmt: skip
        return f"[{label}: ________________]"


def build_kits(tmp_path_factory) -> dict[str, Kit]:
    """Build the contrasting kits and every example once (8 builds), and read their text."""
    out = tmp_path_factory.mktemp("content")
    sources: dict[str, Any] = {**CONTRAST, **{p.stem: p for p in EXAMPLES}}
    found = {}
    for name, answers in sources.items():
        built = build_kit(answers, BuildOptions(out=out, folder=name))
        recorded = yaml.safe_load((built.path / "answers.yaml").read_text(encoding="utf-8"))
        docs = {key: docx_text(built.path / f"{stem}.docx")
                for key, stem in DOCS.items() if (built.path / f"{stem}.docx").is_file()}  # fmt: skip
        found[name] = Kit(built.path, recorded, docs)
    return found


# ---------------------------------------------------------------------------------------
# Each answer's branches. contrast() turns {value(s): (kits, phrases)} into one test case
# per value and kit: that value's phrases are present, every other value's phrases absent.
# A phrase is (document, text); "kit" means any document of the kit.
# ---------------------------------------------------------------------------------------

Phrase = tuple[str, str]


def contrast(answer: str, by_value: dict[Any, tuple[tuple[str, ...], list[Phrase]]]) -> list[Any]:
    """Cases for one answer. A key is a value, or a tuple of values that share the phrases; a
    multichoice answer's value is itself a tuple, so its key is a tuple of tuples."""
    cases = []
    for values, (kit_names, phrases) in by_value.items():
        allowed = values if isinstance(values, tuple) else (values,)
        others = [p for v, (_, ps) in by_value.items() if v != values for p in ps]
        label = "|".join("+".join(v) if isinstance(v, tuple) else str(v) for v in allowed)
        for name in kit_names:
            cases.append(pytest.param(answer, allowed, name, phrases, others, id=f"{answer}={label}-{name}"))
    return cases


def check_branch(kits: dict[str, Kit], answer: str, values: tuple[Any, ...], kit_name: str,
                 present: list[Phrase], absent: list[Phrase]) -> None:  # fmt: skip
    """Assert one case of contrast(): the value's phrases are in the kit, the others' are not."""
    kit = kits[kit_name]
    recorded = kit.answers.get(answer)
    assert (tuple(recorded) if isinstance(recorded, list) else recorded) in values, "the test table is wrong"
    assert present or absent
    for doc, phrase in present:
        assert phrase in kit[doc], f"{DOCS[doc]} lacks {phrase!r}"
    for doc, phrase in absent:
        assert phrase not in kit[doc], f"{DOCS[doc]} has {phrase!r}, which belongs to another answer"
