"""The log file in the data folder: bugs with their tracebacks, and Qt's warnings.

A known error (``UserError``) is the user's to fix and is only shown; anything
else is a bug, and its traceback goes here so that a maintainer can read it
later. The file rotates so a long-running installation never fills the disk.
One process writes one data folder's log; ``start_log`` moves it when another
folder is opened (tests open many).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .paths import AppPaths

MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("xunzhen")


class _State:
    handler: RotatingFileHandler | None = None


def start_log(paths: AppPaths) -> Path:
    """Write the ``xunzhen`` loggers to ``paths.log_file`` from now on; returns that file."""
    path = paths.log_file
    current = _State.handler
    if current is not None and Path(current.baseFilename) == path:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    if current is not None:
        log.removeHandler(current)
        current.close()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    _State.handler = handler
    return path


def log_file() -> Path | None:
    """The file bugs are written to, or None before ``start_log``."""
    return Path(_State.handler.baseFilename) if _State.handler else None


def log_bug(exc: BaseException, what: str = "程序出错") -> None:
    log.error(what, exc_info=(type(exc), exc, exc.__traceback__))


def install_excepthook(on_bug: Callable[[BaseException], None] | None = None) -> None:
    """Log exceptions nobody caught (GUI thread and other threads), then call ``on_bug``.

    Qt slots that raise end up in ``sys.excepthook`` too, so this is how a bug
    in a button handler reaches the log rather than only the console.
    """
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.critical("未处理的异常", exc_info=(exc_type, exc, tb))
        previous(exc_type, exc, tb)  # still on the console for whoever started it from a terminal
        if on_bug is not None:
            on_bug(exc)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit:
            log.critical("线程 %s 中未处理的异常", args.thread.name if args.thread else "?",
                         exc_info=args.exc_value or True)

    sys.excepthook = hook
    threading.excepthook = thread_hook
