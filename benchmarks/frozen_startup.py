"""The frozen app as users get it: cold start to main window shown, and the sizes.

Builds the PyInstaller one-folder app (about a minute and a half) unless --dist
names one already built, then starts its windowed executable offscreen on the
demo data set (with the last visit reopened, as startup.py does) and times
process start → main window shown (target < 2 s) and → pages filled. Before each
cold run the page cache is dropped, which needs root; without it the figures are
warm ones and the output says so. Warm runs follow for comparison. Then prints
the one-folder size, the Linux tarball's size and an estimate of the Windows
installer's size: Inno Setup (Compression=lzma2/max, SolidCompression) cannot run
here, so the folder is compressed as one LZMA2 stream with the same 64 MiB
dictionary (xz preset 9) and the setup program's own ~2 MB is added.

    uv run --group packaging python benchmarks/frozen_startup.py [--runs N] [--dist dist/xunzhen]

The executable reports the two moments through XUNZHEN_STARTUP_REPORT (see
packaging/launcher_gui.py), since benchmarks/_gui_probe.py cannot wrap a frozen app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging" / "linux"))
from build_tarball import build as build_tarball  # noqa: E402
from startup import prepare  # noqa: E402  (the same data folder as the unfrozen benchmark)

INNO_SETUP_RUNTIME = 2 * 1024 * 1024  # setup loader and Setup.e32 of Inno Setup 6, roughly
MIB = 1024 * 1024


def build_app(work: Path) -> Path:
    print("building the one-folder app with PyInstaller …", flush=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(work / "dist"),
                    "--workpath", str(work / "build"), str(ROOT / "packaging" / "xunzhen.spec")],
                   check=True, cwd=ROOT)
    return work / "dist" / "xunzhen"


def drop_page_cache() -> bool:
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def one_run(app: Path, data: Path, report: Path) -> tuple[float, float]:
    """(seconds to window shown, seconds to pages filled) from spawning the process."""
    report.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), XUNZHEN_STARTUP_REPORT=str(report))
    exe = app / ("Xunzhen.exe" if sys.platform == "win32" else "Xunzhen")
    start = time.time()
    code = subprocess.run([str(exe), "--data-dir", str(data)], env=env, timeout=120).returncode
    moments = dict(line.split() for line in report.read_text().splitlines()) if report.exists() else {}
    if code != 0 or "SHOWN" not in moments or "READY" not in moments:
        raise SystemExit(f"the frozen app did not show its window (exit {code}, reported {moments})")
    return float(moments["SHOWN"]) - start, float(moments["READY"]) - start


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def lzma2_size(folder: Path, work: Path) -> int:
    target = work / "payload.tar.xz"
    with tarfile.open(target, "w:xz", preset=9) as tar:
        tar.add(folder, "xunzhen")
    return target.stat().st_size


def series(label: str, times: list[tuple[float, float]], target: str) -> None:
    shown = [t for t, _ in times]
    ready = [r for _, r in times]
    print(f"{label} start → main window shown: median {statistics.median(shown):.3f} s over {len(shown)} runs "
          f"(min {min(shown):.3f}, max {max(shown):.3f}){target}")
    print(f"{label} start → pages filled, last visit reopened: median {statistics.median(ready):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dist", type=Path, help="an existing one-folder build (dist/xunzhen) instead of building")
    parser.add_argument("--no-sizes", action="store_true",
                        help="only the start-up times, without the tarball and the installer estimate (minutes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        app = args.dist.resolve() if args.dist else build_app(work)
        data = work / "data"
        prepare(data)
        report = work / "started"
        one_run(app, data, report)  # takes the day's automatic backup, which a later start skips
        cold = []
        for _ in range(args.runs):
            is_cold = drop_page_cache()
            cold.append(one_run(app, data, report))
        warm = [one_run(app, data, report) for _ in range(args.runs)]
        series("cold" if is_cold else "warm (page cache could not be dropped: not root)", cold, "; target < 2 s")
        series("warm", warm, "")
        print(f"one-folder app: {folder_size(app) / MIB:.1f} MiB ({app})")
        if args.no_sizes:
            return
        tarball = build_tarball(app, work)
        print(f"Linux tarball: {tarball.stat().st_size / MIB:.1f} MiB ({tarball.name})")
        print("estimating the installer (LZMA2 preset 9 over the whole folder, a few minutes) …", flush=True)
        payload = lzma2_size(app, work)
        print(f"installer estimate: {(payload + INNO_SETUP_RUNTIME) / MIB:.1f} MiB — this build's folder as one "
              f"LZMA2 stream ({payload / MIB:.1f} MiB) + ~2 MiB Inno Setup runtime; not a real Inno Setup build, "
              f"and a Windows build's folder differs from this {sys.platform} one")


if __name__ == "__main__":
    main()
