"""企业库 with lists as bureaus receive them: the import's box lists every normalisation, the list shows a
listed type that disagrees with the honours, and the dialog offers no level for 山西精品."""

from __future__ import annotations

from gui_helpers import make_ctx, settle
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from xunzhen_app.core.domain import Honour, HonourKind, HonourLevel
from xunzhen_app.gui.enterprise_dialog import EnterpriseDialog
from xunzhen_app.gui.enterprise_page import EnterprisePage
from xunzhen_app.gui.table_models import TYPE_CHECK_COLUMN
from xunzhen_app.services import enterprises
from xunzhen_app.services.dto import EnterpriseInput


def _page(qtbot, ctx):
    page = EnterprisePage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 640)
    page.show()
    settle(qtbot, ctx)
    return page


def test_the_import_box_lists_the_readings(qtbot, store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "单位名称", "地市", "培育类型", "联系人"])
    ws.append([1, "晋阳机械有限公司", "太原", "领军型企业", "王芳"])
    wb.save(tmp_path / "名单.xlsx")
    ctx = make_ctx(store, tmp_path)
    page = _page(qtbot, ctx)
    page.import_file(tmp_path / "名单.xlsx")
    qtbot.waitUntil(lambda: getattr(page, "last_import_message", "") != "", timeout=5000)
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    assert box.text().startswith("导入完成：新增 1 家")
    details = box.detailedText()
    assert "所属地市“太原”读作“太原市”：第 2 行" in details and "列名“单位名称”（B 列）读作“企业名称”" in details
    assert "培育类型“领军型企业”读作“领军型”" in details


def test_the_list_shows_a_type_that_disagrees_with_the_honours(qtbot, store, tmp_path):
    enterprises.create_enterprise(store, EnterpriseInput(
        name="甲装备有限公司", city="太原市", county="清徐县", cultivation_type="重点培育型",
        honours=(Honour(HonourKind.QUALITY_AWARD, HonourLevel.PROVINCIAL, 2023),)))
    enterprises.create_enterprise(store, EnterpriseInput(
        name="乙食品有限公司", city="太原市", cultivation_type="领军型",
        honours=(Honour(HonourKind.CHAIN_LEADER, None, 2024),)))
    enterprises.create_enterprise(store, EnterpriseInput(name="丙材料有限公司", city="太原市", cultivation_type="领军型"))
    ctx = make_ctx(store, tmp_path)
    page = _page(qtbot, ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    view = page.table
    shown = {}
    for row in range(view.model().rowCount()):
        name = view.model().index(row, 0).data()
        shown[name] = (view.model().index(row, TYPE_CHECK_COLUMN).data(), view.model().index(row, 2).data())
    assert shown["甲装备有限公司"] == ("建议改为领军型", "清徐县（质量强县）")
    assert shown["乙食品有限公司"][0] == "待补荣誉级别"
    assert shown["丙材料有限公司"][0] == ""  # no honours recorded: nothing to check against
    header = view.model().headerData(TYPE_CHECK_COLUMN, Qt.Orientation.Horizontal)
    assert header == "类型核对"
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).data() == "乙食品有限公司")
    tip = view.model().index(row, TYPE_CHECK_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "请补充省级" in tip


def test_the_dialog_offers_no_level_for_shanxi_jingpin_and_asks_for_a_missing_one(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    dialog = EnterpriseDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    ui.tabs.setCurrentWidget(ui.honoursTab)
    kind = ui.honourKindCombo
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Home)
    assert kind.currentData() == HonourKind.QUALITY_AWARD
    qtbot.mouseClick(ui.addHonourButton, Qt.MouseButton.LeftButton)  # level left at （不分级别）
    assert ui.suggestionLabel.text().startswith("请补充：") and "省级" in ui.suggestionLabel.text()
    kind.setFocus()
    for _ in range(kind.findData(HonourKind.SHANXI_JINGPIN)):
        qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert kind.currentData() == HonourKind.SHANXI_JINGPIN
    assert not ui.honourLevelCombo.isEnabled() and ui.honourLevelCombo.currentData() is None


def test_the_dialog_suggests_from_the_honour_added(qtbot, store, tmp_path):
    dialog = EnterpriseDialog(make_ctx(store, tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    ui.tabs.setCurrentWidget(ui.honoursTab)
    ui.honourKindCombo.setFocus()
    qtbot.keyClick(ui.honourKindCombo, Qt.Key.Key_Home)  # 政府质量奖
    ui.honourLevelCombo.setFocus()
    for _ in range(ui.honourLevelCombo.findData(HonourLevel.PROVINCIAL)):
        qtbot.keyClick(ui.honourLevelCombo, Qt.Key.Key_Down)
    qtbot.mouseClick(ui.addHonourButton, Qt.MouseButton.LeftButton)
    assert ui.suggestionLabel.text().startswith("建议：领军型（")
