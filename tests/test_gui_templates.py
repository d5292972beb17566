"""设置 → 检查表模板: preview and install a workbook, see a broken one refused, retire a version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gui_helpers import make_ctx
from openpyxl import Workbook
from PySide6.QtCore import Qt

from xunzhen_app.core.checklist import load_template_file
from xunzhen_app.gui.settings_page import SettingsPage
from xunzhen_app.services import checklists
from xunzhen_app.services.checklist_workbook import write_template_workbook

FOUR = load_template_file(Path(__file__).parent / "data" / "four-level-template.json")


def _page(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    qtbot.waitUntil(lambda: page.templates.model.rowCount() > 0, timeout=5000)
    return ctx, page


def _click_row(qtbot, manager, row):
    view = manager.view
    rect = view.visualRect(manager.model.index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_workbook_is_previewed_then_installed_and_offered_for_new_visits(qtbot, store, tmp_path):
    _, page = _page(qtbot, store, tmp_path)
    manager = page.templates
    path = write_template_workbook(FOUR, tmp_path / "four.xlsx")
    manager.preview(path)
    qtbot.waitUntil(lambda: manager.dialog is not None and manager.dialog.isVisible(), timeout=5000)
    dialog = manager.dialog
    assert "4 级量表：起步、成长、成熟、卓越" in dialog.summary.text() and "否决项 1.1.2" in dialog.summary.text()
    assert dialog.tree.topLevelItemCount() == 3 and dialog.tree.topLevelItem(0).child(0).childCount() == 2
    assert not checklists.install_problem(store, FOUR)  # nothing installed by the preview
    qtbot.mouseClick(dialog.installButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.template.id == "county-four" for r in manager.model.rows()), timeout=5000)
    qtbot.waitUntil(lambda: page.ui.defaultTemplateCombo.findData("county-four") >= 0, timeout=5000)
    assert "county-four" in [t.id for t in checklists.usable_templates(store)]


def test_a_broken_workbook_shows_its_problem_and_cannot_be_installed(qtbot, store, tmp_path):
    _, page = _page(qtbot, store, tmp_path)
    wb = Workbook()
    wb.active.title = "信息"
    for row in (["编号", "x"], ["版本", "1"], ["标题", "x"]):
        wb.active.append(row)
    wb.create_sheet("条目").append(["培育目标", "主要举措", "具体内容"])
    wb.save(tmp_path / "broken.xlsx")
    page.templates.preview(tmp_path / "broken.xlsx")
    qtbot.waitUntil(lambda: page.templates.dialog is not None and page.templates.dialog.isVisible(), timeout=5000)
    dialog = page.templates.dialog
    assert "工作表“量表”" in dialog.problem.text() and "缺少该工作表" in dialog.problem.text()
    assert dialog.problem.isVisible() and not dialog.installButton.isEnabled()


def test_retiring_a_version_keeps_it_listed_but_not_offered(qtbot, store, tmp_path):
    checklists.install(store, FOUR)
    checklists.install(store, replace(FOUR, version="2027.1"))
    _, page = _page(qtbot, store, tmp_path)
    manager = page.templates
    qtbot.waitUntil(lambda: manager.model.rowCount() == 3, timeout=5000)
    row = next(n for n, r in enumerate(manager.model.rows()) if r.key == ("county-four", "2026.1"))
    _click_row(qtbot, manager, row)
    assert manager.retireButton.text() == "停用此版本"
    qtbot.mouseClick(manager.retireButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: manager.model.rows()[row].retired, timeout=5000)
    assert manager.retireButton.text() == "恢复使用此版本"
    assert [t.version for t in checklists.usable_templates(store) if t.id == "county-four"] == ["2027.1"]
    assert checklists.find_usable(store, "county-four").version == "2027.1"
    qtbot.mouseClick(manager.retireButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not manager.model.rows()[row].retired, timeout=5000)


def test_draft_visits_move_to_a_newer_version_after_seeing_the_plan(qtbot, store, tmp_path):
    from xunzhen_app.services import enterprises, visits
    from xunzhen_app.services.dto import EnterpriseInput

    newer = replace(FOUR, version="2027.1", goals=(
        replace(FOUR.goals[0], measures=(replace(FOUR.goals[0].measures[0], items=(
            FOUR.goals[0].measures[0].items[0], replace(FOUR.goals[0].measures[0].items[1], text="近两年无重大质量事故"))),)),
        *FOUR.goals[1:]))
    checklists.install(store, FOUR)
    checklists.install(store, newer)
    e = enterprises.create_enterprise(store, EnterpriseInput(name="换版企业", city="太原市"))
    vid = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, template_id="county-four",
                                                     template_version="2026.1")).id
    visits.rate_item(store, vid, "1.1.1", level=3)
    visits.rate_item(store, vid, "1.1.2", level=2)
    _, page = _page(qtbot, store, tmp_path)
    manager = page.templates
    qtbot.waitUntil(lambda: manager.model.rowCount() == 3, timeout=5000)
    row = next(n for n, r in enumerate(manager.model.rows()) if r.key == ("county-four", "2026.1"))
    _click_row(qtbot, manager, row)
    assert manager.migrateButton.isEnabled()
    qtbot.mouseClick(manager.migrateButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: manager.migration is not None and manager.migration.isVisible(), timeout=5000)
    dialog = manager.migration
    assert dialog.target.currentText() == "2027.1" and dialog.visits.count() == 1
    rect = dialog.visits.visualItemRect(dialog.visits.item(0))
    qtbot.mouseClick(dialog.visits.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(dialog.moveButton.isEnabled, timeout=5000)
    assert "4 项沿用原评分和记录，1 项需重新评定" in dialog.plan.text() and "需重新评定：1.1.2" in dialog.plan.text()
    qtbot.mouseClick(dialog.moveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.visits.count() == 0, timeout=5000)
    d = visits.get_visit(store, vid)
    assert d.template.version == "2027.1" and d.assessments["1.1.1"].level == 3 and d.assessments["1.1.2"].level is None
