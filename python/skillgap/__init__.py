"""skillgap: score resumes against a role's skill taxonomy, from Python.

Readiness per career level, explainable evidence and the gaps to the next level, computed by the
Rust engine of the ``skillgap`` CLI. Offline: nothing leaves the machine.

>>> import skillgap
>>> scorer = skillgap.Scorer(as_of="2026-11")          # build once, reuse, share between threads
>>> report = scorer.score_text("SKILLS\\nGo, PostgreSQL\\nEXPERIENCE\\n- Built REST APIs in Go (2020 - 2024)\\n")
>>> report["skills"][0]["id"]
'go'

``Scorer.score`` returns the same dict as ``skillgap score --format json`` for the same input,
``Scorer.match`` the same as ``skillgap score --jd JOB --format json``. Files that cannot be read
raise :class:`UnreadableError` (a ``ValueError``) with the CLI's one-line message.

Distributed: :mod:`skillgap.spark` scores a Spark DataFrame (one Scorer per partition); a Scorer
pickles cheaply (taxonomy and settings), so it ships to Dask or Ray workers as it is.
"""

from ._skillgap import (
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_TIMEOUT,
    Scorer,
    UnreadableError,
    __version__,
    extract_text,
)

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "DEFAULT_TIMEOUT",
    "Scorer",
    "UnreadableError",
    "__version__",
    "extract_text",
]
