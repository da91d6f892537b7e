"""The toolchain keeps the code honest: types (mypy) and lint (ruff) run with the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys

from .conftest import ROOT


def test_types_check():
    from mypy import api

    report, errors, status = api.run(["--no-error-summary", str(ROOT / "ngokit")])
    assert status == 0, report + errors


def test_lint_is_clean():
    ruff = shutil.which("ruff") or f"{sys.prefix}/bin/ruff"
    result = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
