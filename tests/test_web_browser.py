"""The web interview in a real browser (Chromium through Playwright) against a real server:
each flow a person goes through, with an accessibility check and screenshots of every page."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest

from ngokit.web import ServerConfig

from .browser import PHONE, Inspector, launch_browser
from .webserver import documents_built_from, running_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    yield from launch_browser()


@pytest.fixture(scope="module")
def inspector(tmp_path_factory):
    kept = os.environ.get("NGOKIT_SCREENSHOTS")
    folder = Path(kept) if kept else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    found = Inspector(folder)
    yield found
    if kept:  # what axe found (minor and moderate too), for the person looking at the screenshots
        (folder / "axe.txt").write_text("\n".join(f"{page}: {items}" for page, items in found.findings.items()))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(ServerConfig(store=tmp_path_factory.mktemp("resume"))) as running:
        yield running


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport=PHONE, base_url=server.url, accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


def proceed(page, target=None) -> None:  # type: ignore[no-untyped-def]
    """Press a button or link (Continue unless told) and wait for the page it leads to: a click
    waits only until the next page starts loading, and every question has the same address,
    so a check made at once could read the page being left (or half of the next)."""
    with page.expect_navigation(wait_until="domcontentloaded"):
        (target or page.get_by_role("button", name="Continue", exact=True)).click()


def start(page, name: str = "Amani Network", country: str = "Kenia"):  # type: ignore[no-untyped-def]
    page.goto("/")
    proceed(page, page.get_by_role("button", name="Start a new kit"))
    page.get_by_label("What is the full name of your network?").fill(name)
    proceed(page)
    proceed(page)  # no short name
    page.locator("#field-country").fill(country)
    proceed(page)


def to_review(page, **given: str) -> None:  # type: ignore[no-untyped-def]
    """Take every remaining default until the review (but the answers given by name)."""
    for _ in range(80):
        if page.url.endswith("/review"):
            return
        for name, value in given.items():
            if page.locator(f"#field-{name}").count():
                page.locator(f"#field-{name}").fill(value)
        proceed(page)
    raise AssertionError("the interview did not reach the review: " + page.locator("main").inner_text()[:800])


def test_the_quick_path_ends_with_a_zip_whose_documents_open(page, inspector, tmp_path):
    import docx

    page.goto("/")
    inspector.check(page, "start page")
    proceed(page, page.get_by_role("button", name="Start a new kit"))
    inspector.check(page, "question: text box")
    page.get_by_label("What is the full name of your network?").fill("Amani Network")
    proceed(page)
    proceed(page)
    page.locator("#field-country").fill("Kenia")
    proceed(page)
    assert "“Kenia” → Kenya (KE)" in page.get_by_role("status").inner_text()  # what was read is said back
    inspector.check(page, "question: radio buttons, after a reading said back")
    to_review(page)
    inspector.check(page, "review")
    proceed(page, page.get_by_role("button", name="Build my kit").first)
    page.wait_for_url("**/kit")
    inspector.check(page, "kit ready")
    assert "Amani Network" in page.locator(".glance").first.inner_text()  # the choices at a glance
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the whole kit (zip)").click()
    zipped = tmp_path / "kit.zip"
    download.value.save_as(zipped)
    with zipfile.ZipFile(zipped) as archive:
        archive.extractall(tmp_path / "kit")
    documents = sorted((tmp_path / "kit").rglob("*.docx"))
    answers = next((tmp_path / "kit").rglob("answers.yaml")).read_text(encoding="utf-8")
    assert [d.name for d in documents] == documents_built_from(answers)
    for document in documents:
        assert docx.Document(str(document)).paragraphs  # each opens
    assert "Amani Network" in next((tmp_path / "kit").rglob("answers.yaml")).read_text(encoding="utf-8")


def test_a_rejected_answer_is_explained_and_then_corrected(page, inspector):
    start(page)
    proceed(page)  # the quick path
    while page.locator("#field-dual_signature_threshold").count() == 0:
        proceed(page)
    page.locator("#field-dual_signature_threshold").fill("lots of money")
    proceed(page)
    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    field = page.locator("#field-dual_signature_threshold")
    assert field.get_attribute("aria-invalid") == "true"
    assert "error-dual_signature_threshold" in field.get_attribute("aria-describedby")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")  # moved there first
    inspector.check(page, "question with an error")
    summary.get_by_role("link").click()  # the error's link leads to its field
    assert page.evaluate("document.activeElement.id") == "field-dual_signature_threshold"
    assert field.input_value() == "lots of money"  # what was typed is kept, to correct
    field.fill("KES 50 000")
    proceed(page)
    assert "“KES 50 000” → KES\u00a050,000" in page.get_by_role("status").inner_text()


def test_back_and_change_from_the_review_and_a_check_across_answers(page, inspector):
    start(page, "Back Network")
    proceed(page, page.get_by_role("button", name="Back"))
    assert page.locator("#field-country").input_value() == "Kenya"  # the answer is there to change
    proceed(page, page.get_by_role("button", name="Back"))
    proceed(page, page.get_by_role("button", name="Back"))
    assert page.get_by_label("What is the full name of your network?").input_value() == "Back Network"
    proceed(page)
    proceed(page)
    proceed(page)
    to_review(page)
    proceed(page, page.locator("#answer-legal_status").get_by_role("link"))
    page.get_by_label("Hosted by another organisation that holds our funds").check()
    proceed(page)
    to_review(page, fiscal_host_name="Host Org")  # a new status asks its own questions, then the review
    assert "Hosted by another organisation" in page.locator("#answer-legal_status").inner_text()
    proceed(page, page.locator("#answer-dual_signature_threshold").get_by_role("link"))
    page.locator("#field-dual_signature_threshold").fill("100")
    proceed(page)
    proceed(page, page.locator("#answer-board_approval_threshold").get_by_role("link"))
    page.locator("#field-board_approval_threshold").fill("10")
    proceed(page)
    page.wait_for_url("**/review")
    assert page.get_by_role("button", name="Build my kit").count() == 0  # no Build until fixed
    assert "two people approve must be lower" in page.get_by_role("alert").inner_text()
    inspector.check(page, "review with a problem across answers")
    proceed(page, page.get_by_role("alert").get_by_role("link").first)
    page.locator("#field-dual_signature_threshold").fill("5")
    proceed(page)
    page.wait_for_url("**/review")
    assert page.get_by_role("button", name="Build my kit").count() == 2  # at the top and at the end


def test_save_then_resume_by_code_and_by_file(page, browser, server, inspector, tmp_path):
    start(page, "Saved Network")
    proceed(page, page.get_by_role("button", name="Save my answers and continue later"))
    inspector.check(page, "answers saved")
    code = page.locator("#resume-code").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my answers").click()
    saved = tmp_path / "ngokit-answers.yaml"
    download.value.save_as(saved)
    assert "Saved Network" in saved.read_text(encoding="utf-8")
    for how in ("code", "file"):
        context = browser.new_context(viewport=PHONE, base_url=server.url)
        other = context.new_page()
        other.goto("/")
        if how == "code":
            other.get_by_label("Resume code").fill(code.lower())
            proceed(other)
        else:
            other.get_by_label("Answers file").set_input_files(str(saved))
            proceed(other, other.get_by_role("button", name="Continue from this file"))
        assert "Welcome back" in other.get_by_role("status").inner_text()
        assert other.get_by_role("heading", level=1).inner_text() == "How do you want to answer?"
        context.close()


def test_the_pages_speak_the_language_chosen_on_the_first_page(page, inspector):
    page.goto("/")
    page.get_by_label("Language of these pages").select_option("en-XA")
    proceed(page, page.get_by_role("button", name="Choose"))
    assert page.locator("html").get_attribute("lang") == "en-XA"
    assert page.get_by_role("heading", level=1).inner_text().startswith("[")
    inspector.check(page, "start page in en-XA")
    proceed(page, page.locator("form[action='/start'] button"))
    assert page.locator("html").get_attribute("lang") == "en-XA"
    page.locator("#field-network_name").fill("Ŧéšţ")
    proceed(page, page.locator("button.primary"))
    assert "[" in page.locator(".progress").inner_text()
    inspector.check(page, "question in en-XA")
    page.context.clear_cookies(name="ngokit_session")  # a new session in this browser remembers it
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en-XA"


def test_a_workshop_with_two_networks_and_the_facilitators_zip(browser, inspector, tmp_path):
    room = tmp_path / "room"
    with running_server(ServerConfig(workshop=room)) as server:
        facilitator = browser.new_context(viewport=PHONE, base_url=server.url).new_page()
        facilitator.goto("/facilitator")
        inspector.check(facilitator, "facilitator sign-in")
        facilitator.get_by_label("Facilitator's code").fill(server.web.workshop.facilitator_code)
        proceed(facilitator, facilitator.get_by_role("button", name="Open"))
        join_url = facilitator.locator(".url").inner_text()
        assert facilitator.locator(".qr svg").count() == 1 and "join?code=" in join_url
        for name in ("Alpha Network", "Beta Network"):
            person = browser.new_context(viewport=PHONE, base_url=server.url).new_page()
            person.goto(server.url + "/join")
            inspector.check(person, "join")
            person.goto(join_url)  # what the QR code holds
            start(person, name)
            to_review(person)
            proceed(person, person.get_by_role("button", name="Build my kit").first)
            person.wait_for_url("**/kit")
            person.context.close()
        proceed(facilitator, facilitator.get_by_role("link", name="Refresh the list"))
        inspector.check(facilitator, "facilitator with two networks")
        rows = facilitator.locator("table.networks tbody tr")
        assert rows.count() == 2 and "Kit built" in rows.nth(1).inner_text()
        with facilitator.expect_download() as download:
            facilitator.get_by_role("link", name="Download all kits (zip)").click()
        download.value.save_as(tmp_path / "all.zip")
        facilitator.context.close()
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        names = archive.namelist()
        report = list(csv.DictReader(io.StringIO(archive.read("batch-report.csv").decode("utf-8-sig"))))
        alpha = archive.read("network-01/alpha-network/answers.yaml").decode("utf-8")
    assert [(r["row"], r["network"], r["status"]) for r in report] == [
        ("1", "Alpha Network", "built"), ("2", "Beta Network", "built")]  # fmt: skip
    assert "network_name: Alpha Network" in alpha
    alpha_documents = sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("network-01/") and n.endswith(".docx"))
    assert alpha_documents == documents_built_from(alpha)
    assert sum(n.endswith(".docx") for n in names) == 2 * len(alpha_documents)
    assert (room / "network-02" / "answers.yaml").is_file()  # kept as they went


def test_the_interview_works_from_the_keyboard(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the main content"
    page.get_by_role("button", name="Start a new kit").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#field-network_name")
    for _ in range(3):  # past the skip link and the name of the tool, to the answer
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "field-network_name"
    page.keyboard.type("Keyboard Network")
    page.keyboard.press("Enter")  # Continue is the form's first button
    page.locator("#field-network_short_name").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#field-country")
    page.locator("#field-country").fill("KE")
    page.keyboard.press("Enter")
    page.wait_for_selector("#field-interview_path-1")
    radio = page.locator("#field-interview_path-1")
    radio.focus()
    page.keyboard.press("ArrowDown")  # radio buttons move with the arrow keys
    assert page.locator("#field-interview_path-2").is_checked()
