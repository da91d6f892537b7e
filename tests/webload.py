"""Many participants finishing at once in a workshop: each answers the quick path, then all
give their last answer together and build and download their kits. Used by the load test
(tests/test_web_load.py, a few participants) and its benchmark (benchmarks/web_load.py, 30)."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ngokit.kit import load_kit
from ngokit.questions.interview import Interview

from .webserver import Visitor


@dataclass(frozen=True)
class Finished:
    """One participant's end: seconds from the last answer to the zip downloaded, and whether
    the kit holds their own answers."""

    number: int
    seconds: float
    error: str = ""


def answers_of(number: int) -> dict[str, str]:
    """Return what participant ``number`` types: a name and an amount of their own."""
    return {"network_name": f"Load Network {number:02d}", "country": "KE",
            "dual_signature_threshold": str(1000 + number)}  # fmt: skip


def last_question(given: dict[str, str]) -> str:
    """Return the name of the last question the quick path asks with these answers."""
    interview = Interview(load_kit(), {})
    question, last = interview.next_question(), ""
    while question is not None:
        last = question.name
        interview.answer(question, interview.check(question, given.get(question.name, interview.default(question))))
        question = interview.next_question()
    return last


def finish_together(url: str, join_code: str, people: int, timeout: float = 300.0) -> list[Finished]:
    """Run ``people`` participants at once; return how each finished."""
    last = last_question(answers_of(1))
    together = threading.Barrier(people, timeout=timeout)
    with ThreadPoolExecutor(max_workers=people) as pool:
        futures = [pool.submit(_participant, url, join_code, n, last, together) for n in range(1, people + 1)]
        return [future.result(timeout=timeout) for future in futures]


def _participant(url: str, join_code: str, number: int, last: str, together: threading.Barrier) -> Finished:
    visitor = Visitor(url)
    try:
        visitor.get(f"/join?code={join_code}")
        visitor.post("/start")
        given = answers_of(number)
        while visitor.question != last:
            visitor.answer(given.get(visitor.question or "", ""))
        together.wait()
        start = time.perf_counter()
        visitor.answer(given.get(last, ""))
        kit = visitor.post("/build")
        link = kit.text.split('href="/kit/file/')[1].split('"')[0]
        zipped = visitor.get(f"/kit/file/{link}").content
        seconds = time.perf_counter() - start
        return Finished(number, seconds, _mixed_up(zipped, given))
    except Exception as exc:  # one participant's failure is a result to report, not a crash
        return Finished(number, 0.0, f"{exc.__class__.__name__}: {exc}")
    finally:
        visitor.close()


def _mixed_up(zipped: bytes, given: dict[str, str]) -> str:
    """Return what is wrong with a kit's zip ('' when it holds this participant's answers)."""
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        answers = next(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith("answers.yaml"))
        documents = {n.rsplit("/", 1)[-1][:2] for n in archive.namelist() if n.endswith(".docx")}
    if f"network_name: {given['network_name']}\n" not in answers:
        return "the kit holds another network's answers"
    if f"dual_signature_threshold: {given['dual_signature_threshold']}\n" not in answers:
        return "the kit holds another amount"
    missing = {"00", "01", "02", "03", "04"} - documents
    return f"documents {sorted(missing)} missing" if missing else ""
