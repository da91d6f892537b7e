"""What the engine needs from a kit, checked when the kit loads: a broken kit is a message
naming the file and the field, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ngokit.cli import cli
from ngokit.errors import KitError
from ngokit.kit import bundled_kits_dir, load_kit
from ngokit.questions.answers import ENGINE_QUESTIONS

from .conftest import MINIMAL


def copied_kit(tmp_path: Path) -> Path:
    kit = tmp_path / "kit"
    shutil.copytree(bundled_kits_dir() / "peer-network", kit)
    return kit


def edit_questions(kit: Path, old: str, new: str) -> None:
    questions = kit / "questions.yaml"
    text = questions.read_text(encoding="utf-8")
    assert old in text
    questions.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_kit_that_drops_a_question_the_engine_reads_is_named(tmp_path, write_answers):
    kit = copied_kit(tmp_path)
    edit_questions(kit, "      - name: kit_date\n", "      - name: kit_day\n")
    result = CliRunner().invoke(cli, ["build", str(write_answers(MINIMAL)), "--template", str(kit),
                                      "--out", str(tmp_path / "out")])  # fmt: skip
    assert result.exit_code == 1
    assert "the kit must ask 'kit_date' (a date question)" in result.output
    assert "Traceback" not in result.output


def test_every_problem_of_a_questionnaire_is_named_with_its_field(tmp_path):
    kit = copied_kit(tmp_path)
    edit_questions(kit, "        type: text\n", "        type: txt\n")
    edit_questions(kit, "        default: national\n", "        default: national\n        colour: red\n")
    edit_questions(kit, '{value: local, label: "In one city or district"}', "{value: local}")
    edit_questions(kit, "        default_from: country_language\n", "        default_from: country_language ==\n")
    with pytest.raises(KitError) as error:
        load_kit(kit)
    message = str(error.value)
    assert "questions.yaml is not a valid questionnaire" in message
    assert "question 'network_name'.type: must be one of" in message and "(got 'txt')" in message
    assert "question 'scope': unknown field(s): colour" in message
    assert "question 'scope'.choices[0]: must have a value and a label" in message
    assert "question 'language'.default_from: 'country_language ==' is not a valid expression" in message


def test_a_questionnaire_that_is_not_one_is_a_message(tmp_path):
    kit = copied_kit(tmp_path)
    (kit / "questions.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(KitError, match="must be a mapping with a list of sections"):
        load_kit(kit)


def test_the_bundled_kit_asks_every_question_the_engine_reads(kit):
    for name, kind in ENGINE_QUESTIONS.items():
        assert kit.questionnaire[name].type == kind


def test_answers_give_the_engine_typed_properties(kit):
    answers = kit.validate({**MINIMAL, "adopted_on": "2026-02-01"})
    assert (answers.network_name, answers.country, answers.language, answers.currency) == ("Test Network", "KE",
                                                                                          "en", "KES")  # fmt: skip
    assert answers.kit_date.isoformat() == "2026-01-15" and answers.adopted_on.isoformat() == "2026-02-01"


def test_documents_refer_to_each_others_clauses_by_id(tmp_path):
    from ngokit import BuildOptions, build_kit

    from .conftest import docx_text

    kit = copied_kit(tmp_path)
    documents = kit / "{{cookiecutter.kit_folder}}"
    (documents / "08-rules.md").write_text("---\ntitle: Rules\nid: rules\nnumbered: true\n---\n\n# One\n\n"
                                           "# Quorum {id=quorum}\n\nHalf.\n", encoding="utf-8")  # fmt: skip
    (documents / "09-procedure.md").write_text("---\ntitle: Procedure\nid: procedure\n---\n\n"
                                               "As clause {{ xref('rules', 'quorum') }} of the rules says.\n",
                                               encoding="utf-8")  # fmt: skip
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path / "out"), str(kit))
    assert "As clause 2 of the rules says." in docx_text(built.path / "09-procedure.docx")
    (documents / "09-procedure.md").write_text("---\ntitle: Procedure\n---\n\n{{ xref('rules', 'nowhere') }}\n",
                                               encoding="utf-8")  # fmt: skip
    with pytest.raises(KitError, match="Procedure: the reference to rules#nowhere finds no clause of rules"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path / "again"), str(kit))
