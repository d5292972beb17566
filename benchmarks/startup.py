"""Process start to main window shown: median of 5 runs (target < 1.0 s).

Runs `xunzhen` (through benchmarks/_gui_probe.py) on a data folder holding the
demo data set, offscreen, and times from spawning the process to the window's
first show. Also names any of reportlab / openpyxl / alembic that were
imported by then — none should be.

    uv run python benchmarks/startup.py [--runs N | --smoke]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = Path(__file__).with_name("_gui_probe.py")


def prepare(data_dir: Path, demo: bool = True) -> None:
    from xunzhen_app.db.store import open_store
    from xunzhen_app.paths import AppPaths
    from xunzhen_app.services import visits
    from xunzhen_app.services.demo import load_demo
    from xunzhen_app.services.dto import EnterpriseInput
    from xunzhen_app.services.enterprises import create_enterprise

    store = open_store(AppPaths(data_dir).ensure())
    if demo:
        load_demo(store)
    else:  # the smoke run: one enterprise and one visit
        e = create_enterprise(store, EnterpriseInput(name="基准测试有限公司", city="太原市", cultivation_type="领军型"))
        visits.create_visit(store, visits.NewVisit(enterprise_id=e.id))
    last = visits.list_visits(store)[0].id
    store.close()
    # Like a real second start: the last visit is reopened.
    (data_dir / "xunzhen-gui.ini").write_text(f"[session]\nlast_visit={last}\nlast_page=1\n", encoding="utf-8")


def one_run(data_dir: Path) -> tuple[float, float, str]:
    """(seconds to window shown, seconds to pages filled with data, heavy modules loaded at show)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(PROBE), str(data_dir)], stdout=subprocess.PIPE, text=True, env=env)
    shown = ready = None
    heavy = heavy_ready = "-"
    for line in proc.stdout:  # READY also names heavy modules, reported but not counted against start
        if line.startswith("SHOWN"):
            shown, heavy = time.perf_counter() - start, line.split()[2]
        elif line.startswith("READY"):
            ready = time.perf_counter() - start
            heavy_ready = line.split()[2]
    if shown is None or ready is None:
        raise SystemExit(f"the app did not show its window (exit {proc.wait()})")
    proc.wait(timeout=30)
    if heavy_ready != "-":
        print(f"note: loaded by the time the pages were filled: {heavy_ready}")
    return shown, ready, heavy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="one run on a one-visit store: only that it runs")
    args = parser.parse_args()
    if args.smoke:
        args.runs = 1
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        prepare(data, demo=not args.smoke)
        one_run(data)  # warm the OS file cache and take the day's automatic backup
        times, readies, heavy = [], [], set()
        for _ in range(args.runs):
            t, r, h = one_run(data)
            times.append(t)
            readies.append(r)
            heavy.update(x for x in h.split(",") if x != "-")
    print(f"start → main window shown: median {statistics.median(times):.3f} s over {args.runs} runs "
          f"(min {min(times):.3f}, max {max(times):.3f}); target < 1.0 s")
    print(f"start → store open, pages filled, last visit reopened: median {statistics.median(readies):.3f} s")
    print(f"heavy modules imported at start: {', '.join(sorted(heavy)) or 'none'}")


if __name__ == "__main__":
    main()
