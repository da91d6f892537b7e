"""Load test of ``ngokit serve --workshop``: participants finishing at once.

Run:  uv run python benchmarks/web_load.py [--people 30]
Starts ``ngokit serve`` in its own process on 127.0.0.1 and a free port (never another
address), with a workshop folder in a temporary folder. Every participant (a thread with its
own cookies, like a phone) joins with the code, answers the quick path up to its last
question, then all give their last answer at the same moment and each builds its kit and
downloads the zip. Reports the median and 95th percentile of the time from the last answer
to the zip downloaded, and checks that every kit was built, none lost and none mixed up
(each zip's answers.yaml holds its own participant's name and amount). Bounded: it stops
after --timeout seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.webload import finish_together  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ngokit-load-") as scratch:
        room, port = Path(scratch) / "room", free_port()
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch) / "cache")}
        server = subprocess.Popen([sys.executable, "-m", "ngokit", "serve", "--workshop", str(room), "--port",
                                   str(port)], env=env, stdout=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(url + "/join", time.monotonic() + 60)
            join = json.loads((room / ".ngokit-workshop.json").read_text())["join"]
            started = time.perf_counter()
            finished = finish_together(url, join, args.people, args.timeout)
            total = time.perf_counter() - started
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
        kits = list(room.glob("network-*/*/answers.yaml"))
    report(finished, kits, total, args.people)


def report(finished, kits, total: float, people: int) -> None:  # type: ignore[no-untyped-def]
    errors = [f"participant {f.number}: {f.error}" for f in finished if f.error]
    times = [f.seconds for f in finished if not f.error]
    print(f"{people} participants finishing at once (2-core machine, workers: one per core)")
    print(f"  kits built on disk: {len(kits)} of {people}; downloads that hold another's answers or "
          f"failed: {len(errors)}")  # fmt: skip
    if times:
        print(f"  last answer → zip downloaded: median {statistics.median(times):.2f} s, "
              f"95th percentile {percentile(times, 0.95):.2f} s, slowest {max(times):.2f} s")  # fmt: skip
    print(f"  whole run (joining and answering included): {total:.1f} s")
    for error in errors:
        print("  " + error)
    if errors or len(kits) != people:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
