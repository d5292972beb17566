"""Errors and the log: known errors in the page's banner, bugs in the log file and a box that opens it."""

from __future__ import annotations

import sys
import threading

import pytest
from gui_helpers import make_ctx
from PySide6.QtCore import Qt, qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QMessageBox, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from xunzhen_app import app_log
from xunzhen_app.cli import main
from xunzhen_app.core.errors import UserError
from xunzhen_app.gui import messages
from xunzhen_app.gui.guarded import WorkerCalls
from xunzhen_app.gui.widgets.error_banner import ErrorBanner


@pytest.fixture
def log_path(paths):
    return app_log.start_log(paths)


@pytest.fixture
def page(qtbot, store, tmp_path):
    widget = QWidget()
    banner = ErrorBanner(widget)
    QVBoxLayout(widget).addWidget(banner)
    qtbot.addWidget(widget)
    widget.show()
    widget.calls = WorkerCalls(make_ctx(store, tmp_path), widget, banner, "测试页")
    widget.banner = banner
    return widget


def _raise(exc: BaseException):
    def job():
        raise exc
    return job


def _visible_boxes(widget: QWidget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.isVisible()]


def test_a_known_error_shows_in_the_banner_and_not_in_the_log(qtbot, page, log_path):
    page.calls.run(_raise(UserError("本巡诊已定稿，不能修改")))
    qtbot.waitUntil(page.banner.isVisible, timeout=5000)
    assert page.banner.text() == "本巡诊已定稿，不能修改"
    assert not _visible_boxes(page)
    assert not log_path.exists() or "定稿" not in log_path.read_text(encoding="utf-8")


def test_a_bug_is_logged_with_its_traceback_and_offers_the_log(qtbot, page, log_path, monkeypatch):
    opened, cleaned_up = [], []
    monkeypatch.setattr(messages, "open_log", opened.append)
    page.calls.run(_raise(ZeroDivisionError("除零")), on_error=cleaned_up.append)
    qtbot.waitUntil(lambda: bool(_visible_boxes(page)), timeout=5000)
    [box] = _visible_boxes(page)
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError: 除零" in text and "def job" not in text
    assert "in job" in text  # the worker's frame, not only where the GUI received it
    assert str(log_path) in box.text() and "ZeroDivisionError" in box.detailedText()
    assert not page.banner.isVisible()
    assert [type(e) for e in cleaned_up] == [ZeroDivisionError]  # the page still puts itself right
    [button] = [b for b in box.findChildren(QPushButton) if b.text() == messages.OPEN_LOG]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [log_path]


def test_a_repeating_bug_shows_one_box_and_logs_every_time(qtbot, page, log_path):
    for n in range(3):
        page.calls.run(_raise(RuntimeError(f"第 {n} 次")))
    qtbot.waitUntil(lambda: "第 2 次" in log_path.read_text(encoding="utf-8"), timeout=5000)
    qtbot.wait(50)
    [box] = _visible_boxes(page)
    assert "第 0 次" in box.text()
    box.close()
    page.calls.run(_raise(RuntimeError("又一次")))
    qtbot.waitUntil(lambda: any("又一次" in b.text() for b in _visible_boxes(page)), timeout=5000)


def test_replies_to_a_deleted_page_are_dropped_and_results_released(qtbot, store, tmp_path, log_path):
    done, released = [], []
    gate = threading.Event()
    ctx = make_ctx(store, tmp_path)
    page = QWidget()
    page.calls = WorkerCalls(ctx, page)

    def slow():
        gate.wait(5)
        return "doc"

    page.calls.run(slow, done.append, on_dropped=released.append)
    page.calls.run(_raise(KeyError("x")))
    page.deleteLater()
    qtbot.waitUntil(lambda: not isValid(page), timeout=5000)
    gate.set()
    ctx.tasks.flush()
    qtbot.waitUntil(lambda: released == ["doc"], timeout=5000)
    assert done == []
    qtbot.waitUntil(lambda: "KeyError" in log_path.read_text(encoding="utf-8"), timeout=5000)


def test_uncaught_exceptions_and_qt_warnings_reach_the_log(qtbot, log_path, monkeypatch):
    from xunzhen_app.gui.app import install_qt_log

    console = []  # stands for Python's own hook (pytest-qt's while testing), which must still be called
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: console.append(exc_info[1]))
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = []
    app_log.install_excepthook(shown.append)
    try:
        raise LookupError("未捕获")
    except LookupError:
        sys.excepthook(*sys.exc_info())
    assert [str(e) for e in shown] == [str(e) for e in console] == ["未捕获"]
    previous = install_qt_log()
    try:
        qWarning("Qt 的警告")
    finally:
        qInstallMessageHandler(previous)
    text = log_path.read_text(encoding="utf-8")
    assert "CRITICAL" in text and "LookupError: 未捕获" in text
    assert "WARNING xunzhen.qt" in text and "Qt 的警告" in text


def test_the_log_rotates(paths):
    path = app_log.start_log(paths)
    for _ in range(3 * app_log.MAX_BYTES // 500 + 10):
        app_log.log.warning("x" * 500)
    assert path.stat().st_size <= app_log.MAX_BYTES
    assert path.with_name(path.name + ".1").exists()
    assert not path.with_name(path.name + f".{app_log.BACKUP_COUNT + 1}").exists()


def test_a_cli_bug_points_at_the_log_instead_of_a_traceback(capsys, paths, monkeypatch):
    from xunzhen_app.services import visits

    def broken(*_args, **_kw):
        raise RuntimeError("内部故障")

    monkeypatch.setattr(visits, "list_visits", broken)
    code = main(["--data-dir", str(paths.data_dir), "visit", "list"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err and "程序出错" in err and str(paths.log_file) in err
    log = paths.log_file.read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: 内部故障" in log and "in broken" in log


def test_a_worker_thread_that_dies_is_logged(log_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app_log.install_excepthook()

    def die():
        raise OSError("磁盘已满")

    worker = threading.Thread(target=die, name="导出线程")
    worker.start()
    worker.join()
    text = log_path.read_text(encoding="utf-8")
    assert "线程 导出线程 中未处理的异常" in text and "OSError: 磁盘已满" in text and "in die" in text
