"""Validation: one path for every source of answers, every problem reported at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ngokit.errors import AnswersError
from ngokit.questions.answers import answer_question, dump_answers, load_answers, validate_answers

from .conftest import MINIMAL, TODAY


def problems_of(kit, raw) -> dict[str, str]:
    with pytest.raises(AnswersError) as caught:
        validate_answers(raw, kit.questionnaire, languages=kit.languages, today=TODAY)
    return {p.field: p.message for p in caught.value.problems}


def valid(kit, raw):
    return validate_answers(raw, kit.questionnaire, languages=kit.languages, today=TODAY,
                            country_facts=kit.country_facts)  # fmt: skip


def test_name_and_country_are_enough(kit):
    answers = valid(kit, {"network_name": "Amani", "country": "KE"})
    assert answers["currency"] == "KES"
    assert answers["language"] == "en"
    assert answers["kit_date"] == TODAY
    assert (answers["network_size"], answers["staff"], answers["kit_shape"]) == ("small", "none", "starter")
    assert (answers["board_size_min"], answers["board_size_max"]) == (3, 5)


def test_defaults_follow_the_networks_size(kit):
    small = valid(kit, {"network_name": "N", "country": "UA"})
    large = valid(kit, {"network_name": "N", "country": "UA", "network_size": "large"})
    assert small["officers"] == ("chair", "treasurer", "secretary") and small["committees"] == ()
    assert large["officers"] == ("chair", "vice_chair", "treasurer", "secretary")
    assert (large["staff"], large["kit_shape"], large["board_size_min"]) == ("coordinator", "full", 5)
    assert small["general_meeting_notice_days"] < large["general_meeting_notice_days"]
    assert valid(kit, {"network_name": "N", "country": "UA", "staff": "coordinator"})["kit_shape"] == "full"


def test_country_pack_sets_the_financial_year_default(kit):
    assert valid(kit, {"network_name": "N", "country": "IN"})["financial_year_start_month"] == 4
    assert valid(kit, {"network_name": "N", "country": "KE"})["financial_year_start_month"] == 1


def test_unknown_key_suggests_the_closest_question(kit):
    found = problems_of(kit, {**MINIMAL, "board_sise_min": 3})
    assert "board_sise_min" in found
    assert "did you mean board_size_min" in found["board_sise_min"]


def test_every_problem_is_reported_at_once(kit):
    found = problems_of(kit, {
        "country": "Atlantis", "board_size_min": "five", "term_years": 9,
        "decision_rule": "coin toss", "online_meetings": "perhaps", "currency": "XYZ",
    })  # fmt: skip
    assert set(found) == {"network_name", "country", "board_size_min", "term_years",
                          "decision_rule", "online_meetings", "currency"}  # fmt: skip
    assert found["network_name"] == "an answer is required"
    assert "must be a number" in found["board_size_min"]
    assert "at most 5" in found["term_years"]
    assert "not one of the choices" in found["decision_rule"]
    assert "yes or no" in found["online_meetings"]
    assert "ISO 4217" in found["currency"]
    assert "two-letter ISO code" in found["country"]


def test_a_bound_can_depend_on_an_earlier_answer(kit):
    found = problems_of(kit, {**MINIMAL, "board_size_min": 7, "board_size_max": 5})
    assert found == {"board_size_max": "must be at least 7 (got 5)"}


@pytest.mark.parametrize("bad", ["Net\x00work", "Net\x0bwork", "Net\x1fwork", "Net\ufffework", "Net\x9b2J", "Net\x7f"])
def test_text_a_word_file_cannot_hold_is_refused(kit, bad):
    found = problems_of(kit, {**MINIMAL, "network_name": bad})
    assert "control character" in found["network_name"]


def test_questions_whose_condition_is_false_are_ignored(kit):
    answers = valid(kit, {**MINIMAL, "legal_status": "registered", "fiscal_host_name": "Host"})
    assert answers.get("fiscal_host_name") is None
    hosted = valid(kit, {**MINIMAL, "legal_status": "fiscally_hosted", "fiscal_host_name": "Host"})
    assert hosted["fiscal_host_name"] == "Host"


def test_language_must_be_one_the_kit_has(kit):
    found = problems_of(kit, {**MINIMAL, "language": "fr"})
    assert "no text in 'fr'" in found["language"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("yes", True), ("Yes", True), ("TRUE", True), ("1", True), (1.0, True), ("no", False),
    ("False", False), ("0", False),
])  # fmt: skip
def test_yes_and_no_in_words(kit, typed, expected):
    assert valid(kit, {**MINIMAL, "online_meetings": typed})["online_meetings"] is expected


def test_spreadsheet_numbers_and_names_are_understood(kit):
    answers = valid(kit, {**MINIMAL, "board_size_min": 5.0, "dual_signature_threshold": "5000.0",
                          "financial_year_start_month": "July", "country": "kenya",
                          "main_donors": "global_fund, foundations"})  # fmt: skip
    assert answers["board_size_min"] == 5
    assert answers["dual_signature_threshold"] == Decimal(5000)
    assert answers["financial_year_start_month"] == 7
    assert answers["country"] == "KE"
    assert answers["main_donors"] == ("global_fund", "foundations")


def test_whole_number_required_for_integers(kit):
    assert "whole number" in problems_of(kit, {**MINIMAL, "board_size_min": 5.5})["board_size_min"]


def test_one_rule_answers_a_question_for_the_wizard_and_files_alike(kit):
    question = kit.questionnaire["term_years"]
    with pytest.raises(ValueError, match="at most 5"):
        answer_question(question, "9", {})
    assert answer_question(question, "3", {}) == 3
    assert answer_question(question, "  ", {}) == question.default  # a blank takes the default
    with pytest.raises(ValueError, match="an answer is required"):
        answer_question(kit.questionnaire["network_name"], "", {})
    assert answer_question(kit.questionnaire["network_short_name"], None, {}) is None  # optional


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("network_name: Amani\ncountry: [KE\n", encoding="utf-8")
    with pytest.raises(AnswersError, match=r"not valid YAML \(line 3"):
        load_answers(path)


def test_a_list_instead_of_answers_is_refused(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("- network_name\n- country\n", encoding="utf-8")
    with pytest.raises(AnswersError, match="question names and answers"):
        load_answers(path)


def test_json_answers_are_read(tmp_path, kit):
    path = tmp_path / "a.json"
    path.write_text('{"network_name": "Amani", "country": "KE"}', encoding="utf-8")
    assert valid(kit, load_answers(path))["network_name"] == "Amani"


def test_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffnetwork_name: Amani\n".encode())
    assert load_answers(path) == {"network_name": "Amani"}


names = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80)


@settings(max_examples=60, deadline=None)
@given(name=names.filter(lambda s: s.strip() and "\ufffe" not in s and "\uffff" not in s),
       threshold=st.decimals(min_value=0, max_value=10**9, places=2),
       month=st.integers(1, 12), day=st.dates(date(2000, 1, 1), date(2100, 1, 1)))  # fmt: skip
def test_answers_survive_a_dump_and_load(kit, name, threshold, month, day):
    answers = valid(kit, {"network_name": name, "country": "UA", "dual_signature_threshold": threshold,
                          "financial_year_start_month": month, "kit_date": day})  # fmt: skip
    text = dump_answers(answers, {"ngokit": "test"})
    again = valid(kit, yaml.safe_load(text))
    assert again.values == answers.values


def test_every_expression_in_the_questionnaire_compiles(kit):
    for expression in [e for q in kit.questionnaire for e in (q.when, q.default_from) if e is not None]:
        expression.compile()  # the loader compiled them all already; this says so


def test_every_question_says_why_we_ask(kit):
    for question in kit.questionnaire:
        assert len(question.help) > 20, question.name
        assert question.prompt.strip(), question.name
        for choice in question.choices:
            assert choice.label, (question.name, choice.value)
