"""The 汇总台: batch import with preview, unknown senders, overview, conflicts, sync (pytest-qt, offscreen).

Two real installations (expert and bureau) exchange real signed packages.
"""

from __future__ import annotations

import pytest
from exchange_helpers import db_fingerprint, seed_visit
from gui_helpers import make_ctx, settle
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from xunzhen_app.gui.bureau_page import BureauPage
from xunzhen_app.gui.main_window import BUREAU, PAGES, SETTINGS, MainWindow
from xunzhen_app.services import enterprises, experts, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.exchange import conflicts, signing, sync
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.merge import import_package

pytest.importorskip("pytestqt")

WAIT = 10000


@pytest.fixture
def page(qtbot, bureau, tmp_path):
    ctx = make_ctx(bureau.store, tmp_path)
    p = BureauPage(ctx)
    qtbot.addWidget(p)
    p.resize(1234, 700)
    p.show()
    p.refresh()
    settle(qtbot, ctx)
    yield p
    ctx.tasks.flush()


def expert_visit(side, name: str, city: str, ctype: str, levels: dict[str, int]) -> str:
    me = experts.profile(side.store) or experts.save_profile(side.store, "张专家", "山西省质量专家库")
    e = enterprises.create_enterprise(side.store, EnterpriseInput(name=name, city=city, cultivation_type=ctype))
    vid = visits.create_visit(side.store, visits.NewVisit(enterprise_id=e.id, team=(me.id,))).id
    for code, level in levels.items():
        visits.rate_item(side.store, vid, code, level=level)
    return vid


def three_packages(expert, folder):
    """Three visits in three files: goal 1 scores 2, 4 and 4."""
    folder.mkdir()
    specs = [("甲机械有限公司", "太原市", "领军型", 2), ("乙化工有限公司", "大同市", "重点培育型", 4),
             ("丙食品有限公司", "太原市", "重点培育型", 4)]
    for n, (name, city, ctype, level) in enumerate(specs):
        vid = expert_visit(expert, name, city, ctype, {"1.1.1": level})
        export_package(expert.store, expert.keys, visit_refs=[vid]).write(folder / f"包{n + 1}.xzp")
    return [s[0] for s in specs]


def import_dialog(qtbot, page):
    qtbot.waitUntil(lambda: page.batch_import is not None and page.batch_import.dialog is not None
                    and page.batch_import.dialog.isVisible(), timeout=WAIT)
    return page.batch_import.dialog


def cell(model, row: int, col: int | str) -> str:
    """A cell's text; a column may be named by its header."""
    if isinstance(col, str):
        col = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(col)
    return model.index(row, col).data()


def close_message_boxes(widget) -> list[str]:
    texts = []
    for box in widget.findChildren(QMessageBox):
        if box.isVisible():
            texts.append(box.text())
            box.close()
    return texts


def test_dropped_folder_is_previewed_and_written_only_after_import(qtbot, page, expert, bureau, tmp_path):
    bureau.trust(expert)
    names = three_packages(expert, tmp_path / "in")
    before = db_fingerprint(bureau.store)

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "in"))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Straight to the page, as the platform's drag manager would deliver them (it refuses synthetic drops).
    enter = QDragEnterEvent(QPoint(20, 20), *args)
    page.event(enter)
    assert enter.isAccepted()
    page.event(QDropEvent(QPointF(20, 20), *args))
    dialog = import_dialog(qtbot, page)
    model = dialog.model
    assert [cell(model, r, 0) for r in range(model.rowCount())] == ["包1.xzp", "包2.xzp", "包3.xzp"]
    assert all(cell(model, r, "结果") == "可导入" and int(cell(model, r, "新增")) > 0 for r in range(3))
    assert "共 3 个数据包，可导入 3 个" in dialog.ui.summaryLabel.text()
    assert "新增" in dialog.ui.detailText.toPlainText()
    assert db_fingerprint(bureau.store) == before  # the preview wrote nothing

    dialog.ui.importButton.click()
    qtbot.waitUntil(lambda: page.overview.rowCount() == 3, timeout=WAIT)
    assert sorted(r.enterprise for r in page.overview.rows()) == sorted(names)
    assert "已导入 3 个数据包" in page.ui.lastImportText.toPlainText()
    qtbot.waitUntil(lambda: page.imports.rowCount() == 3, timeout=WAIT)  # the history keeps the reports
    assert any("已导入 3 个数据包" in t for t in close_message_boxes(page))


def test_unknown_sender_is_asked_about_and_no_leaves_the_store_alone(qtbot, page, expert, bureau, tmp_path):
    vid = seed_visit(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "陌生.xzp")
    before = db_fingerprint(bureau.store)
    page.import_paths([path])
    dialog = import_dialog(qtbot, page)
    assert "未登记" in cell(dialog.model, 0, "结果")
    dialog.ui.importButton.click()
    box = dialog.question
    assert box is not None and box.isVisible()
    for shown in ("发送者未在本机登记", expert.keys.name, signing.pretty(expert.keys.fingerprint), "仍然导入？"):
        assert shown in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: "没有导入" in page.ui.lastImportText.toPlainText(), timeout=WAIT)
    settle(qtbot, page.ctx)
    assert db_fingerprint(bureau.store) == before and page.overview.rowCount() == 0

    page.import_paths([path])
    dialog = import_dialog(qtbot, page)
    dialog.ui.importButton.click()
    dialog.question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.overview.rowCount() == 1, timeout=WAIT)
    assert [c.fingerprint for c in signing.list_cards(bureau.store)] == [expert.keys.fingerprint]
    close_message_boxes(page)


def test_filters_narrow_the_rows_and_the_distribution_follows_the_scores(qtbot, page, expert, bureau, tmp_path):
    bureau.trust(expert)
    three_packages(expert, tmp_path / "in")
    for f in sorted((tmp_path / "in").glob("*.xzp")):
        import_package(bureau.store, bureau.keys, f)
    page.refresh()
    qtbot.waitUntil(lambda: page.overview.rowCount() == 3, timeout=WAIT)

    def goal_one():
        return next(d for d in page.distribution.rows() if d.code == "1")

    assert goal_one().counts == (0, 1, 0, 2, 0) and goal_one().median == 4.0
    assert cell(page.distribution, page.distribution.rows().index(goal_one()), "先进级") == "2"
    ui = page.ui
    ui.cityFilter.setCurrentIndex(ui.cityFilter.findData("大同市"))
    assert page.proxy.rowCount() == 1 and page.proxy.visible_rows()[0].enterprise == "乙化工有限公司"
    assert goal_one().counts == (0, 0, 0, 1, 0)
    ui.cityFilter.setCurrentIndex(0)
    ui.typeFilter.setCurrentIndex(ui.typeFilter.findData("重点培育型"))
    assert page.proxy.rowCount() == 2
    ui.statusFilter.setCurrentIndex(ui.statusFilter.findData("已定稿"))
    assert page.proxy.rowCount() == 0 and "0 次巡诊" in ui.countLabel.text()
    ui.statusFilter.setCurrentIndex(0)
    ui.deliveryFilter.setCurrentIndex(ui.deliveryFilter.findData("已交付"))
    assert page.proxy.rowCount() == 2  # imported, so delivered
    ui.stageFilter.setCurrentIndex(ui.stageFilter.findData("成效总结"))
    assert page.proxy.rowCount() == 0


def test_an_enterprise_without_visits_is_listed(qtbot, page, bureau):
    enterprises.create_enterprise(bureau.store, EnterpriseInput(name="未访机械有限公司", city="晋中市"))
    page.refresh()
    qtbot.waitUntil(lambda: page.unvisited_proxy.rowCount() == 1, timeout=WAIT)
    assert cell(page.unvisited_proxy, 0, 0) == "未访机械有限公司"
    assert page.ui.tabs.tabText(1) == "未巡诊企业（1）"
    page.ui.cityFilter.setCurrentIndex(page.ui.cityFilter.findData("太原市"))
    assert page.unvisited_proxy.rowCount() == 0


def test_conflict_side_by_side_resolves_to_exactly_the_chosen_values(qtbot, page, expert, bureau, tmp_path):
    vid = seed_visit(expert)
    bureau.trust(expert)
    first = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p1.xzp")
    import_package(bureau.store, bureau.keys, first)
    visits.set_visit_field(bureau.store, vid, "summary", "市局意见")
    visits.set_visit_field(bureau.store, vid, "report_number", "市局-001")
    visits.set_visit_field(expert.store, vid, "summary", "专家意见")
    visits.set_visit_field(expert.store, vid, "report_number", "ZJ-7")
    second = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p2.xzp")
    assert import_package(bureau.store, bureau.keys, second).conflicts

    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1, timeout=WAIT)
    assert page.ui.conflictBannerButton.isVisible() and "1 项冲突" in page.ui.conflictBannerButton.text()
    assert page.ui.tabs.tabText(2) == "待解决冲突（1）"
    page.ui.conflictBannerButton.click()
    page.ui.conflictTable.selectRow(0)
    page.ui.resolveButton.click()
    dialog = page.conflict_dialog
    assert dialog.isVisible() and expert.keys.name in dialog.ui.infoLabel.text()
    model, view = dialog.model, dialog.ui.fieldTable
    shown = {cell(model, r, 0): (cell(model, r, 1), cell(model, r, 2)) for r in range(model.rowCount())}
    assert shown == {"巡诊总结": ("市局意见", "专家意见"), "报告编号": ("市局-001", "ZJ-7")}

    summary_row = [cell(model, r, 0) for r in range(model.rowCount())].index("巡诊总结")
    number_row = 1 - summary_row
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(summary_row, 2)).center())  # 导入 for the summary
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(number_row, 1)).center())  # 本机 for the number
    assert cell(model, summary_row, 3) == "专家意见" and cell(model, number_row, 3) == "市局-001"
    dialog.ui.resolveButton.click()
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0, timeout=WAIT)
    d = visits.get_visit(bureau.store, vid)
    assert (d.summary, d.report_number) == ("专家意见", "市局-001")
    assert conflicts.list_conflicts(bureau.store) == []
    assert not page.ui.conflictBannerButton.isVisible()


def test_an_edited_value_is_checked_and_stored(qtbot, page, expert, bureau, tmp_path):
    vid = seed_visit(expert)
    bureau.trust(expert)
    import_package(bureau.store, bureau.keys, export_package(expert.store, expert.keys, visit_refs=[vid])
                   .write(tmp_path / "p1.xzp"))
    visits.set_visit_field(bureau.store, vid, "summary", "市局意见")
    visits.set_visit_field(expert.store, vid, "summary", "专家意见")
    import_package(bureau.store, bureau.keys, export_package(expert.store, expert.keys, visit_refs=[vid])
                   .write(tmp_path / "p2.xzp"))
    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1, timeout=WAIT)
    dialog = page.resolve_conflict(page.conflicts.row_at(0))
    assert dialog.model.setData(dialog.model.index(0, 3), "两方意见合并")
    dialog.ui.resolveButton.click()
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0, timeout=WAIT)
    assert visits.get_visit(bureau.store, vid).summary == "两方意见合并"


def test_sync_button_imports_a_package_dropped_in_the_folder(qtbot, page, expert, bureau, tmp_path):
    vid = seed_visit(expert)
    expert.trust(bureau)
    bureau.trust(expert)
    folder = tmp_path / "共享"
    folder.mkdir()
    assert len(sync.sync_folder(expert.store, expert.keys, folder).written) == 1
    page.ui.syncFolderEdit.setText(str(folder))
    page.ui.syncButton.click()
    qtbot.waitUntil(lambda: page.overview.rowCount() == 1, timeout=WAIT)
    assert page.overview.row_at(0).visit_id == vid
    assert "导入 1 个数据包" in page.ui.syncMessage.text()
    assert len(list(folder.glob("xunzhen-receipt-*.xzp"))) == 1  # answered with a receipt
    assert page.ctx.settings.value("bureau/sync_folder") == str(folder)


def test_sync_sends_new_visits_only_to_the_chosen_card(qtbot, expert, bureau, tmp_path):
    vid = seed_visit(expert)
    expert.trust(bureau)
    folder = tmp_path / "U盘"
    folder.mkdir()
    ctx = make_ctx(expert.store, tmp_path)
    desk = BureauPage(ctx)
    qtbot.addWidget(desk)
    desk.refresh()
    combo = desk.ui.sendToCombo
    qtbot.waitUntil(lambda: combo.count() == 2, timeout=WAIT)
    assert combo.currentText() == "（不发送）"  # nothing leaves until the user says to whom
    desk.ui.syncFolderEdit.setText(str(folder))
    desk.ui.syncButton.click()
    qtbot.waitUntil(lambda: "同步完成" in desk.ui.syncMessage.text(), timeout=WAIT)
    assert list(folder.iterdir()) == []

    combo.setCurrentIndex(combo.findData(bureau.keys.fingerprint))
    desk.ui.syncButton.click()
    qtbot.waitUntil(lambda: "数据包 1 个" in desk.ui.syncMessage.text(), timeout=WAIT)
    assert ctx.settings.value("bureau/sync_send_to") == bureau.keys.fingerprint
    report = sync.sync_folder(bureau.store, bureau.keys, folder, accept_unknown=True, recipients=[])
    assert [r.summary() for r in report.imported] and visits.get_visit(bureau.store, vid).row.id == vid


def test_main_window_has_the_bureau_desk_and_keeps_settings(qtbot, bureau, tmp_path):
    enterprises.create_enterprise(bureau.store, EnterpriseInput(name="未访机械有限公司", city="晋中市"))
    window = MainWindow(make_ctx(bureau.store, tmp_path), restore_visit=False)
    qtbot.addWidget(window)
    assert [b.text() for b in window.nav_buttons] == list(PAGES)
    assert PAGES[BUREAU] == "汇总台" and PAGES[SETTINGS] == "设置"
    assert "Ctrl+4" in window.nav_buttons[BUREAU].toolTip()
    window.nav_buttons[BUREAU].click()
    assert window.stack.currentWidget() is window.bureau_page
    qtbot.waitUntil(lambda: window.bureau_page.unvisited.rowCount() == 1, timeout=WAIT)  # loaded when shown
    window.show_page(SETTINGS)
    assert window.stack.currentWidget() is window.settings_page
    window.close()


def test_exports_cover_exactly_the_filtered_visits(qtbot, demo_store, tmp_path):
    import zipfile

    from openpyxl import load_workbook

    ctx = make_ctx(demo_store, tmp_path)
    page = BureauPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.overview.rowCount() > 0, timeout=WAIT)
    page.ui.cityFilter.setCurrentIndex(page.ui.cityFilter.findData("太原市"))
    shown = page.proxy.visible_rows()
    assert 1 < len(shown) < page.overview.rowCount()

    book = tmp_path / "汇总.xlsx"
    page.export_workbook(book)
    qtbot.waitUntil(book.exists, timeout=WAIT)
    ws = load_workbook(book)["成熟度汇总"]
    names = {c.value for c in ws["B"]} | {c.value for c in ws["A"]}
    # 成熟度汇总 takes each firm's latest finalized visit: a firm shown with drafts only is not in it.
    finalized = {r.enterprise for r in shown if r.status == "已定稿"}
    assert finalized and finalized <= names and not ({r.enterprise for r in shown} - finalized) & names

    archive = tmp_path / "报告.zip"
    page.export_pdfs(archive)
    qtbot.waitUntil(archive.exists, timeout=60000)
    with zipfile.ZipFile(archive) as zf:
        pdfs = [n for n in zf.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == len(shown)
    settle(qtbot, ctx)
    close_message_boxes(page)
