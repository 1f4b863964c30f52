"""skillgap.spark on PySpark local[2]: the same levels and skills as the Scorer (and the CLI)."""

import json
import os
import shutil
import sys

import pytest

import skillgap

from conftest import AS_OF, FIXTURES, JOBS, RESUMES


def _skip_reason():
    if shutil.which("java") is None:
        return "Java is not installed (PySpark needs a JVM); the Spark tests are skipped"
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        return f"PySpark or PyArrow is not installed ({e}); the Spark tests are skipped"
    return None


REASON = _skip_reason()
if REASON:
    print(f"\nSKIPPED test_spark.py: {REASON}", file=sys.stderr)
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # the Python workers run this interpreter (with skillgap and pyarrow), not `python3` on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("skillgap-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_text_column_gives_the_scorer_results(spark, scorer):
    from skillgap.spark import score_resumes

    rows = [(p.name, p.read_text(encoding="utf-8")) for p in RESUMES] + [("empty", ""), ("null", None)]
    df = spark.createDataFrame(rows, "name string, text string").repartition(2)
    out = {r["name"]: r for r in score_resumes(df, as_of=AS_OF).collect()}
    assert len(out) == len(rows)
    for name, text in rows[:-2]:
        expected = scorer.score_text(text)
        r = out[name]
        assert r["error"] is None
        assert r["estimated_level"] == expected["estimated_level"]
        assert r["readiness"] == {l["id"]: l["readiness"] for l in expected["levels"]}
        assert r["skills"] == [s["id"] for s in expected["skills"]]
        assert r["gaps"] == [g["skill"] for g in expected["gaps"]]
        assert json.loads(r["report"]) == expected
        assert r["text"] == text  # the input columns are kept
    for name in ("empty", "null"):
        assert out[name]["error"] == "<text>: empty input, nothing to score"
        assert out[name]["report"] is None and out[name]["skills"] is None
    assert "match_percent" not in score_resumes(df, as_of=AS_OF).columns


def test_a_batch_scored_in_slices_keeps_every_row_with_its_own_result(spark, scorer, monkeypatch):
    # one partition, so one Arrow batch, scored 4 rows at a time (the last slice shorter)
    import skillgap.spark
    from skillgap.spark import score_resumes

    monkeypatch.setattr(skillgap.spark, "SLICE_ROWS", 4)
    rows = [(p.name, p.read_text(encoding="utf-8")) for p in RESUMES] + [("empty", "")]
    assert len(rows) % 4 != 0
    df = spark.createDataFrame(rows, "name string, text string").coalesce(1)
    out = score_resumes(df, as_of=AS_OF).select("name", "skills", "error").collect()
    assert [r["name"] for r in out] == [name for name, _ in rows]
    for (name, text), r in zip(rows[:-1], out):
        assert r["skills"] == [s["id"] for s in scorer.score_text(text)["skills"]], name
    assert out[-1]["error"] == "<text>: empty input, nothing to score"


def test_binary_files_with_bytes_col_equal_the_cli(spark, cli, scorer):
    from skillgap.spark import score_resumes

    df = spark.read.format("binaryFile").load(str(FIXTURES / "resumes"))
    out = score_resumes(df, bytes_col="content", as_of=AS_OF).drop("content").collect()
    assert len(out) == len(RESUMES)
    for r in out:
        path = r["path"].removeprefix("file:")
        assert json.loads(r["report"]) == cli.json("score", path)


def test_unreadable_files_get_an_error_not_a_failed_job(spark):
    from skillgap.spark import score_resumes

    df = spark.read.format("binaryFile").load(str(FIXTURES / "docs" / "encrypted-user-password.pdf"))
    (r,) = score_resumes(df, bytes_col="content", as_of=AS_OF).collect()
    assert r["error"] == "<bytes>: PDF is encrypted; remove the password and try again"
    assert r["estimated_level"] is None and r["report"] is None


def test_jd_adds_the_match(spark, scorer):
    from skillgap.spark import score_resumes

    job = JOBS[0].read_text(encoding="utf-8")
    rows = [(p.name, p.read_text(encoding="utf-8")) for p in RESUMES]
    df = spark.createDataFrame(rows, "name string, text string")
    out = {r["name"]: r for r in score_resumes(df, as_of=AS_OF, jd=job).collect()}
    for name, text in rows:
        m = scorer.match(text.encode(), job)
        assert out[name]["match_percent"] == m["percent"]
        assert out[name]["missing_required"] == [x["id"] for x in m["missing_required"]]


def test_wrong_columns_and_unreadable_jd_fail_early(spark):
    from skillgap.spark import score_resumes

    df = spark.createDataFrame([("a", b"x")], "text string, content binary")
    with pytest.raises(ValueError, match="no column `body`"):
        score_resumes(df, text_col="body")
    with pytest.raises(ValueError, match="pass bytes_col="):
        score_resumes(df, text_col="content")
    with pytest.raises(skillgap.UnreadableError, match="job description"):
        score_resumes(df, jd="   ")
    with pytest.raises(ValueError, match="already has column"):
        score_resumes(df.withColumnRenamed("content", "skills"))
