"""Library fixtures: a fresh library per test, filled with the 120 real records of frus1961-63v06."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from provcite.library import Library, open_library


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    return tmp_path / "lib.sqlite"


@pytest.fixture
def lib(lib_path: Path):
    with open_library(lib_path) as library:
        yield library


@pytest.fixture
def full_lib(lib: Library, volume_records: list) -> Library:
    lib.add(volume_records)
    return lib


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m provcite ARGS`` in a subprocess (real stdout/stderr, no terminal)."""
    return subprocess.run([sys.executable, "-m", "provcite", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def assert_one_line_error(result: subprocess.CompletedProcess[str] | object, *expected: str) -> str:
    stderr = result.stderr
    assert result.returncode == 1 if hasattr(result, "returncode") else result.exit_code == 1, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("provcite: error: "), stderr
    for e in expected:
        assert e in lines[0], lines[0]
    return lines[0]
