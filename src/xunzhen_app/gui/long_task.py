"""Long work (imports, batch exports) on the worker with a progress dialog and 取消.

The service does the work and calls ``report(done, total)`` between steps; it
stops when ``report`` returns False (the services' progress convention). The
call happens on the worker thread, so it only sets a flag and emits a signal;
Qt queues the signal to the dialog on the GUI thread. Cancelling therefore
takes effect at the service's next step, and what the service does on a stop
(roll back, keep the files written so far) is the service's promise.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from .context import AppContext
from .guarded import WorkerCalls

Report = Callable[[int, int], bool]


class Progress(QObject):
    """The bridge between a worker-side ``report`` and the GUI."""

    progressed = Signal(int, int)  # done, total

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancelled = threading.Event()

    def report(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class LongTaskDialog(QProgressDialog):
    """A window-modal progress dialog that stays until the work has really stopped."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None):
        super().__init__(label, "取消", 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self._label = label
        # Not a child of the dialog: the worker may still report after the
        # dialog is gone, and the closure keeps this object alive for it.
        self.progress = Progress()
        self.progress.progressed.connect(self._show)
        # QProgressDialog hides itself on cancel; the work is still running until
        # the service reaches its next step, so say so and keep the dialog up.
        self.canceled.disconnect()
        self.canceled.connect(self._cancel)

    def _show(self, done: int, total: int) -> None:
        if not self.progress.cancelled and total:
            self.setLabelText(f"{self._label}（{done}/{total}）")
        # Last: on a modal dialog setValue processes events, so the label is already current.
        self.setMaximum(max(total, 0))
        self.setValue(min(done, total) if total else 0)

    def _cancel(self) -> None:
        self.progress.cancel()
        self.setLabelText("正在取消，请稍候…")
        self.setCancelButtonText("正在取消…")


def run_long_task(ctx: AppContext, parent: QWidget, title: str, label: str,
                  work: Callable[[Report], Any],
                  on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[BaseException], None] | None = None) -> LongTaskDialog:
    """Run ``work(report)`` on the worker behind a progress dialog; close it when the work ends.

    ``on_done`` receives the service's result (which says whether it was
    cancelled); ``on_error`` its exception (``guarded.WorkerCalls`` says which), shown in a
    message box by default.
    """
    dialog = LongTaskDialog(title, label, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    progress = dialog.progress

    def done(result) -> None:
        dialog.close()
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        if on_error is not None:
            on_error(exc)
        else:
            calls.show(exc)

    calls = WorkerCalls(ctx, parent, title=title)
    calls.run(lambda: work(progress.report), done, failed)
    return dialog
