"""Hostile spreadsheets: each is read correctly or stopped with a message naming where and what to do."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ngokit.batch.sheets import read_rows
from ngokit.errors import NgokitError


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def names(path: Path, kit) -> list[str]:
    return [row.answers["network_name"] for row in read_rows(path, kit.questionnaire)]


def save_book(path: Path, *sheets: tuple[str, str, list[list[object]]]) -> Path:
    """Write a workbook of (title, state, rows) sheets, in that order."""
    book = Workbook()
    book.remove(book.active)
    for title, state, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def edit_sheet_xml(path: Path, part: str, old: str, new: str) -> None:
    """Replace text in one part of an .xlsx, as another program might have written it."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    text = parts[part].decode()
    assert old in text
    parts[part] = text.replace(old, new).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


ROWS = [["network_name", "country"], ["Alpha Net", "KE"], ["Beta Net", "UA"]]

# CSV: a stray quote mark, cells beyond the header, NUL-free but broken quoting


def test_a_stray_quote_that_swallows_rows_is_stopped_at_its_line(tmp_path, kit):
    sheet = write_csv(tmp_path / "s.csv", (
        "network_name,country\n"
        "Alpha Net,KE\n"
        '"Beta Net,KE\n'
        "Gamma Net,KE\n"
        'Delta Net",KE\n'
        "Epsilon Net,KE\n"
        "Zeta Net,KE\n"
    ))  # fmt: skip
    with pytest.raises(NgokitError, match=r"s\.csv, line 3: .*quote mark") as error:
        read_rows(sheet, kit.questionnaire)
    assert "3 lines" in str(error.value) and "commas" in str(error.value)


def test_a_quote_that_never_closes_is_stopped_where_it_opens(tmp_path, kit):
    sheet = write_csv(tmp_path / "s.csv", 'network_name,country\nAlpha Net,KE\n"Beta Net,KE\nGamma Net,KE\n')
    with pytest.raises(NgokitError, match=r"line 3: .*never closes"):
        read_rows(sheet, kit.questionnaire)


def test_a_quote_in_the_middle_of_a_cell_is_stopped(tmp_path, kit):
    sheet = write_csv(tmp_path / "s.csv", 'network_name;country\n"Beta" Net;KE\n')
    with pytest.raises(NgokitError, match=r"line 2: .*quote mark"):
        read_rows(sheet, kit.questionnaire)


def test_cells_beyond_the_header_are_stopped(tmp_path, kit):
    sheet = write_csv(tmp_path / "s.csv", "network_name,country\nAlpha Net,KE\nBeta, the Net,KE\n")
    with pytest.raises(NgokitError, match=r"line 3: a value in column C \('KE'\), which has no header"):
        read_rows(sheet, kit.questionnaire)


def test_quoted_cells_and_line_breaks_as_spreadsheets_write_them_still_read(tmp_path, kit):
    sheet = write_csv(tmp_path / "s.csv", (
        "network_name,country,,\n"
        '"Beta ""B"" Net, Kenya",KE,,\n'
        '"Two\nLines",KE,,\n'
    ))  # fmt: skip
    assert names(sheet, kit) == ['Beta "B" Net, Kenya', "Two\nLines"]


# CSV and xlsx: sizes


def test_a_csv_cell_beyond_the_field_limit_is_a_message(tmp_path, kit):
    sheet = write_csv(tmp_path / "s.csv", "network_name,country\nAlpha,KE\n" + "x" * 200_000 + ",KE\n")
    with pytest.raises(NgokitError, match=r"line 3: a cell longer than 131,072 characters"):
        read_rows(sheet, kit.questionnaire)


def test_too_many_rows_or_columns_are_a_message_with_the_limit(tmp_path, kit):
    rows = write_csv(tmp_path / "rows.csv", "network_name,country\n" + "Net,KE\n" * 5_001)
    with pytest.raises(NgokitError, match=r"more than 5,000 rows"):
        read_rows(rows, kit.questionnaire)
    columns = write_csv(tmp_path / "columns.csv", "network_name,country" + ",x" * 300 + "\nNet,KE\n")
    with pytest.raises(NgokitError, match=r"more than 256 columns"):
        read_rows(columns, kit.questionnaire)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, kit):
    for suffix in (".csv", ".xlsx"):
        big = tmp_path / f"big{suffix}"
        with big.open("wb") as handle:
            handle.truncate(21 * 1024 * 1024)
        with pytest.raises(NgokitError, match=r"larger than 20 MB"):
            read_rows(big, kit.questionnaire)


def test_an_xlsx_with_a_value_far_beyond_the_limits_is_a_message(tmp_path, kit):
    path = save_book(tmp_path / "s.xlsx", ("Networks", "visible", ROWS))
    edit_sheet_xml(path, "xl/worksheets/sheet1.xml", "</sheetData>",
                   '<row r="6000"><c r="B6000" t="inlineStr"><is><t>far</t></is></c></row></sheetData>')  # fmt: skip
    with pytest.raises(NgokitError, match=r"cell B6000 .* 5,000 rows"):
        read_rows(path, kit.questionnaire)


def test_an_xlsx_with_a_cell_at_the_last_row_and_column_is_a_message_not_gigabytes(tmp_path):
    """openpyxl would make every cell of A1:XFD1048576 (17 billion); memory is capped at 1 GB here."""
    path = save_book(tmp_path / "s.xlsx", ("Networks", "visible", ROWS))
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    edit_sheet_xml(path, "xl/worksheets/sheet1.xml", "</sheetData>", far + "</sheetData>")
    edit_sheet_xml(path, "xl/worksheets/sheet1.xml", '<dimension ref="A1:B3"/>', '<dimension ref="A1:XFD1048576"/>')
    assert path.stat().st_size < 10_000
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    code = limit + "from ngokit.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", code, "batch", str(path), "--out", str(tmp_path / "kits")],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "cell XFD1048576" in done.stderr and "5,000 rows" in done.stderr
    assert not (tmp_path / "kits").exists()


# xlsx: formulas, errors and sheets


def test_formulas_without_a_saved_result_are_named_with_what_to_do(tmp_path, kit):
    rows = [["network_name", "country", "board_size_min"], ["Formula Net", "KE", "=2+3"], ["Plain", "KE", 4]]
    path = save_book(tmp_path / "s.xlsx", ("Networks", "visible", rows))
    with pytest.raises(NgokitError, match=r"C2.*no saved result.*open it in Excel or LibreOffice and save"):
        read_rows(path, kit.questionnaire)


def test_formulas_with_a_saved_result_use_it(tmp_path, kit):
    rows = [["network_name", "country", "board_size_min"], ['="Formula "&"Net"', "KE", "=2+3"]]
    path = save_book(tmp_path / "s.xlsx", ("Networks", "visible", rows))
    part = "xl/worksheets/sheet1.xml"
    edit_sheet_xml(path, part, '<c r="A2"><f>"Formula "&amp;"Net"</f><v></v></c>',
                   '<c r="A2" t="str"><f>"Formula "&amp;"Net"</f><v>Formula Net</v></c>')  # fmt: skip
    edit_sheet_xml(path, part, "<f>2+3</f><v></v>", "<f>2+3</f><v>5</v>")
    rows_read = read_rows(path, kit.questionnaire)
    assert rows_read[0].answers == {"network_name": "Formula Net", "country": "KE", "board_size_min": 5}


def test_a_formula_whose_result_is_empty_text_is_an_empty_cell(tmp_path, kit):
    rows = [["network_name", "country", "region_name"], ["Net", "KE", '=""']]
    path = save_book(tmp_path / "s.xlsx", ("Networks", "visible", rows))
    edit_sheet_xml(path, "xl/worksheets/sheet1.xml", '<c r="C2"><f>""</f><v></v></c>',
                   '<c r="C2" t="str"><f>""</f><v></v></c>')  # fmt: skip
    assert read_rows(path, kit.questionnaire)[0].answers == {"network_name": "Net", "country": "KE"}


def test_a_cell_showing_an_error_is_named(tmp_path, kit):
    path = save_book(tmp_path / "s.xlsx", ("Networks", "visible", ROWS))
    edit_sheet_xml(path, "xl/worksheets/sheet1.xml", '<c r="B3" t="inlineStr"><is><t>UA</t></is></c>',
                   '<c r="B3" t="e"><f>VLOOKUP(A3,Z:Z,2)</f><v>#N/A</v></c>')  # fmt: skip
    with pytest.raises(NgokitError, match=r"cell B3 \(#N/A\) shows an error"):
        read_rows(path, kit.questionnaire)


def test_a_hidden_networks_sheet_is_an_error_not_read_instead_of_the_visible_one(tmp_path, kit):
    path = save_book(tmp_path / "s.xlsx", ("Sheet1", "visible", ROWS),
                     ("Networks", "hidden", [["network_name", "country"], ["Old Net", "KE"]]))  # fmt: skip
    with pytest.raises(NgokitError, match=r'the sheet "Networks" is hidden'):
        read_rows(path, kit.questionnaire)


def test_several_sheets_and_none_called_networks_is_an_error(tmp_path, kit):
    path = save_book(tmp_path / "s.xlsx", ("First", "visible", ROWS), ("Second", "visible", ROWS))
    with pytest.raises(NgokitError, match=r'no sheet called "Networks".*First, Second'):
        read_rows(path, kit.questionnaire)


def test_the_one_visible_sheet_is_read_whatever_its_name_and_the_networks_sheet_when_visible(tmp_path, kit):
    lists = ("Lists", "hidden", [["network_name", "country"], ["Hidden Net", "KE"]])
    single = save_book(tmp_path / "single.xlsx", ("Sheet1", "visible", ROWS), lists)
    assert names(single, kit) == ["Alpha Net", "Beta Net"]
    named = save_book(tmp_path / "named.xlsx", ("Example", "visible", [["network_name"], ["Example Net"]]),
                      ("networks", "visible", ROWS), lists)  # fmt: skip
    assert names(named, kit) == ["Alpha Net", "Beta Net"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, kit):
    path = save_book(tmp_path / "s.xlsx", ("Networks", "visible", ROWS))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as book, book.open("xl/padding.bin", "w") as padding:
        for _ in range(250):
            padding.write(bytes(1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(NgokitError, match=r"unpacks to more than 200 MB"):
        read_rows(path, kit.questionnaire)


def test_messages_name_the_file(tmp_path, kit):
    sheet = write_csv(tmp_path / "networks.csv", 'network_name,country\n"Beta" Net,KE\n')
    with pytest.raises(NgokitError) as error:
        read_rows(sheet, kit.questionnaire)
    assert re.match(r"networks\.csv, line 2: ", str(error.value))
