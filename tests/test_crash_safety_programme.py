"""The programme's edits are as crash-safe as a visit's: a process killed with SIGKILL while adding
progress notes with photos and editing a 典型案例 leaves a sound store with every committed edit."""

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
    from pathlib import Path
    from xunzhen_app.db.store import open_store
    from xunzhen_app.paths import AppPaths
    from xunzhen_app.services import actions, calendar, cases, visits
    from xunzhen_app.core.calendar import default_calendar
    from xunzhen_app.services.dto import EnterpriseInput
    from xunzhen_app.services.enterprises import create_enterprise

    store = open_store(AppPaths(Path(sys.argv[1])).ensure())
    e = create_enterprise(store, EnterpriseInput(name="写入测试企业", city="太原市"))
    v = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20)))
    aid = visits.add_plan_row(store, v.id, measure="开展QC小组活动")
    case = cases.draft_case(store, e.id)
    print("ids", aid, case.id, flush=True)
    n = 0
    while True:
        n += 1
        actions.update_action(store, aid, note=f"进展{n}", attachments=[(f"照片{n}.png", b"PNG" * 3000 + str(n).encode())])
        cases.update_case(store, case.id, results=f"第{n}次修改 " + "成效" * 300)
        calendar.save_calendar(store, default_calendar(2000 + n % 100))
        print("committed", n, flush=True)  # only after the commits returned
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_writing_notes_photos_and_a_case_loses_nothing_committed(tmp_path):
    data = tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data)], stdout=subprocess.PIPE, text=True)
    ids, committed = None, 0
    deadline = time.monotonic() + 60
    while committed < 30 and time.monotonic() < deadline:
        line = proc.stdout.readline().split()
        if line and line[0] == "ids":
            ids = line[1:]
        elif line and line[0] == "committed":
            committed = int(line[1])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed >= 30, "writer did not get going"

    with sqlite3.connect(data / "xunzhen.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    from xunzhen_app.db.store import open_store
    from xunzhen_app.paths import AppPaths
    from xunzhen_app.services import actions, cases, visits

    store = open_store(AppPaths(data).ensure())
    try:
        action_id, case_id = ids
        [row] = [r for r in actions.list_actions(store, visits.list_visits(store)[0].id) if r.id == action_id]
        notes = {n.note: n for n in row.progress}
        for k in range(1, committed + 1):  # each committed note has its photo, and the photo its content
            [photo] = notes[f"进展{k}"].attachments
            assert visits.attachment_bytes(store, photo.sha256).endswith(str(k).encode())
        assert int(cases.get_case(store, case_id).results.split("次")[0][1:]) >= committed
    finally:
        store.close()
