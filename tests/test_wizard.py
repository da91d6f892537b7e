"""The wizard driven by keystrokes through prompt_toolkit's pipe input (no pexpect)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from ngokit.answers import load_answers, validate_answers
from ngokit.cli import cli
from ngokit.wizard import run_wizard

DOWN, ENTER, CTRL_C, BACKSPACE = "\x1b[B", "\r", "\x03", "\x7f"
REST = ENTER * 90  # accept every remaining default, then "Build my kit" in the review


def questions_left(kit, **given) -> int:
    """Return how many questions the wizard still asks after these answers, taking defaults."""
    from ngokit.interview import Interview

    interview = Interview(kit, dict(given))
    count, question = 0, interview.next_question()
    while question is not None:
        interview.answer(question, interview.check(question, interview.default(question)))
        count, question = count + 1, interview.next_question()
    return count


def drive(kit, keys: str, save: Path, resume: dict | None = None):
    """Run the wizard with these keystrokes; the input closes after them (no hanging)."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()  # after the last key the wizard reads end-of-input, never waits
        return run_wizard(kit, save, resume)


def test_the_default_path_needs_only_a_name_and_a_country(kit, tmp_path):
    result = drive(kit, "Amani Network" + ENTER + ENTER + "Kenya" + ENTER + REST, tmp_path / "a.yaml")
    assert result.build
    answers = validate_answers(result.answers, kit.questionnaire, languages=kit.languages,
                               country_facts=kit.country_facts)  # fmt: skip
    assert answers["network_name"] == "Amani Network"
    assert answers["country"] == "KE"
    assert answers["currency"] == "KES"  # the default came from the country
    assert answers["legal_status"] == "planning_to_register"
    assert answers.get("fiscal_host_name") is None  # its `when` was false: never asked
    assert answers["kit_date"] == date.today()


def test_a_when_branch_asks_its_questions(kit, tmp_path):
    keys = ("Net" + ENTER + ENTER + "Kyrgyzstan" + ENTER + ENTER + ENTER
            + DOWN + DOWN + ENTER + "Host Org" + ENTER + "5" + ENTER + REST)  # fmt: skip
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.answers["legal_status"] == "fiscally_hosted"
    assert result.answers["fiscal_host_name"] == "Host Org"
    assert result.answers["fiscal_host_fee_percent"] == 5
    assert "legal_form" not in result.answers


def test_a_rejected_answer_can_be_corrected(kit, tmp_path):
    # After name and country, 11 questions come before the smallest board size (default 5).
    keys = ("Net" + ENTER + ENTER + "Kenya" + ENTER + ENTER * 11
            + BACKSPACE + "1" + ENTER + BACKSPACE + "3" + ENTER + REST)  # fmt: skip
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.answers["board_size_min"] == 3


def test_country_by_a_name_in_another_spelling(kit, tmp_path):
    result = drive(kit, "Net" + ENTER + ENTER + "ivory coast" + ENTER + REST, tmp_path / "a.yaml")
    assert result.answers["country"] == "CI"
    assert result.answers["currency"] == "XOF"


def test_changing_an_answer_in_the_review_asks_only_what_depends_on_it(kit, tmp_path):
    to_review = ENTER * questions_left(kit, network_name="Net", network_short_name=None, country="KE")
    keys = ("Net" + ENTER + ENTER + "Kenya" + ENTER + to_review    # all defaults, up to the review
            + DOWN + ENTER                                          # "Change an answer"
            + DOWN * 5 + ENTER                                      # the legal status question
            + DOWN + DOWN + ENTER                                   # fiscally hosted
            + "Host Org" + ENTER + "7" + ENTER                      # the two new questions
            + ENTER)  # fmt: skip                                   # "Build my kit"
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.build
    assert result.answers["legal_status"] == "fiscally_hosted"
    assert result.answers["fiscal_host_fee_percent"] == 7
    assert "legal_form" not in result.answers  # no longer applies: forgotten


def test_ctrl_c_saves_and_resume_continues(kit, tmp_path):
    save = tmp_path / "answers.yaml"
    stopped = drive(kit, "Amani" + ENTER + ENTER + CTRL_C + ENTER, save)
    assert not stopped.build
    assert stopped.saved_to == save
    assert load_answers(save) == {"network_name": "Amani", "network_short_name": None}
    resumed = drive(kit, "Kenya" + ENTER + REST, save, resume=load_answers(save))
    assert resumed.build
    assert resumed.answers["network_name"] == "Amani"
    assert resumed.answers["country"] == "KE"


def test_save_and_stop_from_the_review(kit, tmp_path):
    save = tmp_path / "answers.yaml"
    to_review = ENTER * questions_left(kit, network_name="Net", network_short_name=None, country="KE")
    result = drive(kit, "Net" + ENTER + ENTER + "Kenya" + ENTER + to_review + DOWN + DOWN + ENTER, save)
    assert not result.build
    assert yaml.safe_load(save.read_text(encoding="utf-8"))["country"] == "KE"


def test_without_a_terminal_new_points_to_build(tmp_path):
    result = CliRunner().invoke(cli, ["new", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "ngokit build answers.yaml" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("lang", ["xx"])
def test_unknown_wizard_language_is_a_usage_error(lang, tmp_path, monkeypatch):
    import ngokit.newcommand as command

    monkeypatch.setattr(command.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(command.sys.stdout, "isatty", lambda: True, raising=False)
    with pytest.raises(command.UsageError, match="no 'xx' translation"):
        command.run_new(out=tmp_path, resume=None, save=tmp_path / "a.yaml", ui_language=lang)


def test_the_country_pack_suggests_legal_forms_and_currencies(kit):
    from ngokit.interview import Interview

    scope = Interview(kit, {"network_name": "N", "country": "KE"}).scope()
    assert "Public Benefit Organisation (PBO)" in kit.questionnaire["legal_form"].suggestions(scope)
    zimbabwe = Interview(kit, {"network_name": "N", "country": "ZW"}).scope()
    assert set(kit.questionnaire["currency"].suggestions(zimbabwe)) >= {"USD", "ZWG"}


def test_a_suggested_legal_form_can_be_typed(kit, tmp_path):
    keys = ("Net" + ENTER + ENTER + "Kenya" + ENTER + ENTER + ENTER  # language, scope
            + "\x1b[A" + ENTER                                        # registered
            + "Society (Societies Act, Cap. 108)" + ENTER + REST)  # fmt: skip
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.answers["legal_status"] == "registered"
    assert result.answers["legal_form"] == "Society (Societies Act, Cap. 108)"


def test_resume_drops_answers_the_kit_does_not_ask(kit, capsys):
    from ngokit.newcommand import _resumable

    kept = _resumable({"network_name": "Amani", "colour": "red", "generated_by": {}}, kit)
    assert kept == {"network_name": "Amani"}
    assert "colour" in capsys.readouterr().out
