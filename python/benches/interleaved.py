"""CPU seconds of score_many builds against `skillgap batch`, interleaved, for a busy machine.

    python python/benches/interleaved.py N RUNS [DIR ...]

Each DIR holds a `skillgap/` package (a copy of python/skillgap with the `_skillgap*.so` of one
build), so that two builds of the extension can be compared in the same minutes; without DIR,
the installed package. Generates N resumes with benches/corpus.sh (deterministic), then RUNS
times in turn: `skillgap batch DIR --jobs 2 --format jsonl` (the release binary), and
`Scorer.score_many(texts, threads=2, text=True)` in a fresh process per build. Prints, per run,
wall and CPU seconds, the CPU seconds of the converting (calling) thread, minor page faults and
context switches, and at the end the mean CPU seconds of each.

On a shared machine wall time says little: `skillgap batch` hands every file to a helper thread
and waits for it, and the scheduler favours threads that wake up over the busy threads of
score_many (under a load of 8 on 2 cores, batch got about 1.2 cores and score_many 0.4 to 0.6).
CPU seconds, interleaved, are the measure; wall time only on a quiet machine.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import gc, json, os, resource, sys, time
if sys.argv[1]:
    sys.path.insert(0, sys.argv[1])
import skillgap
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).rglob("*.txt"))]
scorer = skillgap.Scorer(as_of="2026-11")
scorer.score_text(texts[0])
r0, m0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.thread_time(), time.perf_counter()
reports = scorer.score_many(texts, threads=2, text=True)
wall, main = time.perf_counter() - t0, time.thread_time() - m0
r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
print(json.dumps(dict(wall=wall, cpu=cpu, main=main, minflt=r1.ru_minflt - r0.ru_minflt,
                      nvcsw=r1.ru_nvcsw - r0.ru_nvcsw, nivcsw=r1.ru_nivcsw - r0.ru_nivcsw,
                      n=len(reports))))
sys.stdout.flush()
os._exit(0)  # not the interpreter's final collection over millions of objects
"""


def load():
    return open("/proc/loadavg").read().split()[0]


def batch(exe, folder):
    r0, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run([exe, "batch", folder, "--jobs", "2", "--format", "jsonl", "--as-of",
                    "2026-11", "--quiet", "--output", os.devnull], check=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return dict(wall=time.perf_counter() - t0,
                cpu=r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime,
                minflt=r1.ru_minflt - r0.ru_minflt)


def main():
    n, runs, builds = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:] or [""]
    exe = str(ROOT / "target" / "release" / "skillgap")
    with tempfile.TemporaryDirectory(prefix="skillgap-interleaved-") as folder:
        subprocess.run([str(ROOT / "benches" / "corpus.sh"), str(n), folder], check=True,
                       stdout=subprocess.DEVNULL)
        seen = {}
        for _ in range(runs):
            for what in ["batch"] + builds:
                before = load()
                if what == "batch":
                    r = batch(exe, folder)
                else:
                    out = subprocess.run([sys.executable, "-c", CHILD, what, folder],
                                         check=True, capture_output=True, text=True)
                    r = json.loads(out.stdout)
                    assert r["n"] == n
                seen.setdefault(what, []).append(r["cpu"])
                extra = " ".join(f"{k} {r[k]}" for k in ("minflt", "nvcsw", "nivcsw") if k in r)
                print(f"{what or 'installed':<24} wall {r['wall']:6.2f} CPU {r['cpu']:6.2f} "
                      f"main {r.get('main', 0):5.2f} load {before} {extra}", flush=True)
    for what, cpus in seen.items():
        print(f"# {what or 'installed'}: mean CPU s {sum(cpus) / len(cpus):.2f} over {len(cpus)}")


if __name__ == "__main__":
    main()
