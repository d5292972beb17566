"""汇总台 → 工作进展 over the demo data, driven by clicks and keys: the province's cities side by side,
picks recorded and a sixth 推荐 refused in the banner, 培育成功 through its dialog, exports written."""

from __future__ import annotations

import openpyxl
import pytest
from gui_helpers import make_ctx, settle, type_chinese
from pypdf import PdfReader
from PySide6.QtCore import Qt

from xunzhen_app.gui.bureau_page import BureauPage
from xunzhen_app.services import programme_desk as desk


@pytest.fixture
def panel(qtbot, demo_store, tmp_path):
    ctx = make_ctx(demo_store, tmp_path)
    page = BureauPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    page.refresh()
    settle(qtbot, ctx)
    tabs = page.ui.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "工作进展"))
    p = page.programme
    qtbot.waitUntil(lambda: p.progress.rowCount() == 12, timeout=5000)
    p.page, p.ctx = page, ctx
    return p


def _select(qtbot, panel, name: str) -> None:
    view = panel.standingTable
    row = next(r for r in range(panel.standings.rowCount()) if panel.standings.row_at(r)[1].name == name)
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel._current().name == name


def _click(qtbot, panel, key: str) -> None:
    qtbot.mouseClick(panel.buttons[key], Qt.MouseButton.LeftButton)
    settle(qtbot, panel.ctx)


def test_the_province_sees_every_city_with_misses_in_red(qtbot, panel):
    assert "全省各市并列" in panel.scopeLabel.text()
    first = panel.progress.index(0, 0)
    assert first.data() == "太原市"
    assert panel.progress.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # 2 of the ≥ 10
    assert panel.standings.row_at(0)[0] == 1 and panel.standings.row_at(0)[1].name == "汾州酒业集团有限公司"


def test_picks_by_click_and_a_sixth_recommendation_refused(qtbot, panel):
    names = [panel.standings.row_at(r)[1].name for r in range(6)]
    for name in names[:5]:
        _select(qtbot, panel, name)
        _click(qtbot, panel, "recommend")
        qtbot.waitUntil(lambda n=name: any(r[3] for r in panel.standings.rows() if r[1].name == n), timeout=5000)
    _select(qtbot, panel, names[5])
    _click(qtbot, panel, "recommend")
    qtbot.waitUntil(lambda: "不超过5家" in panel.page.errorBanner.text(), timeout=5000)
    assert len(desk.picks(panel.ctx.store, "推荐")) == 5
    assert "推荐 5/5 家" in panel.picksLabel.text()
    _select(qtbot, panel, names[0])
    _click(qtbot, panel, "benchmark")
    qtbot.waitUntil(lambda: "质量标杆 1/3-5 家：汾州酒业集团有限公司" in panel.picksLabel.text(), timeout=5000)


def test_success_is_recorded_through_its_dialog(qtbot, panel):
    _select(qtbot, panel, "汾河新材料科技股份有限公司")
    _click(qtbot, panel, "success")
    dialog = panel.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # no reason yet: refused, nothing saved
    settle(qtbot, panel.ctx)
    qtbot.waitUntil(lambda: "认定理由不能为空" in dialog.errorBanner.text(), timeout=5000)
    dialog.reasonEdit.setFocus()
    type_chinese(dialog.reasonEdit, "培育跟踪总体等级较前期提升")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    settle(qtbot, panel.ctx)
    qtbot.waitUntil(lambda: panel.progress.index(0, 12).data() == "1", timeout=5000)
    assert next(p for p in desk.progress(panel.ctx.store) if p.city == "太原市").successes_met


def test_exports_write_the_chosen_files(qtbot, panel, tmp_path, monkeypatch):
    chosen = {}
    monkeypatch.setattr("xunzhen_app.gui.programme_desk_panel.QFileDialog.getSaveFileName",
                        lambda parent, title, name, flt: (chosen["path"], flt))
    chosen["path"] = str(tmp_path / "进展")
    _click(qtbot, panel, "pdf")
    qtbot.waitUntil(lambda: panel.last_written is not None, timeout=10000)
    assert panel.last_written.name == "进展.pdf" and len(PdfReader(str(panel.last_written)).pages) == 1
    _select(qtbot, panel, "汾州酒业集团有限公司")
    _click(qtbot, panel, "recommend")
    chosen["path"] = str(tmp_path / "汇总表.xlsx")
    _click(qtbot, panel, "summary")
    qtbot.waitUntil(lambda: panel.last_written.name == "汇总表.xlsx", timeout=10000)
    assert openpyxl.load_workbook(panel.last_written).active["B4"].value == "汾州酒业集团有限公司"


def test_sending_a_citys_list_marks_it_sent(qtbot, panel, tmp_path, monkeypatch):
    monkeypatch.setattr("xunzhen_app.gui.programme_desk_panel.QFileDialog.getSaveFileName",
                        lambda parent, title, name, flt: (str(tmp_path / "附件2.xlsx"), flt))
    view = panel.progressTable
    rect = view.visualRect(view.model().index(1, 0))  # 大同市
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _click(qtbot, panel, "send")
    qtbot.waitUntil(lambda: panel.progress.index(1, 3).data() not in ("未报送", None)
                    and panel.progress.row_at(1).list_sent_on is not None, timeout=10000)
    assert panel.progress.row_at(1).city == "大同市"
    rows = list(openpyxl.load_workbook(tmp_path / "附件2.xlsx").active.iter_rows(min_row=3, values_only=True))
    assert {r[2] for r in rows} == {"大同市"} and len(rows) == 2


def test_a_city_store_shows_its_own_city(qtbot, store, tmp_path):
    from xunzhen_app.services import enterprises
    from xunzhen_app.services.dto import EnterpriseInput

    enterprises.create_enterprise(store, EnterpriseInput(name="晋阳机械有限公司", city="太原市", county="清徐县",
                                                         cultivation_type="领军型"))
    ctx = make_ctx(store, tmp_path)
    page = BureauPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(qtbot, ctx)
    p = page.programme
    qtbot.waitUntil(lambda: p.progress.rowCount() == 1, timeout=5000)
    assert "工作进展（太原市）" in p.scopeLabel.text()
    assert p.progress.index(0, p.progress.columnCount() - 1).data() == "清徐县1"
    assert p.standings.row_at(0)[0] is None  # no finalized visit: no rank
