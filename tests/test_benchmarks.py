"""Every benchmark script still runs and prints its figures (with --smoke: tiny sizes, no timing asserted).

The scripts are run on demand, so a service that changes under them would otherwise go
unnoticed until someone wants a figure (bench_reports.py once crashed that way). The frozen
app's start-up benchmark needs a build: tests/test_frozen_app.py runs it on the one it makes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # spawns every benchmark script

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"

# script and arguments → lines (by their start) the run must print: the figures it exists for.
CASES = {
    "import_packages": (["--smoke"], ["3 packages written", "sqlite      import 3:",
                                      "            import: this process's CPU", "SQL statements"]),
    "import_xlsx": (["--smoke"], ["导入完成：新增 20 家", "20 rows"]),
    "edit_latency": (["--smoke"], ["service call", "via worker", "target p95 < 10 ms"]),
    "memory": (["--smoke"], ["RSS with 5 more visits"]),
    "startup": (["--smoke"], ["start → main window shown", "heavy modules imported at start"]),
    "bench_reports": (["--smoke"], ["PDF report, 24 items, 1 photos", "Word report of the same visit",
                                    "`xunzhen report` whole process", "Zip of 2 reports",
                                    "Summary workbook over 20 visits"]),
}


def run(script: str, args: list[str]) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XUNZHEN_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, str(BENCH / f"{script}.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, f"{script} exited {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.mark.parametrize("script", sorted(CASES))
def test_benchmark_runs_and_prints_its_figures(script):
    args, expected = CASES[script]
    out = run(script, args)
    lines = out.splitlines()
    for start in expected:
        assert any(line.startswith(start) or start in line for line in lines), f"{script}: no “{start}” in\n{out}"
    if script == "bench_reports":
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        compared = any(line.startswith("LibreOffice .docx → PDF") for line in lines)
        skipped = any(line.startswith("LibreOffice comparison skipped") for line in lines)
        assert compared if soffice else skipped, out
    if script == "import_packages":
        # PostgreSQL is measured when a private server can be started (CI installs it), else said to be skipped.
        assert any(line.startswith(("postgresql  import 3:", "PostgreSQL skipped")) for line in lines), out
