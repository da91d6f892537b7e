"""The command line: thin commands, one error handler, every command documented."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from ngokit.cli import cli

from .conftest import DEMO, MINIMAL, ROOT


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_build_prints_where_the_kit_is(run, write_answers, tmp_path):
    result = run("build", write_answers(MINIMAL), "--out", tmp_path / "kits")
    assert result.exit_code == 0, result.output
    assert "Kit built:" in result.output
    assert (tmp_path / "kits" / "test-network" / "01-constitution.docx").is_file()


def test_bad_answers_give_one_line_per_problem_and_exit_1(run, write_answers, tmp_path):
    path = write_answers({"network_name": "X", "country": "Atlantis", "term_years": 0, "colour": "red"})
    result = run("build", path, "--out", tmp_path / "kits")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "Error: answers.yaml has 3 problems:" in result.stderr
    assert "  - country: " in result.stderr
    assert "  - term_years: must be at least 1 (got 0)" in result.stderr
    assert "  - colour: not a question of this kit" in result.stderr
    assert not (tmp_path / "kits").exists()


def test_broken_yaml_exits_1_with_the_line(run, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("network_name: 'unclosed\ncountry: KE\n", encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 1
    assert "not valid YAML" in result.stderr


def test_existing_kit_needs_force(run, write_answers, tmp_path):
    path = write_answers(MINIMAL)
    assert run("build", path, "--out", tmp_path).exit_code == 0
    again = run("build", path, "--out", tmp_path)
    assert again.exit_code == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert run("build", path, "--out", tmp_path, "--force").exit_code == 0


def test_missing_answers_file(run, tmp_path):
    result = run("build", tmp_path / "nope.yaml")
    assert result.exit_code == 1
    assert "file not found" in result.stderr


def test_usage_errors_exit_2(run):
    assert run("build").exit_code == 2
    assert run("questions", "--format", "pdf").exit_code == 2


def test_check_validates_without_building(run, write_answers, tmp_path):
    result = run("check", write_answers(MINIMAL))
    assert result.exit_code == 0
    assert "valid" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["answers.yaml"]


def test_demo_builds_the_example_network(run, tmp_path):
    result = run("demo", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "amani-network-of-people-who-use-drugs" / "answers.yaml").is_file()


def test_zip_is_written_beside_the_kit(run, write_answers, tmp_path):
    result = run("build", write_answers(MINIMAL), "--out", tmp_path / "k", "--zip")
    assert result.exit_code == 0
    assert (tmp_path / "k" / "test-network.zip").is_file()


def test_questions_prints_every_question(run, kit):
    markdown = run("questions").output
    csv = run("questions", "--format", "csv").output
    for name in kit.questionnaire.names:
        assert f"`{name}`" in markdown
        assert csv.count(f"\n{name},") == 1


def test_missing_reference_docx_is_a_clear_error(run, write_answers, tmp_path):
    result = run("build", write_answers(MINIMAL), "--out", tmp_path / "k", "--reference-docx", tmp_path / "x.docx")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert re.search(rf"ngokit {name}\b", readme), f"`ngokit {name}` is not documented in README.md"


def test_python_m_ngokit_and_help_work():
    result = subprocess.run([sys.executable, "-m", "ngokit", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "build" in result.stdout


def test_a_kits_own_answers_rebuild_it_in_place_from_any_folder(run, tmp_path, monkeypatch):
    first = run("build", str(DEMO), "--out", str(tmp_path / "kits"))
    assert first.exit_code == 0, first.output
    kit = next((tmp_path / "kits").iterdir())
    answers = kit / "answers.yaml"
    answers.write_text(answers.read_text(encoding="utf-8").replace("board_pay: stipend", "board_pay: none"),
                       encoding="utf-8")  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    again = run("build", str(answers), "--force")
    assert again.exit_code == 0, again.output
    assert "board_pay: none" in answers.read_text(encoding="utf-8")
    assert list(elsewhere.iterdir()) == []  # no second kit in ./kits
    assert [p.name for p in (tmp_path / "kits").iterdir()] == [kit.name]


def test_printed_commands_work_after_the_readmes_set_up(run, write_answers, tmp_path, monkeypatch):
    monkeypatch.setenv("UV", "/usr/bin/uv")  # started as `uv run ngokit ...`
    result = run("build", str(write_answers(MINIMAL)), "--out", str(tmp_path / "kits"))
    assert "Rebuild after editing the answers: uv run ngokit build" in result.output
    monkeypatch.delenv("UV")
    result = run("build", str(write_answers(MINIMAL)), "--out", str(tmp_path / "kits2"))
    assert "answers: ngokit build" in result.output
