"""Smoke test of the PyInstaller one-folder build: a file missing from the spec fails here.

Building takes about a minute and a half, so it runs when XUNZHEN_FROZEN_SMOKE=1
(.ci/run sets it) and is skipped, with this reason, in a developer's quick run.
"""

import json
import os
import shlex
import shutil
import sys
import tarfile
from pathlib import Path

import pytest
from shell import sh

from xunzhen_app import __version__

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("XUNZHEN_FROZEN_SMOKE") != "1",
                       reason="frozen-app smoke test: set XUNZHEN_FROZEN_SMOKE=1 (CI does)"),
    pytest.mark.skipif(shutil.which("uv") is None, reason="uv is not on PATH"),
]


def user_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    out = tmp_path_factory.mktemp("frozen")
    sh("uv", "run", "--group", "packaging", "pyinstaller", "--noconfirm", "--log-level", "WARN",
       "--distpath", out / "dist", "--workpath", out / "build", ROOT / "packaging" / "xunzhen.spec", cwd=ROOT)
    return out / "dist" / "xunzhen"


def test_frozen_app_runs_demo_report_and_opens_the_window(frozen, tmp_path):
    exe = frozen / ("xunzhen.exe" if sys.platform == "win32" else "xunzhen")
    env = user_env()
    data = tmp_path / "data"
    assert __version__ in sh(exe, "--version", env=env, cwd=tmp_path)
    sh(exe, "--data-dir", data, "demo", env=env, cwd=tmp_path)
    visit = json.loads(sh(exe, "--data-dir", data, "visit", "list", "--json", env=env, cwd=tmp_path))[0]["id"]
    sh(exe, "--data-dir", data, "report", visit, "-o", tmp_path / "r.pdf", env=env, cwd=tmp_path)
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    # The Word report needs python-docx's template in the bundle, and the radar PDFium.
    sh(exe, "--data-dir", data, "report", visit, "-o", tmp_path / "r.docx", env=env, cwd=tmp_path)
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"
    shots = tmp_path / "shots"
    sh(exe, "--data-dir", data, "screenshots", shots, env=env, cwd=tmp_path)
    # Every main screen, and the report preview, which needs PDFium's native library in the bundle.
    assert {p.stem for p in shots.glob("*.png")} >= {"enterprises", "workbench", "summary", "bureau", "settings",
                                                     "report"}
    assert (shots / "report.png").stat().st_size > 10_000


def test_windowed_app_reports_its_start_for_the_benchmark(frozen, tmp_path):
    report = tmp_path / "started"
    exe = frozen / ("Xunzhen.exe" if sys.platform == "win32" else "Xunzhen")
    sh(exe, "--data-dir", tmp_path / "data", env=user_env(XUNZHEN_STARTUP_REPORT=str(report)), cwd=tmp_path)
    assert [line.split()[0] for line in report.read_text().splitlines()] == ["SHOWN", "READY"]


def test_frozen_startup_benchmark_runs_on_the_build(frozen):
    # The benchmark's smoke run (tests/test_benchmarks.py covers the others): one start, no sizes.
    out = sh(sys.executable, ROOT / "benchmarks" / "frozen_startup.py", "--dist", frozen, "--runs", "1", "--no-sizes",
             env={**user_env(), "PATH": os.environ["PATH"]}, cwd=ROOT)
    assert "start → main window shown: median" in out and "one-folder app:" in out, out


@pytest.mark.skipif(sys.platform != "linux", reason="the tarball is the Linux package")
def test_tarball_installs_a_menu_entry_for_the_user(frozen, tmp_path):
    tarball = Path(sh(sys.executable, ROOT / "packaging" / "linux" / "build_tarball.py", "--dist", frozen,
                      "--out", tmp_path, cwd=tmp_path).strip())
    assert tarball.name.startswith(f"xunzhen-{__version__}-linux-")
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        (top,) = {n.split("/")[0] for n in names}
        assert {f"{top}/{m}" for m in ("install.sh", "xunzhen.desktop", "xunzhen.png", "xunzhen/Xunzhen",
                                         "xunzhen/xunzhen")} <= names
        tar.extractall(tmp_path / "unpacked", filter="tar")
    home = tmp_path / "home"
    env = user_env(HOME=str(home))
    env.pop("XDG_DATA_HOME", None)
    sh(tmp_path / "unpacked" / top / "install.sh", env=env, cwd=tmp_path)

    entry = home / ".local/share/applications/xunzhen.desktop"
    fields = dict(line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines() if "=" in line)
    (exe,) = shlex.split(fields["Exec"])
    assert Path(exe).is_file() and os.access(exe, os.X_OK) and fields["TryExec"] == exe
    assert (home / ".local/share/icons/hicolor/256x256/apps" / f"{fields['Icon']}.png").is_file()
    assert __version__ in sh(home / ".local/bin/xunzhen", "--version", env=env, cwd=tmp_path)

    data = home / ".local/share/xunzhen"
    data.mkdir()
    (data / "xunzhen.sqlite3").write_bytes(b"kept")
    sh(tmp_path / "unpacked" / top / "install.sh", "--uninstall", env=env, cwd=tmp_path)
    assert not entry.exists() and not (home / ".local/opt/xunzhen").exists()
    assert (data / "xunzhen.sqlite3").read_bytes() == b"kept"
