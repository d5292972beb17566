"""The one way a page calls the worker (in the spirit of Anki's CollectionOp).

``ctx.tasks`` runs ``fn`` on the worker thread and replies on the GUI thread
some time later; by then the page may be gone (the main window calls
``commit_pending()`` and then destroys it), and calling into a deleted C++
object raises, so every reply is dropped once its owner has been deleted.

On failure:
- a known error (``UserError``) goes to ``on_error`` when the page handles it
  itself (a form shows it by its field), else to the page's error banner, or to
  a message box when the page has none;
- anything else is a bug: it is logged with its traceback and shown in a box
  offering to open the log, and then ``on_error`` (if any) still runs so the
  page can put itself right (re-enable a button, reload what is stored).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from .. import APP_NAME
from ..app_log import log_bug
from ..core.errors import UserError
from .context import AppContext
from .messages import show_bug, show_error
from .widgets.error_banner import ErrorBanner


class WorkerCalls:
    """A page's (or dialog's) calls to the worker, with where its errors are shown."""

    def __init__(self, ctx: AppContext, owner: QWidget, banner: ErrorBanner | None = None, title: str = APP_NAME):
        self.ctx, self.owner, self.banner, self.title = ctx, owner, banner, title

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_dropped: Callable[[Any], None] | None = None) -> None:
        """``on_dropped(result)`` releases a result (an open document) nobody is left to take."""
        owner = self.owner

        def done(result) -> None:
            if isValid(owner):
                if on_done is not None:
                    on_done(result)
            elif on_dropped is not None:
                on_dropped(result)

        def failed(exc: BaseException) -> None:
            if not isValid(owner):
                if not isinstance(exc, UserError):
                    log_bug(exc, f"{self.title}：程序出错（窗口已关闭）")
                return
            if not isinstance(exc, UserError):
                show_bug(owner, self.title, exc)
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, UserError):
                self.show(exc)

        self.ctx.tasks.run(fn, done, failed)

    def show(self, exc: BaseException) -> None:
        """Show a known error the default way; a bug has been shown already."""
        if not isinstance(exc, UserError):
            return
        if self.banner is not None:
            self.banner.show_message(str(exc))
        else:
            show_error(self.owner, self.title, exc)


def run_guarded(ctx: AppContext, owner: QWidget, title: str, fn: Callable[[], Any],
                on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None) -> WorkerCalls:
    """A single guarded call for code that is not a page (report export, long tasks)."""
    calls = WorkerCalls(ctx, owner, title=title)
    calls.run(fn, on_done, on_error)
    return calls
