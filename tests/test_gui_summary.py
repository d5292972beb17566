"""评价总结: goal table and radar, problems and plan rows persist, 定稿 and 重新打开."""

from __future__ import annotations

from gui_helpers import confirm_finalize, make_ctx, new_visit, settle, type_chinese
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from xunzhen_app.gui.summary import SummaryPage
from xunzhen_app.gui.widgets.locked_banner import ReopenDialog
from xunzhen_app.gui.workbench import WorkbenchPage
from xunzhen_app.services import visits


def _page(qtbot, ctx, visit_id, size=(1180, 700)):
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.open_visit(visit_id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    return page


def _not_blank(widget) -> bool:
    image = widget.grab().toImage()
    first = image.pixelColor(0, 0)
    step = max(1, image.width() // 40)
    return any(image.pixelColor(x, y) != first
               for x in range(0, image.width(), step) for y in range(0, image.height(), step))


def test_goal_rows_radar_and_unrated_items(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    visits.rate_item(store, vid, "1.1.1", level=4)
    visits.rate_item(store, vid, "3.1.1", level=3, check_passed=False)
    page = _page(qtbot, ctx, vid)
    model = page.goalModel
    assert model.rowCount() == 6 + 1  # six goals and 总体
    assert model.index(0, 1).data() == "4.0（暂定）"
    assert model.index(2, 4).data() == "3.1.1"
    assert model.index(2, 4).data(9) == QColor("#c0392b")  # ForegroundRole: 否决项 in red
    assert "否决项未通过" in page.ui.overallLabel.text()
    assert page.unratedModel.rowCount() == 22
    assert _not_blank(page.radar)

    requested = []
    page.itemRequested.connect(lambda v, c: requested.append((v, c)))
    page.ui.tabs.setCurrentWidget(page.ui.unratedTab)
    page.ui.unratedView.clicked.emit(page.unratedModel.index(0))
    assert requested == [(vid, "1.1.2")]


def test_summary_problems_and_plan_persist(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    visits.set_item_text(store, vid, "1.1.2", "problem", "制度未及时修订")
    page = _page(qtbot, ctx, vid)
    page.ui.summaryEdit.setPlainText("总体规范")
    page.ui.planMeasureInput.setText("建立质量数据平台")
    page.ui.addPlanButton.click()
    qtbot.waitUntil(lambda: page.planModel.rowCount() == 1, timeout=5000)
    assert page.planModel.setData(page.planModel.index(0, page.planModel.FIELDS.index("department")), "信息中心")

    dialog = page.pick_problems()
    assert dialog.model.rowCount() == 1
    dialog.accept()
    qtbot.waitUntil(lambda: page.problemModel.rowCount() == 1, timeout=5000)
    page.add_problems([(None, "品牌投入不足")])
    qtbot.waitUntil(lambda: page.problemModel.rowCount() == 2, timeout=5000)
    page.ui.problemView.setCurrentIndex(page.problemModel.index(1))
    page.ui.problemUpButton.click()
    page.commit_pending()
    settle(qtbot, ctx)

    detail = visits.get_visit(store, vid)
    assert detail.summary == "总体规范"
    assert [(p.department, p.measure) for p in detail.plan] == [("信息中心", "建立质量数据平台")]
    assert [(p.text, p.item_code) for p in detail.problems] == [("品牌投入不足", None), ("制度未及时修订", "1.1.2")]


def test_finalize_locks_and_reopen_keeps_reason(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _page(qtbot, ctx, vid)
    visits.rate_item(store, vid, "3.1.1", level=2, check_passed=False)
    visits.add_problem(store, vid, "近一年有省级抽查不合格记录", "3.1.1")  # 定稿 needs a failed veto written up
    page.ui.finalizeButton.click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)), timeout=5000)
    [box] = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    box.button(QMessageBox.StandardButton.Cancel).click()  # 取消: nothing happens
    settle(qtbot, ctx)
    assert visits.get_visit(store, vid).row.status == "草稿"

    text = confirm_finalize(qtbot, page)
    for gap in ("未评条目 23 项：1.1.1、", "否决项未通过：3.1.1", "“一企一策”（帮扶举措）为空"):
        assert gap in text
    assert "主要问题”为空" not in text
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert page.ui.summaryEdit.isReadOnly() and not page.ui.addPlanButton.isEnabled()
    assert visits.get_visit(store, vid).row.status == "已定稿"
    assert "已定稿" in page.ui.titleLabel.text() and "测试机械有限公司" in page.ui.titleLabel.text()

    qtbot.mouseClick(page.banner.reopenButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.window().findChildren(ReopenDialog)), timeout=5000)
    [dialog] = [d for d in page.window().findChildren(ReopenDialog) if d.isVisible()]
    assert not dialog.okButton.isEnabled()
    qtbot.keyClicks(dialog.reasonEdit, "   ")
    assert not dialog.okButton.isEnabled()  # blanks are no reason
    type_chinese(dialog.reasonEdit, "补充现场照片")
    assert dialog.okButton.isEnabled()
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=5000)
    assert not page.ui.summaryEdit.isReadOnly()
    assert any(h.reason == "补充现场照片" for h in visits.history(store, vid))


def test_both_pages_render_demo_data_at_1366x768(qtbot, demo_store, tmp_path):
    ctx = make_ctx(demo_store, tmp_path)
    follow_up = next(r for r in visits.list_visits(demo_store) if r.stage != "前期巡诊")
    summary = _page(qtbot, ctx, follow_up.id, size=(1366, 768))
    headers = [summary.goalModel.headerData(c, Qt.Orientation.Horizontal) for c in range(summary.goalModel.columnCount())]
    if visits.get_visit(demo_store, follow_up.id).previous.stage == "前期巡诊":  # the baseline is the previous visit
        assert headers[5:] == ["上次得分", "较上次"]
    else:
        assert headers[5:] == ["前期得分", "上次得分", "较上次", "较前期"]
    assert _not_blank(summary.radar)
    workbench = WorkbenchPage(ctx)
    qtbot.addWidget(workbench)
    workbench.resize(1366, 768)
    workbench.show()
    workbench.open_visit(follow_up.id, "1.1.2")
    qtbot.waitUntil(lambda: workbench.current_code() == "1.1.2", timeout=5000)
    qtbot.waitUntil(lambda: workbench.attachmentModel.rowCount() >= 1, timeout=5000)
    assert not workbench.grab().isNull() and not summary.grab().isNull()


def test_splitter_sizes_are_remembered(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _page(qtbot, ctx, vid)
    page.ui.splitter.setSizes([500, 660])
    page.ui.splitter.splitterMoved.emit(500, 1)  # what dragging the handle sends
    sizes = page.ui.splitter.sizes()
    ctx.settings.sync()
    again = _page(qtbot, make_ctx(store, tmp_path), vid)
    assert again.ui.splitter.sizes() == sizes


def test_row_models_stay_consistent_when_rows_move(qtmodeltester):
    from xunzhen_app.gui.summary_models import PlanTableModel, ProblemListModel
    from xunzhen_app.services.dto import PlanRow, ProblemData

    problems = ProblemListModel()
    problems.set_rows([ProblemData(str(n), f"问题{n}") for n in range(3)])
    qtmodeltester.check(problems)
    problems.move(0, 2)
    problems.move(2, 1)
    problems.set_field("2", "text", "改过")
    assert [p.text for p in problems.rows()] == ["问题1", "问题0", "改过"]
    assert problems.index(0).data() == "1. 问题1"

    plan = PlanTableModel()
    plan.set_rows([PlanRow(str(n), f"措施{n}") for n in range(3)])
    qtmodeltester.check(plan)
    plan.move(2, 0)
    plan.set_field("1", "owner", "张伟")
    assert [(r.measure, r.owner) for r in plan.rows()] == [("措施2", ""), ("措施0", ""), ("措施1", "张伟")]
    qtmodeltester.check(plan)


def test_summary_page_offers_the_report_of_the_open_visit(qtbot, store, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from xunzhen_app.gui.report_preview import ReportPreviewDialog

    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _page(qtbot, ctx, vid, size=(1366, 720))
    actions = page.report_actions
    assert actions.isVisible() and actions.preview_button.isEnabled()
    assert page.ui.finalizeButton.isVisible()  # still on screen beside the report buttons
    qtbot.mouseClick(actions.preview_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreviewDialog) and w.isVisible())
    with qtbot.waitSignal(dialog.opened, timeout=30000):
        settle(qtbot, ctx)
    assert dialog.visit_id == vid and dialog.page_count > 1
    dialog.close()
    settle(qtbot, ctx)


def test_plan_due_dates_are_typed_checked_and_overdue_marked(qtbot, store, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from xunzhen_app.gui.summary_models import RED

    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    visits.add_plan_row(store, vid, measure="建立质量数据平台", status="进行中")
    page = _page(qtbot, ctx, vid)
    view, model = page.ui.planView, page.planModel
    due = model.index(0, model.FIELDS.index("due"))

    def type_into(index, text):
        view.setFocus()
        view.setCurrentIndex(index)
        # The editor of an earlier edit may still await its deletion: take the one F2 opens.
        before = set(view.findChildren(QLineEdit))
        qtbot.keyClick(view, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: bool(set(view.findChildren(QLineEdit)) - before), timeout=5000)
        [editor] = set(view.findChildren(QLineEdit)) - before
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    type_into(due, "2025/10/31")  # (QTest types ASCII only)
    qtbot.waitUntil(lambda: page.errorBanner.isVisible(), timeout=5000)
    assert "完成时限" in page.errorBanner.text() and due.data() == ""
    type_into(due, "2020-10-31")
    qtbot.waitUntil(lambda: visits.get_visit(store, vid).plan[0].due is not None, timeout=5000)
    status = model.index(0, model.FIELDS.index("status"))
    assert status.data() == "进行中（逾期）" and status.data(Qt.ItemDataRole.ForegroundRole) == RED
    page.commit_pending()
    settle(qtbot, ctx)
    assert str(visits.get_visit(store, vid).plan[0].due) == "2020-10-31"
