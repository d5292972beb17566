"""Chinese everywhere: every page and dialog, and Qt's own calendar, file dialog, message
box and context menu, show no English words in their visible widgets."""

from __future__ import annotations

import re

import pytest
from gui_helpers import make_ctx, settle
from PySide6.QtCore import QAbstractListModel, QDate, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from xunzhen_app.gui.app import make_application
from xunzhen_app.gui.main_window import PAGES, MainWindow
from xunzhen_app.services import visits

# Words that are Chinese usage too: key names, file formats, product names, template ids.
ALLOWED = {"Ctrl", "Alt", "Shift", "Esc", "Tab", "PgUp", "PgDn", "F1", "F3", "PDF", "Excel", "Xunzhen", "SQLite",
           "PostgreSQL", "pg_dump", "Word", "WPS", "docx", "xlsx", "xzp", "zip", "sqlite3", "shanxi", "toutou", "ID", "USCC", "Enter"}
WORD = re.compile(r"[A-Za-z][A-Za-z_0-9]+")
PATH = re.compile(r"([A-Za-z]:)?[/\\][^\s，。]*|\w+://\S+|[\w.-]+/[^\s，。]+|\S+\.(png|jpg|pdf|xlsx|sqlite3|xzp|ini|md)\b")


NAMES_SHOWN = {"sidebar", "listView", "treeView"}  # a file dialog's folders and files are the user's names
CODE = re.compile(r"[A-Za-z0-9]*[0-9][A-Za-z0-9]*")  # 统一社会信用代码, visit ids, versions


def _plain(text: str) -> str:
    if "<" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return CODE.sub(" ", PATH.sub(" ", text.replace("&", "")))


def _columns(model) -> int:
    if isinstance(model, QAbstractListModel):  # its columnCount is private in C++
        return 1
    try:
        return model.columnCount()
    except TypeError:  # some models take the parent as a required argument in PySide6
        return model.columnCount(QModelIndex())


def _texts(w: QWidget):
    if isinstance(w, QLabel):
        yield w.text()
    if isinstance(w, QAbstractButton):
        yield w.text()
        yield w.toolTip()
    if isinstance(w, QGroupBox):
        yield w.title()
    if isinstance(w, (QLineEdit, QPlainTextEdit)):
        yield w.placeholderText()
    if isinstance(w, QComboBox):
        yield from (w.itemText(i) for i in range(w.count()))
    if isinstance(w, QTabWidget):
        yield from (w.tabText(i) for i in range(w.count()))
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        m = w.model()
        cols = _columns(m)
        for i in range(min(cols, 12)):
            yield str(m.headerData(i, Qt.Orientation.Horizontal) or "")
        if w.objectName() not in NAMES_SHOWN and not isinstance(w, QHeaderView):  # a header shows headers only
            for r in range(min(m.rowCount(), 10)):
                yield str(m.headerData(r, Qt.Orientation.Vertical) or "")
                for c in range(cols):
                    yield str(m.data(m.index(r, c)) or "")
    if w.isWindow():
        yield w.windowTitle()


def english(root: QWidget) -> list[tuple[str, str]]:
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        for text in _texts(w):
            words = [x for x in WORD.findall(_plain(text or ""))
                     if x not in ALLOWED and not (x.isupper() and len(x) <= 5)]  # ISO, QC, KPI: Chinese usage
            if words:
                found.append((f"{type(w).__name__}#{w.objectName()}", text[:80]))
    return found


@pytest.fixture
def window(qtbot, demo_store, tmp_path):
    make_application()
    w = MainWindow(make_ctx(demo_store, tmp_path), restore_visit=False)
    qtbot.addWidget(w)
    w.resize(1366, 720)
    w.show()
    follow_up = next(r for r in visits.list_visits(demo_store) if r.stage != "前期巡诊")
    w.open_visit(follow_up.id, switch=False)
    settle(qtbot, w.ctx)
    return w


def _visible(cls, parent=None):
    return [d for d in QApplication.topLevelWidgets() if isinstance(d, cls) and d.isVisible()]


def test_every_page_and_dialog_speaks_chinese(qtbot, window):
    for index, name in enumerate(PAGES):
        window.show_page(index)
        settle(qtbot, window.ctx)
        qtbot.wait(50)
        assert english(window) == [], name

    window.show_page(0)
    opened = [window.new_visit(window.current_visit_row.enterprise_id), window.show_keys(), window.about(),
              window.enterprise_page.add_enterprise(), window.summary_page.banner.ask_reason(),
              window.workbench_page.open_team_dialog()]
    summary = window.summary_page
    summary.ui.planView.setCurrentIndex(summary.planModel.index(0, 0))
    opened.append(summary.show_action_history())  # 举措进展与历史
    opened.append(summary.show_case())  # 典型案例
    window.summary_page.finalize_visit()
    settle(qtbot, window.ctx)
    opened += [b for b in window.summary_page.findChildren(QMessageBox) if b.isVisible()]
    for dialog in opened:
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        settle(qtbot, window.ctx)
        assert english(dialog) == [], dialog.windowTitle()
        dialog.close()


def test_qt_own_calendar_file_dialog_and_context_menu_speak_chinese(qtbot, window):
    edit = QDateEdit(QDate(2026, 12, 1), calendarPopup=True)
    qtbot.addWidget(edit)
    calendar: QCalendarWidget = edit.calendarWidget()
    calendar.show()
    month = calendar.findChild(QAbstractButton, "qt_calendar_monthbutton")
    assert "十二月" in month.text()
    view = calendar.findChild(QAbstractItemView, "qt_calendar_calendarview")
    headers = [str(view.model().data(view.model().index(0, c))) for c in range(view.model().columnCount())]
    assert "周一" in headers, headers
    assert english(calendar) == []

    dialog = QFileDialog(window, "导入附件2企业名单", "", "Excel 文件 (*.xlsx)")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.findChild(QWidget, "lookInLabel") is not None  # Qt's own dialog, not a native one
    assert english(dialog) == []
    dialog.close()

    line = QLineEdit("文本")
    qtbot.addWidget(line)
    menu: QMenu = line.createStandardContextMenu()
    labels = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert labels and not any(WORD.findall(re.sub(r"\(.\)|Ctrl\+\w", "", t)) for t in labels), labels


def test_the_filled_in_qt_strings_leave_every_other_text_alone(qtbot):
    from PySide6.QtCore import QCoreApplication

    make_application()
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QAbstractFileIconProvider", "%1 File") == "%1 文件"
    assert QCoreApplication.translate("SettingsPage", "姓名 *") == "姓名 *"  # our own forms' texts
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
