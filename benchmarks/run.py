"""Benchmarks: build times and our Markdown → DOCX writer against pandoc, as medians.

Run:  uv run python benchmarks/run.py [--runs N] [--only build,writer,wizard,batch]
Machines are noisy: every comparison is measured side by side in one run, and medians are
reported. pandoc (Debian's package) is needed for the writer comparison.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Return the median wall time of an action in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def interleaved_ms(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[float, float]:
    """Return the median times of two actions run in turn, so that both see the same noise."""
    a, b = [], []
    for _ in range(runs):
        a.append(median_ms(first, 1))
        b.append(median_ms(second, 1))
    return statistics.median(a), statistics.median(b)


def demo_bodies(work: Path) -> list[Path]:
    """Write the demo kit's rendered Markdown bodies (front matter removed) for pandoc."""
    from ngokit.context import document_context
    from ngokit.kit import load_kit
    from ngokit.kit.shipped import demo_answers
    from ngokit.questions.answers import load_answers
    from ngokit.render import render_documents
    from ngokit.writer import split_front_matter

    kit = load_kit()
    answers = kit.validate(load_answers(demo_answers()))
    bodies = []
    for name, text in render_documents(kit.path, document_context(answers, kit)).items():
        body = split_front_matter(text)[1]
        if body.strip():
            bodies.append(work / f"{Path(name).stem}.md")
            bodies[-1].write_text(body, encoding="utf-8")
    return bodies


def bench_build(runs: int) -> list[str]:
    """Cold `ngokit demo` in a new process against pandoc converting the same documents (one
    pandoc process per document, as a script would run it), timed in turn; then warm."""
    import os

    from ngokit import BuildOptions, build_kit
    from ngokit.kit import load_kit
    from ngokit.kit.shipped import demo_answers

    pandoc = shutil.which("pandoc")
    # As on a person's computer from the second run on: Python's bytecode and the compiled
    # templates are cached. (This machine sets PYTHONDONTWRITEBYTECODE, which people's do not.)
    usual = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        # The very first run: no bytecode (read from an empty folder, never written) and no cache.
        first = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(out / "no-pyc"),
                 "NGOKIT_NO_CACHE": "1"}  # fmt: skip

        def demo(env: dict[str, str]) -> Callable[[], object]:
            return lambda: subprocess.run([sys.executable, "-m", "ngokit", "demo", "--out", str(out / "cold"),
                                           "--force"], check=True, capture_output=True, env=env)  # fmt: skip

        demo(usual)()  # writes the bytecode and the template cache
        bodies = demo_bodies(out)
        reference = str(load_kit().reference_docx)

        def pandoc_all() -> None:
            for body in bodies:
                command = [str(pandoc), "-f", "commonmark+pipe_tables", "-t", "docx", "--reference-doc", reference,
                           "-o", str(body.with_suffix(".docx")), str(body)]  # fmt: skip
                subprocess.run(command, check=True, capture_output=True)

        rows = []
        if pandoc:
            cold, theirs = interleaved_ms(demo(usual), pandoc_all, runs)
            rows.append(f"| cold `ngokit demo` (new process) / pandoc, the same {len(bodies)} documents | "
                        f"{cold:.0f} ms / {theirs:.0f} ms | "
                        f"{cold / theirs:.2f}× pandoc's time (target ≤ 0.5×) |")  # fmt: skip
        else:
            rows.append(
                f"| cold `ngokit demo` (new process) | {median_ms(demo(usual), runs):.0f} ms | pandoc missing |"
            )
        rows.append(f"| the very first `ngokit demo` (no bytecode, no template cache) | "
                    f"{median_ms(demo(first), max(3, runs // 2)):.0f} ms | once per install |")  # fmt: skip
        options = BuildOptions(out=out / "warm", force=True)
        build_kit(demo_answers(), options)  # warm-up: imports, caches
        warm = median_ms(lambda: build_kit(demo_answers(), options), runs)
    rows.append(f"| warm in-process build of the whole kit | {warm:.0f} ms | ≤ 60 ms |")
    return rows


def bench_writer(runs: int) -> list[str]:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return ["| writer vs pandoc | skipped: pandoc not installed | |"]
    from ngokit.context import document_context
    from ngokit.documents import _meta, clause_numbers
    from ngokit.i18n import translations_for
    from ngokit.kit import load_kit
    from ngokit.kit.shipped import demo_answers
    from ngokit.questions.answers import load_answers
    from ngokit.render import render_documents
    from ngokit.writer import parse_source, split_front_matter, write_docx

    kit = load_kit()
    answers = kit.validate(load_answers(demo_answers()))
    translations = translations_for(kit.locale_dir, "en")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = render_documents(kit.path, document_context(answers, kit))
        clauses = clause_numbers(parse_source(text, name) for name, text in sources.items())  # for references
        ours_total = theirs_total = 0.0
        for name, text in sources.items():
            md = Path(name)
            front, body = split_front_matter(text)
            if not body.strip():
                continue
            plain = work / f"{md.stem}.body.md"
            plain.write_text(body, encoding="utf-8")
            meta = replace(_meta(front, answers, kit, translations, []), clauses=clauses)
            ours, theirs = interleaved_ms(
                lambda text=text, meta=meta: write_docx(parse_source(text), work / "o.docx", meta, kit.reference_docx),
                lambda plain=plain: subprocess.run(
                    [pandoc, "-f", "commonmark+pipe_tables", "-t", "docx", "--reference-doc", str(kit.reference_docx),
                     "-o", str(work / "pandoc.docx"), str(plain)], check=True, capture_output=True),
                runs,
            )  # fmt: skip
            ours_total, theirs_total = ours_total + ours, theirs_total + theirs
            rows.append(f"| {md.stem}: ngokit writer / pandoc | {ours:.0f} ms / {theirs:.0f} ms | "
                        f"{theirs / ours:.1f}× faster (target ≥ 3×) |")  # fmt: skip
        rows.append(f"| all documents: ngokit writer / pandoc | {ours_total:.0f} ms / {theirs_total:.0f} ms | "
                    f"{theirs_total / ours_total:.1f}× faster |")  # fmt: skip
    return rows


def bench_wizard(runs: int) -> list[str]:
    """Time from starting `ngokit new` in a terminal (tmux) to the first question on screen."""
    if shutil.which("tmux") is None:
        return ["| wizard first question | skipped: tmux not installed | |"]
    times = []
    # One session stays open throughout, so that the tmux server is not stopped and started
    # again between runs (that is not what a person's terminal does, and it can fail).
    subprocess.run(["tmux", "new-session", "-d", "-s", "ngokit-bench-keep"], check=True)
    for i in range(runs):
        session = f"ngokit-bench-{i}"
        start = time.perf_counter()
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                        f"env -u PYTHONDONTWRITEBYTECODE {sys.executable} -m ngokit new "
                        "--out /tmp/ngokit-bench-wizard"], check=True)  # fmt: skip
        while "full name of your network" not in subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout:  # fmt: skip
            time.sleep(0.01)
        times.append((time.perf_counter() - start) * 1000)
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    subprocess.run(["tmux", "kill-session", "-t", "ngokit-bench-keep"], check=False)
    return [f"| `ngokit new`: first question on screen | {statistics.median(times):.0f} ms | ≤ 250 ms |"]


def bench_batch(runs: int) -> list[str]:
    """Kits per second for generated sheets of 100 and 500 networks, 1 job and all cores."""
    import os

    cores = os.cpu_count() or 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count, jobs_list in ((100, (1, cores)), (500, (cores,))):
            sheet = Path(tmp) / f"networks-{count}.csv"
            lines = ["network_name,country,board_size_min,dual_signature_threshold"]
            countries = ("KE", "UA", "ID", "BR", "ZA", "NP", "MX", "SN")
            lines += [f"Network {i},{countries[i % len(countries)]},{3 + i % 3},{1000 * (i % 9 + 1)}"
                      for i in range(count)]  # fmt: skip
            sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
            for jobs in jobs_list:
                out = Path(tmp) / f"out-{count}-{jobs}"
                code = (
                    "import resource, subprocess, sys, time; t = time.perf_counter(); "
                    f"subprocess.run([sys.executable, '-m', 'ngokit', 'batch', {str(sheet)!r}, '--out', {str(out)!r}, "
                    f"'--jobs', '{jobs}'], check=True, capture_output=True); "
                    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
                )
                usual = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
                done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                      env=usual)  # fmt: skip
                seconds, peak_kb = done.stdout.split()
                seconds_f = float(seconds)
                rows.append(f"| batch of {count} networks, {jobs} job(s) | {seconds_f:.1f} s, "
                            f"{count / seconds_f:.1f} kits/s, largest process {int(peak_kb) / 1024:.0f} MB | "
                            f"{'≤ 5 s on 2 cores' if count == 100 else '≤ 100 MB a process'} |")  # fmt: skip
    return rows


BENCHES = {"build": bench_build, "writer": bench_writer, "wizard": bench_wizard, "batch": bench_batch}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median reported)")
    parser.add_argument("--only", default=",".join(BENCHES), help="comma-separated: " + ", ".join(BENCHES))
    args = parser.parse_args()
    print(f"| measurement (median of {args.runs}) | result | target / ratio |")
    print("|---|---|---|")
    for name in args.only.split(","):
        for row in BENCHES[name.strip()](args.runs):
            print(row, flush=True)


if __name__ == "__main__":
    main()
