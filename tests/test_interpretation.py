"""One interpretation of what people type, for answers files, sheets and the wizard alike:
amounts, percentages, fractions, local dates, labels and slips, read as meant and said back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner

from ngokit.cli import cli
from ngokit.errors import AnswersError

from .conftest import MINIMAL

UKRAINE = {"network_name": "Net", "country": "UA", "kit_date": "2026-01-15"}
KENYA = {"network_name": "Net", "country": "KE", "kit_date": "2026-01-15"}


@pytest.mark.parametrize(("network", "typed", "amount"), [
    (UKRAINE, "20,000", 20000), (UKRAINE, "UAH 5 000", 5000), (UKRAINE, "1.000.000", 1000000),
    (UKRAINE, "5 000 ₴", 5000), (UKRAINE, "1.000", 1000), (UKRAINE, "1,50", Decimal("1.5")),
    (KENYA, "KES 50 000", 50000), (KENYA, "Ksh 5,000", 5000), (KENYA, "50000.0", 50000),
    ({**KENYA, "currency": "EUR", "language": "en"}, "50.000 €", 50000),
    ({**KENYA, "currency": "EUR"}, "1.000,50 EUR", Decimal("1000.5")),
])  # fmt: skip
def test_amounts_are_read_as_people_write_them(kit, network, typed, amount):
    answers = kit.validate({**network, "dual_signature_threshold": typed})
    assert answers["dual_signature_threshold"] == amount
    assert any(n.question == "dual_signature_threshold" for n in answers.notes)


def test_an_amount_in_another_currency_is_refused_with_the_reason(kit):
    with pytest.raises(AnswersError, match="the amount is in EUR, but the network's accounts are in UAH"):
        kit.validate({**UKRAINE, "dual_signature_threshold": "EUR 500"})


@pytest.mark.parametrize(("typed", "value"), [("50%", 50), ("25 %", 25), ("30", 30)])
def test_percentages(kit, typed, value):
    assert kit.validate({**MINIMAL, "general_meeting_quorum_percent": typed})["general_meeting_quorum_percent"] == value


@pytest.mark.parametrize(("question", "typed", "value"), [
    ("peer_share", "2/3", "two_thirds"), ("peer_share", "more than half", "majority"),
    ("decision_rule", "2/3", "two_thirds"), ("legal_status", "planning to register", "planning_to_register"),
    ("legal_status", "fiscaly hosted", "fiscally_hosted"), ("legal_status", "Hosted", "fiscally_hosted"),
])  # fmt: skip
def test_fractions_labels_and_slips_name_their_choice(kit, question, typed, value):
    assert kit.validate({**MINIMAL, question: typed})[question] == value


def test_a_choice_that_cannot_be_read_suggests_the_closest(kit):
    with pytest.raises(AnswersError, match=r"'fisc hosting' is not one of the choices.*did you mean 'fiscally_hosted'"):
        kit.validate({**MINIMAL, "legal_status": "fisc hosting"})


@pytest.mark.parametrize(("network", "typed", "day"), [
    (KENYA, "15/01/2027", "2027-01-15"), (UKRAINE, "15.01.2027", "2027-01-15"), (KENYA, "2027-01-15", "2027-01-15"),
])  # fmt: skip
def test_dates_in_the_local_short_form(kit, network, typed, day):
    assert kit.validate({**network, "kit_date": typed})["kit_date"].isoformat() == day


def test_a_misspelt_country_gets_a_suggestion_and_an_ambiguous_one_is_asked_back(kit):
    with pytest.raises(AnswersError, match="did you mean Kenya"):
        kit.validate({"network_name": "N", "country": "Keyna"})
    with pytest.raises(AnswersError, match=r"'Congo' could be .*\(CG\) or .*\(CD\)"):
        kit.validate({"network_name": "N", "country": "Congo"})
    assert kit.validate({"network_name": "N", "country": "Kenia"})["country"] == "KE"


def test_check_says_how_it_read_each_answer(write_answers):
    path = write_answers(
        {**UKRAINE, "dual_signature_threshold": "UAH 5 000", "peer_share": "2/3", "country": "Ukraina"}
    )
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "Read as:" in result.output
    assert "dual_signature_threshold: 'UAH 5 000' → UAH\u00a05,000" in result.output
    assert "peer_share: '2/3' → At least two thirds (two_thirds)" in result.output
    assert "country: 'Ukraina' → Ukraine (UA)" in result.output


# -- checks across answers: declared in questions.yaml, all found in one pass ---------------


def test_every_check_across_answers_is_found_in_one_pass(kit):
    raw = {**MINIMAL, "officers": ["treasurer"], "petty_cash_float": 2000, "petty_cash_max_payment": 5000,
           "dual_signature_threshold": 10000, "board_approval_threshold": 5000, "three_quotes_threshold": 8000,
           "signatories": 6, "women_seats": 3, "board_size_min": 3}  # fmt: skip
    with pytest.raises(AnswersError) as error:
        kit.validate(raw)
    fields = {p.field for p in error.value.problems}
    assert fields == {"officers", "petty_cash_max_payment, petty_cash_float",
                      "dual_signature_threshold, board_approval_threshold",
                      "three_quotes_threshold, board_approval_threshold",
                      "signatories, board_size_min, staff", "women_seats, board_size_min"}  # fmt: skip


def test_a_check_is_skipped_when_a_field_has_a_problem_of_its_own(kit):
    with pytest.raises(AnswersError) as error:
        kit.validate({**MINIMAL, "petty_cash_float": "lots", "petty_cash_max_payment": 5000})
    assert [p.field for p in error.value.problems] == ["petty_cash_float"]


def test_the_casting_vote_is_not_asked_without_a_chair(kit):
    answers = kit.validate({**MINIMAL, "officers": ["chair", "treasurer"], "casting_vote": True})
    assert answers["casting_vote"] is True
    hosted = {
        **MINIMAL,
        "legal_status": "fiscally_hosted",
        "officers": ["vice_chair", "chair"],
        "decision_rule": "two_thirds",
    }
    assert kit.validate({**hosted, "casting_vote": True}).get("casting_vote") is None
