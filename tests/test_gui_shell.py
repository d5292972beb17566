"""The application shell and the data-management screens (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

pytest.importorskip("pytestqt")

from gui_helpers import settle  # noqa: E402

from xunzhen_app.core.uscc import check_character  # noqa: E402
from xunzhen_app.gui.app import settings_for  # noqa: E402
from xunzhen_app.gui.context import AppContext  # noqa: E402
from xunzhen_app.gui.enterprise_page import EnterprisePage  # noqa: E402
from xunzhen_app.gui.main_window import MainWindow  # noqa: E402
from xunzhen_app.gui.new_visit_dialog import NewVisitDialog  # noqa: E402
from xunzhen_app.gui.settings_page import SettingsPage  # noqa: E402
from xunzhen_app.gui.tasks import TaskRunner  # noqa: E402
from xunzhen_app.services import enterprises, experts, visits  # noqa: E402
from xunzhen_app.services.dto import EnterpriseInput  # noqa: E402

VALID_USCC = "91140105MA0L2B3C" + "4"
VALID_USCC = VALID_USCC[:17] + check_character(VALID_USCC[:17])
BAD_USCC = VALID_USCC[:17] + ("0" if VALID_USCC[17] != "0" else "1")


def make_ctx(store) -> AppContext:
    return AppContext(store, TaskRunner(), settings_for(store.paths))


def page_loaded(qtbot, page: EnterprisePage, rows: int) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == rows, timeout=5000)


def test_enterprise_dialog_shows_the_uscc_message_beside_the_field_and_saves_nothing(qtbot, store):
    ctx = make_ctx(store)
    page = EnterprisePage(ctx)
    qtbot.addWidget(page)
    dialog = page.add_enterprise()
    ui = dialog.ui
    ui.nameEdit.setText("晋中测试机械有限公司")
    ui.cityCombo.setCurrentIndex(ui.cityCombo.findData("晋中市"))
    ui.usccEdit.setText(BAD_USCC)
    ui.buttonBox.accepted.emit()
    assert "校验位" in ui.usccError.text() and not ui.usccError.isHidden()
    assert ui.nameError.isHidden()
    ctx.tasks.flush()
    assert enterprises.list_enterprises(store) == []

    ui.usccEdit.setText(VALID_USCC)
    assert ui.usccError.isHidden()  # judged again while typing
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        ui.buttonBox.accepted.emit()
    [saved] = enterprises.list_enterprises(store)
    assert (saved.name, saved.city, saved.uscc) == ("晋中测试机械有限公司", "晋中市", VALID_USCC)
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().id == saved.id, timeout=5000)


def test_enterprise_dialog_requires_name_and_city(qtbot, store):
    page = EnterprisePage(make_ctx(store))
    qtbot.addWidget(page)
    dialog = page.add_enterprise()
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.ui.nameError.text() and dialog.ui.cityError.text()
    assert enterprises.list_enterprises(store) == []
    dialog.reject()


def test_enterprise_list_filters(qtbot, demo_store):
    page = EnterprisePage(make_ctx(demo_store))
    qtbot.addWidget(page)
    total = len(enterprises.list_enterprises(demo_store))
    page_loaded(qtbot, page, total)
    page.city_filter.setCurrentIndex(page.city_filter.findData("太原市"))
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < total, timeout=5000)
    assert {e.city for e in page.model.rows()} == {"太原市"}
    page.city_filter.setCurrentIndex(0)
    page_loaded(qtbot, page, total)
    page.status_filter.setCurrentIndex(page.status_filter.findData("已定稿"))
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < total, timeout=5000)
    assert {e.latest_visit_status for e in page.model.rows()} == {"已定稿"}
    page.search.setText("汾")  # typed text filters the loaded rows at once
    assert 0 < page.proxy.rowCount() <= page.model.rowCount()
    assert "共" in page.count_label.text()


def test_new_visit_through_the_dialog_survives_closing_the_window(qtbot, store):
    me = experts.save_profile(store, "测试专家", "山西省专家库")
    e = enterprises.create_enterprise(store, EnterpriseInput(name="忻州测试食品有限公司", city="忻州市",
                                                             uscc=VALID_USCC))
    ctx = make_ctx(store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = window.new_visit(e.id)
    qtbot.waitUntil(lambda: dialog.ui.enterpriseCombo.count() == 1 and dialog.team_model.rowCount() == 1,
                    timeout=5000)
    assert dialog.ui.enterpriseCombo.currentData() == e.id
    assert dialog.team_model.item(0).checkState() == Qt.CheckState.Checked  # the user's own profile
    dialog.ui.methodInterview.setChecked(False)
    dialog.ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: bool(window.current_visit), timeout=5000)
    visit_id = window.current_visit
    assert window.stack.currentIndex() == 1  # the workbench opened on it
    window.resize(1100, 650)
    window.close()

    [row] = visits.list_visits(store)
    detail = visits.get_visit(store, row.id)
    assert row.id == visit_id and detail.team[0].expert_id == me.id
    assert detail.methods == ("资料收集", "实地调研")

    again = MainWindow(make_ctx(store))  # a new window on the same database and settings
    qtbot.addWidget(again)
    assert again.current_visit == visit_id
    assert again.size().height() == 650  # geometry restored (the offscreen screen clamps the width)
    page_loaded(qtbot, again.enterprise_page, 1)
    assert again.enterprise_page.model.row_at(0).latest_visit_status == "草稿"
    again.close()


def test_new_visit_dialog_offers_the_previous_visit_for_a_follow_up(qtbot, demo_store):
    row = next(v for v in visits.list_visits(demo_store) if v.stage == "前期巡诊" and v.status == "已定稿")
    window = MainWindow(make_ctx(demo_store), restore_visit=False)
    qtbot.addWidget(window)
    dialog = window.new_visit(row.enterprise_id)
    qtbot.waitUntil(lambda: dialog.ui.previousCombo.count() > 1, timeout=5000)
    dialog.ui.stageCombo.setCurrentIndex(dialog.ui.stageCombo.findData("培育跟踪"))
    new = dialog.new_visit()
    assert new.previous_visit_id and new.copy_previous
    dialog.reject()
    window.close()


def test_settings_profile_is_saved_and_an_empty_name_refused(qtbot, store):
    page = SettingsPage(make_ctx(store))
    qtbot.addWidget(page)
    page.ctx.tasks.flush()
    page.ui.profileName.setText("  ")
    page.ui.saveProfileButton.click()
    assert page.ui.profileNameError.text() == "专家姓名不能为空"
    assert experts.profile(store) is None
    page.ui.profileName.setText("李质量")
    page.ui.profileOrg.setText("太原市市场监管局")
    with qtbot.waitSignal(page.profileSaved, timeout=5000):
        page.ui.saveProfileButton.click()
    me = experts.profile(store)
    assert (me.name, me.organisation) == ("李质量", "太原市市场监管局")
    assert page.ui.profileNameError.isHidden()


def test_backup_now_lists_the_new_backup(qtbot, store):
    page = SettingsPage(make_ctx(store))
    qtbot.addWidget(page)
    before = page.backups.rowCount()
    page.ui.backupNowButton.click()
    qtbot.waitUntil(lambda: page.backups.rowCount() == before + 1, timeout=5000)


def test_screenshots_command_writes_non_empty_pngs(qtbot, demo_store, tmp_path):
    from xunzhen_app.cli import main

    out = tmp_path / "shots"
    assert main(["--data-dir", str(demo_store.paths.data_dir), "screenshots", str(out)]) == 0
    files = sorted(out.glob("*.png"))
    assert [f.stem for f in files] == ["bureau", "enterprises", "report", "settings", "summary", "workbench"]
    assert all(f.stat().st_size > 10_000 for f in files)
    assert QSettings(str(demo_store.paths.data_dir / "xunzhen-gui.ini"), QSettings.Format.IniFormat).value(
        "session/last_visit") is None  # screenshots leave the user's window state alone


def test_import_asks_about_invalid_rows_then_imports_the_rest(qtbot, store, tmp_path):
    from openpyxl import Workbook
    from PySide6.QtWidgets import QMessageBox

    f = tmp_path / "附件2.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "企业名称", "所属地市", "培育类型", "备注"])
    ws.append([1, "甲公司", "太原市", "领军型", ""])
    ws.append([2, "乙公司", "北京市", "领军型", ""])
    wb.save(f)
    page = EnterprisePage(make_ctx(store))
    qtbot.addWidget(page)
    page.import_file(f)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)), timeout=5000)
    [box] = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert "1 行无效" in box.text() and "第 3 行" in box.detailedText()
    assert enterprises.list_enterprises(store) == []  # nothing written before the user agrees
    box.button(QMessageBox.StandardButton.Yes).click()
    page_loaded(qtbot, page, 1)
    assert page.last_import_message == "导入完成：新增 1 家，更新 0 家，跳过无效行 1 行"


def test_run_gui_shows_the_window_then_opens_the_store(qtbot, paths):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from xunzhen_app.gui.app import run_gui

    seen = []

    def close_when_attached():
        ready = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.ctx is not None]
        if ready:
            seen.append(ready[0].windowTitle())
            ready[0].close()
            QApplication.quit()  # other tests' windows may still be open, so quit-on-last-close may not fire
        else:
            QTimer.singleShot(50, close_when_attached)

    QTimer.singleShot(0, close_when_attached)
    assert run_gui(str(paths.data_dir)) == 0
    assert seen and seen[0].startswith("巡诊 — ")
    assert list(paths.backups.glob("*-auto.sqlite3"))  # the automatic backup at start


def test_restore_from_a_backup_asks_first_and_brings_the_old_data_back(qtbot, store):
    from PySide6.QtWidgets import QMessageBox

    from xunzhen_app.db import backup

    experts.save_profile(store, "恢复前")
    saved = backup.rotating_backup(store, "manual")
    experts.save_profile(store, "恢复后")
    page = SettingsPage(make_ctx(store))
    qtbot.addWidget(page)
    box = page.confirm_restore(saved)
    assert experts.profile(store).name == "恢复后"  # nothing happens before the user confirms
    with qtbot.waitSignal(page.restored, timeout=5000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert experts.profile(store).name == "恢复前"


def test_run_gui_explains_a_database_it_cannot_open_and_exits_2(qtbot, paths, monkeypatch):
    from xunzhen_app.gui import app as gui_app

    shown = []
    monkeypatch.setattr(gui_app.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert gui_app.run_gui(str(paths.data_dir), "nosuchdriver://nowhere") == 2
    assert shown and "无法打开数据库" in shown[0]


def test_standard_buttons_speak_chinese(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from xunzhen_app.gui.app import make_application

    make_application()
    box = QMessageBox(QMessageBox.Icon.Question, "巡诊", "仍然导入？",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert {b.text().replace("&", "") for b in box.buttons()} >= {"确定", "取消"}


def test_a_second_initial_visit_is_warned_and_a_follow_up_offered(qtbot, store):
    me = experts.save_profile(store, "测试专家", "山西省专家库")
    e = enterprises.create_enterprise(store, EnterpriseInput(name="忻州测试食品有限公司", city="忻州市"))
    other = enterprises.create_enterprise(store, EnterpriseInput(name="另一家企业", city="忻州市"))
    first = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, team=(me.id,)))
    window = MainWindow(make_ctx(store), restore_visit=False)
    qtbot.addWidget(window)
    window.show()
    window.open_visit(first.id)
    qtbot.waitUntil(lambda: window.current_visit_row is not None, timeout=5000)
    assert window.windowTitle() == "巡诊 — 忻州测试食品有限公司"
    window.enterprise_page.select_enterprise(other.id)  # highlighted there, but the open visit is e's
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(NewVisitDialog)
    qtbot.waitUntil(lambda: dialog.ui.stageWarning.isVisible(), timeout=5000)
    assert dialog.ui.enterpriseCombo.currentData() == e.id
    assert "已有前期巡诊" in dialog.ui.stageWarningLabel.text()
    assert dialog.team_model.item(0).checkState() == Qt.CheckState.Checked  # the profile's expert
    qtbot.mouseClick(dialog.ui.followUpButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.stageCombo.currentData() == "培育跟踪" and not dialog.ui.stageWarning.isVisible()
    qtbot.waitUntil(lambda: dialog.ui.previousCombo.currentData() == first.id, timeout=5000)
    dialog.ui.enterpriseCombo.setCurrentIndex(dialog.ui.enterpriseCombo.findData(other.id))
    dialog.ui.stageCombo.setCurrentIndex(dialog.ui.stageCombo.findData("前期巡诊"))
    settle(qtbot, window.ctx)
    assert not dialog.ui.stageWarning.isVisible()  # the other enterprise has none yet
    dialog.reject()
