"""Throughput of the Python package against `skillgap batch` on the same 10,000 texts.

    python python/benches/throughput.py [N] [--runs R] [--no-spark]

Generates N resumes with benches/corpus.sh (deterministic), then, R times in turn (best run of
each kept, so that a busy machine hurts all three alike):

1. `skillgap batch DIR --jobs 2 --format jsonl` (release binary; reads the files itself);
2. `Scorer.score_many(texts, threads=2, text=True)` on the same texts, already in memory;
3. `skillgap.spark.score_resumes` on a DataFrame of the same texts, `local[2]`, forced with the
   `noop` writer (the session is started and warmed up before the clock starts).

It checks that the three agree on every estimated level and readiness (and score_many and Spark
on every skill), and prints documents/s, the ratio to batch and the per-row overhead
(wall-seconds per row more than batch's). Numbers go in docs/PERFORMANCE.md.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11"


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cpu_self():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_batch(exe, folder, paths):
    c0, t0 = cpu_children(), time.perf_counter()
    out = subprocess.run(
        [exe, "batch", folder, "--jobs", "2", "--format", "jsonl", "--as-of", AS_OF, "--quiet"],
        capture_output=True, text=True,
    )
    wall, cpu = time.perf_counter() - t0, cpu_children() - c0
    assert out.returncode == 0, out.stderr
    records = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        records[os.path.realpath(r["path"])] = (r["estimated_level"], r["readiness"])
    return wall, cpu, [records[os.path.realpath(p)] for p in paths]


def run_many(texts):
    import skillgap

    scorer = skillgap.Scorer(as_of=AS_OF)
    scorer.score_text(texts[0])  # the scorer is built before the clock starts, as batch's is not
    c0, t0 = cpu_self(), time.perf_counter()
    reports = scorer.score_many(texts, threads=2, text=True)
    wall, cpu = time.perf_counter() - t0, cpu_self() - c0
    return wall, cpu, reports


def spark_session():
    from pyspark.sql import SparkSession

    # the Python workers run this interpreter (with skillgap and pyarrow), not `python3` on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = (
        SparkSession.builder.master("local[2]")
        .appName("skillgap-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    return s


def run_spark(spark, texts):
    from skillgap.spark import score_resumes

    df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string")
    df = df.repartition(2).cache()
    df.count()  # the input is in Spark's memory before the clock starts, as batch's is on disk
    scored = score_resumes(df, as_of=AS_OF)
    t0 = time.perf_counter()
    scored.write.format("noop").mode("overwrite").save()
    wall = time.perf_counter() - t0
    rows = scored.select("id", "estimated_level", "readiness", "skills").collect()
    df.unpersist()
    return wall, {r["id"]: r for r in rows}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "skillgap"))
    args = ap.parse_args()

    folder = tempfile.mkdtemp(prefix="skillgap-bench-")
    subprocess.run([str(ROOT / "benches" / "corpus.sh"), str(args.n), folder], check=True)
    paths = sorted(str(p) for p in Path(folder).rglob("*.txt"))
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"# {len(texts)} resumes, {mb:.1f} MB, {os.cpu_count()} cores, "
          f"load average {' '.join(open('/proc/loadavg').read().split()[:3])} before")
    spark = None if args.no_spark else spark_session()
    if spark is not None:
        run_spark(spark, texts[:200])  # warm-up: JVM, Python workers, the Scorer

    best = {}
    for _ in range(args.runs):
        wall, cpu, batch = run_batch(args.bin, folder, paths)
        best["batch"] = min(best.get("batch", (1e9,)), (wall, cpu))
        wall, cpu, reports = run_many(texts)
        best["many"] = min(best.get("many", (1e9,)), (wall, cpu))
        for (level, readiness), r in zip(batch, reports):
            assert r["estimated_level"] == level
            assert {l["id"]: l["readiness"] for l in r["levels"]} == readiness
        if spark is not None:
            wall, rows = run_spark(spark, texts)
            best["spark"] = min(best.get("spark", (1e9,)), (wall, None))
            for i, r in enumerate(reports):
                row = rows[i]
                assert row["estimated_level"] == r["estimated_level"]
                assert row["readiness"] == {l["id"]: l["readiness"] for l in r["levels"]}
                assert row["skills"] == [s["id"] for s in r["skills"]]
    print("# every estimated level and readiness agrees with batch; Spark's skills with score_many's")
    print(f"# load average {' '.join(open('/proc/loadavg').read().split()[:3])} after")
    n = len(texts)
    base = best["batch"][0]
    print(f"{'what':<44} {'wall s':>8} {'CPU s':>8} {'docs/s':>8} {'vs batch':>9} {'µs/row over batch':>18}")
    names = {
        "batch": "skillgap batch --jobs 2 (files, jsonl)",
        "many": "Scorer.score_many(threads=2, text=True)",
        "spark": "spark.score_resumes, local[2] (noop sink)",
    }
    for k, (wall, cpu) in best.items():
        cpu_s = f"{cpu:8.2f}" if cpu is not None else f"{'':>8}"
        print(f"{names[k]:<44} {wall:8.2f} {cpu_s} {n / wall:8.0f} {base / wall:8.0%} "
              f"{(wall - base) / n * 1e6:18.0f}")
    if spark is not None:
        spark.stop()
    subprocess.run(["rm", "-rf", folder])


if __name__ == "__main__":
    sys.exit(main())
