"""First run: the expert's name is asked, an empty 企业库 offers its three ways in, the
empty workbench says how to open a visit."""

from __future__ import annotations

from gui_helpers import make_ctx, settle, type_chinese
from PySide6.QtCore import Qt

from xunzhen_app.gui.first_run import FirstRunDialog
from xunzhen_app.gui.main_window import ENTERPRISES, WORKBENCH_PAGE, MainWindow
from xunzhen_app.services import enterprises, experts
from xunzhen_app.services.exchange.signing import load_or_create_keys


def _window(qtbot, store, tmp_path):
    w = MainWindow(make_ctx(store, tmp_path), restore_visit=False)
    qtbot.addWidget(w)
    w.resize(1366, 720)
    w.show()
    return w


def test_the_first_run_asks_for_the_experts_name_used_on_the_key_card(qtbot, store, tmp_path):
    window = _window(qtbot, store, tmp_path)
    window.ask_profile_if_missing()
    qtbot.waitUntil(lambda: window.findChild(FirstRunDialog) is not None, timeout=5000)
    dialog = window.findChild(FirstRunDialog)
    assert dialog.isVisible() and not dialog.okButton.isEnabled()
    type_chinese(dialog.ui.nameEdit, "张明")
    type_chinese(dialog.ui.orgEdit, "山西省质量技术专家库")
    assert dialog.okButton.isEnabled()
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(FirstRunDialog) is None, timeout=5000)  # closed and deleted
    me = experts.profile(store)
    assert (me.name, me.organisation) == ("张明", "山西省质量技术专家库")
    card = load_or_create_keys(store.paths, store).card()
    assert (card.name, card.organisation) == ("张明", "山西省质量技术专家库")  # not the computer's name
    qtbot.waitUntil(lambda: window.settings_page.ui.profileName.text() == "张明", timeout=5000)

    window.ask_profile_if_missing()  # a profile exists: nothing is asked
    settle(qtbot, window.ctx)
    assert not any(d.isVisible() for d in window.findChildren(FirstRunDialog))


def test_an_empty_enterprise_list_offers_import_new_and_the_demo(qtbot, store, tmp_path, monkeypatch):
    from xunzhen_app.services import demo
    from xunzhen_app.services.dto import EnterpriseInput

    # The real data set takes most of a minute on a busy machine (`xunzhen demo` is tested on its own);
    # here one enterprise shows that the button loads through the service and the page follows.
    def small_demo(s):
        enterprises.create_enterprise(s, EnterpriseInput(name="示例机械有限公司", city="太原市"))
        return 0

    monkeypatch.setattr(demo, "load_demo", small_demo)
    window = _window(qtbot, store, tmp_path)
    window.show_page(ENTERPRISES)
    page = window.enterprise_page
    qtbot.waitUntil(lambda: page.empty_state.isVisible(), timeout=5000)
    assert {b.text() for b in (page.empty_import_button, page.empty_add_button, page.demo_button)} == {
        "导入附件2名单…", "新建企业…", "载入示例数据"}
    assert not page.table.isVisible()

    window.show_page(WORKBENCH_PAGE)
    bench = window.workbench_page
    assert bench.ui.contentStack.currentWidget() is bench.ui.nodeScroll
    assert "Ctrl+N" in bench.ui.nodeLabel.text() and "企业库" in bench.ui.nodeLabel.text()

    window.show_page(ENTERPRISES)
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.table.isVisible() and not page.empty_state.isVisible()
