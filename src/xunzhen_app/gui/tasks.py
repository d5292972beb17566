"""Database and file work off the GUI thread (after Anki's taskman).

``TaskRunner.run(fn, on_done, on_error)`` queues ``fn`` on one worker thread
(SQLite prefers a single writer, and edits keep their order) and calls
``on_done(result)`` or ``on_error(exc)`` back on the GUI thread. ``flush()``
waits until everything queued has been committed — used before the window
closes and by tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(object, object)  # (callback, result)
    failed = Signal(object, object)  # (callback, exception)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], on_done, on_error, signals: _Signals):
        super().__init__()
        self.fn, self.on_done, self.on_error, self.signals = fn, on_done, on_error, signals

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread (with its __traceback__), shown there
            self.signals.failed.emit(self.on_error, exc)
        else:
            self.signals.done.emit(self.on_done, result)


class TaskRunner(QObject):
    error = Signal(object)  # exceptions nobody handled

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._deliver)
        self._signals.failed.connect(self._fail)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        self._pool.start(_Job(fn, on_done, on_error, self._signals))

    def flush(self, timeout_ms: int = 30000) -> bool:
        return self._pool.waitForDone(timeout_ms)

    @Slot(object, object)
    def _deliver(self, callback, result) -> None:
        if callback is not None:
            callback(result)

    @Slot(object, object)
    def _fail(self, callback, exc) -> None:
        if callback is not None:
            callback(exc)
        else:
            self.error.emit(exc)
