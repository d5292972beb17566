"""Nothing typed is lost: the real app, typed into without a pause, then killed with SIGKILL.

The app runs in its own process (``run_gui``, offscreen) with a driver that
puts the cursor in 核查记录 with Alt+E and types one character every 40 ms as
an input method would, printing how many it has typed. After several seconds
the test kills the process and reads the database: what is stored is a prefix
of what was typed and lacks at most the last second of it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from gui_helpers import new_visit

from xunzhen_app.db.store import open_store
from xunzhen_app.services import experts

TYPIST = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from xunzhen_app.gui.app import make_application, run_gui
    from xunzhen_app.gui.main_window import MainWindow

    data_dir, visit_id, text = sys.argv[1], sys.argv[2], sys.argv[3]
    make_application([sys.argv[0]])
    typed = 0

    def type_one():
        global typed
        event = QInputMethodEvent()
        event.setCommitString(text[typed % len(text)])
        QApplication.sendEvent(QApplication.focusWidget(), event)
        typed += 1
        print("typed", typed, flush=True)

    def when_ready(window):
        page = window.workbench_page
        if page.current_code() != "1.1.1":
            QTimer.singleShot(20, lambda: when_ready(window))
            return
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is page.ui.evidenceEdit
        timer = QTimer(window, interval=40)
        timer.timeout.connect(type_one)
        timer.start()

    def find_window():
        ready = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.ctx is not None]
        if not ready:
            QTimer.singleShot(20, find_window)
            return
        window = ready[0]
        window.activateWindow()
        window.start_rating(visit_id)
        when_ready(window)

    QTimer.singleShot(0, find_window)
    sys.exit(run_gui(data_dir))
""")
TEXT = "查阅质量手册第五版现场核对检验记录访谈质量负责人"
TYPING_SECONDS = 5.0
ALLOWED_LOSS_SECONDS = 1.0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_typing_loses_at_most_the_last_second(paths):
    store = open_store(paths)
    experts.save_profile(store, "测试专家")  # no first-run dialog in the way
    vid = new_visit(store)
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", TYPIST, str(paths.data_dir), vid, TEXT],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    counts: list[tuple[float, int]] = []  # (when the line arrived, characters typed by then)
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline:
            line = proc.stdout.readline().split()
            if not line:
                break  # the app ended on its own
            if line[0] == "typed":
                counts.append((time.monotonic(), int(line[1])))
                if counts[-1][0] - counts[0][0] >= TYPING_SECONDS:
                    break
    finally:
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
    assert counts and counts[-1][0] - counts[0][0] >= TYPING_SECONDS, f"the app did not keep typing:\n{err[-3000:]}"

    with sqlite3.connect(paths.database) as conn:
        row = conn.execute("SELECT evidence FROM assessment WHERE visit_id = ? AND item_code = '1.1.1'",
                           (vid,)).fetchone()
    stored = row[0] if row else ""
    typed = "".join(TEXT[n % len(TEXT)] for n in range(counts[-1][1]))
    assert typed.startswith(stored)
    must_have = max((n for t, n in counts if t <= killed_at - ALLOWED_LOSS_SECONDS), default=0)
    assert must_have > 50  # several seconds of typing, not a few keys
    assert len(stored) >= must_have, f"stored {len(stored)} of {counts[-1][1]} typed; {must_have} were older than 1 s"
