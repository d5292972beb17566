"""企业库 › 导入附件2名单: checked first, imported behind the progress dialog, 取消 imports nothing."""

from __future__ import annotations

import threading

from gui_helpers import make_ctx, settle
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from shiboken6 import isValid
from sqlalchemy import event

from xunzhen_app.gui.enterprise_page import EnterprisePage
from xunzhen_app.gui.long_task import LongTaskDialog
from xunzhen_app.services import enterprises
from xunzhen_app.services.dto import EnterpriseInput

CITIES = ("太原市", "大同市", "长治市", "晋中市", "运城市")


def _annex2(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["质量强省领军企业重点培育名单"])
    ws.append(["序号", "企业名称", "所属地市", "培育类型", "备注"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _rows(n):
    return [[k + 1, f"导入测试{k + 1:02d}有限公司", CITIES[k % len(CITIES)], "重点培育型", ""] for k in range(n)]


def _page(qtbot, ctx):
    page = EnterprisePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    settle(qtbot, ctx)
    return page


def _table(store):
    return sorted((e.name, e.city, e.cultivation_type, e.notes) for e in enterprises.list_enterprises(store))


def _import_dialog(page) -> LongTaskDialog | None:
    for d in page.findChildren(LongTaskDialog):
        if isValid(d) and d.isVisible() and "/12）" in d.labelText():
            return d
    return None


def test_cancel_part_way_leaves_the_enterprise_table_unchanged(qtbot, store, tmp_path):
    enterprises.create_enterprise(store, EnterpriseInput(name="导入测试03有限公司", city="长治市",
                                                         cultivation_type="领军型", notes="原有"))
    before = _table(store)
    ctx = make_ctx(store, tmp_path)
    page = _page(qtbot, ctx)
    reached, go_on = threading.Event(), threading.Event()
    inserts = []

    # Hold the worker inside the transaction, as the rows are written (one statement for all of
    # them), until 取消 has been pressed.
    def hold(conn, cursor, statement, *args):
        if statement.startswith("INSERT INTO enterprise "):
            inserts.append(statement)
            if len(inserts) == 1:
                reached.set()
                go_on.wait(5)

    event.listen(store.engine, "before_cursor_execute", hold)
    try:
        page.import_file(_annex2(tmp_path / "名单.xlsx", _rows(12)))
        qtbot.waitUntil(reached.is_set, timeout=5000)  # the check runs first, then the import
        # The check's own progress dialog may still be there, closed and about to be deleted: wait for
        # the import's.
        qtbot.waitUntil(lambda: _import_dialog(page) is not None, timeout=5000)
        dialog = _import_dialog(page)
        assert "正在导入" in dialog.labelText()
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        assert dialog.labelText() == "正在取消，请稍候…"
        go_on.set()
        settle(qtbot, ctx)
        qtbot.waitUntil(lambda: getattr(page, "last_import_message", "") != "", timeout=5000)
    finally:
        event.remove(store.engine, "before_cursor_execute", hold)
    assert page.last_import_message == "已取消，未导入任何企业"
    assert _table(store) == before  # neither the 5 new rows nor the update of 导入测试03 were kept
    assert page.import_button.isEnabled()


def test_full_import_after_skipping_invalid_rows(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    page = _page(qtbot, ctx)
    rows = _rows(4) + [[5, "无效地市有限公司", "石家庄市", "领军型", ""]]
    page.import_file(_annex2(tmp_path / "名单.xlsx", rows))
    qtbot.waitUntil(lambda: page.findChild(QMessageBox) is not None, timeout=5000)
    box = page.findChild(QMessageBox)
    assert "1 行无效" in box.text() and "第 7 行" in box.detailedText()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: getattr(page, "last_import_message", "") != "", timeout=5000)
    assert page.last_import_message == "导入完成：新增 4 家，更新 0 家，跳过无效行 1 行"
    assert [name for name, *_ in _table(store)] == [f"导入测试{k:02d}有限公司" for k in range(1, 5)]
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    assert page.import_button.isEnabled()


def test_declining_the_invalid_rows_imports_nothing(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    page = _page(qtbot, ctx)
    page.import_file(_annex2(tmp_path / "名单.xlsx", _rows(2) + [[3, "", "太原市", "领军型", ""]]))
    qtbot.waitUntil(lambda: page.findChild(QMessageBox) is not None, timeout=5000)
    assert not page.import_button.isEnabled()
    page.findChild(QMessageBox).button(QMessageBox.StandardButton.Cancel).click()
    settle(qtbot, ctx)
    assert page.import_button.isEnabled()
    assert _table(store) == []
