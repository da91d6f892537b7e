"""The wizard driven by keystrokes through prompt_toolkit's pipe input (no pexpect)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from ngokit.cli import cli
from ngokit.questions.answers import load_answers, validate_answers
from ngokit.wizard import run_wizard

DOWN, UP, ENTER, CTRL_C, BACKSPACE = "\x1b[B", "\x1b[A", "\r", "\x03", "\x7f"
REST = ENTER * 90  # accept every remaining default, then "Build my kit" in the review


def questions_left(kit, **given) -> int:
    """Return how many questions the wizard still asks after these answers, taking defaults."""
    from ngokit.questions.interview import Interview

    interview = Interview(kit, dict(given))
    count, question = 0, interview.next_question()
    while question is not None:
        interview.answer(question, interview.check(question, interview.default(question)))
        count, question = count + 1, interview.next_question()
    return count


def questions_before(kit, name: str, path: str | None = None, **given) -> int:
    """Return how many questions the wizard asks, taking defaults, before the question ``name``."""
    from ngokit.questions.interview import Interview

    interview = Interview(kit, dict(given), path=path)
    count, question = 0, interview.next_question()
    while question is not None and question.name != name:
        interview.answer(question, interview.check(question, interview.default(question)))
        count, question = count + 1, interview.next_question()
    return count


def drive(kit, keys: str, save: Path, resume: dict | None = None, screen: io.StringIO | None = None):
    """Run the wizard with these keystrokes; the input closes after them (no hanging). What it
    shows is written to ``screen`` when one is given."""
    output = PlainTextOutput(screen) if screen is not None else DummyOutput()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        pipe.send_text(keys)
        pipe.close()  # after the last key the wizard reads end-of-input, never waits
        return run_wizard(kit, save, resume)


QUICK_PATH, FULL_PATH = ENTER, DOWN + ENTER  # the choice that follows the name, short name and country
ESC = "\x1b"


def start(path: str, name: str = "Net", country: str = "Kenya") -> str:
    """Return the keys for the name, no short name, the country and the choice of path."""
    return name + ENTER + ENTER + country + ENTER + path


def finished(kit, path: str, **given):
    """Return the interview as it ends when every question takes its default."""
    from ngokit.questions.interview import Interview

    interview = Interview(kit, dict(given), path=path)
    question = interview.next_question()
    while question is not None:
        interview.answer(question, interview.check(question, interview.default(question)))
        question = interview.next_question()
    return interview


def remaining(kit, path: str, **given) -> str:
    """Return the Enter keys that take every default from here to the review."""
    return ENTER * len(finished(kit, path, **given).history)


def change_row(kit, name: str, path: str = "quick", **given) -> str:
    """Return the keys that move down the change list (after "Back to the review") to a question."""
    names = [q.name for _s, q, _v in finished(kit, path, **given).asked()]
    return DOWN * (1 + names.index(name))


@pytest.fixture(autouse=True)
def tall_terminal(monkeypatch):
    """A screen tall enough that the review fits on one page (a test below pages it)."""
    monkeypatch.setenv("LINES", "200")
    monkeypatch.setenv("COLUMNS", "100")


def test_the_quick_path_needs_only_a_name_and_a_country(kit, tmp_path):
    result = drive(kit, start(QUICK_PATH, "Amani Network") + REST, tmp_path / "a.yaml")
    assert result.build
    answers = validate_answers(result.answers, kit.questionnaire, languages=kit.languages,
                               country_facts=kit.country_facts)  # fmt: skip
    assert answers["network_name"] == "Amani Network"
    assert answers["country"] == "KE"
    assert answers["currency"] == "KES"  # the default came from the country
    assert answers["legal_status"] == "planning_to_register"
    assert answers["kit_shape"] == "starter"  # the quick path builds the starter shape
    assert answers.get("fiscal_host_name") is None  # its `when` was false: never asked
    assert answers["kit_date"] == date.today()


def test_a_ten_person_network_answers_the_quick_path_in_15_questions_or_fewer(kit):
    from ngokit.questions.interview import Interview

    interview, asked = Interview(kit, {}), []
    given = {"network_name": "Мережа", "country": "UA", "interview_path": "quick",
             "legal_status": "planning_to_register", "dual_signature_threshold": "UAH 5 000"}  # fmt: skip
    question = interview.next_question()
    while question is not None:
        asked.append(question.name)
        interview.answer(question, interview.check(question, given.get(question.name, interview.default(question))))
        question = interview.next_question()
    assert len(asked) <= 15, asked
    assert interview.values["kit_shape"] == "starter" and interview.values["board_size_min"] == 3
    assert "board_size_min" in interview.presets  # shown in the review, and changeable there


def test_the_full_path_asks_every_question_that_applies(kit):
    interview = finished(kit, "full", network_name="N", country="KE")
    assert not interview.presets
    assert len(list(interview.asked())) > 40


def test_a_when_branch_asks_its_questions(kit, tmp_path):
    keys = start(QUICK_PATH, country="Kyrgyzstan") + DOWN + DOWN + ENTER + "Host Org" + ENTER + "5" + ENTER + REST
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.answers["legal_status"] == "fiscally_hosted"
    assert result.answers["fiscal_host_name"] == "Host Org"
    assert result.answers["fiscal_host_fee_percent"] == 5
    assert "legal_form" not in result.answers


def test_number_boxes_start_empty_so_typing_replaces_the_default(kit, tmp_path):
    before = questions_before(kit, "board_size_min", "full", network_name="Net", network_short_name=None, country="KE")
    keys = start(FULL_PATH) + ENTER * before + "1" + ENTER + BACKSPACE + "4" + ENTER + REST  # 1 is refused
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.answers["board_size_min"] == 4  # not 34, nor 31


def test_yes_or_no_waits_for_enter(kit, tmp_path):
    at = questions_before(kit, "women_led", "quick", network_name="Net", network_short_name=None, country="KE")
    keys = start(QUICK_PATH) + ENTER * at + "y" + "n" + ENTER + REST  # "y" alone answers nothing
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.answers["women_led"] is False
    assert result.answers["legal_status"] == "planning_to_register"  # no key spilled into another question


def test_esc_goes_back_to_the_question_before(kit, tmp_path):
    keys = start(QUICK_PATH) + ENTER + ESC + UP + ENTER + "My form" + ENTER + REST  # planning…, back, registered
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.answers["legal_status"] == "registered"
    assert result.answers["legal_form"] == "My form"


def test_esc_back_over_the_choice_of_path_changes_it_and_forgets_the_presets(kit, tmp_path):
    keys = start(QUICK_PATH) + ESC + DOWN + ENTER + REST  # back at the first quick question: choose the full path
    screen = io.StringIO()
    result = drive(kit, keys, tmp_path / "a.yaml", screen=screen)
    assert result.build
    assert "How many times a year does the board meet" in screen.getvalue()  # asked only on the full path
    assert "(preset)" not in screen.getvalue()


def test_changing_an_answer_in_the_review_asks_only_what_depends_on_it(kit, tmp_path):
    keys = (start(QUICK_PATH) + remaining(kit, "quick", network_name="Net", network_short_name=None, country="KE")
            + DOWN + ENTER                                              # "Change an answer"
            + change_row(kit, "legal_status", network_name="Net", country="KE") + ENTER
            + DOWN + DOWN + ENTER                                       # fiscally hosted
            + "Host Org" + ENTER + "7" + ENTER                          # the two new questions
            + ENTER)  # fmt: skip                                       # "Build my kit"
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.build
    assert result.answers["legal_status"] == "fiscally_hosted"
    assert result.answers["fiscal_host_fee_percent"] == 7
    assert "legal_form" not in result.answers  # no longer applies: forgotten


def test_the_change_list_returns_to_the_review(kit, tmp_path):
    to_review = remaining(kit, "quick", network_name="Net", network_short_name=None, country="KE")
    keys = (start(QUICK_PATH) + to_review + DOWN + ENTER + ENTER   # change, then "Back to the review"
            + DOWN + ENTER + CTRL_C + ENTER)  # fmt: skip            # change, then Ctrl-C: the review again; build
    screen = io.StringIO()
    result = drive(kit, keys, tmp_path / "a.yaml", screen=screen)
    assert result.build
    assert screen.getvalue().count("Review your answers") == 3


def test_the_review_shows_what_the_checks_find_and_offers_no_build_until_fixed(kit, tmp_path):
    resumed = {"network_name": "Net", "country": "KE", "petty_cash_float": 100, "petty_cash_max_payment": 500}
    screen = io.StringIO()
    keys = remaining(kit, "full", **resumed) + DOWN + ENTER  # no "Build" until fixed: the 2nd is "Save"
    result = drive(kit, keys, tmp_path / "a.yaml", resumed, screen=screen)
    assert not result.build
    assert "To fix: petty_cash_max_payment, petty_cash_float" in screen.getvalue()


def test_what_the_wizard_read_is_said_back(kit, tmp_path):
    at = questions_before(kit, "dual_signature_threshold", "quick", network_name="Net", network_short_name=None,
                          country="UA")  # fmt: skip
    keys = start(QUICK_PATH, country="Ukraine") + ENTER * at + "UAH 5 000" + ENTER + REST
    screen = io.StringIO()
    result = drive(kit, keys, tmp_path / "a.yaml", screen=screen)
    assert result.answers["dual_signature_threshold"] == 5000
    assert "→ UAH\u00a05,000" in screen.getvalue()


def test_the_review_is_paged_on_a_short_screen(kit, tmp_path, monkeypatch):
    monkeypatch.setenv("LINES", "24")
    screen = io.StringIO()
    to_review = remaining(kit, "quick", network_name="Net", network_short_name=None, country="KE")
    keys = start(QUICK_PATH) + to_review + DOWN + DOWN + ENTER + ENTER  # more, then build
    result = drive(kit, keys, tmp_path / "a.yaml", screen=screen)
    assert result.build
    assert "(page 1 of" in screen.getvalue() and "(page 2 of" in screen.getvalue()


def test_country_by_a_name_in_another_spelling(kit, tmp_path):
    result = drive(kit, start(QUICK_PATH, country="ivory coast") + REST, tmp_path / "a.yaml")
    assert result.answers["country"] == "CI"
    assert result.answers["currency"] == "XOF"


def test_an_ambiguous_country_is_asked_back(kit, tmp_path):
    result = drive(kit, "Net" + ENTER + ENTER + "Congo" + ENTER + DOWN + ENTER + QUICK_PATH + REST, tmp_path / "a.yaml")
    assert result.answers["country"] == "CD"


def test_ctrl_c_saves_and_resume_continues(kit, tmp_path):
    save = tmp_path / "answers.yaml"
    stopped = drive(kit, "Amani" + ENTER + ENTER + CTRL_C + ENTER, save)
    assert not stopped.build
    assert stopped.saved_to == save
    assert load_answers(save) == {"network_name": "Amani", "network_short_name": None}
    resumed = drive(kit, "Kenya" + ENTER + QUICK_PATH + REST, save, resume=load_answers(save))
    assert resumed.build
    assert resumed.answers["network_name"] == "Amani"
    assert resumed.answers["country"] == "KE"


def test_save_and_stop_from_the_review(kit, tmp_path):
    save = tmp_path / "answers.yaml"
    to_review = remaining(kit, "quick", network_name="Net", network_short_name=None, country="KE")
    result = drive(kit, start(QUICK_PATH) + to_review + DOWN + DOWN + ENTER, save)
    assert not result.build
    assert yaml.safe_load(save.read_text(encoding="utf-8"))["country"] == "KE"


def test_without_a_terminal_new_points_to_build(tmp_path):
    result = CliRunner().invoke(cli, ["new", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "ngokit build answers.yaml" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("lang", ["xx"])
def test_unknown_wizard_language_is_a_usage_error(lang, tmp_path, monkeypatch):
    import ngokit.wizard.command as command

    monkeypatch.setattr(command.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(command.sys.stdout, "isatty", lambda: True, raising=False)
    with pytest.raises(command.UsageError, match="no 'xx' translation"):
        command.run_new(out=tmp_path, resume=None, save=tmp_path / "a.yaml", ui_language=lang)


def test_the_country_pack_suggests_legal_forms_and_currencies(kit):
    from ngokit.questions.interview import Interview

    scope = Interview(kit, {"network_name": "N", "country": "KE"}).scope()
    assert "Public Benefit Organisation (PBO)" in kit.questionnaire["legal_form"].suggestions(scope)
    zimbabwe = Interview(kit, {"network_name": "N", "country": "ZW"}).scope()
    assert set(kit.questionnaire["currency"].suggestions(zimbabwe)) >= {"USD", "ZWG"}


def test_a_suggested_legal_form_can_be_typed(kit, tmp_path):
    keys = start(QUICK_PATH) + UP + ENTER + "Society (Societies Act, Cap. 108)" + ENTER + REST  # registered
    result = drive(kit, keys, tmp_path / "a.yaml")
    assert result.answers["legal_status"] == "registered"
    assert result.answers["legal_form"] == "Society (Societies Act, Cap. 108)"


def test_resume_drops_answers_the_kit_does_not_ask(kit, capsys):
    from ngokit.wizard.command import _resumable

    kept = _resumable({"network_name": "Amani", "colour": "red", "generated_by": {}}, kit)
    assert kept == {"network_name": "Amani"}
    assert "colour" in capsys.readouterr().out


def new(monkeypatch, keys: str, **options):
    """Run `ngokit new` (run_new) with these keystrokes; return its exit code (0 when built)."""
    import ngokit.wizard.command as command

    monkeypatch.setattr(command.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(command.sys.stdout, "isatty", lambda: True, raising=False)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        try:
            command.run_new(ui_language="en", **options)
        except SystemExit as exit:
            return exit.code
    return 0


def test_a_second_network_never_replaces_the_first_ones_saved_answers(kit, tmp_path, monkeypatch, capsys):
    first = tmp_path / "ngokit-answers.yaml"
    first.write_text("network_name: First Network\ncountry: KE\n", encoding="utf-8")
    code = new(monkeypatch, "Second" + ENTER + CTRL_C + ENTER, out=tmp_path / "kits", resume=None, save=first)
    assert code == 1
    assert load_answers(first) == {"network_name": "First Network", "country": "KE"}
    assert load_answers(tmp_path / "ngokit-answers-2.yaml")["network_name"] == "Second"
    output = capsys.readouterr().out
    assert "ngokit-answers-2.yaml" in output and "new --resume" in output


@pytest.mark.parametrize("where", ["missing", "locked"])
def test_an_unwritable_save_file_is_named_before_the_first_question(where, tmp_path, monkeypatch):
    import ngokit.wizard.saved
    from ngokit.errors import UsageError

    (tmp_path / "locked").mkdir()
    locked = (tmp_path / "locked").resolve()
    real_access = ngokit.wizard.saved.os.access
    monkeypatch.setattr(ngokit.wizard.saved.os, "access",  # as for a user without the right (root has every right)
                        lambda path, mode: Path(path).resolve() != locked and real_access(path, mode))  # fmt: skip
    with pytest.raises(UsageError, match="cannot save your answers in .*" + where):
        new(monkeypatch, "", out=tmp_path / "kits", resume=None, save=tmp_path / where / "answers.yaml")


def test_answers_that_cannot_be_saved_are_shown(kit, tmp_path, monkeypatch):
    import ngokit.wizard.saved

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ngokit.wizard.saved, "write_atomically", full_disk)
    screen = io.StringIO()
    stopped = drive(kit, "Amani" + ENTER + CTRL_C + ENTER, tmp_path / "a.yaml", screen=screen)
    assert stopped.saved_to is None
    assert "No space left on device" in screen.getvalue() and "network_name: Amani" in screen.getvalue()


def test_declining_to_replace_a_kit_leaves_it_untouched(kit, tmp_path, monkeypatch, capsys):
    from ngokit import BuildOptions, build_kit

    built = build_kit({"network_name": "Amani", "country": "KE"}, BuildOptions(out=tmp_path / "kits"))
    before = {p.name: p.read_bytes() for p in built.path.iterdir()}
    monkeypatch.chdir(tmp_path)
    to_review = ENTER * 80  # take every answer as resumed, build from the review
    code = new(monkeypatch, to_review + ENTER + "n" + ENTER, out=tmp_path / "kits",
               resume=built.path / "answers.yaml", save=Path("ngokit-answers.yaml"))  # fmt: skip
    assert code == 0
    assert {p.name: p.read_bytes() for p in built.path.iterdir()} == before
    assert "Nothing was replaced" in capsys.readouterr().out
    assert load_answers(tmp_path / "ngokit-answers.yaml")["network_name"] == "Amani"


@pytest.mark.parametrize("country", [404, ["KE", "UA"], {"a": 1}])
def test_resuming_answers_that_cannot_be_read_asks_them_again(kit, country, capsys):
    from ngokit.wizard.command import _resumable

    kept = _resumable({"network_name": "Amani", "country": country, "board_size_min": "x"}, kit)
    assert kept == {"network_name": "Amani"}
    assert "Asked again (the saved answer cannot be used): country, board_size_min" in capsys.readouterr().out
