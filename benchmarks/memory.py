"""Resident memory of the running app with 1,000 visits in the store (target < 250 MB).

Builds a store with the demo data plus 1,000 fully rated visits (bulk Core
inserts in one transaction: a few seconds), starts the app on it offscreen,
shows every page once and prints the process's RSS.

    uv run python benchmarks/memory.py [--visits N | --smoke]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PROBE = Path(__file__).with_name("_gui_probe.py")


def build(data_dir: Path, count: int, demo: bool = True) -> None:
    from sqlalchemy import insert, select

    from xunzhen_app.db.base import new_id
    from xunzhen_app.db.models import Assessment, Enterprise, Visit
    from xunzhen_app.db.store import open_store
    from xunzhen_app.paths import AppPaths
    from xunzhen_app.services import checklists, visits
    from xunzhen_app.services.demo import load_demo

    store = open_store(AppPaths(data_dir).ensure())
    if demo:
        load_demo(store)
    else:
        from xunzhen_app.services.dto import EnterpriseInput
        from xunzhen_app.services.enterprises import create_enterprise

        create_enterprise(store, EnterpriseInput(name="基准测试有限公司", city="太原市", cultivation_type="领军型"))
    template = checklists.find_template(store.paths)
    if not demo:
        with store.session() as s:
            checklists.snapshot(s, template)  # the demo's visits stored it
    codes = [i.code for i in template.items()]
    rng = random.Random(1)
    visit_rows, assessment_rows = [], []
    with store.session() as s:
        enterprise_ids = list(s.scalars(select(Enterprise.id)))
    for n in range(count):
        start = date(2025, 1, 1) + timedelta(days=n % 330)
        vid = new_id()
        visit_rows.append(dict(id=vid, enterprise_id=enterprise_ids[n % len(enterprise_ids)],
                               template_id=template.id, template_version=template.version, stage="前期巡诊",
                               status="草稿", start_date=start, end_date=start,
                               methods=["资料收集", "实地调研", "深度访谈"], interviewees=[]))
        assessment_rows += [dict(visit_id=vid, item_code=c, level=rng.randint(1, 5), not_applicable=False,
                                 evidence="查阅记录，现场核实。" * 3, problem="记录不完整。", suggestion="完善记录。")
                            for c in codes]
    # Core executemany: column defaults (ids, timestamps) still apply, the ORM's per-object work does not.
    with store.session() as s:
        s.execute(insert(Visit), visit_rows)
        s.execute(insert(Assessment), assessment_rows)
    print(f"store: {len(visits.list_visits(store))} visits, {store.sqlite_file.stat().st_size / 2**20:.1f} MiB file")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=1000)
    parser.add_argument("--smoke", action="store_true", help="5 visits and no demo data: only that it runs")
    args = parser.parse_args()
    if args.smoke:
        args.visits = 5
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        t = time.perf_counter()
        build(data, args.visits, demo=not args.smoke)
        print(f"generated {args.visits} visits in {time.perf_counter() - t:.1f} s")
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        out = subprocess.run([sys.executable, str(PROBE), str(data), "--memory"], capture_output=True, text=True,
                             env=env, timeout=120)
        rss = [line.split()[1] for line in out.stdout.splitlines() if line.startswith("RSS")]
        if not rss:
            raise SystemExit(f"the app did not report its memory:\n{out.stdout}\n{out.stderr}")
    print(f"RSS with {args.visits} more visits, every page shown once: {rss[0]} MiB; target < 250 MB")


if __name__ == "__main__":
    main()
