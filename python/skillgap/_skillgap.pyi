"""Type stubs of the extension module (re-exported by ``skillgap``)."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

Source = Union[str, "os.PathLike[str]", bytes, bytearray]
"""A path (``str`` or ``os.PathLike``) or a file's content (``bytes``, format detected)."""

Report = Dict[str, Any]
"""A report: the data of ``skillgap score --format json`` (schema_version 1)."""

JobMatch = Dict[str, Any]
"""A job match: the data of ``skillgap score RESUME --jd JOB --format json``."""

DEFAULT_MAX_FILE_SIZE: int
"""20 MiB, the CLI's ``--max-file-size``."""
DEFAULT_TIMEOUT: float
"""30 seconds, the CLI's ``--timeout``."""
__version__: str

class UnreadableError(ValueError):
    """A resume or job description that cannot be read as text.

    ``str(e)`` is the CLI's message: the file (``<bytes>`` or ``<text>`` for content) and the
    cause in one line, e.g. ``resume.pdf: PDF is encrypted; remove the password and try again``.
    """

class Scorer:
    """Scores resumes against a role's skill taxonomy.

    Build once (this compiles the taxonomy's automata) and reuse: a Scorer is immutable and
    thread-safe, and the GIL is released while it reads and scores.

    Args:
        taxonomy: a taxonomy YAML file (``extends: builtin`` adds to the built-in one); ``None``:
            the built-in backend-developer taxonomy.
        as_of: the month "Present" means, ``"YYYY-MM"`` or a ``datetime.date``; ``None``: the
            month each resume is scored in, as in the CLI.
        level: the level the gaps lead to (default: each resume's next level).
        fuzzy: match misspellings (``--no-fuzzy`` is ``fuzzy=False``).
        max_file_size: largest input in bytes (the CLI's ``--max-file-size``, 20 MiB).
        timeout: seconds one extraction may take (the CLI's ``--timeout``, 30), checked between
            PDF pages.

    Raises:
        ValueError: invalid taxonomy, unknown level (with a suggestion), bad month.

    A Scorer pickles as its taxonomy's text and these settings (a few bytes for the built-in
    taxonomy); unpickling compiles it once per process.
    """

    def __init__(
        self,
        taxonomy: Optional[Union[str, "os.PathLike[str]"]] = None,
        as_of: Optional[Union[str, datetime.date]] = None,
        level: Optional[str] = None,
        fuzzy: bool = True,
        *,
        max_file_size: int = ...,
        timeout: float = ...,
    ) -> None: ...
    @property
    def taxonomy_id(self) -> str:
        """The taxonomy's id (``backend-developer`` for the built-in one)."""
    @property
    def taxonomy_version(self) -> str:
        """The taxonomy's data version."""
    @property
    def levels(self) -> List[str]:
        """The level ids, lowest first."""
    @property
    def as_of(self) -> Optional[str]:
        """The month "Present" means, ``YYYY-MM``, or ``None`` for the current month."""
    @property
    def level(self) -> Optional[str]:
        """The target level, or ``None``."""
    @property
    def fuzzy(self) -> bool:
        """Whether misspellings are matched."""
    @property
    def max_file_size(self) -> int:
        """Largest input in bytes."""
    @property
    def timeout(self) -> float:
        """Seconds one extraction may take."""
    def score(self, source: Source) -> Report:
        """Scores a resume file (a path) or a file's content (bytes; PDF, DOCX, HTML or text,
        detected from the content as in the CLI).

        Returns the dict ``skillgap score --format json`` prints for the same file.

        Raises:
            UnreadableError: the file cannot be read as text.
            TypeError: ``source`` is neither a path nor bytes.
        """
    def score_text(self, text: str) -> Report:
        """Scores a resume given as text, read as a plain-text file with the same content
        would be (so the report equals the CLI's for that file).

        Raises:
            UnreadableError: the text is empty or over ``max_file_size``.
        """
    def match(self, source: Source, jd_text: Union[str, bytes]) -> JobMatch:
        """Matches a resume (a path or bytes, as in :meth:`score`) against a job description's
        text (``str``; ``bytes`` are a file's content, format detected).

        Returns the dict ``skillgap score RESUME --jd JOB --format json`` prints.

        Raises:
            UnreadableError: the resume or the job description cannot be read.
        """
    def score_many(
        self,
        sources: Iterable[Optional[Union[Source, str]]],
        threads: Optional[int] = None,
        *,
        text: bool = False,
    ) -> List[Union[Report, UnreadableError]]:
        """Scores many resumes in parallel, with the GIL released, on ``threads`` threads
        (default: one per core): this thread, which also turns the reports into dicts, and a
        pool of ``threads - 1``.

        Items are as in :meth:`score` (paths, bytes), or with ``text=True`` str texts as in
        :meth:`score_text` (bytes stay file content). Returns one item per input, in input
        order: the report, or the :class:`UnreadableError` (not raised) for an input that could
        not be read. Ctrl-C (``KeyboardInterrupt``) stops it between two resumes.
        """
    def _score_columns(
        self,
        values: Iterable[Optional[Union[str, bytes]]],
        jd: Optional[Union[str, bytes]] = None,
        threads: Optional[int] = None,
        *,
        text: bool = True,
    ) -> Tuple[
        List[Optional[str]],
        List[Optional[List[Tuple[str, float]]]],
        List[Optional[List[str]]],
        List[Optional[List[str]]],
        List[Optional[float]],
        List[Optional[List[str]]],
        List[Optional[str]],
        List[Optional[str]],
    ]:
        """Columns for :mod:`skillgap.spark` (internal)."""
    def _time_conversion(
        self, texts: List[str], threads: int = 2
    ) -> Tuple[float, List[Union[Report, UnreadableError]]]:
        """Benchmark hook for ``python/benches/convert.py`` (internal): scores ``texts`` on
        ``threads`` threads, then times turning the reports into dicts on this thread alone."""
    @staticmethod
    def _from_state(
        taxonomy: Optional[Tuple[str, str]],
        as_of: Optional[str],
        level: Optional[str],
        fuzzy: bool,
        max_file_size: int,
        timeout_ms: int,
    ) -> "Scorer": ...
    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]: ...

def extract_text(
    source: Source, *, max_file_size: int = ..., timeout: float = ...
) -> str:
    """The text of a resume or job description (a path, or bytes: a file's content), as
    ``skillgap`` reads it before scoring.

    Raises:
        UnreadableError: with the CLI's message.
    """
