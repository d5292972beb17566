"""A process killed with SIGKILL mid-write leaves a sound store with every committed edit."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

WRITER = textwrap.dedent("""
    import sys
    from datetime import date
    from xunzhen_app.db.store import open_store
    from xunzhen_app.paths import AppPaths
    from xunzhen_app.services import visits
    from xunzhen_app.services.dto import EnterpriseInput
    from xunzhen_app.services.enterprises import create_enterprise

    store = open_store(AppPaths(__import__("pathlib").Path(sys.argv[1])).ensure())
    e = create_enterprise(store, EnterpriseInput(name="写入测试企业", city="太原市"))
    v = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 1)))
    print("visit", v.id, flush=True)
    n = 0
    while True:
        n += 1
        visits.set_item_text(store, v.id, "1.1.1", "evidence", f"第{n}次记录 " + "证据" * 200)
        visits.add_problem(store, v.id, f"问题{n}")
        print("committed", n, flush=True)  # only after the commit returned
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_writing_loses_nothing_committed(tmp_path):
    data = tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data)], stdout=subprocess.PIPE, text=True)
    visit_id, committed = None, 0
    deadline = time.monotonic() + 60
    while committed < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline().split()
        if line and line[0] == "visit":
            visit_id = line[1]
        elif line and line[0] == "committed":
            committed = int(line[1])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed >= 40, "writer did not get going"

    db = data / "xunzhen.sqlite3"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        texts = {row[0] for row in conn.execute("SELECT text FROM visit_problem WHERE visit_id = ?", (visit_id,))}
        evidence = conn.execute("SELECT evidence FROM assessment WHERE visit_id = ?", (visit_id,)).fetchone()[0]
    assert {f"问题{n}" for n in range(1, committed + 1)} <= texts
    assert int(evidence.split("次")[0][1:]) >= committed

    from xunzhen_app.db.store import open_store
    from xunzhen_app.paths import AppPaths
    from xunzhen_app.services import visits

    store = open_store(AppPaths(data))
    try:
        assert len(visits.get_visit(store, visit_id).problems) >= committed
    finally:
        store.close()
