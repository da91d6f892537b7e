"""The web interview over HTTP, as a browser without JavaScript uses it: safe by default,
and hostile input refused or shown literally (the browser tests are in test_web_browser.py)."""

from __future__ import annotations

import io
import os
import socket
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from ngokit.web import ServerConfig

from .webserver import Visitor, documents_built_from, running_server

HOSTILE_NAME = "Net {{ 7*7 }} {% if 1 %}x{% endif %} <script>alert(1)</script> <b>&amp;</b> \u202eطريق"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("resume")
    with running_server(ServerConfig(store=store)) as running:
        yield running


@pytest.fixture
def visitors(server):
    """Return a function that opens a new browser on the server (each closed at the end)."""
    opened: list[Visitor] = []
    server.web.attempts._wrong.clear()  # every test starts with no wrong guesses counted

    def open_one(url: str = server.url) -> Visitor:
        opened.append(Visitor(url))
        return opened[-1]

    yield open_one
    for person in opened:
        person.close()


@pytest.fixture
def visitor(visitors):
    return visitors()


def started(visitor: Visitor) -> Visitor:
    visitor.post("/start")
    assert visitor.question == "network_name"
    return visitor


def test_pages_carry_security_headers_and_a_private_cookie(visitor):
    page = visitor.page
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_answers_are_data_shown_literally_everywhere(visitor):
    started(visitor).answer(HOSTILE_NAME)
    visitor.answer_all({"country": "KE"})
    review = visitor.page.text
    shown = "Net {{ 7*7 }} {% if 1 %}x{% endif %} &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert shown in review
    assert "<script>alert" not in review and "Net 49" not in review
    kit = visitor.post("/build")
    assert str(kit.url).endswith("/kit") and "&lt;script&gt;alert(1)&lt;/script&gt;" in kit.text
    assert "<script>alert" not in kit.text
    answers = visitor.get("/answers").text
    assert "{{ 7*7 }}" in answers and "<script>alert(1)</script>" in answers  # the file keeps what was typed


def test_control_characters_are_refused_with_the_shared_message(visitor):
    page = started(visitor).answer("Net\x1b[2J\x07work")
    assert page.status_code == 400
    assert "contains a control character (code 0x1b) at position 4" in page.text
    assert "\x1b" not in page.text and visitor.question == "network_name"


def test_a_10_mb_field_is_refused_before_it_is_read(visitor):
    started(visitor)
    page = visitor.post("/question", name="network_name", value="x" * (10 * 1024 * 1024))
    assert page.status_code == 413
    assert visitor.get("/question").text.count('value=""') >= 1 and visitor.question == "network_name"


def test_a_forged_or_missing_csrf_token_changes_nothing(visitor):
    started(visitor)
    forged = visitor.client.post("/question", data={"csrf": "forged", "name": "network_name", "value": "Taken over"})
    missing = visitor.client.post("/question", data={"name": "network_name", "value": "Taken over"})
    assert forged.status_code == missing.status_code == 403
    assert "Taken over" not in visitor.get("/question").text and visitor.question == "network_name"


def test_a_stranger_cannot_use_another_session(server, visitor):
    started(visitor).answer("Private Network")
    stranger = httpx.Client(base_url=server.url, cookies={"ngokit_session": "guessed"}, follow_redirects=True)
    assert "Private Network" not in stranger.get("/review").text
    assert "Private Network" not in stranger.get("/answers").text
    stranger.close()


def test_download_names_are_looked_up_never_used_as_paths(visitor):
    started(visitor).answer("Net")
    visitor.answer_all({"country": "KE"})
    visitor.post("/build")
    for name in ("..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..%2Fanswers.yaml", "answers.yaml%00.docx"):
        page = visitor.client.get(f"/kit/file/{name}")
        assert page.status_code == 404 and "root:x:0:0" not in page.text, name
        assert "content-disposition" not in page.headers


def test_an_uploaded_file_is_read_for_its_answers_and_its_name_never_used(visitor, tmp_path):
    content = b"network_name: Upload Network\ncountry: KE\nfavourite_colour: blue\nboard_size_min: lots\n"
    files = {"answers": ("../../etc/passwd", io.BytesIO(content), "application/yaml")}
    page = visitor.client.post("/upload", data={"csrf": visitor.csrf}, files=files)
    assert page.status_code == 200 and str(page.url).endswith("/question")
    assert "Left out (not questions of this kit): favourite_colour" in page.text
    assert "Asked again (the saved answer cannot be used): board_size_min" in page.text
    assert "passwd" not in page.text
    assert "Upload Network" in visitor.client.get("/answers").text


@pytest.mark.parametrize(("content", "message"), [
    (b"x: " + b"y" * (1024 * 1024 + 10), "larger than 1024 KB"),
    (b"\xff\xfe not text", "not UTF-8"),
    (b"- a list\n- not answers\n", "question names and answers"),
    (b"a: &a [1]\nb: *a\nc: {{ 7*7 }\n", "not valid YAML"),
])  # fmt: skip
def test_an_unreadable_upload_is_refused_with_a_reason(visitor, content, message):
    files = {"answers": ("answers.yaml", io.BytesIO(content), "application/yaml")}
    page = visitor.client.post("/upload", data={"csrf": visitor.csrf}, files=files)
    assert page.status_code == 400 and message in page.text


def test_a_resume_code_keeps_answers_in_the_private_store_for_a_week(server, visitor, visitors):
    started(visitor).answer("Saved Network")
    code = visitor.post("/save").text.split('id="resume-code">')[1].split("<")[0]
    assert len(code.replace("-", "")) == 10
    kept = list(server.web.store.folder.glob("*.yaml"))
    assert any(b"Saved Network" in path.read_bytes() for path in kept)
    assert all(code.replace("-", "") not in path.name for path in kept)  # stored under a digest
    other = visitors()
    page = other.post("/resume", code=code.lower().replace("-", " "))
    assert other.question == "network_short_name" and "Welcome back" in page.text
    for path in kept:
        os.utime(path, (time.time() - 8 * 24 * 3600,) * 2)
    assert "has expired" in visitors().post("/resume", code=code).text


def test_wrong_resume_codes_are_limited(server, visitor):
    statuses = [visitor.post("/resume", code=f"AAAA-AAAA-{i:02d}").status_code for i in range(12)]
    assert statuses[:10] == [400] * 10 and statuses[10:] == [429, 429]
    server.web.attempts._wrong.clear()


def test_a_server_bound_to_this_computer_refuses_other_host_names(server):
    page = httpx.get(server.url + "/", headers={"host": "evil.example:8000"})
    assert page.status_code == 400


def test_beyond_localhost_a_join_code_is_required(tmp_path):
    config = ServerConfig(host="0.0.0.0", store=tmp_path / "resume", join_code="K7QD-M3")
    with running_server(config) as server:
        person = Visitor(server.url)
        assert str(person.page.url).endswith("/join")
        assert person.client.post("/start", data={"csrf": person.csrf}).url.path == "/join"
        wrong = person.post("/join", code="AAAA-AA")
        assert wrong.status_code == 403 and "not the join code" in wrong.text
        assert person.post("/join", code="k7qd m3").url.path == "/"
        assert person.post("/start").url.path == "/question"
        person.close()


def test_wrong_join_codes_are_limited(tmp_path):
    with running_server(ServerConfig(host="0.0.0.0", store=tmp_path, join_code="K7QD-M3")) as server:
        person = Visitor(server.url)
        statuses = [person.post("/join", code="WRONG1").status_code for _ in range(10)]
        assert statuses == [403] * 10
        assert person.post("/join", code="K7QD-M3").status_code == 429  # even the right code, for a while
        person.close()


def test_a_workshop_keeps_each_network_on_disk_through_a_restart(tmp_path):
    room = tmp_path / "room"
    with running_server(ServerConfig(workshop=room)) as server:
        person = Visitor(server.url)
        person.get(f"/join?code={server.web.workshop.join_code}")
        person.post("/start")
        person.answer("Restart Network")
        person.answer("")
        cookie = person.client.cookies["ngokit_session"]
    saved = (room / "network-01" / "answers.yaml").read_text(encoding="utf-8")
    assert "Restart Network" in saved and cookie not in (room / "network-01" / "session.json").read_text()
    with running_server(ServerConfig(workshop=room)) as server:
        again = httpx.Client(base_url=server.url, cookies={"ngokit_session": cookie}, follow_redirects=True)
        page = again.get("/question")
        assert 'name="name" value="country"' in page.text
        again.close()
        person.close()


def test_the_resume_store_is_never_in_an_output_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert ServerConfig().resume_folder() == tmp_path / "cache" / "ngokit" / "resume"
    assert ServerConfig(workshop=tmp_path / "room").resume_folder() == tmp_path / "room" / ".ngokit-resume"


def test_the_kit_zip_holds_documents_that_open(visitor, tmp_path):
    import docx

    started(visitor).answer("Zip Network")
    visitor.answer_all({"country": "KE"})
    kit = visitor.post("/build")
    link = kit.text.split('href="/kit/file/')[1].split('"')[0]
    zipped = visitor.get(f"/kit/file/{link}")
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
        archive.extractall(tmp_path)
    documents = sorted(Path(tmp_path).rglob("*.docx"))
    answers = next(Path(tmp_path).rglob("answers.yaml")).read_text(encoding="utf-8")
    assert [d.name for d in documents] == documents_built_from(answers)
    assert [d.name[:2] for d in documents][:5] == ["00", "01", "02", "03", "04"]
    assert "Zip Network" in "\n".join(p.text for p in docx.Document(str(documents[0])).paragraphs)


def test_serve_refuses_an_unknown_language_and_a_workshop_file(tmp_path):
    from click.testing import CliRunner

    from ngokit.cli import cli

    runner = CliRunner()
    unknown = runner.invoke(cli, ["serve", "--lang", "xx"])
    assert unknown.exit_code == 2 and "no 'xx' translation" in unknown.output
    (tmp_path / "file").write_text("not a folder")
    file = runner.invoke(cli, ["serve", "--workshop", str(tmp_path / "file")])
    assert file.exit_code != 0


def test_serve_says_where_to_open_it_and_the_codes(tmp_path, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from ngokit.cli import cli

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(options, app=app))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = CliRunner().invoke(cli, ["serve", "--workshop", str(tmp_path / "room"), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1" and served["port"] == 8123  # this computer only, unless --host
    room = served["app"].state.web.workshop
    assert f"Join code for participants: {room.join_code}" in result.output
    assert room.facilitator_code in result.output and "http://127.0.0.1:8123/facilitator" in result.output
    served.clear()
    wide = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert "Join code for participants:" in wide.output  # beyond localhost, a join code even outside a workshop
    assert served["app"].state.web.config.join_required


def test_a_malformed_body_length_is_refused(server):
    with socket.create_connection(("127.0.0.1", int(server.url.rsplit(":", 1)[1]))) as sock:
        sock.sendall(b"POST /start HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12abc\r\n\r\n")
        assert sock.recv(100).split(b" ")[1] in (b"400", b"413")


@pytest.mark.libreoffice
def test_the_kit_page_offers_pdfs_when_libreoffice_is_here(visitor):
    from ngokit.output.pdf import find_soffice

    if find_soffice() is None:
        if os.environ.get("NGOKIT_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice tests required but soffice is missing")
        pytest.skip("needs LibreOffice")
    started(visitor).answer("Pdf Network")
    visitor.answer_all({"country": "KE"})
    kit = visitor.post("/build")
    assert 'href="/kit/pdf/01-constitution.pdf"' in kit.text
    pdf = visitor.get("/kit/pdf/01-constitution.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert visitor.get("/kit/pdf/..%2F..%2Fetc%2Fpasswd").status_code == 404
