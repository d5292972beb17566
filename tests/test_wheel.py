"""The built wheel carries everything: installed into a fresh virtual environment it runs
`xunzhen demo`, `score` and `report` without the source tree."""

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from shell import sh

ROOT = Path(__file__).resolve().parents[1]
UV = shutil.which("uv")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(UV is None, reason="uv is not on PATH (README: pip install uv)")]



@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    sh(UV, "build", "--wheel", "--out-dir", tmp / "dist", ROOT)
    (wheel,) = (tmp / "dist").glob("xunzhen-*.whl")
    sh(UV, "venv", "--quiet", "--python", sys.executable, tmp / "venv")
    python = tmp / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    sh(UV, "pip", "install", "--quiet", "--python", python, wheel)
    return tmp / "venv" / ("Scripts/xunzhen.exe" if os.name == "nt" else "bin/xunzhen")


def test_installed_wheel_runs_demo_score_and_report(installed, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    data = tmp_path / "data"
    # Run from an empty folder so nothing can be picked up from the checkout.
    sh(installed, "--data-dir", data, "demo", cwd=tmp_path, env=env)
    visits = json.loads(sh(installed, "--data-dir", data, "visit", "list", "--json", cwd=tmp_path, env=env))
    score = json.loads(sh(installed, "--data-dir", data, "score", visits[0]["id"], "--json", cwd=tmp_path, env=env))
    assert len(score["goals"]) == 6
    template = json.loads(sh(installed, "checklist", "show", "--json", cwd=tmp_path, env=env))
    assert template["id"] == "shanxi-2025-toutou"
    pdf = tmp_path / "report.pdf"
    sh(installed, "--data-dir", data, "report", visits[0]["id"], "-o", pdf, cwd=tmp_path, env=env)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    docx = tmp_path / "report.docx"
    sh(installed, "--data-dir", data, "report", visits[0]["id"], "-o", docx, cwd=tmp_path, env=env)
    assert docx.read_bytes()[:2] == b"PK"
