"""Workshops without surprises: kits belong to rows, reruns rebuild exactly what changed, form
tools' exports are read, and the pre-flight says how it read everything."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from ngokit import BuildOptions, build_kit
from ngokit.batch import run_batch
from ngokit.cli import cli
from ngokit.kit import load_kit
from ngokit.questions.answers import load_answers


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def write_rows(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def report(out: Path) -> dict[str, dict[str, str]]:
    with (out / "batch-report.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {row["row"]: row for row in csv.DictReader(handle)}


def threshold(kit_folder: Path) -> int:
    return int(load_answers(kit_folder / "answers.yaml")["dual_signature_threshold"])


def workshop(row_3_country: str) -> list[list[object]]:
    """Twenty networks; rows 3 and 19 share a name but not their answers."""
    rows: list[list[object]] = [["network_name", "country", "dual_signature_threshold", "kit_date"]]
    for number in range(2, 22):
        rows.append([f"Network {number}", "KE", 1000 + number, "2026-03-01"])
    rows[2] = ["Kenya Peer Network", row_3_country, 50000, "2026-03-01"]  # row 3
    rows[18] = ["Kenya Peer Network", "KE", 30000, "2026-03-01"]  # row 19
    return rows


def test_a_row_is_never_handed_another_rows_kit(tmp_path):
    out = tmp_path / "kits"
    sheet = write_rows(tmp_path / "s.csv", workshop("Atlantis"))
    first = run("batch", sheet, "--out", out, "--jobs", "2")
    assert first.exit_code == 1
    rows = report(out)
    assert rows["3"]["status"] == "invalid" and rows["3"]["kit_path"] == ""
    assert rows["19"]["kit_path"] == "kenya-peer-network-2"  # the second row with the name, valid or not
    assert threshold(out / "kenya-peer-network-2") == 30000
    write_rows(sheet, workshop("KE"))  # row 3 fixed
    again = run("batch", sheet, "--out", out, "--jobs", "2")
    assert again.exit_code == 0, again.output
    rows = report(out)
    assert (rows["3"]["status"], rows["3"]["kit_path"]) == ("built", "kenya-peer-network")
    assert threshold(out / "kenya-peer-network") == 50000
    assert (rows["19"]["status"], rows["19"]["kit_path"]) == ("unchanged", "kenya-peer-network-2")
    assert sum(row["status"] == "unchanged" for row in rows.values()) == 19


def test_a_folder_holding_another_rows_kit_is_rebuilt_for_its_own_row(tmp_path):
    out = tmp_path / "kits"  # as an earlier ngokit left it: row 19's kit under the shared name
    build_kit({"network_name": "Kenya Peer Network", "country": "KE", "dual_signature_threshold": 30000,
               "kit_date": "2026-03-01"}, BuildOptions(out=out))  # fmt: skip
    sheet = write_rows(tmp_path / "s.csv", workshop("KE"))
    result = run_batch(sheet, load_kit(), BuildOptions(out=out))
    statuses = {r.row: (r.status, r.kit_path) for r in result.rows}
    assert statuses[3] == ("rebuilt: its answers changed", "kenya-peer-network")
    assert threshold(out / "kenya-peer-network") == 50000
    assert statuses[19] == ("built", "kenya-peer-network-2")


def test_a_corrected_row_is_rebuilt_and_the_others_kept_and_zip_covers_every_kit(tmp_path):
    out = tmp_path / "kits"
    rows = [["network_name", "country", "dual_signature_threshold"], ["One", "KE", 100], ["Two", "KE", 200]]
    sheet = write_rows(tmp_path / "s.csv", rows)
    run_batch(sheet, load_kit(), BuildOptions(out=out))
    kept = (out / "one" / "01-constitution.docx").stat().st_mtime_ns
    rows[2][2] = 250
    write_rows(sheet, rows)
    result = run_batch(sheet, load_kit(), BuildOptions(out=out, zip=True))
    assert [r.status for r in result.rows] == ["unchanged", "rebuilt: its answers changed"]
    assert (out / "one" / "01-constitution.docx").stat().st_mtime_ns == kept
    assert threshold(out / "two") == 250
    assert (out / "one.zip").is_file() and (out / "two.zip").is_file()  # --zip: every kit of the sheet
    assert "1 rebuilt (answers changed), 1 unchanged" in result.summary()


def test_a_rerun_on_another_day_keeps_the_kits_date(tmp_path, monkeypatch):
    import ngokit.questions.answers

    out = tmp_path / "kits"
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"], ["One", "KE"]])
    run_batch(sheet, load_kit(), BuildOptions(out=out))
    monkeypatch.setattr(ngokit.questions.answers, "utc_today", lambda: __import__("datetime").date(2099, 1, 1))
    again = run_batch(sheet, load_kit(), BuildOptions(out=out))
    assert [r.status for r in again.rows] == ["unchanged"]


# -- form tools' exports ---------------------------------------------------------------------


def test_a_google_forms_export(tmp_path, kit):
    prompts = [kit.questionnaire[n].prompt for n in ("network_name", "country", "legal_status")]
    sheet = write_rows(tmp_path / "google.csv", [
        ["Timestamp", "Email address", *prompts],
        ["2026/11/02 10:15:03 AM GMT+3", "someone@example.org", "Amani", "Kenya",
         "Not yet registered, planning to register"],
    ])  # fmt: skip
    result = run("batch", sheet, "--out", tmp_path / "kits")
    assert result.exit_code == 0, result.output
    assert "Left out: Timestamp, Email address" in result.output
    assert load_answers(tmp_path / "kits" / "amani" / "answers.yaml")["legal_status"] == "planning_to_register"
    assert "someone@example.org" not in (tmp_path / "kits" / "amani" / "answers.yaml").read_text(encoding="utf-8")


def test_a_microsoft_forms_export(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
                  "network_name", "country", "peer_share"])  # fmt: skip
    sheet.append([1, "11/2/26 10:01:02", "11/2/26 10:09:40", "anonymous", None, None, "Sauti", "Uganda", "2/3"])
    book.save(tmp_path / "forms.xlsx")
    result = run("batch", tmp_path / "forms.xlsx", "--out", tmp_path / "kits")
    assert result.exit_code == 0, result.output
    assert "Left out: ID, Start time, Completion time, Email, Name, Last modified time" in result.output
    assert load_answers(tmp_path / "kits" / "sauti" / "answers.yaml")["peer_share"] == "two_thirds"


def test_a_kobotoolbox_export_with_semicolons_and_group_prefixes(tmp_path):
    sheet = write_rows(tmp_path / "kobo.csv", [
        ["start", "end", "group_org/network_name", "group_org/country", "group_money/dual_signature_threshold",
         "_id", "_uuid", "_submission_time", "_validation_status", "__version__", "_index"],
        ["2026-11-02T10:01:02.000+03:00", "2026-11-02T10:20:00.000+03:00", "Mtandao", "TZ", "TZS 500 000",
         "101", "7b1c2d", "2026-11-02T07:20:05", "", "vAbC", "1"],
    ], delimiter=";")  # fmt: skip
    result = run("batch", sheet, "--out", tmp_path / "kits")
    assert result.exit_code == 0, result.output
    assert (
        "Left out: start, end, _id, _uuid, _submission_time, _validation_status, __version__, _index" in result.output
    )
    assert threshold(tmp_path / "kits" / "mtandao") == 500000
    assert "read as:" in result.output and "TZS 500 000" in result.output


def test_any_other_unknown_column_stops_the_batch_with_a_way_round(tmp_path):
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country", "Facilitator notes"], ["Net", "KE", "late"]])
    stopped = run("batch", sheet, "--out", tmp_path / "kits")
    assert stopped.exit_code == 1
    assert "these columns are not questions of the kit: Facilitator notes" in stopped.output
    assert '--ignore-columns "Facilitator notes"' in stopped.output
    again = run("batch", sheet, "--out", tmp_path / "kits", "--ignore-columns", "Facilitator notes")
    assert again.exit_code == 0, again.output


# -- the templates, and the pre-flight ----------------------------------------------------------


def test_the_xlsx_template_offers_words_and_they_are_read_back(tmp_path, kit):
    assert run("batch-template", tmp_path / "t.xlsx").exit_code == 0
    book = load_workbook(tmp_path / "t.xlsx")
    networks = book["Networks"]
    column = kit.questionnaire.names.index("legal_status") + 1
    rule = next(r for r in networks.data_validations.dataValidation if any(
        c.min_col == column for c in r.sqref.ranges))  # fmt: skip
    source = rule.formula1.split("!")[1].replace("$", "").split(":")
    words = [cell.value for row in book["Lists"][source[0] : source[1]] for cell in row]
    assert "Not yet registered, planning to register" in words and "planning_to_register" not in words
    assert book["Lists"].sheet_state == "hidden"
    networks.cell(row=3, column=1, value="Worded Net")
    networks.cell(row=3, column=kit.questionnaire.names.index("country") + 1, value="Kenya")
    networks.cell(row=3, column=column, value="Hosted by another organisation that holds our funds")
    book.save(tmp_path / "t.xlsx")
    result = run("batch", tmp_path / "t.xlsx", "--out", tmp_path / "kits")
    assert result.exit_code == 0, result.output
    assert load_answers(tmp_path / "kits" / "worded-net" / "answers.yaml")["legal_status"] == "fiscally_hosted"


def test_the_csv_templates_example_row_is_never_built(tmp_path):
    assert run("batch-template", tmp_path / "t.csv").exit_code == 0
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0].startswith("(example)")
    rows.append(["Real Net", *[""] * (len(rows[0]) - 1)])
    rows[2][rows[0].index("country")] = "KE"
    write_rows(tmp_path / "t.csv", rows)
    result = run("batch", tmp_path / "t.csv", "--out", tmp_path / "kits")
    assert result.exit_code == 0, result.output
    assert "Left out: row 2, the template's example" in result.output
    assert sorted(p.name for p in (tmp_path / "kits").iterdir() if p.is_dir()) == ["real-net"]


def test_a_workbook_without_its_networks_sheet_is_an_error(tmp_path):
    assert run("batch-template", tmp_path / "t.xlsx").exit_code == 0
    book = load_workbook(tmp_path / "t.xlsx")
    del book["Networks"]
    book.save(tmp_path / "t.xlsx")
    result = run("batch", tmp_path / "t.xlsx", "--out", tmp_path / "kits")
    assert result.exit_code == 1 and "Networks" in result.output


@pytest.mark.parametrize(("country", "shown"), [("Kenia", "country: 'Kenia' → Kenya (KE)")])
def test_the_preflight_says_how_it_read_each_row(tmp_path, country, shown):
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country", "dual_signature_threshold"],
                                           ["One", country, "KES 50 000"], ["Two", "Congo", ""]])  # fmt: skip
    result = run("batch", sheet, "--out", tmp_path / "kits")
    assert "row 2 (One) read as:" in result.output and shown in result.output
    assert "dual_signature_threshold: 'KES 50 000' → KES\u00a050,000" in result.output
    assert "'Congo' could be" in result.output  # never guessed
