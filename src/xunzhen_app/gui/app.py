"""Starting the desktop workbench.

Imports stay light until the window is up: report, spreadsheet and Alembic
modules load only when a task needs them (the start-up benchmark checks).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QSettings, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_ID, APP_NAME, __version__
from ..app_log import install_excepthook, start_log
from ..core.errors import UserError
from ..paths import AppPaths, resolve_paths

ORGANISATION = "Xunzhen"
SETTINGS_FILE = "xunzhen-gui.ini"
QT_LOG_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
                 QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
                 QtMsgType.QtFatalMsg: logging.CRITICAL}


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up for high-DPI screens and the bundled CJK font."""
    app = QApplication.instance()
    if app is None:
        from .translations import set_chinese_defaults

        set_chinese_defaults()
        # Fractional scaling (125 %, 150 % are common on Windows laptops) without rounding blur.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_ID)
    # No applicationDisplayName: Qt would append " — 巡诊" to every title, and the main
    # window's title already starts with it ("巡诊 — ⟨enterprise or page⟩").
    app.setApplicationVersion(__version__)
    # Wayland desktops find the window's icon and menu entry through this name.
    app.setDesktopFileName("xunzhen")
    app.setOrganizationName(ORGANISATION)
    from .fonts import install_app_font
    from .icons import app_icon
    from .translations import install_qt_chinese

    install_app_font(app)
    install_qt_chinese(app)
    app.setWindowIcon(app_icon())
    return app


def install_qt_log():
    """Send Qt's own warnings (a failed style sheet, a missing platform plugin) to the log file.

    Returns the handler it replaced, so a test can put it back.
    """
    qt_log = logging.getLogger("xunzhen.qt")

    def handler(kind, context, message: str) -> None:
        where = f" ({context.file}:{context.line})" if context.file else ""
        qt_log.log(QT_LOG_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)

    return qInstallMessageHandler(handler)


def settings_for(paths: AppPaths) -> QSettings:
    """Window state and preferences, kept in the data folder beside the database.

    One data folder is one working set (the demo, a colleague's copy, a test's
    temporary folder), so its window state and last visit travel with it and
    never leak between them.
    """
    return QSettings(str(paths.data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def open_context(data_dir: str | None = None, db_url: str | None = None, settings: QSettings | None = None,
                 auto_backup: bool = True):
    """Open the store (migrating it), take the due automatic backup, build the context."""
    from ..db.backup import auto_backup_if_due
    from ..db.store import open_store
    from .context import AppContext
    from .tasks import TaskRunner

    paths = resolve_paths(data_dir).ensure()
    store = open_store(paths, db_url)
    backup_problem = None
    try:
        if auto_backup:
            auto_backup_if_due(store)
    except UserError as exc:  # a full disk must not keep the expert from working
        backup_problem = exc
    return AppContext(store, TaskRunner(), settings or settings_for(paths)), backup_problem


def run_gui(data_dir: str | None = None, db_url: str | None = None, rate_visit: str | None = None) -> int:
    """Show the window frame at once, then open the store and fill in the pages.

    ``rate_visit`` (a visit id) opens that visit's workbench at its first
    unrated item instead of where the user left off."""
    from PySide6.QtCore import QTimer
    from shiboken6 import isValid

    from .main_window import MainWindow
    from .messages import show_bug

    app = make_application()
    try:
        paths = resolve_paths(data_dir).ensure()
        start_log(paths)
    except (UserError, OSError) as exc:  # e.g. a data folder on a read-only or full disk
        from ..fs import describe_os_error

        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        QMessageBox.critical(None, f"{APP_NAME}无法启动", f"无法使用数据文件夹：\n{reason}")
        return 2
    install_qt_log()
    window = MainWindow(settings=settings_for(paths))
    install_excepthook(lambda exc: show_bug(window if isValid(window) else None, APP_NAME, exc, log=False))
    window.show()
    opened = []

    def open_store_and_attach() -> None:
        app.processEvents()  # paint "正在打开数据库…" before the import and migration check
        try:
            ctx, backup_problem = open_context(data_dir, db_url)
        except UserError as exc:
            window.show_loading_error(f"无法打开数据库：{exc}")
            QMessageBox.critical(window, f"{APP_NAME}无法启动", f"无法打开数据库：\n{exc}")
            app.exit(2)
            return
        opened.append(ctx)
        window.attach(ctx, restore_visit=rate_visit is None)
        if rate_visit is not None:
            window.start_rating(rate_visit)
        window.ask_profile_if_missing()
        if backup_problem is not None:
            from .messages import show_error

            show_error(window, "自动备份失败", backup_problem)

    QTimer.singleShot(0, open_store_and_attach)
    try:
        return app.exec()
    finally:
        for ctx in opened:
            ctx.tasks.flush()
            ctx.store.close()
