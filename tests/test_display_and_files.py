"""The shared helpers: text made harmless for terminals and spreadsheets; files written atomically."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from ngokit.display import for_spreadsheet, for_terminal
from ngokit.files import describe_os_error, make_folders, write_atomically


def test_control_characters_are_shown_as_codes():
    assert for_terminal("a\x1b[2Jb\x9b1m\u202ec\nd\te") == "a\\x1b[2Jb\\x9b1m\\u202ec\\x0ad\\x09e"
    assert for_terminal("line\nnext\tcell", keep_line_breaks=True) == "line\nnext\tcell"
    assert for_terminal(for_terminal("\x1b")) == "\\x1b"  # applying it twice changes nothing


@pytest.mark.parametrize(("text", "shown"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\uff1d1", "'\uff1d1"),
    ("\n=1", "'\n'=1"), ("Net;=1+1", "Net;'=1+1"), ("Net,-1", "Net,'-1"), ("Net\n@x", "Net\n'@x"),
    ("Red de Personas\nque Usan Drogas", "Red de Personas\nque Usan Drogas"), ("Kenya - Nairobi", "Kenya - Nairobi"),
    ("a\x1bb", "a\\x1bb"),
])  # fmt: skip
def test_a_spreadsheet_never_sees_a_formula(text, shown):
    assert for_spreadsheet(text) == shown


def test_an_atomic_write_leaves_the_new_file_or_the_old_and_no_partial(tmp_path, monkeypatch):
    target = tmp_path / "report.csv"
    write_atomically(target, b"one")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()  # not mkstemp's 0600
    with pytest.raises(FileExistsError):
        write_atomically(target, b"two", replace=False)

    def full_disk(handle, mode):
        os.close(handle)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"three")
    assert target.read_bytes() == b"one" and [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_planted_symlink_at_a_partial_name_is_never_followed(tmp_path):
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    for name in ("report.csv.partial", ".report.csv.partial"):
        (tmp_path / name).symlink_to(victim)
    write_atomically(tmp_path / "report.csv", b"new")
    assert victim.read_bytes() == b"precious" and (tmp_path / "report.csv").read_bytes() == b"new"


def test_folders_that_cannot_all_be_made_are_not_left_half_made(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "file").write_text("mine", encoding="utf-8")
    assert make_folders(tmp_path / "a" / "b" / "c") == [tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"]
    with pytest.raises(OSError) as error:
        make_folders(tmp_path / "a" / "file" / "z")
    assert describe_os_error(error.value) == f"{tmp_path / 'a' / 'file'} is a file, not a folder"
    real_mkdir = Path.mkdir

    def no_room_for_z(self, *args, **kwargs):
        if self.name == "z":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", no_room_for_z)
    with pytest.raises(OSError, match="No space left"):
        make_folders(tmp_path / "x" / "y" / "z")
    assert not (tmp_path / "x").exists()


def test_os_errors_in_words_a_person_can_act_on(tmp_path):
    missing = OSError(errno.ENOENT, os.strerror(errno.ENOENT), str(tmp_path / "gone" / "t.csv"))
    assert describe_os_error(missing) == f"the folder {tmp_path / 'gone'} does not exist"
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert describe_os_error(full) == "No space left on device"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
