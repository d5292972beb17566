"""The editors of the report content fields: item 亮点, 专家组意见 and 报告信息, the enterprise profile."""

from __future__ import annotations

import os
from datetime import date

from gui_helpers import make_ctx, new_visit, settle, type_chinese
from PySide6.QtCore import QDate, QPoint, Qt

from xunzhen_app.gui.enterprise_dialog import EnterpriseDialog
from xunzhen_app.gui.summary import SummaryPage
from xunzhen_app.gui.workbench import WorkbenchPage
from xunzhen_app.services import enterprises, visits
from xunzhen_app.services.dto import EnterpriseProfile, Interviewee

SHOTS = os.environ.get("XUNZHEN_TEST_SHOTS")  # a folder: save what the tests show, to look at


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


def test_item_strength_is_typed_beside_problem_and_suggestion_and_undone(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.open_visit(vid)
    qtbot.waitUntil(lambda: page.current_code() == "1.1.1", timeout=5000)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # 亮点(&L)
    qtbot.waitUntil(lambda: page.ui.strengthEdit.hasFocus(), timeout=2000)
    type_chinese(page.ui.strengthEdit, "QC成果获省级奖")
    page.commit_pending()
    assert visits.get_visit(store, vid).assessments["1.1.1"].strength == "QC成果获省级奖"
    _shot(page, "item_page")
    qtbot.keyClick(page.ui.strengthEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ctx)
    assert visits.get_visit(store, vid).assessments["1.1.1"].strength == ""
    assert page.ui.strengthEdit.toPlainText() == ""


def _summary(qtbot, ctx, vid) -> SummaryPage:
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.open_visit(vid)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    return page


def test_opinion_signature_and_interviewees_are_edited_on_the_summary_page(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _summary(qtbot, ctx, vid)
    ui = page.ui
    ui.tabs.setCurrentWidget(ui.expertOpinionTab)
    ui.expertOpinionEdit.setFocus()
    type_chinese(ui.expertOpinionEdit, "同意评价结论")

    ui.tabs.setCurrentWidget(ui.reportInfoTab)
    assert ui.organiserEdit.text() == "太原市市场监督管理局"
    ui.organiserEdit.setFocus()
    ui.organiserEdit.selectAll()
    type_chinese(ui.organiserEdit, "山西省市场监督管理局")
    qtbot.keyClick(ui.organiserEdit, Qt.Key.Key_Return)
    ui.reportDateEdit.setDate(QDate(2025, 5, 30))
    ui.reportDateEdit.setFocus()
    qtbot.keyClick(ui.reportDateEdit, Qt.Key.Key_Return)

    qtbot.mouseClick(ui.addIntervieweeButton, Qt.MouseButton.LeftButton)
    type_chinese(ui.intervieweeTable.focusWidget(), "李建国")
    qtbot.keyClick(ui.intervieweeTable.focusWidget(), Qt.Key.Key_Tab)  # to 职务
    type_chinese(ui.intervieweeTable.focusWidget(), "总经理")
    qtbot.keyClick(ui.intervieweeTable.focusWidget(), Qt.Key.Key_Return)
    page.commit_pending()
    settle(qtbot, ctx)
    _shot(page, "summary_report_info")

    # The table's editor hands its text over when it closes, after the key event returns.
    qtbot.waitUntil(lambda: visits.get_visit(store, vid).interviewees == (Interviewee("李建国", "总经理"),),
                    timeout=5000)
    d = visits.get_visit(store, vid)
    assert d.expert_opinion == "同意评价结论"
    assert (d.organiser, d.report_date) == ("山西省市场监督管理局", date(2025, 5, 30))

    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the 职务
    settle(qtbot, ctx)
    assert visits.get_visit(store, vid).interviewees == (Interviewee("李建国", ""),)
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the 姓名, so the row
    settle(qtbot, ctx)
    assert visits.get_visit(store, vid).interviewees == ()
    assert ui.intervieweeTable.rowCount() == 0


def test_a_report_number_another_visit_holds_is_refused_and_shown(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    other = visits.create_visit(store, visits.NewVisit(enterprise_id=visits.get_visit(store, vid).enterprise.id))
    visits.set_visit_field(store, other.id, "report_number", "晋质巡〔2025〕太原-009")
    page = _summary(qtbot, ctx, vid)
    ui = page.ui
    ui.tabs.setCurrentWidget(ui.reportInfoTab)
    ui.reportNumberEdit.setFocus()
    type_chinese(ui.reportNumberEdit, "晋质巡〔2025〕太原-009")
    qtbot.keyClick(ui.reportNumberEdit, Qt.Key.Key_Return)
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: "已用于" in page.errorBanner.text(), timeout=5000)
    qtbot.waitUntil(lambda: ui.reportNumberEdit.text() == "", timeout=5000)  # what is really stored
    assert visits.get_visit(store, vid).report_number == ""


def test_enterprise_profile_is_edited_in_the_dialog(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    info = visits.get_visit(store, vid).enterprise
    dialog = EnterpriseDialog(ctx, info)
    qtbot.addWidget(dialog)
    dialog.resize(760, 560)
    dialog.show()
    ui = dialog.ui
    ui.tabs.setCurrentWidget(ui.profileTab)
    ui.mainProductsEdit.setFocus()
    type_chinese(ui.mainProductsEdit, "矿山机械、液压支架")
    for spin, digits in ((ui.employeesSpin, "860"), (ui.revenueSpin, "126000")):
        spin.setFocus()
        spin.selectAll()  # as entering the field by Tab does
        qtbot.keyClicks(spin, digits)
    ui.certificationsEdit.setFocus()
    qtbot.keyClicks(ui.certificationsEdit, "ISO 9001")
    ui.introductionEdit.setFocus()
    type_chinese(ui.introductionEdit, "老牌装备企业")
    _shot(dialog, "enterprise_profile")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert enterprises.get_enterprise(store, info.id).profile == EnterpriseProfile(
        "矿山机械、液压支架", 860, 126000, "ISO 9001", "老牌装备企业")


def test_enterprise_table_sorts_cities_in_the_province_order_and_names_by_pinyin(qtbot, store, tmp_path):
    from xunzhen_app.gui.enterprise_page import EnterprisePage
    from xunzhen_app.services.dto import EnterpriseInput

    for name, city in [("运城盐化有限公司", "运城市"), ("晋阳重工有限公司", "太原市"), ("长风电气有限公司", "太原市"),
                       ("阳泉耐材有限公司", "阳泉市"), ("大同黄花有限公司", "大同市")]:
        enterprises.create_enterprise(store, EnterpriseInput(name=name, city=city))
    page = EnterprisePage(make_ctx(store, tmp_path))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 5, timeout=5000)

    def names():
        return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]

    assert names() == ["长风电气有限公司", "晋阳重工有限公司", "大同黄花有限公司", "阳泉耐材有限公司", "运城盐化有限公司"]
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + QPoint(header.sectionViewportPosition(0) + 20, 10))
    assert names() == ["长风电气有限公司", "大同黄花有限公司", "晋阳重工有限公司", "阳泉耐材有限公司", "运城盐化有限公司"]
