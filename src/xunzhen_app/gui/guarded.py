"""Worker callbacks that may arrive after their widget is gone.

``ctx.tasks`` delivers results on the GUI thread some time later; by then the
page may have been closed (the main window calls ``commit_pending()`` and then
destroys it). Calling into a deleted C++ object raises, so every callback is
wrapped to become a no-op once its owner has been deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from shiboken6 import isValid


def guarded(owner: QObject, fn: Callable[..., Any] | None) -> Callable[..., Any] | None:
    if fn is None:
        return None

    def call(*args):
        if isValid(owner):
            return fn(*args)
        return None

    return call
