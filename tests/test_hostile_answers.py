"""Answers files as people and attackers write them: read as meant, bounded, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from ngokit import BuildOptions, build_kit
from ngokit.cli import cli
from ngokit.errors import AnswersError
from ngokit.questions.answers import load_answers

from .conftest import MINIMAL, ROOT


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BASE = "network_name: Net\nkit_date: 2026-01-15\n"


# -- YAML read as a person means it (1.2 core, not 1.1) -------------------------------------


def test_no_is_norway(tmp_path, kit):
    answers = kit.validate(load_answers(write(tmp_path, BASE + "country: NO\n")))
    assert answers["country"] == "NO"


def test_leading_zeros_and_colons_read_as_typed(tmp_path, kit):
    raw = load_answers(write(tmp_path, BASE + "country: KE\nterm_years: 02\ngeneral_meeting_notice_days: 021\n"
                                              "network_short_name: 1:20\n"))  # fmt: skip
    answers = kit.validate(raw)
    assert answers["term_years"] == 2
    assert answers["general_meeting_notice_days"] == 21
    assert answers["network_short_name"] == "1:20"


def test_a_key_written_twice_names_its_line(tmp_path):
    result = run("check", write(tmp_path, BASE + "country: KE\ncountry: UA\n"))
    assert result.exit_code == 1
    assert "line 4" in result.output and "written twice" in result.output


def test_aliases_that_multiply_stop_at_once(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"l{i}: &l{i} [{', '.join(['*' + ('a' if i == 1 else f'l{i - 1}')] * 9)}]")
    text = BASE + "country: KE\n" + "\n".join(lines) + "\ndecision_rule: *l8\n"
    result = run("check", write(tmp_path, text))
    assert result.exit_code == 1 and "more than 100,000 values" in result.output


def test_deep_nesting_is_refused(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    for name, text in (("a.json", '{"country": ' + deep + "}"), ("a.yaml", "country: " + deep)):
        result = run("check", write(tmp_path, text, name))
        assert result.exit_code == 1, name
        assert "nest" in result.output.lower()


def test_a_list_where_one_answer_belongs_is_named(tmp_path):
    result = run("check", write(tmp_path, BASE + "country: [KE, UA]\ndecision_rule: {a: 1}\n"))
    assert result.exit_code == 1
    assert "country: must be one answer, not a list" in result.output
    assert "decision_rule: must be one answer" in result.output


# -- numbers and dates with sane bounds ------------------------------------------------------


def test_a_huge_exponent_is_refused_at_once(tmp_path):
    result = run("check", write(tmp_path, BASE + "country: KE\nterm_years: '1e99999999'\n"))
    assert result.exit_code == 1 and "too large" in result.output


def test_check_and_build_agree_on_a_huge_amount(tmp_path):
    path = write(tmp_path, BASE + "country: KE\ndual_signature_threshold: 1e5000\n")
    assert run("check", path).exit_code == 1
    result = run("build", path, "--out", tmp_path / "kits")
    assert result.exit_code == 1 and "dual_signature_threshold: is too large" in result.output


@pytest.mark.parametrize("day", ["2026-02-30", "1979-12-31", "2108-01-01"])
def test_impossible_and_unzippable_dates_are_named(tmp_path, day):
    result = run("check", write(tmp_path, f"network_name: Net\ncountry: KE\nkit_date: {day}\n"))
    assert result.exit_code == 1
    assert "kit_date: must be a date" in result.output


def test_check_refuses_a_device_and_a_huge_file(tmp_path):
    result = run("check", "/dev/zero")
    assert result.exit_code == 1 and "not a file of answers" in result.output
    big = write(tmp_path, BASE + "country: KE\n# " + "x" * 2_000_000 + "\n")
    result = run("check", big)
    assert result.exit_code == 1 and "larger than 1024 KB" in result.output


def test_an_answer_that_escapes_the_terminal_is_shown_not_obeyed(tmp_path):
    result = run("check", write(tmp_path, BASE + 'country: KE\n"\\e[2J\\e[Hnone failed": 1\n'))
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\\x1b[2J" in result.output


# -- exact, reproducible output --------------------------------------------------------------


def test_amounts_are_exact_in_answers_yaml(tmp_path):
    built = build_kit({**MINIMAL, "dual_signature_threshold": "123456789012345.67"}, BuildOptions(out=tmp_path))
    text = (built.path / "answers.yaml").read_bytes()
    assert b"dual_signature_threshold: 123456789012345.67\n" in text and b"\r\n" not in text
    again = load_answers(built.path / "answers.yaml")
    assert again["dual_signature_threshold"] == Decimal("123456789012345.67")


def test_the_kit_zip_is_made_by_the_same_system_everywhere(tmp_path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path, zip=True))
    with zipfile.ZipFile(built.zip_path) as archive:
        assert {info.create_system for info in archive.infolist()} == {3}


def test_the_default_kit_date_does_not_depend_on_the_time_zone():
    code = "from ngokit.questions.answers import utc_today; print(utc_today())"
    dates = set()
    for zone in ("Etc/GMT+12", "Etc/GMT-14"):  # 26 hours apart: always two dates locally
        env = {**os.environ, "TZ": zone}
        dates.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                 check=True, cwd=ROOT).stdout)  # fmt: skip
    assert len(dates) == 1


def test_json_answers_with_exact_amounts(tmp_path, kit):
    path = write(tmp_path, json.dumps({"network_name": "Net", "country": "KE", "petty_cash_float": "2500.50"}),
                 "a.json")  # fmt: skip
    assert kit.validate(load_answers(path))["petty_cash_float"] == Decimal("2500.5")


def test_load_answers_names_the_file_it_cannot_read(tmp_path):
    with pytest.raises(AnswersError, match="not UTF-8"):
        load_answers(tmp_path.joinpath("a.yaml").write_bytes(b"\xff\xfe\x00") and tmp_path / "a.yaml")


def test_documents_are_made_by_the_same_system_everywhere(tmp_path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path))
    for document in built.documents:
        with zipfile.ZipFile(document) as archive:
            assert {info.create_system for info in archive.infolist()} == {3}, document.name
