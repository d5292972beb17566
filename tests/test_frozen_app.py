"""Smoke test of the PyInstaller one-folder build: a file missing from the spec fails here.

Building takes about a minute and a half, so it runs when XUNZHEN_FROZEN_SMOKE=1
(.ci/run sets it) and is skipped, with this reason, in a developer's quick run.
"""

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from shell import sh

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("XUNZHEN_FROZEN_SMOKE") != "1",
                       reason="frozen-app smoke test: set XUNZHEN_FROZEN_SMOKE=1 (CI does)"),
    pytest.mark.skipif(shutil.which("uv") is None, reason="uv is not on PATH"),
]



@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    out = tmp_path_factory.mktemp("frozen")
    sh("uv", "run", "--group", "packaging", "pyinstaller", "--noconfirm", "--log-level", "WARN",
       "--distpath", out / "dist", "--workpath", out / "build", ROOT / "packaging" / "xunzhen.spec", cwd=ROOT)
    return out / "dist" / "xunzhen"


def test_frozen_app_runs_demo_report_and_opens_the_window(frozen, tmp_path):
    exe = frozen / ("xunzhen.exe" if sys.platform == "win32" else "xunzhen")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    data = tmp_path / "data"
    assert "0.1" in sh(exe, "--version", env=env, cwd=tmp_path)
    sh(exe, "--data-dir", data, "demo", env=env, cwd=tmp_path)
    visit = json.loads(sh(exe, "--data-dir", data, "visit", "list", "--json", env=env, cwd=tmp_path))[0]["id"]
    sh(exe, "--data-dir", data, "report", visit, "-o", tmp_path / "r.pdf", env=env, cwd=tmp_path)
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    shots = tmp_path / "shots"
    sh(exe, "--data-dir", data, "screenshots", shots, env=env, cwd=tmp_path)
    assert len(list(shots.glob("*.png"))) >= 4
