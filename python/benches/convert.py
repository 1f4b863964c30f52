"""Cost of turning reports into dicts, alone: microseconds per report.

    python python/benches/convert.py [N] [--runs R]

Generates N resumes with benches/corpus.sh (deterministic, default 3,000), scores them once per
run on 2 threads (not timed), then converts every report to dicts on one thread with the
cyclic GC paused, as score_many does, and prints that thread's CPU microseconds per report (and
wall), best of R runs. CPU time of the one converting thread is the measure a busy machine
disturbs least. The dicts are checked equal to the CLI's JSON in python/tests; here each run's
are only checked equal to the first run's.

--unique-lines appends a marker to every non-blank line, so that no resume line recurs: the
corpus's resumes are made from a few fixtures and share most lines, which real resumes do not
(and a converter that shares recurring strings would look better than it is on them).

Instructions, which a busy machine does not disturb (the conversion alone, on this thread;
the extension's result_to_py is not inlined for this):

    valgrind --tool=callgrind --toggle-collect='*result_to_py*' \
        python python/benches/convert.py 200 --runs 1 --unique-lines
"""

import argparse
import gc
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=3_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--unique-lines", action="store_true")
    args = ap.parse_args()

    import skillgap

    folder = tempfile.mkdtemp(prefix="skillgap-convert-")
    subprocess.run([str(ROOT / "benches" / "corpus.sh"), str(args.n), folder], check=True,
                   stdout=subprocess.DEVNULL)
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).rglob("*.txt"))]
    if args.unique_lines:
        texts = ["\n".join(f"{line} (n{i}x{j})" if line.strip() else line
                           for j, line in enumerate(t.split("\n")))
                 for i, t in enumerate(texts)]
    shutil.rmtree(folder)
    scorer = skillgap.Scorer(as_of="2026-11")
    first = None
    best = (1e9, 1e9)
    for _ in range(args.runs):
        gc.collect()
        gc.disable()
        c0 = time.thread_time()
        wall, dicts = scorer._time_conversion(texts, 2)
        cpu = time.thread_time() - c0  # this thread: the conversion (the scoring is on the pool)
        gc.enable()
        if first is None:
            first = dicts
        else:
            assert dicts == first
        del dicts
        best = min(best, (cpu, wall))
    n = len(texts)
    print(f"# {n} reports, load average {open('/proc/loadavg').read().split()[0]}")
    print(f"report to dicts: {best[0] / n * 1e6:.0f} µs/report CPU, {best[1] / n * 1e6:.0f} µs/report wall")


if __name__ == "__main__":
    main()
