"""The main window: a left navigation of large buttons over a stack of pages.

It is built in two steps so it shows at once: the frame (navigation,
geometry) needs only Qt; ``attach(ctx)`` adds the pages once the store is open
(importing SQLAlchemy and checking the schema take most of a second).
Window state (geometry, last page, last visit) is kept in QSettings apart
from user preferences; the last-opened visit is reopened at start. Closing
commits whatever the pages still hold and waits for the worker, so no queued
edit is lost.

The 汇总台 (the city bureau's desk) is always in the navigation, before 设置:
an expert's laptop uses it too (importing the bureau's task packages, its own
overview), and a page behind a 市局模式 switch is a page nobody finds. It loads
its data the first time it is shown, so starting the app does not pay for it.

The title says where the user is: "巡诊 — ⟨enterprise⟩" over an open visit's
workbench or summary, "巡诊 — ⟨page⟩" elsewhere. F1 shows the keys
(``keyboard_help``); Ctrl+Q closes the window, which commits first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from .context import AppContext
from .icons import app_icon
from .messages import show_error
from .touch import apply_touch_mode, touch_preferred

GEOMETRY_KEY = "window/geometry"
LAST_VISIT_KEY = "session/last_visit"
LAST_PAGE_KEY = "session/last_page"
PAGES = ("企业库", "巡诊工作台", "评价总结", "汇总台", "设置")
ENTERPRISES, WORKBENCH_PAGE, SUMMARY_PAGE, BUREAU, SETTINGS = range(5)
DATA_PAGES = {ENTERPRISES, WORKBENCH_PAGE, SUMMARY_PAGE, BUREAU}  # pages showing store data

STYLE = """
QToolButton#navButton { min-height: 40px; font-size: 15px; border: none; border-radius: 8px;
                        padding: 4px; color: #dfe8f3; }
QToolButton#navButton:hover { background: #2c6cb5; }
QToolButton#navButton:checked { background: #ffffff; color: #1f5fa8; font-weight: bold; }
QFrame#nav { background: #1f5fa8; }
QLabel#navTitle { color: white; font-size: 20px; font-weight: bold; }
QPushButton { min-height: 34px; padding: 2px 14px; }
QLineEdit, QComboBox, QDateEdit, QSpinBox { min-height: 30px; }
"""


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext | None = None, restore_visit: bool = True, settings=None, parent=None):
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.settings = ctx.settings if ctx is not None else settings
        self.current_visit = ""
        self.current_visit_row = None  # VisitRow of the open visit, once loaded
        self._stale: set[int] = set()  # pages to reload when next shown
        self.setWindowTitle(f"{APP_NAME} — 质量巡诊工作台")
        self.setWindowIcon(app_icon())
        self.setStyleSheet(STYLE)
        apply_touch_mode(touch_preferred(self.settings))
        self._build_frame()
        if not self.restoreGeometry(self.settings.value(GEOMETRY_KEY, b"")):
            self.resize(1280, 720)  # fits a 1366×768 screen with its taskbar
        self._fit_screen()
        if ctx is not None:
            self.attach(ctx, restore_visit)

    def _build_frame(self) -> None:
        self.stack = QStackedWidget()
        self.loading = QLabel("正在打开数据库…", alignment=Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)

        nav = QFrame(objectName="nav")
        nav.setFixedWidth(132)
        nav_layout = QVBoxLayout(nav)
        nav_layout.setContentsMargins(8, 8, 8, 8)
        nav_layout.setSpacing(4)  # seven buttons fit 1366×768 at 150 % scaling
        title = QLabel(APP_NAME, objectName="navTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        nav_layout.addWidget(title)
        self.nav_group = QButtonGroup(self)
        self.nav_buttons: list[QToolButton] = []
        for i, name in enumerate(PAGES):
            button = self._nav_button(name, f"Ctrl+{i + 1}")
            button.setCheckable(True)
            self.nav_group.addButton(button, i)
            self.nav_buttons.append(button)
            nav_layout.addWidget(button)
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.show_page(i))
        nav_layout.addStretch(1)
        self.new_visit_button = self._nav_button("新建巡诊", "Ctrl+N")
        self.new_visit_button.clicked.connect(lambda: self.new_visit(self._selected_enterprise()))
        QShortcut(QKeySequence("Ctrl+N"), self, activated=lambda: self.new_visit(self._selected_enterprise()))
        QShortcut(QKeySequence("F1"), self, activated=self.show_keys)
        QShortcut(QKeySequence("Ctrl+Q"), self, activated=self.close)
        nav_layout.addWidget(self.new_visit_button)
        about = self._nav_button("关于", "")
        about.clicked.connect(self.about)
        nav_layout.addWidget(about)
        self.nav_group.idClicked.connect(self.show_page)
        self._nav_enabled(False)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _fit_screen(self) -> None:
        """Keep the window on its screen: a geometry saved on a bigger screen (or at another
        scaling) is shrunk and moved inside the available area, never restored off it."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        avail = screen.availableGeometry()
        frame = self.frameGeometry()
        extra = frame.size() - self.geometry().size()  # title bar and borders
        width = min(self.width(), avail.width() - extra.width())
        height = min(self.height(), avail.height() - extra.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), avail.left()), avail.right() + 1 - frame.width())
        y = min(max(frame.y(), avail.top()), avail.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def _nav_enabled(self, enabled: bool) -> None:
        for button in (*self.nav_buttons, self.new_visit_button):
            button.setEnabled(enabled)

    def attach(self, ctx: AppContext, restore_visit: bool = True) -> None:
        """Build the pages over the opened store and go where the user left off."""
        from .bureau_page import BureauPage
        from .enterprise_page import EnterprisePage
        from .settings_page import SettingsPage
        from .summary import SummaryPage
        from .workbench import WorkbenchPage

        self.ctx = ctx
        self.settings = ctx.settings
        self.enterprise_page = EnterprisePage(ctx)
        self.workbench_page = WorkbenchPage(ctx)
        self.summary_page = SummaryPage(ctx)
        self.bureau_page = BureauPage(ctx)
        self.settings_page = SettingsPage(ctx)
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()
        for page in (self.enterprise_page, self.workbench_page, self.summary_page, self.bureau_page,
                     self.settings_page):
            self.stack.addWidget(page)
        self.enterprise_page.openVisit.connect(self.open_visit)
        self.enterprise_page.newVisitRequested.connect(self.new_visit)
        for page in (self.workbench_page, self.summary_page):
            page.visitChanged.connect(self._visit_changed)
        self.workbench_page.visitLoaded.connect(self._visit_loaded)
        self.summary_page.itemRequested.connect(self._open_item)
        self.bureau_page.openVisit.connect(self.open_visit)
        self.enterprise_page.storeChanged.connect(lambda: self._visit_changed(""))
        self.bureau_page.storeChanged.connect(lambda: self._visit_changed(""))
        self._stale.add(BUREAU)
        ctx.tasks.error.connect(lambda exc: show_error(self, APP_NAME, exc))
        # After a restore every page shows data that is gone; reload each when next shown.
        self.settings_page.restored.connect(lambda: self._stale.update(DATA_PAGES))
        self._nav_enabled(True)
        self.show_page(int(ctx.settings.value(LAST_PAGE_KEY, ENTERPRISES)))
        last = ctx.settings.value(LAST_VISIT_KEY, "")
        if restore_visit and last:
            self.open_visit(str(last), switch=False)

    def show_loading_error(self, message: str) -> None:
        self.loading.setText(message)

    def _nav_button(self, text: str, shortcut: str) -> QToolButton:
        button = QToolButton(objectName="navButton", text=text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumWidth(112)
        # Ctrl+1…5 reach them; out of the Tab chain, Tab stays within the page (and never
        # leaves the workbench's keys on a button where digits do nothing).
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if shortcut:
            button.setToolTip(f"{text}（{shortcut}）")
        return button

    # -- navigation -----------------------------------------------------------
    def show_page(self, index: int) -> None:
        if self.ctx is None:
            return
        index = index if 0 <= index < len(PAGES) else ENTERPRISES
        if index in self._stale:
            self._stale.discard(index)
            self._reload(index)
        self.stack.setCurrentIndex(index)
        self.nav_buttons[index].setChecked(True)
        self.ctx.settings.setValue(LAST_PAGE_KEY, index)
        if index == WORKBENCH_PAGE and not self.workbench_page.isAncestorOf(QApplication.focusWidget()):
            self.workbench_page.focus_rating()  # not left on a navigation button, where digits do nothing
        self._update_title()

    def open_visit(self, visit_id: str, switch: bool = True) -> None:
        self.current_visit = visit_id
        self.ctx.settings.setValue(LAST_VISIT_KEY, visit_id)
        for page in (self.workbench_page, self.summary_page):
            page.open_visit(visit_id)
        if switch:
            self.show_page(WORKBENCH_PAGE)

    def start_rating(self, visit_id: str) -> None:
        """The workbench on ``visit_id``'s first unrated item, keys on rating (``xunzhen open VISIT``)."""
        self.current_visit = visit_id
        self.ctx.settings.setValue(LAST_VISIT_KEY, visit_id)
        self.summary_page.open_visit(visit_id)
        self.show_page(WORKBENCH_PAGE)
        self.workbench_page.start_rating(visit_id)

    def _open_item(self, visit_id: str, code: str) -> None:
        if visit_id:
            self.show_page(WORKBENCH_PAGE)
            self.workbench_page.show_item(code)
            self.workbench_page.focus_rating()

    def _visit_loaded(self, row) -> None:
        self.current_visit_row = row if row.id == self.current_visit else self.current_visit_row
        self._update_title()

    def _update_title(self) -> None:
        index = self.stack.currentIndex() if self.ctx is not None else -1
        row = self.current_visit_row
        if index in (WORKBENCH_PAGE, SUMMARY_PAGE) and row is not None and row.id == self.current_visit:
            where = row.enterprise
        else:
            where = PAGES[index] if 0 <= index < len(PAGES) else "质量巡诊工作台"
        self.setWindowTitle(f"{APP_NAME} — {where}")

    def ask_profile_if_missing(self):
        """First run: ask the expert's name and organisation (``first_run``) when the store has no profile."""
        from ..services import experts
        from .first_run import FirstRunDialog
        from .guarded import run_guarded

        store = self.ctx.store

        def check(me) -> None:
            if me is None:
                dialog = FirstRunDialog(self.ctx, self)
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.saved.connect(lambda _info: self.settings_page.refresh())
                dialog.open()

        run_guarded(self.ctx, self, APP_NAME, lambda: experts.profile(store), check)

    def show_keys(self):
        from .keyboard_help import KeyboardHelpDialog

        dialog = KeyboardHelpDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _visit_changed(self, visit_id: str) -> None:
        # An edit on one page makes the others out of date (scores, status, lock);
        # they reload when next shown rather than on every keystroke.
        self._stale.update(DATA_PAGES - {self.stack.currentIndex()})

    def _reload(self, index: int) -> None:
        if index == ENTERPRISES:
            self.enterprise_page.refresh()
        elif index == BUREAU:
            self.bureau_page.refresh()
        elif index in (WORKBENCH_PAGE, SUMMARY_PAGE) and self.current_visit:
            self.stack.widget(index).open_visit(self.current_visit)

    def _selected_enterprise(self) -> str:
        """For 新建巡诊: the enterprise highlighted on the 企业库 page, elsewhere that of the open visit."""
        if self.ctx is None:
            return ""
        row = self.current_visit_row
        if self.stack.currentIndex() != ENTERPRISES and row is not None and row.id == self.current_visit:
            return row.enterprise_id
        e = self.enterprise_page.selected()
        return e.id if e else ""

    def new_visit(self, enterprise_id: str = ""):
        from .new_visit_dialog import NewVisitDialog

        if self.ctx is None:
            return None
        dialog = NewVisitDialog(self.ctx, enterprise_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda row: (self.enterprise_page.refresh(), self.open_visit(row.id)))
        dialog.open()
        return dialog

    def about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(f"关于{APP_NAME}")
        box.setIconPixmap(app_icon().pixmap(72, 72))
        box.setText(f"<h3>{APP_NAME} Xunzhen {__version__}</h3>"
                    "<p>质量巡诊离线工作台：山西“头雁行动”质量巡诊的现场评价、评分与一企一策。</p>"
                    f"<p>数据文件夹：{self.ctx.store.paths.data_dir if self.ctx else '（正在打开）'}</p>"
                    "<p>界面字体：文泉驿微米黑（随程序附带，见其许可文件）。</p>")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- closing --------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if self.ctx is not None:
            for page in (self.workbench_page, self.summary_page):
                page.commit_pending()  # text still inside a debounce timer becomes a queued edit
            self.ctx.tasks.flush()
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
