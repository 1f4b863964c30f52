"""Score the resumes of a Spark DataFrame, one :class:`~skillgap.Scorer` per partition.

>>> from skillgap.spark import score_resumes
>>> scored = score_resumes(df, text_col="text", as_of="2026-11")            # doctest: +SKIP
>>> scored.select("id", "estimated_level", "skills").show()                 # doctest: +SKIP

Files straight from storage, PDF, DOCX, HTML or text (the format is detected from the content):

>>> pdfs = spark.read.format("binaryFile").option("pathGlobFilter", "*.pdf").load("resumes/")  # doctest: +SKIP
>>> score_resumes(pdfs, bytes_col="content").drop("content")                # doctest: +SKIP

The work runs in :meth:`pyspark.sql.DataFrame.mapInArrow`: each Arrow batch of a partition is
scored by Rust with the GIL released, and the Scorer (pickled as its taxonomy and settings, a few
hundred bytes) is compiled once per Python worker process.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Iterator, List, Optional, Tuple, Union

from ._skillgap import Scorer

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    from pyspark.sql import DataFrame

__all__ = ["score_resumes", "OUTPUT_COLUMNS"]

#: Columns added by :func:`score_resumes`, in order (``match_percent`` and
#: ``missing_required`` only with ``jd``).
OUTPUT_COLUMNS = (
    "estimated_level",
    "readiness",
    "skills",
    "gaps",
    "match_percent",
    "missing_required",
    "report",
    "error",
)

#: Rows scored at a time within one Arrow batch of a partition.
SLICE_ROWS = 500


def score_resumes(
    df: "DataFrame",
    text_col: str = "text",
    as_of: Optional[Union[str, datetime.date]] = None,
    jd: Optional[Union[str, bytes]] = None,
    *,
    bytes_col: Optional[str] = None,
    taxonomy: Optional[str] = None,
    level: Optional[str] = None,
    fuzzy: bool = True,
    scorer: Optional[Scorer] = None,
    threads: int = 1,
) -> "DataFrame":
    """Scores every resume of ``df`` and returns ``df`` with these columns added:

    ==================  =========================  ==========================================
    ``estimated_level``  string                    the level reached (null: none)
    ``readiness``        map<string, double>       readiness per level id, 0–100
    ``skills``           array<string>             ids of the skills found (any status)
    ``gaps``             array<string>             ids of the gaps to the target level
    ``match_percent``    double                    match with ``jd`` (only with ``jd``)
    ``missing_required`` array<string>             required ids of ``jd`` not shown (with ``jd``)
    ``report``           string                    the full report, the CLI's JSON (compact)
    ``error``            string                    why a row could not be scored (else null)
    ==================  =========================  ==========================================

    A row that cannot be scored (null or empty text, an unreadable file) has nulls and its
    ``error`` (the CLI's message); the job does not fail.

    Args:
        df: the DataFrame.
        text_col: a string column of resume texts (read as :meth:`Scorer.score_text` does).
        as_of: the month "Present" means; default: this month, resolved once on the driver
            so that every partition reads it the same way (as ``skillgap batch`` does).
        jd: a job description's text (or a file's bytes) to match every resume against.
        bytes_col: a binary column of file contents instead of ``text_col`` (for example
            ``content`` of ``spark.read.format("binaryFile")``); formats are detected.
        taxonomy, level, fuzzy: as for :class:`~skillgap.Scorer`.
        scorer: a ready Scorer instead of ``taxonomy``/``as_of``/``level``/``fuzzy``.
        threads: threads per task (default 1: Spark already runs one task per core).

    Raises:
        ValueError: the column is missing or of the wrong type, an output column exists.
        skillgap.UnreadableError: ``jd`` cannot be read.
    """
    import pyarrow as pa
    from pyspark.sql.types import (
        ArrayType,
        BinaryType,
        DoubleType,
        MapType,
        StringType,
        StructField,
        StructType,
    )

    if scorer is None:
        scorer = Scorer(taxonomy, as_of or datetime.date.today(), level, fuzzy)
    elif taxonomy is not None or as_of is not None or level is not None or not fuzzy:
        raise ValueError("give either scorer= or taxonomy/as_of/level/fuzzy, not both")
    column = bytes_col if bytes_col is not None else text_col
    text = bytes_col is None
    if column not in df.columns:
        raise ValueError(f"no column `{column}` in {df.columns}")
    wanted = StringType() if text else BinaryType()
    found = df.schema[column].dataType
    if found != wanted:
        hint = " (pass bytes_col= for file contents)" if text and found == BinaryType() else ""
        raise ValueError(f"column `{column}` is {found.simpleString()}, not {wanted.simpleString()}{hint}")
    if jd is not None:
        scorer._score_columns([], jd)  # raises UnreadableError now, not on the executors

    strings = ArrayType(StringType())
    added: List[Tuple[str, object, "pyarrow.DataType"]] = [
        ("estimated_level", StringType(), pa.string()),
        ("readiness", MapType(StringType(), DoubleType()), pa.map_(pa.string(), pa.float64())),
        ("skills", strings, pa.list_(pa.string())),
        ("gaps", strings, pa.list_(pa.string())),
        ("match_percent", DoubleType(), pa.float64()),
        ("missing_required", strings, pa.list_(pa.string())),
        ("report", StringType(), pa.string()),
        ("error", StringType(), pa.string()),
    ]
    keep = [i for i, (name, _, _) in enumerate(added) if jd is not None or name not in ("match_percent", "missing_required")]
    clash = [added[i][0] for i in keep if added[i][0] in df.columns]
    if clash:
        raise ValueError(f"the DataFrame already has column(s) {clash}; rename or drop them first")
    schema = StructType(df.schema.fields + [StructField(added[i][0], added[i][1], True) for i in keep])
    names = df.columns + [added[i][0] for i in keep]
    types = [added[i][2] for i in keep]
    rows_per_slice = SLICE_ROWS  # (read now: the workers get the driver's value)

    def score_batches(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        for whole in batches:
            # Spark hands over up to 10,000 rows at once; scored in slices, the memory of one
            # slice's reports is reused by the next instead of a partition's worth of fresh
            # pages (a 29 KB JSON string per row, held three times: docs/PERFORMANCE.md)
            for start in range(0, whole.num_rows, rows_per_slice):
                batch = whole.slice(start, rows_per_slice)
                values = batch.column(column).to_pylist()
                cols = scorer._score_columns(values, jd, threads, text=text)
                arrays = list(batch.columns)
                arrays += [pa.array(cols[i], type=t) for i, t in zip(keep, types)]
                yield pa.RecordBatch.from_arrays(arrays, names=names)

    return df.mapInArrow(score_batches, schema)
