"""`make test` runs a one-edition smoke of the benchmark (the full run is `make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def test_benchmark_smoke_prints_every_measure(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench.py"), "--smoke", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    table = out.read_text(encoding="utf-8")
    measures = (
        "Overhead vs plain",
        "Engine zensical",
        "Graphviz",
        "Scale: `build --all`",
        "Growth:",
    )
    for measure in measures:
        assert measure in table
    assert "Machine:" in table
