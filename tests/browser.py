"""A real browser for the web tests: Debian's Chromium driven by Playwright, an accessibility
check (axe-core) on every page, and screenshots at 360 and 1280 pixels wide.

Without Chromium the browser tests skip, except in CI (NGOKIT_REQUIRE_BROWSER=1, set by
.ci/run), where they fail. NGOKIT_SCREENSHOTS=DIR keeps the screenshots there to look at.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
PHONE, DESKTOP = {"width": 360, "height": 740}, {"width": 1280, "height": 900}
SERIOUS = ("serious", "critical")


def launch_browser():  # type: ignore[no-untyped-def]
    """Yield a Chromium browser (a generator for a fixture); skip or fail when there is none."""
    if not Path(CHROMIUM).is_file():
        if os.environ.get("NGOKIT_REQUIRE_BROWSER") or os.environ.get("NGOKIT_REQUIRE_LIBREOFFICE"):
            pytest.fail(f"browser tests required but {CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"needs {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Inspector:
    """Checks each page a test reaches: axe-core finds no serious or critical violation; a
    screenshot at 360 and at 1280 pixels wide. Keeps every finding for the summary."""

    def __init__(self, folder: Path) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.folder = folder
        self.findings: dict[str, list[str]] = {}

    def check(self, page, name: str) -> None:  # type: ignore[no-untyped-def]
        """Check the page now open in the browser; fail on a serious or critical violation."""
        results = self.axe.run(page).response["violations"]
        self.findings[name] = [f"{v['impact']}: {v['id']} ({len(v['nodes'])})" for v in results]
        serious = [v for v in results if v["impact"] in SERIOUS]
        assert not serious, f"{name}: " + json.dumps([(v["id"], v["help"], [n["html"] for n in v["nodes"]][:3])
                                                      for v in serious], indent=1)  # fmt: skip
        size = page.viewport_size
        for label, viewport in (("360", PHONE), ("1280", DESKTOP)):
            page.set_viewport_size(viewport)
            page.screenshot(path=str(self.folder / f"{_slug(name)}-{label}.png"), full_page=True)
            if label == "360":
                overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
                assert not overflow, f"{name}: wider than a 360-pixel screen"
        page.set_viewport_size(size)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
