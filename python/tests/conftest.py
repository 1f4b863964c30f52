"""Shared fixtures: the repository's fixture files and the `skillgap` CLI to compare with."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
RESUMES = sorted((FIXTURES / "resumes").iterdir())
JOBS = sorted((FIXTURES / "jobs").iterdir())
# One month for every comparison, so that "Present" reads the same in the CLI and here.
AS_OF = "2026-11"


def _find_cli() -> Path:
    """The CLI: $SKILLGAP_BIN, else the newest of target/{debug,release}/skillgap, else a
    fresh debug build."""
    env = os.environ.get("SKILLGAP_BIN")
    if env:
        return Path(env)
    built = [p for p in (ROOT / "target" / d / "skillgap" for d in ("debug", "release")) if p.exists()]
    if built:
        return max(built, key=lambda p: p.stat().st_mtime)
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.fail("no skillgap binary to compare with: build it (cargo build) or set SKILLGAP_BIN")
    subprocess.run([cargo, "build", "--quiet", "--bin", "skillgap"], cwd=ROOT, check=True)
    return ROOT / "target" / "debug" / "skillgap"


class Cli:
    def __init__(self, exe: Path):
        self.exe = exe

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.exe), *map(str, args)],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )

    def json(self, *args: str) -> dict:
        """`skillgap ARGS --format json --as-of AS_OF`, parsed."""
        out = self.run(*args, "--format", "json", "--as-of", AS_OF)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    def error(self, *args: str) -> str:
        """The one-line error of a failing `skillgap ARGS`, without the `skillgap: ` prefix."""
        out = self.run(*args)
        assert out.returncode == 3, (out.returncode, out.stderr)
        line = out.stderr.strip().splitlines()[-1]
        assert line.startswith("skillgap: "), line
        return line[len("skillgap: ") :]


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli(_find_cli())


@pytest.fixture(scope="session")
def scorer():
    import skillgap

    return skillgap.Scorer(as_of=AS_OF)
